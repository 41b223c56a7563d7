/**
 * Import and export in real headless Chromium against the built site: a GEXF and a GraphML opened
 * by the picker and by drag and drop, the explorer working on them, every dataset file opened,
 * every malformed one refused with a located message while the previous graph stays, the layout's
 * progress and cancel, and every export downloaded and checked. No request leaves the page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import type { Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { importGraphText } from '../../src/io/import';
import { parseCsv } from '../../src/io/csv';
import { edgeSentence } from '../../src/model/sentence';
import type { LinkageGraph } from '../../src/model/types';
import { sharedBrowser } from './browser';
import { ARTIFACTS, nodeScreenPosition, paintedPixels, screenshot, trackedPages } from './harness';

const DATA = join(process.cwd(), 'tests/fixtures/datasets');
const fixture = (path: string) => join(DATA, path);

const browser = sharedBrowser();
// Across the whole file: nothing but the page's own origin (and blob:/data: URLs) is requested.
const open = trackedPages(browser);

/** The id and size of the graph the app shows. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const g = (window as any).linkage.graph;
    return { id: g.getAttribute('id') as string, order: g.order as number, size: g.size as number };
  });

async function waitForGraph(page: Page, id: string): Promise<void> {
  await page.waitForFunction((want) => (window as any).linkage?.graph.getAttribute('id') === want && (window as any).linkage.ready === true, id, { timeout: 45_000 });
}

/** Drops a file on the map as a reader's drag and drop does (a DataTransfer holding a File). */
async function drop(page: Page, name: string, text: string, type = ''): Promise<void> {
  await page.evaluate(
    ({ name, text, type }) => {
      const stage = document.querySelector('.stage')!;
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) stage.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, text, type },
  );
}

