/**
 * Build mode end to end in headless Chromium: a kit rebuilt by mouse, by keyboard alone and by
 * touch; undo, redo and the work restored after a reload; Check's verdicts on the sheet and in
 * the list; a skeleton and a free sheet; hand-ins downloaded, dropped on the class overview and
 * counted, hostile ones refused; missed propositions due in revision and linked concepts ringed
 * on its map; axe clean. Screenshots go to test-artifacts/.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeExercise } from '../../src/model/build/exercise';
import { scopeContent } from '../../src/model/build/scope';
import type { ExpertProposition } from '../../src/model/build/types';
import type { LinkageGraph } from '../../src/model/types';
import { OVERLAY_COLORS } from '../../src/views/map/reducers';
import { compiledChapter } from '../helpers/chapter';
import { sharedBrowser } from './browser';
import { axe, hexToRgb, near, nodeDiscPixels, openApp, screenshot } from './harness';

const browser = sharedBrowser();
const SCOPE = { kind: 'section', id: '2-1' } as const;
const KIT = '#mode=build&lang=en&scope=section:2-1';
let chapter: LinkageGraph;
/** Three links of the scope that no other link of the chapter joins the same two concepts with. */
let links: ExpertProposition[];

beforeAll(async () => {
  chapter = Graph.from(await compiledChapter()) as LinkageGraph;
  const { propositions } = scopeContent(chapter, SCOPE);
  const pairs = new Map<string, number>();
  for (const e of chapter.edges()) {
    const k = [chapter.source(e), chapter.target(e)].sort().join('|');
    pairs.set(k, (pairs.get(k) ?? 0) + 1);
  }
  links = propositions.filter((p) => pairs.get([p.source, p.target].sort().join('|')) === 1 && !p.symmetric).slice(0, 3);
  expect(links).toHaveLength(3);
});

const concept = (key: string) => `g.sheet-concept[data-key="${key}"]`;

/** The card group value the chooser offers for a link of `kind` (kit): its first button of that kind. */
async function chooseKind(page: Page, kind: string): Promise<void> {
  const button = page.locator(`.build-chooser button.choice[data-value^="${kind}::"]`).first();
  await button.waitFor();
  await button.click();
}

/** Drags from `source`'s link handle onto `target` with the mouse. */
async function dragLink(page: Page, source: string, target: string): Promise<void> {
  const handle = await page.locator(`${concept(source)} circle.handle`).boundingBox();
  const box = await page.locator(`${concept(target)} rect.box`).boundingBox();
  await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
  await page.mouse.down();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2, { steps: 6 });
  await page.mouse.up();
}

const linkCount = (page: Page) => page.locator('g.sheet-link[data-link^="l"]').count();
const live = (page: Page) => page.locator('.build [role=status]').textContent();

