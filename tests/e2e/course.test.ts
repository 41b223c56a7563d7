/**
 * A course of two chapters in real headless Chromium: chapter 2 and the small fixture chapter
 * demo-01 (its own transcript and vocabulary), built as a site from a course folder made the way
 * an author adds a chapter. The index a bare address shows, the chapter picker and #ch= (old links
 * without it still open chapter 2), back and forward across chapters, search that reaches the
 * other chapter, progress kept per chapter, and an unknown chapter named in a link.
 */
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoChapterCourse } from '../helpers/course';
import { sharedBrowser } from './browser';
import { screenshot, state } from './harness';
import { pagePerTest } from './tabs';

const browser = sharedBrowser();
let server: PreviewServer;
let base = '';
let courseDir = '';
let outDir = '';
const errors: string[] = [];
const newPage = pagePerTest(browser);

beforeAll(async () => {
  courseDir = twoChapterCourse();
  outDir = mkdtempSync(join(tmpdir(), 'linkage-course-site-'));
  // The build reads the course folder named by LINKAGE_GRAPH_DIR (vite.config.ts).
  process.env['LINKAGE_GRAPH_DIR'] = courseDir;
  try {
    await build({ root: process.cwd(), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env['LINKAGE_GRAPH_DIR'];
  }
  server = await preview({ root: process.cwd(), build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
}, 240_000);

afterAll(async () => {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(courseDir, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

/** Opens the course site at `hash` as on a first visit (empty storage), ending the previous test's page. */
async function open(hash: string): Promise<Page> {
  const page = await newPage(base + hash);
  page.on('pageerror', (e) => errors.push(`${hash}: ${e.message}`));
  await page.goto(base + hash);
  return page;
}

/** Waits until the page shows chapter `id` (its graph published for tests). */
async function chapterShown(page: Page, id: string): Promise<void> {
  await page.waitForFunction((c) => (window as any).linkage?.graph?.getAttribute('id') === c && (window as any).linkage?.ready === true, id, { timeout: 30_000 });
}

const chapterParam = (page: Page) => new URL(page.url()).hash.match(/(?:^#|&)ch=([^&]*)/)?.[1] ?? null;

describe('a course of two chapters', () => {
  it('a bare address shows the course index: the chapters in course order with their slides, sections and size', async () => {
    const page = await open('');
    const chapters = page.locator('.course-index .course-chapter');
    await expect.poll(() => chapters.count()).toBe(2);
    expect(await chapters.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.chapter))).toEqual(['demo-01', 'chapter-02']);
    expect(await page.locator('.topbar .chapter-title').textContent()).toBe('電子政務概論');
    expect(await chapters.nth(0).locator('h3').textContent()).toBe('水循環');
    expect(await chapters.nth(0).locator('.meta').textContent()).toBe('3 張投影片 · 1 節 · 7 個概念 · 8 條關係');
    expect(await chapters.nth(1).locator('.meta').textContent()).toBe('20 張投影片 · 4 節 · 196 個概念 · 277 條關係');
    expect(await chapters.nth(1).locator('.course-sections li').count()).toBe(4);
    // In English too.
    await page.locator('.lang-switch button[data-lang="en"]').click();
    expect(await chapters.nth(0).locator('h3').textContent()).toBe('The Water Cycle');
    expect(await chapters.nth(0).locator('.meta').textContent()).toBe('3 slides · 1 section · 7 concepts · 8 links');
    await screenshot(page, 'course-index');

    // A chapter's link opens it, with its own vocabulary: its own kind and colour in the legend.
    await chapters.nth(0).locator('h3 a').click();
    await chapterShown(page, 'demo-01');
    expect(chapterParam(page)).toBe('demo-01');
    const kinds = await page.evaluate(() => (window as any).linkage.graph.getAttribute('nodeKinds'));
    expect(kinds.find((k: { id: string }) => k.id === 'process')).toMatchObject({ en: 'Process', color: '#0099cc', border: 'thick' });
    expect(kinds.find((k: { id: string }) => k.id === 'concept')).toMatchObject({ color: '#777777' });
    expect(await page.evaluate(() => (window as any).linkage.graph.getNodeAttribute('p.evaporation', 'color'))).toBe('#0099cc');
    expect(await page.locator('#chapter-picker').inputValue()).toBe('demo-01');
    await screenshot(page, 'course-demo-chapter');
  });

  it('a link without #ch= (made before the course had chapters) opens chapter 2 as it did, and the address then names it', async () => {
    const page = await open('#lang=zh-Hant&sel=tr.function');
    await chapterShown(page, 'chapter-02');
    expect((await state(page)).selected).toBe('tr.function');
    await expect.poll(() => chapterParam(page)).toBe('chapter-02');
    expect(await page.locator('.notice').isVisible()).toBe(false);
  });

  it('the picker moves between chapters; back and forward go with it, each chapter as it was left', async () => {
    const page = await open('#ch=chapter-02&lang=zh-Hant&sel=tr.function');
    await chapterShown(page, 'chapter-02');
    const picker = page.locator('#chapter-picker');
    expect(await picker.locator('option').allTextContents()).toEqual(['課程目錄', '水循環', '電子政務與傳統管理']);
    expect(await page.locator('.topbar .chapter-title').textContent()).toBe('電子政務概論');
    await picker.selectOption('demo-01');
    await chapterShown(page, 'demo-01');
    expect((await state(page)).selected).toBeNull();
    await page.goBack();
    await chapterShown(page, 'chapter-02');
    await expect.poll(async () => (await state(page)).selected).toBe('tr.function');
    await page.goForward();
    await chapterShown(page, 'demo-01');
    // The index is one pick away.
    await page.locator('#chapter-picker').selectOption('');
    await expect.poll(() => page.locator('.course-index .course-chapter').count()).toBe(2);
  });

  it('search reaches the other chapter: its concepts are offered under their own heading and open there', async () => {
    const page = await open('#ch=chapter-02&lang=zh-Hant');
    await chapterShown(page, 'chapter-02');
    await page.locator('#search').fill('蒸發');
    const away = page.locator('#search-list li.elsewhere');
    await expect.poll(() => away.count()).toBe(1);
    expect(await page.locator('#search-list li.group-heading').textContent()).toBe('其他章');
    expect(await away.locator('.secondary').textContent()).toBe('水循環');
    await page.keyboard.press('Enter');
    await chapterShown(page, 'demo-01');
    await expect.poll(async () => (await state(page)).selected).toBe('p.evaporation');
  });

  it('keeps revision progress per chapter', async () => {
    const page = await open('#ch=chapter-02&mode=revision&lang=zh-Hant');
    await chapterShown(page, 'chapter-02');
    const card = page.locator('#revision-card');
    await expect.poll(() => card.getAttribute('data-question')).toBeTruthy();
    await card.locator('button.option').first().click();
    await expect.poll(() => page.locator('#revision-progress').textContent()).toMatch(/^已答 1 \//);
    const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('linkage.progress:')).sort());
    expect(await keys()).toEqual(['linkage.progress:chapter-02']);
    // The other chapter opens in the same mode, with nothing answered there.
    await page.locator('#chapter-picker').selectOption('demo-01');
    await chapterShown(page, 'demo-01');
    expect((await state(page)).mode).toBe('revision');
    await expect.poll(() => page.locator('#revision-progress').textContent()).toMatch(/^已答 0 \//);
    await screenshot(page, 'course-demo-revision');
    await page.locator('#chapter-picker').selectOption('chapter-02');
    await chapterShown(page, 'chapter-02');
    await expect.poll(() => page.locator('#revision-progress').textContent()).toMatch(/^已答 1 \//);
  });

  it('a link to a chapter the course does not have opens chapter 2 and says so', async () => {
    const page = await open('#ch=chapter-09&lang=en');
    await chapterShown(page, 'chapter-02');
    const notice = page.locator('.notice');
    await expect.poll(() => notice.textContent()).toContain('The course has no such chapter; showing instead: E-Government and Traditional Management');
    expect(await notice.textContent()).toContain('"chapter-09"');
  });
});
