/**
 * A concept map is read by its names: counts of the names the chapter map actually paints, in
 * real Chromium, at the default view in each script (1440×900 and 1280×720), on every lecture
 * slide, and for a focus, a path and a search. Each painted name is checked against the others,
 * against the nodes' discs, against the open part of the map and against the ink in the labels
 * canvas (harness.namesReport). Expectations come from the compiled graph. Screenshots go to
 * test-artifacts/.
 */
import Graph from 'graphology';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledChapter } from '../helpers/chapter';
import { layoutFigures, nodeExtents } from '../../src/model/layout';
import { labelBox, labelFontSize } from '../../src/model/layout-labels';
import { mapName } from '../../src/model/sentence';
import { sharedBrowser } from './browser';
import { cameraSettled, namesReport, openApp, paintedPixels, screenshot, state, type NamesReport } from './harness';

const browser = sharedBrowser();

const LANGS = ['zh-Hant', 'zh-Hans', 'en'] as const;
// The compiled chapter (compiled once per change of the sources: tests/helpers/chapter.ts).
const chapter = Graph.from(compiledChapter() as never) as unknown as Graph<Record<string, any>>;
const positions = new Map(chapter.mapNodes((k, a) => [k, { x: a.x as number, y: a.y as number }] as const));
/** The layout keeps room for all three scripts when that leaves no overlap; else for the Chinese names. */
const madeForAll = layoutFigures(chapter as never, positions, 'all').overlaps === 0;
const room = nodeExtents(chapter as never, madeForAll ? 'all' : 'chinese');
/**
 * The share of a script's names the layout kept room for: 1 for the scripts it was made for; for
 * another (English beside a layout made for Chinese names), each name counts for the part of
 * its area its node's room holds.
 */
const roomShare = (lang: (typeof LANGS)[number]) =>
  chapter.nodes().reduce((sum, k) => {
    const b = labelBox(mapName(chapter.getNodeAttributes(k), lang));
    const e = room.get(k)!;
    const kept = (e.name.x1 - e.name.x0) * (e.name.y1 - e.name.y0);
    return sum + Math.min(1, kept / Math.max(1e-9, b.width * b.height));
  }, 0) / chapter.order;

/** No name over another name, over a disc, outside the open part, too small or without ink. */
function expectClean(r: NamesReport): void {
  expect(r.overlaps).toEqual([]);
  expect(r.onDiscs).toEqual([]);
  expect(r.outside).toEqual([]);
  expect(r.small).toEqual([]);
  expect(r.blank).toEqual([]);
}

/** The camera's state (x, y, ratio). */
const cameraOf = (page: Page) => page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState() as { x: number; y: number; ratio: number });

/** Once the camera has stopped, it is where it was `before` (leaving a framing gives it back). */
async function expectCameraBack(page: Page, before: { x: number; y: number; ratio: number }): Promise<void> {
  await cameraSettled(page);
  const after = await cameraOf(page);
  for (const k of ['x', 'y', 'ratio'] as const) expect(after[k]).toBeCloseTo(before[k], 3);
}

const singled = (page: Page) =>
  page.evaluate(() => {
    const d = (window as any).linkage.session.derived();
    const set = d.pathNodes ?? (d.focusActive ? d.visibleNodes : null) ?? d.matches ?? d.slideNodes;
    return set ? ([...set] as string[]) : [];
  });

/** The phrases sigma drew for these edges (its own record of the edge labels it painted). */
const phrasesShown = (page: Page, edges: string[]) =>
  page.evaluate((keys) => {
    const r = (window as any).linkage.net.renderer;
    r.refresh();
    const shown: Set<string> = r.displayedEdgeLabels ?? new Set();
    return keys.filter((e: string) => shown.has(e) && Boolean(r.getEdgeDisplayData(e)?.label));
  }, edges);

/**
 * One page at 1440×900 in 繁體 for the tests that leave it as they found it: leaving the lecture,
 * the focus, the path and the search (each checks that the camera came back and nothing stays
 * singled out), and the width estimate (which only measures text).
 */