async function downloadOf(page: Page, item: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.locator('#file-button').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${item}"]`).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

describe('import', () => {
  it('opens a GEXF from the picker: the explorer searches it and selects on click', async () => {
    const { page, close } = await open();
    // File ▾ → Open a graph file… → the browser's file chooser.
    await page.locator('#file-button').click();
    await screenshot(page, 'io-file-menu');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#open-file').click()]);
    await chooser.setFiles(fixture('gexf/les-miserables.gexf'));
    await waitForGraph(page, 'les-miserables');
    expect(await shown(page)).toEqual({ id: 'les-miserables', order: 77, size: 254 });
    expect(await page.locator('#notice').textContent()).toContain('Opened les-miserables.gexf: 77 concepts, 254 links');
    // The title comes from the file; the legend lists the file's communities.
    expect(await page.locator('.topbar .chapter-title').textContent()).toBe('Les Miserables.gexf');
    const painted = await paintedPixels(page);
    // 77 small discs, drawn at chapter scale (names take the room): a few hundred pixels at least.
    expect(painted.nodes).toBeGreaterThan(500);
    // A click on a node selects it and the panel reads its relations as sentences.
    const p = await nodeScreenPosition(page, '27');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (window as any).linkage.session.state().selected === '27');
    await expect.poll(() => page.locator('.panel .details h2').textContent()).toBe('Javert');
    expect(await page.locator('.panel .details').textContent()).toContain('is linked with');
    // Search finds a label; picking it selects the node.
    await page.locator('#search').fill('valj');
    await expect.poll(() => page.locator('#search-list li').first().textContent()).toContain('Valjean');
    await page.locator('#search').press('Enter');
    await page.waitForFunction(() => (window as any).linkage.session.state().selected === '11');
    await expect.poll(() => page.locator('.panel .details h2').textContent()).toBe('Valjean');
    // The path finder, the outline, the transformation view and the modes work on it too.
    await page.evaluate(() => (window as any).linkage.session.update((s: object) => ({ ...s, path: { from: '11', to: '0' } })));
    expect(await page.evaluate(() => (window as any).linkage.session.derived().pathNodes?.size ?? 0)).toBeGreaterThanOrEqual(2);
    await page.locator('[data-view="outline"]').click();
    await expect.poll(() => page.locator('.view-pane').textContent()).toContain('Javert');
    await page.locator('[data-view="transformations"]').click();
    await expect.poll(() => page.locator('.view-pane').textContent()).toContain('This graph has no transformations');
    await page.locator('[data-view="network"]').click();
    await page.locator('[data-mode="revision"]').click();
    await expect.poll(() => page.locator('.mode-pane').isVisible()).toBe(true);
    await page.locator('[data-mode="explore"]').click();
    await screenshot(page, 'io-imported-gexf');
    await close();
  });

  it('opens a GraphML dropped on the map: positions by ForceAtlas2, Chinese labels searchable by pinyin', async () => {
    const { page, close } = await open('#lang=zh-Hans');
    await drop(page, 'anesthesia-kg-zh.graphml', readFileSync(fixture('graphml/anesthesia-kg-zh.graphml'), 'utf8'));
    await waitForGraph(page, 'anesthesia-kg-zh');
    expect(await shown(page)).toEqual({ id: 'anesthesia-kg-zh', order: 559, size: 371 });
    expect(await page.locator('#notice').textContent()).toContain('已计算布局');
    const spread = await page.evaluate(() => {
      const g = (window as any).linkage.graph;
      const xy = g.mapNodes((_: string, a: { x: number; y: number }) => [a.x, a.y]);
      return { finite: xy.flat().every(Number.isFinite), distinct: new Set(xy.map((p: number[]) => p.join())).size };
    });
    expect(spread).toEqual({ finite: true, distinct: 559 });
    // Kinds from entity_type; quotes are stripped from ids for labels; pinyin initials search.
    expect(await page.locator('#nk-DISEASE').count()).toBe(1);
    await page.locator('#search').fill('mxzsxfb');
    await expect.poll(() => page.locator('#search-list li').first().getAttribute('data-node')).toBe('"慢性阻塞性肺病"');
    await page.locator('#search').press('Enter');
    await expect.poll(() => page.locator('.panel .details h2').textContent()).toBe('慢性阻塞性肺病');
    await screenshot(page, 'io-imported-graphml');
    await close();
  });

  it('opens every dataset file, by picker or drop', async () => {
    const { page, close } = await open();
    const files: Array<[string, string, number, number]> = [
      ['gexf/minguo-fojiao-letters-zh.gexf', 'minguo-fojiao-letters-zh', 1102, 2969],
      ['gexf/power-grid.gexf', 'power-grid', 4941, 6594],
      ['gexf/ricardo-trade-1898.gexf', 'ricardo-trade-1898', 328, 2189],
      ['gexf/rio-weblinks.gexf', 'rio-weblinks', 366, 1107],
      ['graphml/airlines.graphml', 'airlines', 235, 2101],
      ['graphml/les-miserables.graphml', 'les-miserables', 77, 254],
      ['graphology-json/eurosis.json', 'eurosis', 1285, 7524],
      ['graphology-json/les-miserables.json', 'les-miserables', 77, 254],
    ];
    for (const [i, [path, id, order, size]] of files.entries()) {
      // Alternate the graph shown before, so that each import is seen to replace it.
      if (i % 2 === 0) await page.setInputFiles('#file-input', fixture(path));
      else await drop(page, path.split('/')[1]!, readFileSync(fixture(path), 'utf8'));
      await page.waitForFunction(([want, n]) => (window as any).linkage?.graph.getAttribute('id') === want && (window as any).linkage.graph.order === n && (window as any).linkage.ready === true, [id, order] as const, { timeout: 45_000 });
      expect(await shown(page), path).toEqual({ id, order, size });
      expect((await paintedPixels(page)).nodes, path).toBeGreaterThan(500);
    }
    await screenshot(page, 'io-imported-eurosis');
    await close();
  });

  it('refuses each malformed file with a located message and keeps the graph shown', async () => {
    const { page, close } = await open();
    const before = await shown(page);
    const cases: Array<[string, RegExp]> = [
      ['malformed/photoviz-dynamic-duplicate-node-id.gexf', /photoviz-dynamic-duplicate-node-id\.gexf:1387:\d+ <node id="120">: node id "120" is used twice \(first at line 1043\)/],
      ['malformed/citations-edges-to-undeclared-nodes.graphml', /citations-edges-to-undeclared-nodes\.graphml:20:\d+ <edge> #1: node "9306289" is not declared/],
      ['malformed/rio-truncated-mid-edge.gexf', /rio-truncated-mid-edge\.gexf:8882:\d+: the file ends before the XML is complete.*truncated/],
      ['malformed/les-miserables-unescaped-ampersand.gexf', /les-miserables-unescaped-ampersand\.gexf:47:39: .*a bare "&"/],
      ['malformed/les-miserables-dangling-edge.json', /les-miserables-dangling-edge\.json:3294:\d+ edges\[254\]\.target: no node has the key "77\.0"/],
    ];
    for (const [path, message] of cases) {
      await page.setInputFiles('#file-input', fixture(path));
      const box = page.locator('.io-error');
      await box.waitFor({ state: 'visible' });
      const text = (await box.textContent()) ?? '';
      expect(text, path).toMatch(message);
      expect(text).toContain(`Cannot open ${path.split('/')[1]}`);
      expect(text).toContain('The previous graph is still shown.');
      expect(await shown(page)).toEqual(before);
      if (path.includes('photoviz')) await screenshot(page, 'io-error-duplicate');
      await box.locator('.io-dismiss').click();
      await box.waitFor({ state: 'hidden' });
    }
    // The map still works after all of it.
    expect((await paintedPixels(page)).nodes).toBeGreaterThan(5_000);
    await close();
  });

  it('shows the layout progress of a large graph without positions, stays responsive, and cancels', async () => {
    const { page, close } = await open();
    const before = await shown(page);
    // 20 000 nodes in a ring of cliques, no positions: ForceAtlas2 runs for a while.
    const json = JSON.stringify({
      nodes: Array.from({ length: 20_000 }, (_, i) => ({ key: `n${i}`, attributes: { label: `node ${i}` } })),
      edges: Array.from({ length: 40_000 }, (_, i) => ({ source: `n${i % 20_000}`, target: `n${(i * 7 + 1) % 20_000}` })),
    });
    await drop(page, 'ring.json', json);
    const progress = page.locator('.io-progress');
    await progress.waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.io-progress-stage').textContent(), { timeout: 30_000 }).toMatch(/Computing the layout [1-9]\d*%/);
    // The page answers while the worker lays out: a frame comes within a short time.
    const frame = await page.evaluate(() => new Promise<number>((resolve) => {
      const t0 = performance.now();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    }));
    expect(frame).toBeLessThan(500);
    await screenshot(page, 'io-progress');
    await page.locator('.io-cancel').click();
    await progress.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('#notice').textContent()).toContain('Opening cancelled');
    expect(await shown(page)).toEqual(before);
    await close();
  });
});

