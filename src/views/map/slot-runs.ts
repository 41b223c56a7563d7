/**
 * The written slots of a program's item array as runs of adjacent slots, for a partial upload
 * (uploads.ts): each run is one `bufferSubData`, each slot sent once.
 */

/** The runs of adjacent slots in `slots`, as [first, end) pairs, in order. */
export function slotRuns(slots: readonly number[]): [number, number][] {
  const sorted = Float64Array.from(slots).sort();
  const runs: [number, number][] = [];
  for (const slot of sorted) {
    const last = runs.at(-1);
    if (last !== undefined && slot <= last[1]) last[1] = Math.max(last[1], slot + 1);
    else runs.push([slot, slot + 1]);
  }
  return runs;
}
