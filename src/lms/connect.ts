/**
 * The page's one hook into an LMS: when the page runs inside a course's LMS (a SCORM package),
 * finds its API, loads the bridge and lets it read the learner's work back into device storage
 * before the page starts its views. Without an LMS it loads nothing more and returns at once.
 * It never throws, and waits at most {@link LAUNCH_TIMEOUT_MS} for the bridge: the map starts
 * then whatever the LMS does.
 */
import { parseLaunch } from './config';
import { findLmsApi, type FoundApi } from './find-api';
import type { LaunchUi } from './launch';

export const LAUNCH_TIMEOUT_MS = 8000;

/** True when an LMS API was found (the page then runs as a package: no service worker of its own). */
export async function connectLms(win: Window, ui: LaunchUi): Promise<boolean> {
  let found: FoundApi | null;
  try {
    found = findLmsApi(win, parseLaunch(win.location.search).version);
  } catch {
    found = null;
  }
  if (!found) return false;
  const api = found;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Past the timeout the views have started on the device's storage: a bridge that arrives later
  // does not start (it would write the LMS's copy under views that already read theirs, and the
  // next save would then overwrite it); the LMS keeps what it had, the page runs on the device.
  let late = false;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      late = true;
      resolve();
    }, LAUNCH_TIMEOUT_MS);
  });
  const started = import('./launch').then(({ launch }) => launch(api, parseLaunch(win.location.search), ui, win.location.hash, () => late));
  try {
    await Promise.race([started, timeout]);
  } catch (err) {
    console.warn('Linkage: the LMS bridge could not start', err);
  } finally {
    clearTimeout(timer);
  }
  return true;
}
