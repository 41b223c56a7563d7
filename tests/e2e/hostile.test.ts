/**
 * Hostile input in real headless Chromium: markup, script URLs, bidi overrides and huge strings in
 * a graph file are shown as text and never run; entity bombs, deep nesting and a 50 MB file are
 * refused quickly while the page stays responsive and keeps its graph; the Content-Security-Policy
 * blocks inline script and every other origin. No request leaves the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrowser } from './browser';
import { paintedPixels, screenshot, trackedPages } from './harness';

const browser = sharedBrowser();
// Across the whole file: nothing but the page's own origin (and blob:/data: URLs) is requested.
const open = trackedPages(browser);

/** Drops a file built in the page (text, or `bytes` zero bytes) on the map. */
async function drop(page: Page, name: string, content: { text: string } | { bytes: number }): Promise<void> {
  await page.evaluate(
    ({ name, content }) => {
      const body = 'text' in content ? content.text : new Uint8Array(content.bytes);
      const dt = new DataTransfer();
      dt.items.add(new File([body], name));
      const stage = document.querySelector('.stage')!;
      for (const kind of ['dragenter', 'dragover', 'drop']) stage.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, content },
  );
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '<img src=x onerror="window.__pwned = \'img\'">';
const JS_URL = 'javascript:window.__pwned="url"';
const RTL = '\u202Eexe.txt';
const LONG = `${'長'.repeat(5_000)}${'L'.repeat(5_000)}`;

const HOSTILE_GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><title>${xml(SCRIPT)}</title></meta>
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="url" title="url" type="string"/><attribute id="description" title="description" type="string"/></attributes>
    <nodes>
      <node id="script" label="${xml(SCRIPT)}"><attvalues><attvalue for="description" value="${xml(IMG)}"/></attvalues></node>
      <node id="img" label="${xml(IMG)}"/>
      <node id="url" label="${xml(JS_URL)}"><attvalues><attvalue for="url" value="${xml(JS_URL)}"/></attvalues></node>
      <node id="rtl" label="${xml(RTL)}"/>
      <node id="long" label="${xml(LONG)}"/>
    </nodes>
    <edges>
      <edge source="script" target="img" label="${xml(IMG)}"/>
      <edge source="url" target="rtl"/>
      <edge source="long" target="script"/>
    </edges>
  </graph>
</gexf>`;

async function select(page: Page, key: string): Promise<void> {
  await page.evaluate((k) => (window as any).linkage.session.update((s: object) => ({ ...s, selected: k })), key);
  await page.waitForFunction((k) => (window as any).linkage.session.state().selected === k, key);
}

describe('hostile labels and attributes', () => {
  it('markup, script URLs, bidi overrides and 10 000-character labels are shown as text, never run', async () => {
    const { page, close } = await open();
    const before = await page.evaluate(() => ({ scripts: document.scripts.length, imgs: document.images.length }));
    await drop(page, 'hostile.gexf', { text: HOSTILE_GEXF });
    await page.waitForFunction(() => (window as any).linkage?.graph.getAttribute('id') === 'hostile' && (window as any).linkage.ready === true);
    // The title is text in the top bar.
    expect(await page.locator('.topbar .chapter-title').textContent()).toBe(SCRIPT);
    for (const [key, label] of [['script', SCRIPT], ['img', IMG], ['url', JS_URL], ['rtl', RTL], ['long', LONG]] as const) {
      await select(page, key);
      await expect.poll(() => page.locator('.panel .details h2').textContent()).toBe(label);
    }
    await select(page, 'script');
    expect(await page.locator('.panel .details blockquote').textContent()).toBe(IMG);
    expect(await page.locator('.panel .details').textContent()).toContain(`${IMG}`);
    // Search over the hostile labels works and lists them as text.
    await page.locator('#search').fill('onerror');
    await expect.poll(() => page.locator('#search-list li').first().getAttribute('data-node')).toBe('img');
    await screenshot(page, 'hostile-labels');
    const after = await page.evaluate(() => ({
      pwned: (window as any).__pwned ?? null,
      scripts: document.scripts.length,
      imgs: document.images.length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    expect(after).toEqual({ pwned: null, scripts: before.scripts, imgs: before.imgs, jsLinks: 0, handlers: 0 });
    // The map still renders with these labels.
    expect((await paintedPixels(page)).nodes).toBeGreaterThan(100);
    await close();
  });

  it('a file name with a bidi override is shown with the override made visible', async () => {
    const { page, close } = await open();
    await drop(page, 'evil\u202Efdp.gexf', { text: '<gexf><graph><nodes><node id="a"/><node id="a"/></nodes></graph></gexf>' });
    const box = page.locator('.io-error');
    await box.waitFor({ state: 'visible' });
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('evil?fdp.gexf');
    expect(text).not.toContain('\u202E');
    await close();
  });
});

describe('hostile structure', () => {
  const laughs = (() => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    return `<?xml version="1.0"?>\n<!DOCTYPE gexf [\n${entities.join('\n')}\n]>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>`;
  })();
  const cases: Array<[string, string, { text: string } | { bytes: number }, RegExp]> = [
    ['billion laughs (XML entity bomb)', 'laughs.gexf', { text: laughs }, /laughs\.gexf:\d+:\d+: the file declares XML entities/],
    [
      'elements nested 200 000 deep',
      'deep.graphml',
      { text: `<graphml><graph>${'<data>'.repeat(200_000)}${'</data>'.repeat(200_000)}</graph></graphml>` },
      /deep\.graphml:1:\d+ <data>: elements are nested more than 64 deep/,
    ],
    ['JSON nested 500 000 deep', 'deep.json', { text: `${'['.repeat(500_000)}${']'.repeat(500_000)}` }, /deep\.json:1:1: expected a graphology JSON object/],
    [
      'a YAML alias bomb',
      'bomb.yaml',
      { text: `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${`*${String.fromCharCode(97 + i)},`.repeat(9)}]`).join('\n')}\n` },
      /bomb\.yaml:1:1: cannot read the YAML: .*alias/i,
    ],
    ['a 50 MB file', 'huge.gexf', { bytes: 50 * 1024 * 1024 }, /huge\.gexf: the file is 50 MB; files up to 45 MB can be opened/],
  ];
  // One page for the refusals: each leaves the chapter shown and its message dismissed, as a
  // reader would before trying the next file, so each case starts where a fresh page does.
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ page, close } = await open());
  });
  afterAll(async () => {
    await close?.();
  });
  for (const [name, file, content, message] of cases) {
    it(`refuses ${name} quickly, stays responsive and keeps the graph`, async () => {
      const box = page.locator('.io-error');
      expect(await box.isHidden()).toBe(true);
      expect(await page.evaluate(() => (window as any).linkage.graph.getAttribute('id'))).toBe('chapter-02');
      const t0 = Date.now();
      await drop(page, file, content);
      await box.waitFor({ state: 'visible', timeout: 15_000 });
      const elapsed = Date.now() - t0;
      expect(await box.textContent()).toMatch(message);
      expect(elapsed).toBeLessThan(15_000);
      // The page answers at once and still shows the chapter.
      const frame = await page.evaluate(() => new Promise<number>((r) => { const t = performance.now(); requestAnimationFrame(() => r(performance.now() - t)); }));
      expect(frame).toBeLessThan(500);
      expect(await page.evaluate(() => (window as any).linkage.graph.getAttribute('id'))).toBe('chapter-02');
      if (file === 'laughs.gexf') await screenshot(page, 'hostile-entities');
      await box.locator('.io-dismiss').click();
      await box.waitFor({ state: 'hidden' });
    });
  }

  it('prototype keys in a JSON file pollute nothing', async () => {
    const { page, close } = await open();
    const json = '{"attributes":{"__proto__":{"polluted":"graph"}},"nodes":[{"key":"__proto__","attributes":{"__proto__":{"polluted":"node"},"constructor":{"prototype":{"polluted":"ctor"}},"label":"proto"}},{"key":"b"}],"edges":[{"source":"__proto__","target":"b","attributes":{"__proto__":{"polluted":"edge"}}}]}';
    await drop(page, 'proto.json', { text: json });
    await page.waitForFunction(() => (window as any).linkage?.graph.getAttribute('id') === 'proto' && (window as any).linkage.ready === true);
    expect(await page.evaluate(() => [({} as any).polluted ?? null, (window as any).linkage.graph.order, (window as any).linkage.graph.hasNode('__proto__')])).toEqual([null, 2, true]);
    await close();
  });
});

