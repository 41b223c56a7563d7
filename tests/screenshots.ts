/**
 * Takes the README's screenshots from the built site in headless Chromium:
 * `npm run screenshots` (builds first) writes them to .github/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import type { Page } from 'playwright-core';
import Graph from 'graphology';
import { compiledChapter } from './helpers/chapter';
import { launchBrowser } from './e2e/browser';
import { serializeHandin } from '../src/io/handin';
import { makeExercise } from '../src/model/build/exercise';
import { formatScope } from '../src/model/build/scope';
import { createRandom } from '../src/model/random';
import type { LinkageGraph } from '../src/model/types';

const OUT = join(process.cwd(), '.github', 'screenshots');

const chapter = Graph.from(compiledChapter()) as LinkageGraph;
const SCOPE = { kind: 'section', id: '2-1' } as const;

/** Links `source` → `target` on the Build sheet by keyboard, with the first card of `kind`. */
async function link(page: Page, source: string, target: string, kind: string): Promise<void> {
  await page.focus(`g.sheet-concept[data-key="${source}"]`);
  await page.keyboard.press('Enter');
  await page.focus(`g.sheet-concept[data-key="${target}"]`);
  await page.keyboard.press('Enter');
  await page.locator(`.build-chooser button.choice[data-value^="${kind}::"]`).first().click();
}

/** A student's kit of §2-1: the scope's links made right, reversed or missed at random, and one wrong. */
function studentHandin(i: number): { name: string; text: string } {
  const kit = makeExercise(chapter, 'kit', SCOPE);
  const random = createRandom(`student-${i}`);
  const links = kit.propositions.flatMap((p, j) => {
    const r = random.next();
    if (r < 0.35 + i * 0.02) return [{ id: `l${j + 1}`, source: p.source, target: p.target, kind: p.kind }];
    if (r < 0.45) return [{ id: `l${j + 1}`, source: p.target, target: p.source, kind: p.kind }];
    return [];
  });
  const [a, b] = random.sample(kit.concepts, 2);
  if (!links.some((l) => l.source === a && l.target === b)) links.push({ id: 'l999', source: a!, target: b!, kind: 'causes' });
  const name = `學生 ${String(i + 1).padStart(2, '0')}`;
  const text = serializeHandin({ graph: 'chapter-02', student: name, type: 'kit', scope: formatScope(SCOPE), concepts: kit.initial.placed, links, scores: { convergence: 0, salience: 0, structural: 0, closeness: 0 }, savedAt: '2026-12-05T10:00:00Z' });
  return { name: `${name}.json`, text };
}

/** Name → hash (and optional steps) of each screenshot. */
const SHOTS: Array<{ name: string; hash: string; width?: number; height?: number; steps?: (page: Page) => Promise<void> }> = [
  { name: 'explorer', hash: '#lang=zh-Hant&sel=tr.power' },
  { name: 'map', hash: '#lang=zh-Hant' },
  { name: 'map-en', hash: '#lang=en' },
  { name: 'explorer-en-path', hash: '#lang=en&path=m.decentralise~asp.blur' },
  { name: 'explorer-hans-focus', hash: '#lang=zh-Hans&sel=tech.network&focus=1' },
  { name: 'transformations', hash: '#view=transformations&lang=zh-Hant&sel=tr.decision' },
  { name: 'transformations-en', hash: '#view=transformations&lang=en&sel=tr.power' },
  { name: 'outline', hash: '#view=outline&lang=en&sel=tr.process' },
  { name: 'lecture', hash: '#mode=lecture&slide=9&lang=zh-Hant' },
  { name: 'presenter', hash: '?presenter=1#mode=lecture&slide=7&lang=zh-Hant' },
  {
    name: 'build',
    hash: '#mode=build&lang=zh-Hant&scope=section:2-1',
    steps: async (page) => {
      await page.locator('g.sheet-concept').first().waitFor();
      await link(page, 'm.economy', 'rf.function', 'realizes');
      await link(page, 'm.liberalise', 'rf.function', 'realizes');
      await link(page, 'rf.function', 'm.welfare', 'realizes');
      await link(page, 'm.economy', 'c.market', 'promotes');
      await page.click('button[data-tool=check]');
      await page.click('.show-missing');
      await page.locator('.build-results').waitFor();
    },
  },
  {
    name: 'class-overview',
    hash: '#mode=build&lang=zh-Hant&scope=section:2-1',
    steps: async (page) => {
      await page.click('button[data-tool=classOverview]');
      const files = Array.from({ length: 24 }, (_, i) => studentHandin(i));
      await page.evaluate((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
        document.querySelector('.class-view')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, files);
      await page.locator('.class-table tbody tr').nth(24).waitFor();
    },
  },
];

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const address = server.httpServer.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
const browser = await launchBrowser();
mkdirSync(OUT, { recursive: true });
for (const shot of SHOTS) {
  const page = await browser.newPage({ viewport: { width: shot.width ?? 1440, height: shot.height ?? 900 } });
  await page.goto(base + shot.hash);
  await page.waitForFunction(() => (window as unknown as { linkage?: { ready: boolean } }).linkage?.ready === true);
  // The map frames what a link singles out (a path, a focus): wait until the fonts are in, the
  // camera has stopped and the ladder's transitions have ended, then for one more drawn frame.
  const frames = () => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await page.evaluate(() => document.fonts.ready);
  await shot.steps?.(page);
  await frames();
  await page.waitForFunction(
    () => {
      const camera = (window as any).linkage.net?.renderer?.getCamera();
      const moving = camera ? camera.isAnimated() : false;
      return !moving && ![...document.querySelectorAll('svg.ladder, svg.ladder *')].some((e) => (e as any).__transition);
    },
    undefined,
    { polling: 'raf', timeout: 15_000 },
  );
  await frames();
  await page.screenshot({ path: join(OUT, `${shot.name}.png`) });
  await page.close();
  console.log(`wrote .github/screenshots/${shot.name}.png`);
}
await browser.close();
await server.close();