let shared: Awaited<ReturnType<typeof openApp>>;
/** The shared page, brought to the front: the pages opened since left it a background tab, whose frames wait. */
async function sharedInFront(): Promise<Page> {
  await shared.page.bringToFront();
  return shared.page;
}
beforeAll(async () => {
  shared = await openApp(browser(), '#lang=zh-Hant', { viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await shared?.close();
});

describe('names at the default view', () => {
  // Shares of all the chapter's concepts: 90% at 1440×900 and 75% at 1280×720, in every script.
  const SHARES = { 1440: 0.9, 1280: 0.75 } as const;
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    for (const lang of LANGS) {
      const share = SHARES[width];
      it(`${width}×${height}, ${lang}: the whole chapter in view, ${share * 100}% of the concepts named at 12 px or more, none hidden`, async () => {
        const { page, close } = await openApp(browser(), `#lang=${lang}`, { viewport: { width, height } });
        await cameraSettled(page);
        const r = await namesReport(page);
        await screenshot(page, `names-${lang}-${width}`);
        expect(r.drawn).toBe(chapter.order);
        expectClean(r);
        const expected = Math.ceil(share * chapter.order);
        console.log(`${width}×${height} ${lang}: ${r.named.length}/${r.drawn} names painted (room kept for ${Math.round(roomShare(lang) * 100)}%, expected ≥ ${expected})`);
        expect(r.named.length).toBeGreaterThanOrEqual(expected);
        // Zooming in on a concept left unnamed names it.
        const unnamed = chapter.nodes().find((k) => !r.named.includes(k));
        if (unnamed) {
          await page.evaluate((k) => {
            const { renderer } = (window as any).linkage.net;
            const d = renderer.getNodeDisplayData(k);
            renderer.getCamera().setState({ x: d.x, y: d.y, ratio: 0.35 });
          }, unnamed);
          await cameraSettled(page);
          const zoomed = await namesReport(page);
          expectClean(zoomed);
          expect(zoomed.named, `${unnamed} once zoomed in`).toContain(unnamed);
        }
        await close();
      });
    }
  }

  it('sigma holds only what is drawn of each node, in one shape, and knows every name painted', async () => {
    const { page, close } = await openApp(browser(), '#lang=zh-Hant', { viewport: { width: 1440, height: 900 } });
    await cameraSettled(page);
    const r = await namesReport(page);
    const seen = await page.evaluate(() => {
      const { renderer } = (window as any).linkage.net;
      const cache = renderer.nodeDataCache as Record<string, object>;
      return { shapes: [...new Set(Object.values(cache).map((d) => Object.keys(d).join(',')))], displayed: [...renderer.getNodeDisplayedLabels()] as string[] };
    });
    // One list of keys for every node: the drawn look, none of the graph's text (quotes, pinyin, slides…).
    expect(seen.shapes).toHaveLength(1);
    const keys = seen.shapes[0]!.split(',');
    expect(keys).toEqual(expect.arrayContaining(['x', 'y', 'size', 'color', 'label', 'hidden', 'importance', 'ordinal']));
    for (const text of ['quote', 'quoteHans', 'pinyin', 'initials', 'slides', 'labelHans', 'labelEn']) expect(keys).not.toContain(text);
    // The names offered to the painter are the ones sigma counts as shown (its links' phrases follow them).
    expect(r.named.length).toBeGreaterThan(0);
    expect(seen.displayed).toEqual(expect.arrayContaining(r.named));
    await close();
  });
});

describe('lecture mode names every concept of the slide', () => {
  for (const lang of ['zh-Hant', 'en'] as const) {
    // Every concept named in the scripts the layout keeps room for; in another (English beside a
    // layout made for Chinese names), at least 90% of each slide's.
    const all = madeForAll || lang !== 'en';
    it(`slides 1–20 (${lang}): ${all ? 'every' : '90% of each slide’s'} concept${all ? ' of the slide' : 's'} named, inside the open part of the map, links with their phrases`, async () => {
      const { page, close } = await openApp(browser(), `#mode=lecture&slide=1&lang=${lang}`, { viewport: { width: 1440, height: 900 } });
      const count = chapter.getAttribute('slideCount') as number;
      const figures: string[] = [];
      for (let n = 1; n <= count; n++) {
        if (n > 1) {
          await page.keyboard.press('ArrowRight');
          await page.waitForFunction((s) => (window as any).linkage.session.state().slide === s, n);
        }
        await cameraSettled(page);
        const concepts = await singled(page);
        const r = await namesReport(page);
        expectClean(r);
        const missing = concepts.filter((k) => !r.named.includes(k));
        figures.push(`${n}: ${concepts.length - missing.length}/${concepts.length}`);
        if (all) expect(missing, `slide ${n}`).toEqual([]);
        else expect(concepts.length - missing.length, `slide ${n}: ${missing.join(', ')}`).toBeGreaterThanOrEqual(Math.ceil(0.9 * concepts.length));
        const edges = await page.evaluate(() => [...((window as any).linkage.session.derived().slideEdges ?? [])] as string[]);
        expect((await phrasesShown(page, edges)).length, `slide ${n} phrases`).toBe(edges.length);
        if (n === 9 || n === 17) await screenshot(page, `names-lecture-${lang}-${n}`);
      }
      console.log(`lecture ${lang}, named / slide concepts: ${figures.join(' · ')}`);
      await close();
    });
  }

  it('leaving the lecture gives the camera back', async () => {
    const page = await sharedInFront();
    expect(await state(page)).toMatchObject({ mode: 'explore', lang: 'zh-Hant', selected: null });
    await cameraSettled(page);
    const before = await cameraOf(page);
    await page.click('button[data-mode="lecture"]');
    await page.waitForFunction(() => (window as any).linkage.session.state().slide === 1);
    await cameraSettled(page);
    expect(Math.abs((await cameraOf(page)).ratio - before.ratio)).toBeGreaterThan(0.01);
    await page.click('#lecture-end');
    await expectCameraBack(page, before);
  });
});

describe('focus, a path and a search frame and name what they single out', () => {
  /** The most linked transformation (or node), and a pair of concepts three links apart. */
  const hub = chapter.nodes().sort((a, b) => chapter.degree(b) - chapter.degree(a) || (a < b ? -1 : 1)).find((k) => chapter.getNodeAttribute(k, 'kind') === 'transformation') ?? chapter.nodes()[0]!;
  const farPair = (() => {
    const start = chapter.nodes().find((k) => chapter.getNodeAttribute(k, 'kind') === 'measure') ?? hub;
    const depth = new Map([[start, 0]]);
    const queue = [start];
    while (queue.length) {
      const k = queue.shift()!;
      for (const m of chapter.neighbors(k)) if (!depth.has(m)) {
        depth.set(m, depth.get(k)! + 1);
        queue.push(m);
      }
    }
    const end = [...depth].filter(([, d]) => d === 3).map(([k]) => k).sort()[0] ?? [...depth.keys()].pop()!;
    return [start, end] as const;
  })();
  const title = chapter.getAttribute('title') as string;
  const cases = [
    { name: 'focus', hash: `#lang=zh-Hant&sel=${encodeURIComponent(hub)}&focus=1` },
    { name: 'path', hash: `#lang=en&path=${encodeURIComponent(farPair[0])}~${encodeURIComponent(farPair[1])}` },
    { name: 'search', hash: '#lang=zh-Hans', query: [...title].slice(0, 2).join('') },
  ];

  // On the shared page: each case leaves nothing singled out and checks that the camera came
  // back to where it was, so the next starts at the default view as a fresh page would.
  for (const c of cases) {
    it(`${c.name}: the camera frames every concept singled out, each named, none hidden; leaving gives the camera back`, async () => {
      const page = await sharedInFront();
      // Back in 繁體, as the page opened (the path's link switched it to English).
      await page.evaluate(() => {
        if ((window as any).linkage.session.state().lang !== 'zh-Hant') location.hash = '#lang=zh-Hant';
      });
      await page.waitForFunction(() => (window as any).linkage.session.state().lang === 'zh-Hant');
      expect(await singled(page)).toEqual([]);
      await cameraSettled(page);
      const before = await cameraOf(page);
      if (c.query) {
        await page.fill('#search', c.query);
        await page.waitForFunction(() => ((window as any).linkage.session.derived().matches?.size ?? 0) > 0);
      } else {
        await page.evaluate((h) => { location.hash = h; }, c.hash);
        await page.waitForFunction(() => {
          const d = (window as any).linkage.session.derived();
          return d.focusActive || (d.pathNodes?.size ?? 0) > 0;
        });
      }
      await cameraSettled(page);
      const concepts = await singled(page);
      expect(concepts.length).toBeGreaterThan(1);
      const r = await namesReport(page);
      await screenshot(page, `names-${c.name}`);
      expectClean(r);
      expect(concepts.filter((k) => !r.named.includes(k))).toEqual([]);
      console.log(`${c.name}: ${concepts.filter((k) => r.named.includes(k)).length}/${concepts.length} named`);
      // The links among what is singled out read as phrases (path and focus: every link drawn lit).
      if (c.name !== 'search') {
        const edges = await page.evaluate(() => {
          const d = (window as any).linkage.session.derived();
          return [...(d.pathEdges ?? (d.focusActive ? d.visibleEdges : []))] as string[];
        });
        expect(edges.length).toBeGreaterThan(0);
        expect((await phrasesShown(page, edges)).length).toBe(edges.length);
        expect((await paintedPixels(page)).phrases).toBeGreaterThan(500);
      }
      // Leaving: the search cleared, the focus off, the path cleared; the camera comes back.
      if (c.query) await page.fill('#search', '');
      else await page.keyboard.press('Escape');
      if (c.name === 'focus') await page.evaluate(() => { location.hash = '#lang=zh-Hant'; });
      await page.waitForFunction(() => {
        const d = (window as any).linkage.session.derived();
        return !d.focusActive && !d.pathNodes && !d.matches;
      });
      await expectCameraBack(page, before);
      // Nothing singled out: no phrase is drawn, and none is left on the phrases' layer.
      expect((await paintedPixels(page)).phrases).toBe(0);
      expect(await page.evaluate(() => (window as any).linkage.net.renderer.displayedEdgeLabels.size)).toBe(0);
    });
  }
});

describe('the chapter title', () => {
  it('is shown in the reader’s script in every view and in lecture mode', async () => {
    const { page, close } = await openApp(browser(), '#lang=en', { viewport: { width: 1280, height: 720 } });
    const titles = { 'zh-Hant': chapter.getAttribute('title'), 'zh-Hans': chapter.getAttribute('titleHans'), en: chapter.getAttribute('titleEn') } as Record<string, string>;
    for (const lang of LANGS) {
      for (const view of ['network', 'transformations', 'outline']) {
        await page.evaluate(([l, v]) => { location.hash = `#lang=${l}&view=${v}`; }, [lang, view]);
        await page.waitForFunction(([l, v]) => {
          const s = (window as any).linkage.session.state();
          return s.lang === l && s.view === v;
        }, [lang, view]);
        const title = page.locator('.topbar .chapter-title');
        expect(await title.textContent()).toBe(titles[lang]);
        const box = await title.boundingBox();
        expect(box && box.width > 20 && box.height > 8).toBe(true);
        // Not cut: the element shows all of its text.
        expect(await title.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      }
    }
    await page.evaluate(() => { location.hash = '#lang=zh-Hans&mode=lecture&slide=3'; });
    await page.waitForSelector('.lecture-chapter');
    expect(await page.locator('.lecture-chapter').textContent()).toBe(titles['zh-Hans']);
    expect(await page.locator('.lecture-chapter').isVisible()).toBe(true);
    await close();
  });
});

describe('the layout’s estimate of a name’s width', () => {
  it('covers the width Chromium draws, within a few pixels, for every name in the three scripts', async () => {
    const page = await sharedInFront();
    const names = chapter.mapNodes((_k, a) => [a.label, a.labelHans, a.labelEn, ...(a.mapEn ? [a.mapEn] : [])] as string[]).flat();
    const sizes = names.map((l) => labelFontSize(l));
    const measured = await page.evaluate(([list, px]) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      return (list as string[]).map((l, i) => {
        ctx.font = `500 ${(px as number[])[i]}px "Noto Sans CJK TC", sans-serif`;
        return ctx.measureText(l).width;
      });
    }, [names, sizes] as const);
    let worst = 0, worstName = '';
    names.forEach((l, i) => {
      // One line at the map's size, however the map wraps it.
      const est = labelBox(l.replace(/\s+/g, ' ')).lines.length === 1 ? labelBox(l).width : null;
      if (est === null) return;
      const gap = Math.abs(est - measured[i]!);
      if (gap > worst) [worst, worstName] = [gap, l];
    });
    console.log(`widest gap between estimate and Chromium, one-line names: ${worst.toFixed(2)} px (${worstName})`);
    expect(worst, worstName).toBeLessThan(3);
  });
});