describe('Content-Security-Policy', () => {
  it('forbids inline script, eval and every other origin, verified in the browser', async () => {
    const { page, close, requests } = await open();
    const failed: Array<[string, string]> = [];
    page.on('requestfailed', (r) => failed.push([r.url(), r.failure()?.errorText ?? '']));
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const w = window as any;
      // 1. An inline <script> and an inline handler.
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      const div = document.createElement('div');
      div.setAttribute('onclick', 'window.__handler = 1');
      document.body.append(div);
      div.click();
      div.remove();
      // 2. Code from a string (setTimeout with a string is eval; it runs outside this evaluation).
      setTimeout('window.__timer = 1' as unknown as () => void, 0);
      // 3. Another origin, by fetch and by image.
      let fetchBlocked = false;
      try {
        await fetch('https://example.com/');
      } catch {
        fetchBlocked = true;
      }
      await new Promise<void>((resolve) => {
        const img = new Image();
        img.onerror = () => resolve();
        img.onload = () => resolve();
        img.src = 'https://example.com/pixel.png';
      });
      // A timer queued after the string one runs after it: by then that string's code would have run.
      await new Promise((r) => setTimeout(r, 0));
      // Violation reports are events that come after the fact: wait (up to 5 s) for one of each kind.
      const t0 = performance.now();
      const reported = () => violations.includes('connect-src') && violations.includes('img-src') && violations.some((v) => v.startsWith('script-src'));
      while (!reported() && performance.now() - t0 < 5_000) await new Promise((r) => setTimeout(r, 10));
      return { inline: w.__inline ?? null, handler: w.__handler ?? null, timer: w.__timer ?? null, fetchBlocked, violations: [...new Set(violations)].sort() };
    });
    expect(result).toMatchObject({ inline: null, handler: null, timer: null, fetchBlocked: true });
    expect(result.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
    expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    // Chromium announces the image request, then blocks it before it leaves: it never completes.
    expect(failed.filter(([u]) => u.includes('example.com'))).toEqual([['https://example.com/pixel.png', 'csp']]);
    // The blocked attempts made here on purpose are not counted by the suite's "no request leaves" check.
    for (let i = requests.length - 1; i >= 0; i--) if (requests[i]!.includes('example.com')) requests.splice(i, 1);
    await close();
  });
});
