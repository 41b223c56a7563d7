/**
 * Revision mode in headless Chromium: a full round with right and wrong answers (feedback on
 * the map and citing the slide), progress that survives a reload and rings the map, corrupt or
 * foreign stored progress ignored with a notice, reset, the Anki CSV download, and graphs
 * without typed links. Screenshots go to test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/io/csv';
import { sharedBrowser } from './browser';
import { cameraSettled, hexToRgb, near, nodeDiscPixels, openApp, rightOption, screenshot, state } from './harness';
import { openTab } from './tabs';

const browser = sharedBrowser();

const KEY = 'linkage.progress:chapter-02';
/** The colour the map draws a path in (links, and the border of its ends). */
const PATH_COLOR = '#d55e00';

const stored = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), KEY);

/** Answers the question on screen, right or wrong; returns its id and whether it was answered right. */
async function answer(page: Page, right: boolean): Promise<{ id: string; type: string }> {
  const card = page.locator('#revision-card');
  const id = (await card.getAttribute('data-question'))!;
  const type = (await card.getAttribute('data-type'))!;
  for (;;) {
    const correct = await rightOption(page);
    const options = await card.locator('button.option').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.node!));
    expect(options).toContain(correct);
    const pick = right ? correct : options.find((o) => o !== correct)!;
    const index = options.indexOf(pick);
    // Half the picks by number key, half by click.
    if (index % 2 === 0) await page.keyboard.press(String(index + 1));
    else await card.locator(`button.option[data-node="${pick}"]`).click();
    if (await page.locator('#revision-feedback').isVisible()) break;
    expect(type).toBe('path'); // only a path question asks again (the next step)
  }
  return { id, type };
}

