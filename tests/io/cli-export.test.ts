/**
 * `npm run graph:export` with `--in` any importable file and `--format json|gexf|graphml|csv`:
 * every dataset converts, every malformed one exits 1 with located errors, the chapter exports in
 * every format, and what is written reads back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { parseCsv } from '../../src/io/csv';
import { importGraphText } from '../../src/io/import';

const DATA = 'tests/fixtures/datasets';

/** Runs the CLI in-process: files read from disk (or `files`), written to memory. */
const run = (args: string[], files: Record<string, string> = {}, sizes: Record<string, number> = {}) => runCli(args, { files, sizes, disk: true });

const files = (dir: string) => readdirSync(join(DATA, dir)).map((f) => join(DATA, dir, f));

describe('graph:export --in a foreign file', () => {
  for (const file of [...files('gexf'), ...files('graphml'), ...files('graphology-json')]) {
    it(`converts ${file} to GEXF that reads back the same size`, async () => {
      const r = await run(['export', '--in', file, '--format', 'gexf', '--out', 'out.gexf']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('wrote out.gexf');
      expect(r.stderr).toMatch(/: (gexf|graphml|json), \d+ nodes, \d+ edges; /);
      const direct = await importGraphText({ name: file, text: readFileSync(file, 'utf8') });
      const back = await importGraphText({ name: 'out.gexf', text: r.written.get('out.gexf')! });
      expect([back.graph.nodes.length, back.graph.edges.length]).toEqual([direct.graph.nodes.length, direct.graph.edges.length]);
    }, 60_000);
  }

  for (const file of files('malformed')) {
    it(`refuses ${file} with located errors and exit 1`, async () => {
      const r = await run(['export', '--in', file, '--format', 'json', '--out', 'out.json']);
      expect(r.status).toBe(1);
      expect(r.written.size).toBe(0);
      expect(r.stderr.split('\n')[0]).toMatch(/^[\w.-]+:\d+(:\d+)?[ :]/);
      expect(r.stderr).toMatch(/\d+ errors? \((syntax|duplicate-node|missing-endpoint)\)$/);
    });
  }

  it('--kinds picks the attribute for kinds, or none', async () => {
    const byClass = await run(['export', '--in', `${DATA}/gexf/les-miserables.gexf`, '--kinds', 'modularity_class', '--format', 'json', '--out', 'o.json']);
    expect(JSON.parse(byClass.written.get('o.json')!).attributes.nodeKinds).toHaveLength(9);
    const none = await run(['export', '--in', `${DATA}/gexf/les-miserables.gexf`, '--kinds', 'none', '--format', 'json', '--out', 'o.json']);
    expect(JSON.parse(none.written.get('o.json')!).attributes.nodeKinds.map((k: { id: string }) => k.id)).toEqual(['node']);
    const yaml = await run(['export', '--in', 'graph/chapter-02/chapter-02.yaml', '--kinds', 'x', '--format', 'json', '--out', 'o.json']);
    expect(yaml.status).toBe(2);
  });

  it('refuses a file over the size limit before reading it, and an unreadable one', async () => {
    const big = await run(['export', '--in', 'big.gexf', '--format', 'json', '--out', 'o.json'], {}, { 'big.gexf': 50 * 1024 * 1024 });
    expect(big.status).toBe(1);
    expect(big.stderr).toBe('big.gexf: the file is 50 MB; files up to 45 MB can be opened. Open a smaller extract of the graph (e.g. filtered in Gephi)\n1 error (too-large)');
    const missing = await run(['export', '--in', 'nowhere.gexf', '--format', 'json', '--out', 'o.json'], {}, { 'nowhere.gexf': 10 });
    expect(missing).toMatchObject({ status: 2, stderr: 'graph: cannot read nowhere.gexf (ENOENT)' });
  });
});

describe('graph:export of the chapter', () => {
  it('writes GEXF, GraphML and CSV (in the language asked) besides JSON', async () => {
    const gexf = await run(['export', '--format', 'gexf', '--out', 'c.gexf']);
    expect(gexf.status, gexf.stderr).toBe(0);
    expect(gexf.written.get('c.gexf')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf version="1.3"/);
    const graphml = await run(['export', '--format', 'graphml', '--out', 'c.graphml']);
    expect(graphml.written.get('c.graphml')).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    const csv = await run(['export', '--format', 'csv', '--lang', 'en', '--out', 'c.csv']);
    const rows = parseCsv(csv.written.get('c.csv')!);
    expect(rows[0]).toEqual(['source', 'linking phrase', 'target', 'slides', 'sentence']);
    const json = await run(['export', '--format', 'json', '--out', 'c.json']);
    expect(rows).toHaveLength(JSON.parse(json.written.get('c.json')!).edges.length + 1);
    const back = await importGraphText({ name: 'c.gexf', text: gexf.written.get('c.gexf')! });
    // The same graph (imported graphs allow self-loops; the chapter declares none).
    const { options: _a, ...fromGexf } = back.graph;
    const { options: _b, ...fromJson } = JSON.parse(json.written.get('c.json')!);
    expect(fromGexf).toEqual(fromJson);
  }, 60_000);
});
