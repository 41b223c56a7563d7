/**
 * The layout of an imported graph that brings no positions: seeded starting points, then
 * ForceAtlas2 run in chunks so that progress can be reported and the run cancelled. Deterministic:
 * the same graph always gets the same positions. Runs in the import worker in the browser.
 */
import type Graph from 'graphology';
import FA2_DEFAULTS from 'graphology-layout-forceatlas2/defaults.js';
import { assignLayoutChanges, graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { hashJitter } from '../model/layout';

export interface ForeignLayoutOptions {
  /** ForceAtlas2 iterations; by default fewer as the graph grows (see {@link defaultIterations}). */
  iterations?: number;
  /** Iterations between two progress reports. */
  chunk?: number;
}

/** Iterations that give a readable layout in a few seconds at each size. */
export function defaultIterations(order: number): number {
  if (order <= 500) return 500;
  if (order <= 2_000) return 300;
  if (order <= 10_000) return 150;
  return 80;
}

/** ForceAtlas2 settings for a graph of `order` nodes (graphology's inferred settings). */
function layoutSettings(order: number): Record<string, unknown> {
  return {
    ...FA2_DEFAULTS,
    barnesHutOptimize: order > 2_000,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 10,
    slowDown: 1 + Math.log(Math.max(1, order)),
  };
}

/**
 * Computes positions for every node of `graph` and writes them into its `x` and `y`.
 * `onProgress` receives the fraction done after each chunk; `shouldStop` is asked between
 * chunks, and a true answer stops the run (the positions so far are then not written).
 * Returns false when stopped.
 */
export async function layoutForeignGraph(
  graph: Graph,
  options: ForeignLayoutOptions = {},
  onProgress: (fraction: number) => void = () => {},
  shouldStop: () => boolean = () => false,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<boolean> {
  const order = graph.order;
  if (order === 0) return true;
  // 1. Seeded starting points in a square that grows with the graph.
  const side = 10 * Math.sqrt(order);
  graph.updateEachNodeAttributes((key, attrs) => ({ ...attrs, x: hashJitter(key, 11) * side, y: hashJitter(key, 12) * side }), { attributes: ['x', 'y'] });
  // 2. ForceAtlas2 in chunks; edge weights are ignored (files carry weights in any unit).
  const total = options.iterations ?? defaultIterations(order);
  const chunk = Math.max(1, options.chunk ?? Math.max(1, Math.round(total / 50)));
  const settings = layoutSettings(order);
  const matrices = graphToByteArrays(graph, () => 1);
  for (let done = 0; done < total; ) {
    if (shouldStop()) return false;
    const n = Math.min(chunk, total - done);
    for (let i = 0; i < n; i++) iterate(settings, matrices.nodes, matrices.edges);
    done += n;
    onProgress(done / total);
    await pause();
  }
  if (shouldStop()) return false;
  const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0);
  assignLayoutChanges(graph, matrices.nodes, (_key: string, attrs: { x: number; y: number }) => ({ ...attrs, x: round(attrs.x), y: round(attrs.y) }));
  return true;
}
