/**
 * Lecture mode in headless Chromium: opening at a slide, stepping with the keys clickers send
 * (the map, the text and the URL follow), the projector theme, and a presenter view in a second
 * window kept in step over BroadcastChannel. Screenshots go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SHARED_VOCABULARY } from '../../src/model/vocabulary';
import { sharedBrowser } from './browser';
import { cameraSettled, hexToRgb, near, nodePixel, nodeScreenPosition, openApp, screenshot, state, waitReady } from './harness';

const browser = sharedBrowser();

const TRANSFORMATION = hexToRgb(SHARED_VOCABULARY.nodeKinds['transformation']!.color);
const MEASURE = hexToRgb(SHARED_VOCABULARY.nodeKinds['measure']!.color);
const REFORM = hexToRgb(SHARED_VOCABULARY.nodeKinds['reform']!.color);
/** The map's "quieter" look of earlier slides: half-way to white. */
const half = (rgb: number[]) => rgb.map((c) => Math.round(c + (255 - c) * 0.5));
const brightness = (px: number[]) => px[0]! + px[1]! + px[2]!;

const slideOf = (page: Page) => page.evaluate(() => (window as any).linkage.session.state().slide as number | null);
const slideSets = (page: Page) =>
  page.evaluate(() => {
    const d = (window as any).linkage.session.derived();
    return { now: [...d.slideNodes] as string[], past: [...d.pastSlideNodes] as string[] };
  });

/** Shows the whole map (so that any node can be read back), without touching the lecture state. */
const showAll = (page: Page) => page.evaluate(() => (window as any).linkage.net.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));

async function press(page: Page, key: string, slide: number): Promise<void> {
  await page.keyboard.press(key);
  await expect.poll(() => slideOf(page), { timeout: 5000 }).toBe(slide);
  await expect.poll(() => page.url()).toContain(`slide=${slide}`);
  await expect.poll(() => page.locator('.lecture-body .slide-text').getAttribute('data-slide')).toBe(String(slide));
}

