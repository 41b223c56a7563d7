/**
 * Takes the README's screenshots from the built site in headless Chromium:
 * `npm run screenshots` (builds first) writes them to .github/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import { launchBrowser } from './e2e/browser';

const OUT = join(process.cwd(), '.github', 'screenshots');

/** Name → hash (and optional steps) of each screenshot. */
const SHOTS: Array<{ name: string; hash: string; width?: number; height?: number }> = [
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
];

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const address = server.httpServer.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
const browser = await launchBrowser();
mkdirSync(OUT, { recursive: true });
for (const shot of SHOTS) {
  const page = await browser.newPage({ viewport: { width: shot.width ?? 1440, height: shot.height ?? 900 } });
  await page.goto(base + shot.hash);
  await page.waitForFunction(() => Boolean((window as unknown as { linkage?: unknown }).linkage));
  // The map frames what a link singles out (a path, a focus): wait until the fonts are in, the
  // camera has stopped and the ladder's transitions have ended, then for one more drawn frame.
  const frames = () => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await page.evaluate(() => document.fonts.ready);
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
