/**
 * The map's WebGL layers handed on from one map to the next (src/views/map/gpu-layers.ts), in
 * real headless Chromium: a graph opened after the file menu was opened draws with programs the
 * menu had prepared (no program is linked while it opens), on the same canvases, painted and
 * answering the pointer, and drawn again when its contexts are lost and given back; a graph opened
 * without the menu makes its programs as it opens.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { benchGraph } from '../bench/graphs';
import { sharedBrowser } from './browser';
import { layerPixels, loseContexts, nodeUnderPointer, openApp, paintedPixels, state } from './harness';

const browser = sharedBrowser();

/** A large graph (1 000 nodes, ≈3 000 links: over the map's large-graph threshold), as a file. */
const LARGE = { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(benchGraph(1_000).json) };

/** Counts the WebGL programs the page links from now on (window.__links). */
async function countLinks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    w.__links = 0;
    for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
      const link = C.prototype.linkProgram;
      C.prototype.linkProgram = function (program: WebGLProgram) {
        w.__links++;
        return link.call(this, program);
      };
    }
  });
}

/** The lower half of the map as shown (no redraw asked for), clear of the toolbar and the file menu. */
async function mapShot(page: Page): Promise<PNG> {
  const box = (await page.locator('#map').boundingBox())!;
  return PNG.sync.read(await page.screenshot({ clip: { x: box.x, y: box.y + box.height / 2, width: box.width, height: box.height / 2 } }));
}

/** Share of the pixels that differ between two shots of the same size. */
function differing(a: PNG, b: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  return n / (a.data.length / 4);
}

const links = (page: Page) => page.evaluate(() => (window as any).__links as number);

/** Opens `file` through the file input and waits for its map (and the page around it) to be whole. */
async function open(page: Page, file: typeof LARGE): Promise<void> {
  await page.evaluate(() => ((window as any).__prev = (window as any).linkage.net));
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => (window as any).linkage?.ready === true && (window as any).linkage.net !== (window as any).__prev, undefined, { timeout: 60_000 });
  // The hover layer's programs are given to it right after the first frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
}

/** The map's WebGL canvases. */
const webglCanvases = (page: Page) =>
  page.evaluate(() => {
    const c = (window as any).linkage.net.renderer.getCanvases();
    (window as any).__canvases = [c.edges, c.nodes, c.hoverNodes];
  });

/** The map answers the pointer: a node hovered, then clicked (harness.nodeUnderPointer). */
async function expectPointer(page: Page): Promise<void> {
  const target = await nodeUnderPointer(page);
  expect(target).not.toBeNull();
  await page.mouse.move(target!.x, target!.y);
  await expect.poll(async () => (await state(page)).hovered).toBe(target!.key);
  await page.mouse.click(target!.x, target!.y);
  await expect.poll(async () => (await state(page)).selected).toBe(target!.key);
}

describe('the map’s WebGL layers, from one map to the next', () => {
  it('a large graph opened from the file menu links no program: it draws on the same canvases with those the menu prepared, painted and answering the pointer', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    await countLinks(page);
    await webglCanvases(page);
    const shown = await mapShot(page);
    await page.click('#file-button');
    // The programs a large graph draws with are made (and drawn once) after the menu's frame.
    await expect.poll(() => links(page), { timeout: 10_000 }).toBeGreaterThan(0);
    const prepared = await links(page);
    await page.waitForTimeout(300);
    expect(await links(page)).toBe(prepared);
    await page.click('#file-button');
    // The chapter's map shows as it did: nothing was painted on its layers, nor were they blanked.
    const after = await mapShot(page);
    expect(differing(shown, after)).toBeLessThan(0.001);
    await page.evaluate(() => ((window as any).__links = 0));
    await open(page, LARGE);
    expect(await links(page)).toBe(0);
    const same = await page.evaluate(() => {
      const c = (window as any).linkage.net.renderer.getCanvases();
      const before = (window as any).__canvases as HTMLCanvasElement[];
      return [c.edges, c.nodes, c.hoverNodes].map((canvas, i) => canvas === before[i] && canvas.isConnected);
    });
    expect(same).toEqual([true, true, true]);
    const painted = await layerPixels(page);
    expect(painted.nodes).toBeGreaterThan(1_000);
    await expectPointer(page);
    // Lost and given back: the programs it took are made again, the map drawn again as it was.
    const before = await layerPixels(page);
    await loseContexts(page);
    await page.evaluate(() => {
      for (const ext of (window as any).__lost) ext.restoreContext();
    });
    await expect.poll(async () => (await layerPixels(page)).nodes, { timeout: 10_000 }).toBeGreaterThan(before.nodes * 0.97);
    expect((await layerPixels(page)).edges).toBeGreaterThan(before.edges * 0.97);
    expect(await links(page)).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await expectPointer(page);
    await close();
  }, 120_000);

  it('a large graph opened without the menu makes the programs it draws with as it opens', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    await countLinks(page);
    await open(page, LARGE);
    // Its nodes' (with their picking pass, and on the hover layer) and its links' programs.
    expect(await links(page)).toBeGreaterThanOrEqual(5);
    expect((await paintedPixels(page, 'render')).nodes).toBeGreaterThan(1_000);
    await expectPointer(page);
    await close();
  }, 120_000);
});
