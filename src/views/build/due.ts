/**
 * Revision joins the exercise: a proposition missed in a check counts as a wrong answer to the
 * revision questions built on that link (its relation question, and a path question whose
 * chain walks it), so Leitner puts them back in box 1, due now.
 */
import { generateQuestions } from '../../model/quiz';
import type { LinkageGraph } from '../../model/types';
import type { DeviceStore } from '../../state/device-storage';
import { openProgress } from '../../state/progress';

/** Makes the questions on `edges` due in revision; returns how many propositions that touched. */
export function dueMissed(graph: LinkageGraph, graphKey: string, storage: DeviceStore | null, edges: readonly string[]): number {
  if (edges.length === 0) return 0;
  const missed = new Set(edges);
  const store = openProgress(storage, graphKey);
  const questions = generateQuestions(graph, { seed: store.get().seed });
  const touched = new Set<string>();
  for (const q of questions) {
    const on = q.type === 'path' ? q.chain.steps.map((s) => s.edge).filter((e) => missed.has(e)) : missed.has(q.edge) ? [q.edge] : [];
    if (on.length === 0) continue;
    store.record(q.id, false);
    for (const e of on) touched.add(e);
  }
  return touched.size;
}
