/**
 * Whether the reader has left the page alone: no input, no change of what is shown (the app
 * reports those, `pageActivity`) and no long job running (`holdQuiet`, e.g. a file being opened).
 * `whenQuiet` runs its function once the page has been left alone for `ms`, and never before the
 * page has loaded. Background work waits for that moment (the offline install, pwa.ts).
 */

/** What the reader does with the page: each of these starts the wait again. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'input', 'change'] as const;

const waiting = new Set<() => void>();
let holds = 0;

/** Something changed on the page. */
export function pageActivity(): void {
  for (const restart of waiting) restart();
}

/** Keeps the page busy while a long job runs; call the result when it ends. */
export function holdQuiet(): () => void {
  holds++;
  pageActivity();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    pageActivity();
  };
}

/** Runs `run` once, when the loaded page has been left alone for `ms`. Returns the cancel. */
export function whenQuiet(ms: number, run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loaded = document.readyState === 'complete';
  const restart = () => {
    clearTimeout(timer);
    if (loaded && holds === 0) timer = setTimeout(finish, ms);
  };
  const onLoad = () => {
    loaded = true;
    restart();
  };
  const cancel = () => {
    clearTimeout(timer);
    waiting.delete(restart);
    window.removeEventListener('load', onLoad);
    for (const type of INPUT_EVENTS) window.removeEventListener(type, restart, true);
  };
  const finish = () => {
    cancel();
    run();
  };
  waiting.add(restart);
  for (const type of INPUT_EVENTS) window.addEventListener(type, restart, { capture: true, passive: true });
  if (loaded) restart();
  else window.addEventListener('load', onLoad, { once: true });
  return cancel;
}
