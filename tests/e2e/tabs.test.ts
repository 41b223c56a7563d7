/**
 * The test pages themselves (tabs.ts): a page opened after another in the same context starts
 * as on a first visit, whatever the previous page stored.
 */
import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './browser';
import { openApp } from './harness';

const browser = sharedBrowser();

describe('pages of a test file', () => {
  it('share a context and a tab, and each starts with nothing stored by the page before', async () => {
    const first = await openApp(browser(), '#lang=en');
    const heardByFirst: string[] = [];
    first.page.on('console', (m) => heardByFirst.push(m.text()));
    await first.page.evaluate(async () => {
      localStorage.setItem('linkage.lang', 'zh-Hans');
      localStorage.setItem('left-over', '1');
      await (await caches.open('left-over')).put('/left-over', new Response('x'));
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('left-over', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('s');
        r.onsuccess = () => (r.result.close(), resolve());
        r.onerror = () => reject(r.error);
      });
    });
    await first.close();
    const second = await openApp(browser(), '');
    expect(second.context).toBe(first.context);
    const stored = await second.page.evaluate(async () => ({
      local: localStorage.length,
      caches: await caches.keys(),
      databases: (await indexedDB.databases()).map((d) => d.name),
    }));
    expect(stored).toEqual({ local: 0, caches: [], databases: [] });
    // The language came from the browser (zh-TW), not from what the first page remembered.
    expect(await second.page.evaluate(() => (window as any).linkage.session.state().lang)).toBe('zh-Hant');
    // The same tab, opened again: the listeners the first test added are gone.
    expect(second.page).toBe(first.page);
    await second.page.evaluate(() => console.log('second'));
    expect(heardByFirst).not.toContain('second');
    await second.close();
  });
});
