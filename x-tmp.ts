import { readFileSync } from 'node:fs';
import { readXmlGraph } from './src/io/read-xml';
for (const f of process.argv.slice(2)) {
  const t0 = performance.now();
  try {
    const r = readXmlGraph(readFileSync(f, 'utf8'), f, f.endsWith('.gexf') ? 'gexf' : 'graphml');
    const g = r.graph;
    console.log(f.split('/').pop(), g.type, g.multi, g.order, g.size, (performance.now() - t0).toFixed(0) + 'ms', JSON.stringify(g.getAttributes()).slice(0,200));
    console.log('  node', JSON.stringify(g.getNodeAttributes(g.nodes()[0])).slice(0, 300));
    console.log('  edge', g.edges()[0], JSON.stringify(g.getEdgeAttributes(g.edges()[0])).slice(0, 300));
  } catch (e: any) { console.log(f.split('/').pop(), e.code, e.message); }
}
