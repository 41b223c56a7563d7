/**
 * The chapter's rules, beyond the shape of each part: ids are unique and references name what
 * exists (sections, node ids), sections do not overlap and hold their nodes' slides, no edge is a
 * self-loop or a duplicate (a symmetric kind reads both ways), a transformation has exactly one
 * `from` and one `to` edge, and the graph is connected.
 */
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import { didYouMean } from '../errors';
import { clip, plural, range, slideList, type EdgeInfo, type ErrorCollector, type NodeInfo, type Path, type SectionInfo } from './shared';

// ---------------------------------------------------------------------------------------------
// Sections

/** Adds `sec` to the declared `sections`, unless its id is taken (reported at `sp`, the section). */
export function declareSection(c: ErrorCollector, sections: SectionInfo[], sec: SectionInfo, sp: Path): void {
  const first = sections.find((x) => x.id === sec.id);
  if (first) {
    c.report([...sp, 'id'], `duplicate section id "${clip(sec.id)}" (first at line ${c.line(['chapter', 'sections', first.index])}); section ids must be unique`, { found: sec.id });
    return;
  }
  sections.push(sec);
}

/** Overlaps, reported on the later section. */
export function sectionOverlaps(c: ErrorCollector, sections: SectionInfo[]): void {
  sections.forEach((a, i) => {
    for (const b of sections.slice(0, i)) {
      if (a.range && b.range && a.range[0] <= b.range[1] && b.range[0] <= a.range[1]) {
        c.report(
          ['chapter', 'sections', a.index, 'slides'],
          `section "${clip(a.id)}" (${range(a.range)}) overlaps section "${clip(b.id)}" (${range(b.range)}) at line ${c.line(['chapter', 'sections', b.index])}; a slide belongs to one section at most`,
        );
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Nodes and edges, one at a time

/** The section a node names (`sec`, at node path `p`) is declared, and holds the node's slides. */
export function nodeSection(c: ErrorCollector, p: Path, sec: string, slides: number[] | null, sections: SectionInfo[]): void {
  const ids = sections.map((s) => s.id);
  const known = sections.find((s) => s.id === sec);
  if (!known) {
    const guess = didYouMean(sec, ids);
    c.report(
      [...p, 'section'],
      `unknown section "${clip(sec)}"${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of: ${ids.join(', ') || '(no sections are declared under chapter.sections)'}`,
      { found: sec, expected: ids.join(', '), ...(guess ? { hint: guess } : {}) },
    );
  } else if (known.range && slides) {
    const [a, b] = known.range;
    const outside = slides.filter((s) => s < a || s > b);
    if (outside.length > 0) {
      c.report(
        [...p, 'slides'],
        `${slideList(outside)} ${outside.length === 1 ? 'is' : 'are'} outside section "${clip(sec)}" (${range(known.range)}) that this node names in section:; fix the slides or the section`,
      );
    }
  }
}

/** Reports repeated node ids; returns each id with the index of the node that first defines it. */
export function uniqueNodeIds(c: ErrorCollector, nodes: NodeInfo[]): Map<string, number> {
  const nodeIds = new Map<string, number>();
  for (const n of nodes) {
    if (n.id === null) continue;
    const first = nodeIds.get(n.id);
    if (first !== undefined) {
      c.report(['nodes', n.index, 'id'], `duplicate node id "${n.id}" (first defined at line ${c.line(['nodes', first])}, nodes[${first}]); ids must be unique: rename one`, {
        found: n.id,
      });
    } else nodeIds.set(n.id, n.index);
  }
  return nodeIds;
}

/** The node an edge's `end` names (`id`, at edge path `p`) is declared. */
export function edgeEnd(c: ErrorCollector, p: Path, end: 'source' | 'target', id: string, nodeIds: ReadonlyMap<string, number>): void {
  if (!nodeIds.has(id)) {
    const guess = didYouMean(id, nodeIds.keys());
    c.report([...p, end], `no node "${clip(id, 48)}" ${guess ? `(did you mean "${guess}"?)` : '(declare it under nodes, or fix the id)'}`, {
      found: id,
      expected: 'the id of a node',
      ...(guess ? { hint: guess } : {}),
    });
  }
}

/** An edge (at path `p`) links two different nodes. */
export function selfLoop(c: ErrorCollector, p: Path, info: EdgeInfo): void {
  if (info.source !== null && info.source === info.target) {
    c.report(p, `self-loop: source and target are both "${clip(info.source, 48)}"; an edge links two different nodes`, { found: info.source });
  }
}

// ---------------------------------------------------------------------------------------------
// The graph as a whole

export function duplicateEdges(c: ErrorCollector, edges: EdgeInfo[]): void {
  const seen = new Map<string, number>();
  for (const e of edges) {
    if (e.source === null || e.target === null || e.kind === null) continue;
    const symmetric = e.symmetric;
    const [a, b] = symmetric && e.target < e.source ? [e.target, e.source] : [e.source, e.target];
    const key = `${a}\u0000${e.kind}\u0000${b}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, e.index);
      continue;
    }
    c.report(
      ['edges', e.index],
      `duplicate edge ${e.source} -${e.kind}-> ${e.target}: already stated at line ${c.line(['edges', first])} (edges[${first}])${symmetric ? ` ("${e.kind}" reads both ways)` : ''}; remove one`,
    );
  }
}

export function transformations(c: ErrorCollector, nodes: NodeInfo[], edges: EdgeInfo[]): void {
  for (const n of nodes) {
    if (n.kind !== 'transformation' || n.id === null) continue;
    for (const kind of ['from', 'to'] as const) {
      const out = edges.filter((e) => e.source === n.id && e.kind === kind);
      const pole = kind === 'from' ? 'old' : 'new';
      if (out.length === 1) continue;
      if (out.length === 0) {
        c.report(
          ['nodes', n.index],
          `transformation "${n.id}" has no outgoing "${kind}" edge: expected exactly one, to its ${pole} state (add { source: ${n.id}, kind: ${kind}, target: … })`,
        );
      } else {
        const lines = out.map((e) => c.line(['edges', e.index])).join(', ');
        c.report(
          ['nodes', n.index],
          `transformation "${n.id}" has ${out.length} outgoing "${kind}" edges (lines ${lines}): expected exactly one, to its ${pole} state`,
        );
      }
    }
  }
}

/** `edgesGiven`: false when the edges list itself is missing (already reported). */
export function connectivity(c: ErrorCollector, nodes: NodeInfo[], edges: EdgeInfo[], edgesGiven: boolean): void {
  const g = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true });
  const firstIndex = new Map<string, number>();
  for (const n of nodes) {
    if (n.id !== null && !g.hasNode(n.id)) {
      g.addNode(n.id);
      firstIndex.set(n.id, n.index);
    }
  }
  if (g.order < 2) return;
  for (const e of edges) {
    if (e.source !== null && e.target !== null && g.hasNode(e.source) && g.hasNode(e.target)) g.addEdge(e.source, e.target);
  }
  if (g.size === 0) {
    // No links at all: one message, not one per node.
    if (edgesGiven) c.report(['edges'], `no edge links the ${g.order} nodes: add edges that state how they relate`);
    return;
  }
  const components = connectedComponents(g);
  if (components.length < 2) return;
  const first = (id: string) => firstIndex.get(id) ?? 0;
  components.forEach((comp) => comp.sort((a, b) => first(a) - first(b)));
  components.sort((a, b) => b.length - a.length || first(a[0]!) - first(b[0]!));
  const main = components[0]!;
  for (const comp of components.slice(1)) {
    const first = comp[0]!;
    const listed = comp.slice(0, 8).map((id) => `"${id}"`).join(', ') + (comp.length > 8 ? `, … (${comp.length} in all)` : '');
    const message =
      comp.length === 1
        ? `node "${first}" is not linked to the rest of the graph (no edge joins it to the main part of ${plural(main.length, 'node')}); add an edge that states how it relates`
        : `nodes ${listed} are cut off from the rest of the graph (the main part has ${plural(main.length, 'node')}); add an edge that links them in`;
    c.report(['nodes', firstIndex.get(first)!], message, { found: comp.join(', ') });
  }
}