describe('lecture mode', () => {
  it('opens at #mode=lecture&slide=9: slide 9’s text, its concepts lit and in view, earlier ones quieter, later ones dimmed', async () => {
    const { page, errors, close } = await openApp(browser(), '#mode=lecture&slide=9&lang=zh-Hant');
    expect(await state(page)).toMatchObject({ mode: 'lecture', slide: 9 });
    await expect.poll(() => page.locator('#lecture-count').textContent()).toBe('第 9 張,共 20 張');
    const text = (await page.locator('.lecture-body .slide-text').textContent()) ?? '';
    expect(text).toContain('行政決策由集中決策向民主決策轉化');
    expect(await page.locator('.lecture-section').textContent()).toBe('§2-3 電子政務對傳統行政的沖擊');
    // Projector theme: no top bar, no sidebar; large type.
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    const fontSize = await page.locator('.lecture-body').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(20);
    // Projector-sized names on the map (16 px, over the map's 12).
    expect(await page.evaluate(() => (window as any).linkage.net.renderer.getSetting('labelSize'))).toBe(16);

    // The map: this slide's concepts lit, earlier slides' quieter, later ones dimmed.
    const sets = await slideSets(page);
    expect(sets.now).toContain('tr.decision');
    expect(sets.now).toContain('st.democratic');
    expect(sets.past).toContain('rf.market');
    expect(sets.past).not.toContain('tr.decision');
    expect(sets.now).not.toContain('tr.power');
    expect(sets.past).not.toContain('tr.power');
    await cameraSettled(page); // the camera's fit animation
    expect(near(await nodePixel(page, 'tr.decision'), TRANSFORMATION)).toBe(true);
    await screenshot(page, 'lecture-projector-slide-9');
    // The camera is fitted: every concept of the slide's own (hubs and sections aside) is in view.
    const box = (await page.locator('#map').boundingBox())!;
    const own = await page.evaluate((keys) => {
      const { graph } = (window as any).linkage;
      return keys.filter((k: string) => !['chapter', 'section'].includes(graph.getNodeAttribute(k, 'kind')) && graph.getNodeAttribute(k, 'slides').length <= 3);
    }, sets.now);
    expect(own.length).toBeGreaterThan(10);
    for (const key of own) {
      const p = await nodeScreenPosition(page, key);
      expect(p.x, key).toBeGreaterThanOrEqual(box.x - 1);
      expect(p.x, key).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(p.y, key).toBeGreaterThanOrEqual(box.y - 1);
      expect(p.y, key).toBeLessThanOrEqual(box.y + box.height + 1);
    }
    await showAll(page);
    expect(near(await nodePixel(page, 'tr.form'), half(TRANSFORMATION), 16)).toBe(true); // slide 6: earlier
    const later = await nodePixel(page, 'tr.power'); // slide 10: not yet
    expect(brightness(later)).toBeGreaterThan(brightness(half(TRANSFORMATION)) + 60);
    expect(errors).toEqual([]);
    await close();
  });

  it('steps with → Space PageDown ← PageUp Home End and number + Enter; the map, text and URL follow; back goes back', async () => {
    const { page, errors, close } = await openApp(browser(), '#mode=lecture&lang=zh-Hant');
    await expect.poll(() => slideOf(page)).toBe(1);
    await press(page, 'ArrowRight', 2);
    await press(page, ' ', 3);
    expect((await page.locator('.lecture-body').textContent()) ?? '').toContain('公共服務市場化');
    await press(page, 'PageDown', 4);
    // Slide 4: the measure is lit and the reform of slide 3 stays, quieter.
    expect((await slideSets(page)).now).toContain('m.decentralise');
    await cameraSettled(page);
    await showAll(page);
    expect(near(await nodePixel(page, 'm.decentralise'), MEASURE)).toBe(true);
    expect(near(await nodePixel(page, 'rf.market'), half(REFORM), 16)).toBe(true);
    await press(page, 'ArrowLeft', 3);
    await press(page, 'PageUp', 2);
    await press(page, 'End', 20);
    expect(await page.locator('.lecture-next').isDisabled()).toBe(true);
    await press(page, 'Home', 1);
    // A focused map does not swallow the arrows (they would pan it otherwise).
    await page.locator('#map').focus();
    await press(page, 'ArrowRight', 2);
    // Number + Enter jumps; the hint shows what was typed.
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('.lecture-jump').textContent()).toContain('12');
    await press(page, 'Enter', 12);
    expect(await page.locator('.lecture-jump').isHidden()).toBe(true);
    // Slide 4's measure is now from an earlier slide: quieter than its own colour.
    await cameraSettled(page);
    await screenshot(page, 'lecture-projector-slide-12');
    await showAll(page);
    expect(near(await nodePixel(page, 'm.decentralise'), half(MEASURE), 16)).toBe(true);
    // Each step is a history entry: back returns to the slide before the jump.
    await page.goBack();
    await expect.poll(() => slideOf(page)).toBe(2);
    // The go-to box and the buttons do the same.
    await page.locator('#lecture-goto').fill('7');
    await page.locator('#lecture-goto').press('Enter');
    await expect.poll(() => slideOf(page)).toBe(7);
    await page.locator('.lecture-prev').click();
    await expect.poll(() => slideOf(page)).toBe(6);
    // Full screen toggles (the button says which way it goes).
    await page.locator('#lecture-fullscreen').click();
    await expect.poll(() => page.evaluate(() => Boolean(document.fullscreenElement))).toBe(true);
    await expect.poll(() => page.locator('#lecture-fullscreen').textContent()).toBe('退出全螢幕');
    await page.locator('#lecture-fullscreen').click();
    await expect.poll(() => page.evaluate(() => Boolean(document.fullscreenElement))).toBe(false);
    // Ending the lecture clears the slide and brings the explorer back.
    await page.locator('#lecture-end').click();
    await expect.poll(() => state(page)).toMatchObject({ mode: 'explore', slide: null });
    expect(await page.locator('.topbar').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as any).linkage.net.renderer.getSetting('labelSize'))).toBe(12);
    await expect.poll(() => page.url()).not.toContain('slide=');
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps a presenter view in a second window in step, both ways; the presenter button opens it', async () => {
    const { page: projector, context, errors, close } = await openApp(browser(), '#mode=lecture&slide=3&lang=zh-Hant');
    const presenter = await context.newPage();
    const presenterErrors: string[] = [];
    presenter.on('pageerror', (e) => presenterErrors.push(e.message));
    await presenter.goto(`${inject('baseUrl')}?presenter=1#mode=lecture&slide=7&lang=zh-Hant`);
    await waitReady(presenter);
    // Opening, it asks the projected window where the lecture is, and goes there.
    await expect.poll(() => slideOf(presenter)).toBe(3);
    await expect.poll(() => presenter.locator('#presenter-count').textContent()).toBe('第 3 張,共 20 張');
    const notes = presenter.locator('#presenter-notes');
    expect((await notes.textContent()) ?? '').toContain('大力推進公共服務市場化');
    // Speaker notes read this slide's propositions as sentences; the next slide is previewed.
    await expect.poll(() => notes.locator('.presenter-propositions li').allTextContents()).toContain('公共服務市場化旨在改善服務質量');
    expect((await presenter.locator('#presenter-next').textContent()) ?? '').toContain('改革管理和運行體制');
    // The projector leads…
    await projector.bringToFront();
    await projector.keyboard.press('ArrowRight');
    await expect.poll(() => slideOf(presenter)).toBe(4);
    await expect.poll(() => presenter.locator('#presenter-count').textContent()).toBe('第 4 張,共 20 張');
    expect((await presenter.locator('#presenter-next').textContent()) ?? '').toContain('電子政務治理的特征');
    // …and the presenter leads too (a clicker in the speaker's hand).
    await presenter.bringToFront();
    await presenter.keyboard.press('PageDown');
    await expect.poll(() => slideOf(projector)).toBe(5);
    await presenter.keyboard.press('PageDown');
    await presenter.keyboard.press('PageDown');
    await expect.poll(() => slideOf(projector)).toBe(7);
    expect(await slideOf(presenter)).toBe(7);
    await expect.poll(() => projector.locator('#lecture-count').textContent()).toBe('第 7 張,共 20 張');
    await screenshot(presenter, 'lecture-presenter-view');
    // The button on the projected window opens the presenter view (this page, ?presenter=1).
    await projector.bringToFront();
    const [popup] = await Promise.all([context.waitForEvent('page'), projector.locator('#lecture-presenter').click()]);
    await waitReady(popup);
    expect(new URL(popup.url()).searchParams.get('presenter')).toBe('1');
    expect(popup.url()).toContain('slide=7');
    await expect.poll(() => popup.locator('#presenter').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(presenterErrors).toEqual([]);
    await close();
  });
});
