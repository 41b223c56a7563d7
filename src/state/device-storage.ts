/**
 * The device's storage, as the views that keep the reader's work use it (revision progress, Build
 * mode's work in progress): window.localStorage by default. It is a seam for the LMS bridge
 * (src/lms/): the bridge watches what is written under the keys it carries to the LMS, and, when
 * the browser refuses storage inside an LMS's frame, gives the page a store in memory that the
 * LMS fills at launch. Without an LMS nothing here changes what the page does.
 */

/** What the views need of a storage (a subset of the DOM Storage). */
export type DeviceStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Told of every successful write: the key, and its new value (null: removed). */
export type WriteListener = (key: string, value: string | null) => void;

interface Watch {
  readonly prefixes: readonly string[];
  readonly listener: WriteListener;
}

const watches = new Set<Watch>();
/** The store in memory the bridge installs when the browser refuses storage (see {@link useMemoryFallback}). */
let memory: Map<string, string> | null = null;

function tell(key: string, value: string | null): void {
  for (const w of [...watches]) {
    if (!w.prefixes.some((p) => key.startsWith(p))) continue;
    try {
      w.listener(key, value);
    } catch {
      // A watcher's failure must never fail the view's write.
    }
  }
}

/** The browser's localStorage, or null when it is refused (private mode, blocked third-party storage). */
function browserStorage(): Storage | null {
  try {
    const s = typeof window === 'undefined' ? null : window.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** A store over `backing` that tells the watchers of each write that succeeded (a write that throws still throws). */
function watched(backing: DeviceStore): DeviceStore {
  return {
    getItem: (key) => backing.getItem(key),
    setItem(key, value) {
      backing.setItem(key, value);
      tell(key, value);
    },
    removeItem(key) {
      backing.removeItem(key);
      tell(key, null);
    },
  };
}

function memoryStore(map: Map<string, string>): DeviceStore {
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
  };
}

/**
 * The device's storage: localStorage (writes told to the watchers), else the store in memory
 * when the bridge installed one, else null (the caller keeps its data in memory, as before).
 * Never throws.
 */
export function deviceStorage(): DeviceStore | null {
  const s = browserStorage();
  if (s) return watched(s);
  return memory ? watched(memoryStore(memory)) : null;
}

/** Every key of the device's storage that starts with one of `prefixes`, sorted. Never throws. */
export function storedKeys(prefixes: readonly string[]): string[] {
  const keys: string[] = [];
  const s = browserStorage();
  try {
    if (s) {
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null) keys.push(k);
      }
    } else if (memory) keys.push(...memory.keys());
  } catch {
    return [];
  }
  return keys.filter((k) => prefixes.some((p) => k.startsWith(p))).sort();
}

/** Calls `listener` after each write to a key starting with one of `prefixes`; returns the unsubscribe. */
export function watchWrites(prefixes: readonly string[], listener: WriteListener): () => void {
  const watch: Watch = { prefixes: [...prefixes], listener };
  watches.add(watch);
  return () => watches.delete(watch);
}

/**
 * When the browser refuses storage, keeps the reader's work in memory for this page, so that the
 * LMS (which then holds it between visits) can fill it at launch. Returns true when the page now
 * uses memory. Idempotent.
 */
export function useMemoryFallback(): boolean {
  if (browserStorage()) return false;
  memory ??= new Map();
  return true;
}
