/**
 * Runs `run` once the page's next frame is on screen: in a task after the second animation frame
 * from now (the first frame is drawn after the first of them). Work the first frame does not
 * need goes there, so that frame comes sooner. A hidden page draws no frames: `run` waits until
 * it is shown. Returns the function that cancels it.
 */
export function afterFirstFrame(run: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      frame = 0;
      task = setTimeout(run, 0);
    });
  });
  let task: ReturnType<typeof setTimeout> | undefined;
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
  };
}
