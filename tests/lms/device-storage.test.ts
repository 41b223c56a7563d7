/**
 * The device-storage seam (src/state/device-storage.ts): localStorage as before, writes under the
 * watched prefixes told to the watcher (only those that succeeded), the keys under prefixes
 * listed, and null when storage is refused and no LMS asked for the memory fallback.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceStorage, storedKeys, watchWrites } from '../../src/state/device-storage';

function fakeLocalStorage(full = false) {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('device storage', () => {
  it('is localStorage; watchers hear the writes under their prefixes', () => {
    const ls = fakeLocalStorage();
    vi.stubGlobal('window', { localStorage: ls });
    const heard: Array<[string, string | null]> = [];
    const stop = watchWrites(['linkage.progress:', 'linkage.build:'], (k, v) => heard.push([k, v]));
    const s = deviceStorage()!;
    s.setItem('linkage.progress:g', '{}');
    s.setItem('linkage.lang', 'en');
    s.setItem('linkage.build:g:kit:all', 'w');
    s.removeItem('linkage.build:g:kit:all');
    expect(ls.map.get('linkage.lang')).toBe('en');
    expect(s.getItem('linkage.progress:g')).toBe('{}');
    expect(heard).toEqual([
      ['linkage.progress:g', '{}'],
      ['linkage.build:g:kit:all', 'w'],
      ['linkage.build:g:kit:all', null],
    ]);
    expect(storedKeys(['linkage.progress:', 'linkage.build:'])).toEqual(['linkage.progress:g']);
    stop();
    s.setItem('linkage.progress:g', '{"a":1}');
    expect(heard).toHaveLength(3);
  });

  it('a write that fails still throws to the caller (progress reports it) and is not told; a watcher that throws harms nothing', () => {
    vi.stubGlobal('window', { localStorage: fakeLocalStorage(true) });
    const heard: string[] = [];
    const stop = watchWrites(['linkage.'], (k) => heard.push(k));
    const stop2 = watchWrites(['linkage.'], () => {
      throw new Error('watcher bug');
    });
    expect(() => deviceStorage()!.setItem('linkage.progress:g', '{}')).toThrow(/full/);
    expect(heard).toEqual([]);
    vi.stubGlobal('window', { localStorage: fakeLocalStorage() });
    expect(() => deviceStorage()!.setItem('linkage.progress:g', '{}')).not.toThrow();
    expect(heard).toEqual(['linkage.progress:g']);
    stop();
    stop2();
  });

  it('storage refused (private mode, blocked frame) and no LMS: null, as before', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(deviceStorage()).toBeNull();
    expect(storedKeys(['linkage.'])).toEqual([]);
  });
});
