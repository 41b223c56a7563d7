/**
 * Accessibility in headless Chromium: axe-core (injected from node_modules) finds no serious or
 * critical violation on any view — network, transformations, outline, the help dialog — in
 * each language; every control has an accessible name; keyboard focus is always visible.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrowser } from './browser';
import { axe, ladderSettled, nextFrame, openApp, type Opened } from './harness';

const browser = sharedBrowser();

/** The app's Content-Security-Policy forbids inline scripts: its pages bypass CSP to let axe in (the app itself runs unchanged). */
const open = (hash: string) => openApp(browser(), hash, { bypassCSP: true });

async function ladderReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('svg.ladder g.row').length > 0, undefined, { timeout: 20_000 });
  await ladderSettled(page);
}

/**
 * The views axe reads, each reached by setting the hash of one page per language (as a shared
 * link or back/forward does), in this order: the help dialog, being modal, comes last.
 */
const VIEWS: Array<[name: string, hash: string, ready: (page: Page) => Promise<void>]> = [
  ['network', '', async () => {}],
  ['network with a selection (details panel)', '&sel=tr.power', async (page) => void (await page.waitForSelector('.panel .details'))],
  ['network with a path', '&path=m.decentralise~dm.centralised', async (page) => void (await page.waitForSelector('.panel .path-result'))],
  ['transformations', '&view=transformations', ladderReady],
  [
    'transformations with a row brought forward',
    '&view=transformations&sel=tr.decision',
    async (page) => {
      await ladderReady(page);
      await page.locator('svg.ladder g.row[data-node="tr.decision"] .cell-label').hover();
      await ladderSettled(page);
    },
  ],
  ['outline', '&view=outline', async (page) => void (await page.waitForSelector('.outline-view .concept-head'))],
  ['outline with a selection', '&view=outline&sel=st.lean', async (page) => void (await page.waitForSelector('.outline-view li.concept[aria-current]'))],
  [
    'the help dialog',
    '',
    async (page) => {
      await page.locator('#help-button').click();
      await page.waitForSelector('dialog#help[open]');
    },
  ],
];

/**
 * Brings `page` to `hash` as a link followed in it would: the hash set, the state read from it
 * (the view, the selection and the path it names, nothing else left over), a frame drawn, the
 * pointer moved off whatever the last view had under it.
 */
async function goTo(page: Page, hash: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForFunction((h) => {
    const p = new URLSearchParams(h.slice(1));
    const s = (window as any).linkage.session.state();
    const [from = null, to = null] = p.get('path')?.split('~') ?? [];
    return s.lang === p.get('lang') && s.view === (p.get('view') ?? 'network') && s.selected === p.get('sel') && s.path.from === from && s.path.to === to;
  }, hash);
  await nextFrame(page);
}

describe('axe: no serious or critical violation', () => {
  // axe only reads the page: one page per language, opened at the network view and taken
  // through the views by its hash (each test starts from the state the previous one left).
  for (const lang of ['zh-Hant', 'en'] as const) {
    describe(lang, () => {
      let opened: Opened;
      let page: Page;
      beforeAll(async () => {
        opened = await open(`#lang=${lang}`);
        page = opened.page;
      });
      afterAll(async () => {
        await opened?.close();
      });
      for (const [name, hash, ready] of VIEWS) {
        it(`${name} (${lang})`, async () => {
          await goTo(page, `#lang=${lang}${hash}`);
          await ready(page);
          expect(await axe(page)).toEqual([]);
        });
      }
    });
  }

  it('the 简体 outline and ladder too', async () => {
    const { page, close } = await open('#lang=zh-Hans&view=transformations');
    await ladderReady(page);
    expect(await axe(page)).toEqual([]);
    await page.locator('.view-switch button[data-view="outline"]').click();
    await page.waitForSelector('.outline-view .concept-head');
    expect(await axe(page)).toEqual([]);
    await close();
  });
});

describe('names and focus', () => {
  it('every button, link and form control on every view has an accessible name', async () => {
    const { page, close } = await open('#lang=en&sel=tr.power');
    const unnamed = async () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"], [tabindex]')]
          .filter((e) => !e.closest('[hidden]') && e.getClientRects().length > 0)
          .filter((e) => {
            const labelled = e.getAttribute('aria-labelledby');
            const byId = labelled ? labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join('') : '';
            const label = (e as HTMLInputElement).labels?.[0]?.textContent ?? '';
            const name = (e.getAttribute('aria-label') ?? '') || byId || label || e.getAttribute('title') || e.textContent?.trim() || (e as HTMLInputElement).placeholder;
            return !name;
          })
          .map((e) => e.outerHTML.slice(0, 120)),
      );
    expect(await unnamed()).toEqual([]);
    for (const view of ['transformations', 'outline'] as const) {
      await page.locator(`.view-switch button[data-view="${view}"]`).click();
      await page.waitForSelector(view === 'outline' ? '.outline-view .concept-head' : 'svg.ladder g.row');
      expect(await unnamed()).toEqual([]);
    }
    await close();
  });

  it('keyboard focus is always visible: an outline or a focus stroke on what has focus', async () => {
    const { page, close } = await open('#lang=en&view=transformations');
    await ladderReady(page);
    /** Tabs `n` times from (the last match of) `start`; at each stop, what has focus and whether a mark shows it. */
    const walk = async (start: string, n: number) => {
      await page.locator(start).last().focus();
      const seen: Array<{ what: string; visible: boolean }> = [];
      for (let i = 0; i < n; i++) {
        await page.keyboard.press('Tab');
        seen.push(
          await page.evaluate(() => {
            const a = document.activeElement as HTMLElement | null;
            if (!a || a === document.body) return { what: 'body', visible: true };
            const cs = getComputedStyle(a);
            const outlined = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
            // SVG cells and cards show focus on their shape instead.
            const shape = a.querySelector('.pole, .hit, .card-box');
            const stroked = shape ? parseFloat(getComputedStyle(shape).strokeWidth) >= 4 : false;
            return { what: `${a.tagName}.${a.getAttribute('class') ?? ''}#${a.id}`, visible: outlined || stroked };
          }),
        );
      }
      return seen;
    };
    // The top bar, the ladder (its one cell stop, then the linked cards), the outline.
    const top = await walk('#search', 16);
    const ladder = await walk('#export-png', 6);
    expect(ladder[0]!.what).toContain('cell');
    expect(ladder.slice(1).some((s) => s.what.includes('card'))).toBe(true);
    await page.locator('.view-switch button[data-view="outline"]').click();
    await page.waitForSelector('.outline-view .concept-head');
    const outline = [...(await walk('#outline-print', 3)), ...(await walk('.outline-toc button', 8))];
    expect(outline.some((s) => s.what.includes('concept-head'))).toBe(true);
    expect([...top, ...ladder, ...outline].filter((s) => !s.visible)).toEqual([]);
    await close();
  });
});