describe('revision mode', () => {
  it('a full round of right and wrong answers: feedback on the map citing the slide, progress kept across a reload', async () => {
    const { page, errors, close } = await openApp(browser(), '#mode=revision&lang=zh-Hant');
    await expect.poll(() => page.locator('#revision-card').getAttribute('data-question')).toBeTruthy();
    const total = Number(/\/ (\d+)/.exec((await page.locator('#revision-progress').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(100);
    const answered: Array<{ id: string; right: boolean }> = [];
    for (let i = 0; i < 10; i++) {
      await expect.poll(() => page.locator('.question-count').textContent()).toBe(`第 ${i + 1} 題,共 10 題`);
      const right = i % 3 !== 1; // 7 right, 3 wrong
      const { id } = await answer(page, right);
      answered.push({ id, right });
      const feedback = page.locator('#revision-feedback');
      expect(await feedback.getAttribute('class')).toContain(right ? 'is-right' : 'is-wrong');
      expect(await feedback.locator('.feedback-verdict').textContent()).toBe(right ? '✓ 答對了' : '✗ 答錯了');
      // It cites the slide…
      expect(await feedback.locator('.feedback-cite').textContent()).toMatch(/^出處: 第 \d+(–\d+)?(, \d+(–\d+)?)* 張$/);
      // …and shows the answer on the map: the chain from what was asked to the answer, drawn.
      const s = await state(page);
      const path = s.path as { from: string; to: string };
      expect(path.from).not.toBeNull();
      expect(path.to).not.toBeNull();
      const lit = await page.evaluate(() => [...(window as any).linkage.session.derived().pathNodes]);
      expect(lit).toContain(path.to);
      if (i === 1) {
        await cameraSettled(page);
        // The answer's disc is drawn in its own colour, ringed with the path's colour.
        const disc = await nodeDiscPixels(page, path.to);
        const fill = await page.evaluate((k) => (window as any).linkage.graph.getNodeAttribute(k, 'color'), path.to);
        expect(disc.some((p) => near(p, hexToRgb(fill))), `${path.to}: no pixel of ${fill} in its disc`).toBe(true);
        expect(disc.some((p) => near(p, hexToRgb(PATH_COLOR))), `${path.to}: no pixel of the path colour ${PATH_COLOR} on its disc`).toBe(true);
        await screenshot(page, 'revision-feedback-wrong');
      }
      if (i === 0) await screenshot(page, 'revision-feedback-right');
      // The panel beside the map reads the chain as sentences.
      await expect.poll(() => page.locator('.panel .path-result ol.chain li').count()).toBeGreaterThan(0);
      if (i % 2 === 0) await page.keyboard.press('Enter');
      else await feedback.locator('.revision-next').click();
    }
    await expect.poll(() => page.locator('#round-score').textContent()).toBe('答對 7 題,答錯 3 題。');
    expect(await page.locator('#revision-progress').textContent()).toBe(`已答 10 / ${total} 題 · 已掌握 0 題`);
    // Stored on this device: right answers in box 2 (due tomorrow), wrong ones in box 1 (due now).
    const saved = await stored(page);
    expect(Object.keys(saved.cards).sort()).toEqual(answered.map((a) => a.id).sort());
    for (const a of answered) expect(saved.cards[a.id].box, a.id).toBe(a.right ? 2 : 1);
    // The map rings the concepts visited.
    const visited = await page.evaluate(() => {
      const { net, graph } = (window as any).linkage;
      return graph.filterNodes((k: string) => net.renderer.getNodeDisplayData(k).ringColor === '#2f6fd0');
    });
    expect(visited.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'revision-round-done');

    // A reload keeps it all, and the next round starts with the three answered wrong.
    await page.reload();
    await expect.poll(() => page.locator('#revision-progress').textContent()).toBe(`已答 10 / ${total} 題 · 已掌握 0 題`);
    expect(await page.locator('.box-1 .box-count').textContent()).toBe('3');
    expect(await page.locator('.box-2 .box-count').textContent()).toBe('7');
    const wrongIds = answered.filter((a) => !a.right).map((a) => a.id);
    const firstThree: string[] = [];
    for (let i = 0; i < 3; i++) {
      await expect.poll(() => page.locator('.question-count').textContent()).toBe(`第 ${i + 1} 題,共 10 題`);
      firstThree.push((await answer(page, true)).id);
      await page.keyboard.press('Enter');
    }
    expect(firstThree.sort()).toEqual(wrongIds.sort());
    const again = await stored(page);
    for (const id of wrongIds) expect(again.cards[id].box).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  it('rings mastered concepts on the map; reset clears progress after an inline confirmation', async () => {
    const { page, close } = await openApp(browser(), '#lang=zh-Hant');
    const now = Date.now();
    await page.evaluate(
      ([k, t]) => {
        const card = { box: 5, due: (t as number) + 14 * 86_400_000, right: 4, wrong: 0, last: t };
        localStorage.setItem(k as string, JSON.stringify({ version: 1, graph: 'chapter-02', seed: 77, cards: { 'pole:tr.process>from>st.blackbox:target': card, 'reform:m.economy>realizes>rf.function:target': { ...card, box: 2 } } }));
      },
      [KEY, now],
    );
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, mode: 'revision' })));
    await expect.poll(() => page.locator('#revision-progress').textContent()).toMatch(/^已答 2 \/ \d+ 題 · 已掌握 1 題$/);
    const ring = (k: string) => page.evaluate((key) => (window as any).linkage.net.renderer.getNodeDisplayData(key).ringColor ?? null, k);
    expect(await ring('st.blackbox')).toBe('#1a9850');
    expect(await ring('tr.process')).toBe('#1a9850');
    expect(await ring('m.economy')).toBe('#2f6fd0');
    expect(await ring('tr.power')).toBeNull();
    // The ring is drawn: just inside the node's rim, the pixel is the ring's green.
    await page.evaluate(() => (window as any).linkage.net.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.5, angle: 0 }));
    await page.evaluate(() => (window as any).linkage.net.flyTo('st.blackbox'));
    await cameraSettled(page);
    const rim = await page.evaluate((k) => {
      const r = (window as any).linkage.net.renderer;
      r.refresh();
      const canvas: HTMLCanvasElement = r.getCanvases().nodes;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const d = r.getNodeDisplayData(k);
      const p = r.framedGraphToViewport(d);
      const radius = r.scaleSize(d.size);
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const out = new Uint8Array(4);
      gl.readPixels(Math.round((p.x + radius * 0.8) * ratio), Math.round(canvas.height - p.y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
      return [...out];
    }, 'st.blackbox');
    // WebGL's pixels are premultiplied by alpha (the ring's edge is antialiased): compare the colour itself.
    const [rr, rg, rb, ra] = rim as [number, number, number, number];
    expect(ra, String(rim)).toBeGreaterThan(100);
    const unpremultiplied = [rr, rg, rb].map((c) => Math.round((c * 255) / ra));
    expect(near(unpremultiplied, hexToRgb('#1a9850'), 40), String(rim)).toBe(true);
    await screenshot(page, 'revision-overlay-mastered');
    // Reset asks first (inline, no browser dialog), then clears.
    await page.locator('#revision-reset').click();
    await page.locator('#revision-reset-yes').click();
    await expect.poll(() => page.locator('#revision-progress').textContent()).toMatch(/^已答 0 \/ \d+ 題 · 已掌握 0 題$/);
    expect(await ring('st.blackbox')).toBeNull();
    expect(Object.keys((await stored(page)).cards)).toEqual([]);
    await close();
  });

  it('ignores corrupt or foreign stored progress with a notice, never a crash', async () => {
    for (const [value, says] of [
      ['{"version":1,"graph":"chapter-02","seed":', '無法讀取'],
      ['{"version":9,"graph":"chapter-02","seed":1,"cards":{}}', '不屬於'],
      ['{"version":1,"graph":"another-chapter","seed":1,"cards":{"x":{"box":1}}}', '不屬於'],
    ]) {
      const url = `${inject('baseUrl')}#mode=revision&lang=zh-Hant`;
      const { page, close } = await openTab(browser(), url, { own: true });
      await page.addInitScript(([k, v]) => localStorage.setItem(k!, v!), [KEY, value]);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await expect.poll(() => page.locator('#notice').textContent()).toContain(says);
      await expect.poll(() => page.locator('#revision-card button.option').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('#revision-progress').textContent()).toMatch(/^已答 0 \//);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('exports the flashcards as a CSV that Anki imports: headers, then Front, Back, Tags with the slide', async () => {
    const { page, close } = await openApp(browser(), '#mode=revision&lang=zh-Hans');
    await expect.poll(() => page.locator('#revision-card').getAttribute('data-question')).toBeTruthy();
    const total = Number(/\/ (\d+)/.exec((await page.locator('#revision-progress').textContent()) ?? '')?.[1]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#revision-export').click()]);
    expect(download.suggestedFilename()).toBe('linkage-chapter-02-zh-Hans-anki.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n').slice(0, 3)).toEqual(['#separator:Comma', '#html:true', '#tags column:3']);
    const rows = parseCsv(text.split('\r\n').slice(3).join('\r\n'));
    expect(rows).toHaveLength(total);
    for (const r of rows) {
      expect(r).toHaveLength(3);
      expect(r[2]).toMatch(/^linkage linkage::chapter-02 type::[a-z]+( slide::\d+)+$/);
    }
    const drawback = rows.find((r) => r[0]!.includes('＿＿＿是传统的集权决策体制的弊端') && r[1]!.includes('行政程序复杂化'));
    expect(drawback?.[2]).toContain('slide::17');
    expect(drawback?.[1]).toContain('(第 17 张)');
    await close();
  });

  it('on a graph without typed links asks path questions only, and says plainly when nothing can be asked', async () => {
    const { page, errors, close } = await openApp(browser(), '#lang=en');
    // Open a grid graph (no kinds, no typed links) the way an import does.
    await page.evaluate(() => {
      const { graph, ctx } = (window as any).linkage;
      const G = graph.constructor;
      const g = new G({ multi: true, type: 'directed' });
      g.replaceAttributes({ id: 'grid', title: 'Grid', titleHans: 'Grid', titleEn: 'Grid', slideCount: 0, sections: [], nodeKinds: [], edgeKinds: [], slideTexts: [] });
      const key = (r: number, c: number) => `n${r}-${c}`;
      for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) g.addNode(key(r, c), { label: key(r, c), labelEn: key(r, c), x: c, y: r, size: 6, color: '#888888', kind: 'concept', slides: [] });
      for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) {
        if (c < 5 && r % 2 === 0) g.addEdge(key(r, c), key(r, c + 1), { kind: 'involves', slides: [] });
        if (r < 5 && c % 3 === 0) g.addEdge(key(r, c), key(r + 1, c), { kind: 'involves', slides: [] });
      }
      ctx.openGraph(g, 'grid');
    });
    await page.waitForFunction(() => (window as any).linkage.graph.getAttribute('id') === 'grid' && (window as any).linkage.ready === true);
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, mode: 'revision', lang: 'en' })));
    await expect.poll(() => page.locator('.revision-note').textContent()).toBe('No link in this graph is of a kind the questions ask about, so only "how are these two linked?" can be asked.');
    expect(await page.locator('#revision-card').getAttribute('data-type')).toBe('path');
    await answer(page, true);
    expect(await page.locator('#revision-feedback .feedback-verdict').textContent()).toBe('✓ Right');
    // Two linked nodes: nothing to ask, said plainly.
    await page.evaluate(() => {
      const { graph, ctx } = (window as any).linkage;
      const g = new graph.constructor({ multi: true, type: 'directed' });
      g.replaceAttributes({ id: 'pair', title: 'Pair', titleHans: 'Pair', titleEn: 'Pair', slideCount: 0, sections: [], nodeKinds: [], edgeKinds: [], slideTexts: [] });
      g.addNode('a', { label: 'A', x: 0, y: 0, size: 6, color: '#888888', kind: 'concept', slides: [] });
      g.addNode('b', { label: 'B', x: 1, y: 0, size: 6, color: '#888888', kind: 'concept', slides: [] });
      g.addEdge('a', 'b', { kind: 'involves', slides: [] });
      ctx.openGraph(g, 'pair');
    });
    await page.waitForFunction(() => (window as any).linkage.graph.getAttribute('id') === 'pair' && (window as any).linkage.ready === true);
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, mode: 'revision', lang: 'en' })));
    await expect.poll(() => page.locator('#revision-empty').textContent()).toContain('Nothing can be asked about this graph');
    expect(await page.locator('#revision-export').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
});