describe('export', () => {
  it('PNG of the network at 1× and 2×, with title band and legend', async () => {
    const { page, close } = await open();
    const map = await page.locator('#map').boundingBox();
    const one = await downloadOf(page, 'png1');
    expect(one.download.suggestedFilename()).toBe('chapter-02.png');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'io-export-network.png'), one.bytes);
    const png1 = PNG.sync.read(one.bytes);
    expect(png1.width).toBe(Math.round(map!.width));
    expect(png1.height).toBeGreaterThan(map!.height + 52);
    const two = await downloadOf(page, 'png2');
    expect(two.download.suggestedFilename()).toBe('chapter-02@2x.png');
    const png2 = PNG.sync.read(two.bytes);
    expect([png2.width, png2.height]).toEqual([png1.width * 2, png1.height * 2]);
    // The map was drawn into it: many non-white pixels in the map area, and the title band has ink.
    const ink = (png: PNG, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) n++;
      }
      return n;
    };
    expect(ink(png1, 60, png1.height - 60)).toBeGreaterThan(5_000);
    expect(ink(png1, 0, 50)).toBeGreaterThan(200);
    // The live map still draws after the 2× export.
    expect((await paintedPixels(page)).nodes).toBeGreaterThan(5_000);
    await close();
  });

  it('SVG of the transformations parses and holds the labels; a graph without transformations says so', async () => {
    const { page, close } = await open('#lang=zh-Hant');
    const { bytes, download } = await downloadOf(page, 'svg');
    expect(download.suggestedFilename()).toBe('chapter-02-transformations.svg');
    const svg = bytes.toString('utf8');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.documentElement?.localName).toBe('svg');
    expect(svg).toContain('管制職能');
    expect(svg).toContain('服務職能');
    expect(svg).not.toMatch(/<script|href="http/);
    await page.setInputFiles('#file-input', fixture('gexf/rio-weblinks.gexf'));
    await waitForGraph(page, 'rio-weblinks');
    await page.locator('#file-button').click();
    await page.locator('[data-export="svg"]').click();
    await expect.poll(() => page.locator('#notice').textContent()).toContain('沒有轉化');
    await close();
  });

  it('GEXF, GraphML and JSON re-import to the same graph; CSV lists every proposition', async () => {
    const { page, close } = await open();
    const compiled = await page.evaluate(() => (window as any).linkage.graph.export());
    const same = async (name: string, text: string) => {
      const back = await importGraphText({ name, text });
      const a = Graph.from(compiled);
      const b = Graph.from(back.graph);
      expect(b.order).toBe(a.order);
      expect(b.size).toBe(a.size);
      a.forEachNode((n, attrs) => expect(b.getNodeAttributes(n), `${name} ${n}`).toEqual(attrs));
      a.forEachEdge((e, attrs, s, t) => {
        expect([b.source(e), b.target(e)]).toEqual([s, t]);
        expect(b.getEdgeAttributes(e)).toEqual(attrs);
      });
      expect(b.getAttributes()).toEqual(a.getAttributes());
    };
    const gexf = await downloadOf(page, 'gexf');
    expect(gexf.download.suggestedFilename()).toBe('chapter-02.gexf');
    const gexfText = gexf.bytes.toString('utf8');
    expect(gexfText).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    expect(gexfText).toMatch(/<viz:position x="[-\d.]+" y="[-\d.]+"/);
    expect(gexfText).toMatch(/<viz:color r="\d+" g="\d+" b="\d+"/);
    await same('chapter-02.gexf', gexfText);
    const graphml = await downloadOf(page, 'graphml');
    await same('chapter-02.graphml', graphml.bytes.toString('utf8'));
    const json = await downloadOf(page, 'json');
    expect(JSON.parse(json.bytes.toString('utf8'))).toEqual(compiled);
    const csv = await downloadOf(page, 'csv');
    expect(csv.download.suggestedFilename()).toBe('chapter-02-propositions.csv');
    const rows = parseCsv(csv.bytes.toString('utf8'));
    expect(rows[0]).toEqual(['source', 'linking phrase', 'target', 'slides', 'sentence']);
    expect(rows.length).toBe(1 + compiled.edges.length);
    const g = Graph.from(compiled) as unknown as LinkageGraph;
    expect(rows.slice(1).map((r) => r[4])).toEqual(g.mapEdges((e) => edgeSentence(g, e, 'en').text));
    expect(rows.slice(1).map((r) => r[3])).toEqual(g.mapEdges((_e, a) => a.slides.join(' ')));
    await close();
  });

  it('exports an imported graph too, and opens its own GEXF export back', async () => {
    const { page, close } = await open();
    await page.setInputFiles('#file-input', fixture('graphml/airlines.graphml'));
    await waitForGraph(page, 'airlines');
    const gexf = await downloadOf(page, 'gexf');
    await drop(page, 'airlines-copy.gexf', gexf.bytes.toString('utf8'));
    await page.waitForFunction(() => (window as any).linkage.session.graph.getAttribute('title') === 'airlines' && document.querySelector('#notice')?.textContent?.includes('airlines-copy.gexf'));
    expect(await shown(page)).toEqual({ id: 'airlines', order: 235, size: 2101 });
    // Undirected edges stay undirected (drawn without arrows).
    expect(await page.evaluate(() => (window as any).linkage.graph.everyEdge((_: string, a: { undirected?: boolean }) => a.undirected === true))).toBe(true);
    await close();
  });
});