describe('Build mode', () => {
  it('rebuilds a kit by mouse, checks it, and keeps the work across a reload', async () => {
    const { page, close } = await openApp(browser(), KIT);
    await page.locator('g.sheet-concept').first().waitFor();
    const kit = makeExercise(chapter, 'kit', SCOPE);
    expect(await page.locator('g.sheet-concept').count()).toBe(kit.concepts.length);
    const right = links[0]!;
    const reversed = links[1]!;
    // A right link, a reversed one, and one the chapter does not have.
    await dragLink(page, right.source, right.target);
    await chooseKind(page, right.kind);
    await dragLink(page, reversed.target, reversed.source);
    await chooseKind(page, reversed.kind);
    const extraEnds = kit.concepts.filter((k) => !chapter.areNeighbors(k, right.source) && k !== right.source);
    await dragLink(page, right.source, extraEnds[0]!);
    await chooseKind(page, right.kind);
    expect(await linkCount(page)).toBe(3);
    // A card is used once: the tray counts it.
    const used = kit.cards.filter((c) => c.kind === right.kind).length;
    expect(await page.locator(`.card[data-kind="${right.kind}"] .card-count`).first().textContent()).toContain(`/${used}`);

    await page.click('button[data-tool=check]');
    await page.locator('.build-results').waitFor();
    expect(await page.locator('g.sheet-link[data-verdict=right]').count()).toBe(1);
    expect(await page.locator('g.sheet-link[data-verdict=partly]').count()).toBe(1);
    expect(await page.locator('g.sheet-link[data-verdict=extra]').count()).toBe(1);
    // Missing links are ghosted (their ends are all on a kit's sheet), and can be hidden.
    const missing = kit.propositions.length - 2;
    expect(await page.locator('g.sheet-link[data-verdict=missing]').count()).toBe(missing);
    await page.click('.show-missing');
    expect(await page.locator('g.sheet-link[data-verdict=missing]').count()).toBe(0);
    const results = await page.locator('.build-results').innerText();
    expect(results).toContain('the direction is reversed');
    expect(results).toMatch(/Convergence\s+\d+%/);
    // Convergence: (1 + ½) ÷ the scope's links, as shown.
    expect(results).toContain(`${Math.round((1.5 / kit.propositions.length) * 100)}%`);
    expect(results).toMatch(/slide \d+/);
    await screenshot(page, 'build-kit-checked');
    // Zoom, over the sheet's corner: the sheet is drawn larger, then back.
    const width = async () => Number(await page.locator('svg.sheet-svg').getAttribute('width'));
    const before = await width();
    await page.click('button[data-tool=zoomIn]');
    expect(await width()).toBeGreaterThan(before * 1.2);
    await page.click('button[data-tool=zoomOut]');
    expect(Math.abs((await width()) - before)).toBeLessThanOrEqual(1);

    // An edit clears the verdicts; the work survives a reload.
    await page.locator(concept(right.source)).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => linkCount(page)).toBe(2);
    expect(await page.locator('.build-results').count()).toBe(0);
    await page.reload();
    await page.locator('g.sheet-concept').first().waitFor();
    await expect.poll(() => linkCount(page)).toBe(2);
    expect(await live(page)).toContain('restored');
    await close();
  });

  it('works by keyboard alone, announcing each step', async () => {
    const { page, close } = await openApp(browser(), KIT);
    await page.locator('g.sheet-concept').first().waitFor();
    const l = links[0]!;
    // Tab from the page into the sheet until the source concept has the focus.
    await page.locator('button[data-tool=classOverview]').focus();
    const focusOn = async (key: string) => {
      for (let i = 0; i < 200; i++) {
        if ((await page.evaluate(() => document.activeElement?.getAttribute('data-key'))) === key) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${key}`);
    };
    await focusOn(l.source);
    await page.keyboard.press('Enter');
    await expect.poll(() => live(page)).toContain('Now pick the target');
    await focusOn(l.target);
    await page.keyboard.press('Enter');
    // The phrase list takes the focus; arrow through it with Tab, choose with Enter.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('choice'))).toBe(true);
    for (let i = 0; i < 40; i++) {
      const value = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.value ?? '');
      if (value.startsWith(`${l.kind}::`)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => live(page)).toContain('Linked:');
    expect(await linkCount(page)).toBe(1);
    // Arrows move the focused concept; Ctrl+Z undoes the move, then the link; Ctrl+Y redoes.
    const before = await page.locator(concept(l.target)).getAttribute('transform');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator(concept(l.target)).getAttribute('transform')).not.toBe(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(concept(l.target)).getAttribute('transform')).toBe(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => linkCount(page)).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => linkCount(page)).toBe(1);
    // R reverses the focused link, Delete removes it.
    await page.locator('g.sheet-link[data-link^="l"]').focus();
    await page.keyboard.press('r');
    await expect.poll(() => live(page)).toContain('Reversed');
    await page.locator('g.sheet-link[data-link^="l"]').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => linkCount(page)).toBe(0);
    // Escape cancels a picked source.
    await page.locator(concept(l.source)).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator(`${concept(l.source)}[aria-pressed=true]`).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator(`${concept(l.source)}[aria-pressed=true]`).count()).toBe(0);
    await close();
  });

  it('links by touch on a tablet', async () => {
    const { page, context, close } = await openApp(browser(), KIT, { hasTouch: true, viewport: { width: 1366, height: 1024 } });
    await page.locator('g.sheet-concept').first().waitFor();
    const l = links[2]!;
    const cdp = await context.newCDPSession(page);
    const handle = (await page.locator(`${concept(l.source)} circle.handle`).boundingBox())!;
    const box = (await page.locator(`${concept(l.target)} rect.box`).boundingBox())!;
    const at = (x: number, y: number) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
    const [x0, y0] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
    const [x1, y1] = [box.x + box.width / 2, box.y + box.height / 2];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x0, y0) });
    for (let i = 1; i <= 6; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x0 + ((x1 - x0) * i) / 6, y0 + ((y1 - y0) * i) / 6) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await chooseKind(page, l.kind);
    await expect.poll(() => linkCount(page)).toBe(1);
    await page.click('button[data-tool=check]');
    expect(await page.locator('g.sheet-link[data-verdict=right]').count()).toBe(1);
    await close();
  });

  it('a skeleton gives fixed links and parks the rest; a free sheet takes concepts from search', async () => {
    const { page, close } = await openApp(browser(), '#mode=build&lang=zh-Hant&ex=skeleton&scope=slides:6-13', { bypassCSP: true });
    await page.locator('g.sheet-concept').first().waitFor();
    const sk = makeExercise(chapter, 'skeleton', { kind: 'slides', first: 6, last: 13 });
    expect(await page.locator('g.sheet-concept').count()).toBe(sk.anchors.length);
    expect(await page.locator('g.sheet-link').count()).toBe(sk.given.length);
    // A given link stays put.
    await page.locator('g.sheet-link').first().focus();
    await page.keyboard.press('Delete');
    expect(await page.locator('g.sheet-link').count()).toBe(sk.given.length);
    // A parked concept goes on the sheet and takes the focus.
    const parked = page.locator('button.parked').first();
    const key = (await parked.getAttribute('data-key'))!;
    await parked.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(key);
    expect(await page.locator(`button.parked[data-key="${key}"]`).count()).toBe(0);
    // Another is dragged from the lot and dropped on an empty spot of the sheet: it lands there.
    const second = page.locator('button.parked').first();
    const key2 = (await second.getAttribute('data-key'))!;
    const from = (await second.boundingBox())!;
    const host = (await page.locator('.sheet-host').boundingBox())!;
    // An empty spot with room for a box around it, clear of the sheet's visible edges.
    const spot = await page.evaluate(([x0, y0, w, h]) => {
      const empty = (x: number, y: number) => document.elementFromPoint(x, y)?.tagName === 'svg';
      for (let y = y0 + 60; y < y0 + h - 60; y += 20)
        for (let x = x0 + 120; x < x0 + w - 120; x += 20)
          if ([-110, 0, 110].every((dx) => [-40, 0, 40].every((dy) => empty(x + dx, y + dy)))) return [x, y];
      return null;
    }, [host.x, host.y, host.width, host.height]);
    expect(spot).not.toBeNull();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(spot![0]!, spot![1]!, { steps: 8 });
    await page.mouse.up();
    const landed = page.locator(concept(key2));
    await landed.waitFor();
    const at = (await landed.locator('rect.box').boundingBox())!;
    expect(Math.abs(at.x + at.width / 2 - spot![0]!)).toBeLessThan(3);
    expect(Math.abs(at.y + at.height / 2 - spot![1]!)).toBeLessThan(3);
    expect(await page.locator(`button.parked[data-key="${key2}"]`).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'build-skeleton');

    await page.click('button[data-ex=free]');
    await expect.poll(() => page.locator('g.sheet-concept').count()).toBe(0);
    await page.fill('.build-search', 'dzzw');
    await page.locator('.build-hits button.hit[data-key="pd.egov"]').click();
    await expect.poll(() => page.locator(concept('pd.egov')).count()).toBe(1);
    expect(page.url()).toContain('ex=free');
    expect(await axe(page)).toEqual([]);
    await close();
  });

  it('hands in, and the class overview counts the hand-ins and refuses hostile ones', async () => {
    const { page, errors, close } = await openApp(browser(), KIT, { bypassCSP: true });
    await page.locator('g.sheet-concept').first().waitFor();
    for (const l of links.slice(0, 2)) {
      await dragLink(page, l.source, l.target);
      await chooseKind(page, l.kind);
    }
    await page.fill('.handin-name', 'Wang Xiaoming');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-tool=handin-json]')]);
    expect(download.suggestedFilename()).toBe('Wang-Xiaoming-kit-section-2-1.json');
    const dir = mkdtempSync(join(tmpdir(), 'linkage-handins-'));
    const first = join(dir, 'wang.json');
    await download.saveAs(first);
    const text = readFileSync(first, 'utf8');
    const handin = JSON.parse(text);
    expect(handin).toMatchObject({ format: 'linkage-handin', student: 'Wang Xiaoming', type: 'kit', scope: 'section:2-1' });
    expect(handin.links).toHaveLength(2);
    // Two more students: one made only the first link, one nothing; and two hostile files.
    const one = { ...handin, student: 'Li Si', links: handin.links.slice(0, 1) };
    const none = { ...handin, student: '<img src=x onerror=alert(1)>', links: [] };
    const files = [first, join(dir, 'li.json'), join(dir, 'none.json'), join(dir, 'proto.json'), join(dir, 'broken.json')];
    writeFileSync(files[1]!, JSON.stringify(one));
    writeFileSync(files[2]!, JSON.stringify(none));
    writeFileSync(files[3]!, text.replace('"kit"', '"__proto__"'));
    writeFileSync(files[4]!, text.slice(0, 200));
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('button[data-tool=handin-png]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    // The picture is the sheet: at twice its size, with the concepts' boxes and names drawn.
    const pngFile = join(dir, 'sheet.png');
    await png.saveAs(pngFile);
    const picture = PNG.sync.read(readFileSync(pngFile));
    const viewBox = (await page.locator('svg.sheet-svg').getAttribute('viewBox'))!.split(' ').map(Number);
    expect(picture.width).toBe(Math.round(viewBox[2]! * 2));
    expect(picture.height).toBe(Math.round(viewBox[3]! * 2));
    let inked = 0;
    for (let i = 0; i < picture.data.length; i += 4) if (picture.data[i]! < 128 && picture.data[i + 1]! < 128 && picture.data[i + 2]! < 128) inked++;
    expect(inked).toBeGreaterThan(5000);

    await page.click('button[data-tool=classOverview]');
    await page.setInputFiles('#class-files', files);
    await expect.poll(() => page.locator('.class-table tbody tr').count()).toBe(4);
    const rows = await page.locator('.class-table tbody tr th').allTextContents();
    expect(rows).toEqual(['Wang Xiaoming', 'Li Si', '<img src=x onerror=alert(1)>', 'Class mean']);
    expect(await page.locator('.class-view img').count()).toBe(0);
    const refused = await page.locator('.class-refused li').allTextContents();
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatch(/^proto\.json:\d+:\d+ type: /);
    expect(refused[1]).toMatch(/^broken\.json:\d+:\d+: the JSON is not well-formed/);
    // On the map: the first link was made right by two students, the second by one.
    const label = (edge: string) => page.locator(`.class-map g.sheet-link[data-link="${edge}"] text`).textContent();
    expect(await label(links[0]!.edge)).toMatch(/· 2$/);
    expect(await label(links[1]!.edge)).toMatch(/· 1$/);
    expect(await axe(page)).toEqual([]);

    // A class of thirty dropped on the overview at once: every third made nothing, the others the first link, half of those the second too.
    await page.click('.class-view button:text-is("Clear all")');
    await expect.poll(() => page.locator('.class-table').count()).toBe(0);
    const class30 = Array.from({ length: 30 }, (_, i) => ({
      name: `s${i + 1}.json`,
      text: JSON.stringify({ ...handin, student: `Student ${i + 1}`, links: handin.links.slice(0, i % 3) }),
    }));
    await page.evaluate((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      document.querySelector('.class-view')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, class30);
    await expect.poll(() => page.locator('.class-table tbody tr').count()).toBe(31);
    expect(await label(links[0]!.edge)).toMatch(/· 20$/);
    expect(await label(links[1]!.edge)).toMatch(/· 10$/);
    expect(await page.locator('.class-count').textContent()).toContain('30');
    await screenshot(page, 'build-class-overview');
    expect(errors).toEqual([]);
    await close();
  });

  it('missed propositions become due in revision, and linked concepts are ringed on its map', async () => {
    const { page, close } = await openApp(browser(), KIT);
    await page.locator('g.sheet-concept').first().waitFor();
    const l = links[0]!;
    await dragLink(page, l.source, l.target);
    await chooseKind(page, l.kind);
    await page.click('button[data-tool=check]');
    await page.locator('.due-note').waitFor();
    const stored = await page.evaluate(() => ({ ...localStorage }));
    const progress = JSON.parse(stored['linkage.progress:chapter-02']!);
    const wrong = Object.values(progress.cards as Record<string, { wrong: number; box: number }>);
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.every((c) => c.wrong === 1 && c.box === 1)).toBe(true);
    expect(JSON.parse(stored['linkage.build:chapter-02:linked']!)).toEqual([l.source, l.target].sort());
    // Revision's map rings both ends in the exercise's colour.
    await page.click('button[data-mode=revision]');
    await page.locator('.revision-legend .legend-item').nth(2).waitFor();
    const ring = hexToRgb(OVERLAY_COLORS.linked);
    await expect.poll(async () => (await nodeDiscPixels(page, l.source)).some((p) => near(p, ring, 30))).toBe(true);
    await close();
  });
});
