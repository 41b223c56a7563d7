/**
 * Work done in steps: a generator that yields between chunks and returns its result. Run it at
 * once (`runSteps`), or across tasks so the page stays responsive (`runStepsAcrossTasks`).
 */

/** Runs `steps` to the end at once; returns the result. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` one chunk per task; resolves to the result, or to null once `stale()` says so. */
export async function runStepsAcrossTasks<T>(steps: Generator<void, T>, stale: () => boolean): Promise<T | null> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (stale()) return null;
  }
}
