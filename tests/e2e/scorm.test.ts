/**
 * The SCORM package in headless Chromium, inside a page that plays the LMS with a real SCORM
 * runtime (scorm-again, the LMS side): the package made from the built site the way
 * `npm run package:scorm` makes it, served from its zip; the host frames index.html with the
 * manifest's launch parameters, as an LMS's player does. Revision questions answered in the frame
 * are recorded by the runtime (status, score, suspend data, session time, terminate); a relaunch
 * in a fresh browser (empty storage) gets the progress back from the LMS; a full chapter's
 * progress handed in by the LMS reports completion and a pass; an LMS that refuses gets a notice
 * and the page goes on; and the same package opened with no LMS behaves as the site does today
 * (no bridge loaded, its service worker registered, progress on the device).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import Graph from 'graphology';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makePackage } from '../../src/cli/scorm';
import type { ScormVersion } from '../../src/lms/find-api';
import { decodeSuspend, encodeSuspend } from '../../src/lms/suspend';
import { generateQuestions } from '../../src/model/quiz';
import type { EdgeAttrs, GraphAttrs, NodeAttrs } from '../../src/model/types';
import { emptyProgress, parseProgress, recordAnswer, serializeProgress } from '../../src/state/progress';
import { compiledChapter } from '../helpers/chapter';
import { sharedBrowser } from './browser';
import { rightOption, screenshot } from './harness';
import { pagePerTest } from './tabs';

const browser = sharedBrowser();
const KEY = 'linkage.progress:chapter-02';
const RUNTIME: Record<ScormVersion, { file: string; global: string; api: string; set: string; finish: string }> = {
  '1.2': { file: 'scorm12.min.js', global: 'Scorm12API', api: 'API', set: 'LMSSetValue', finish: 'LMSFinish' },
  '2004': { file: 'scorm2004.min.js', global: 'Scorm2004API', api: 'API_1484_11', set: 'SetValue', finish: 'Terminate' },
};
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', json: 'application/json', webmanifest: 'application/manifest+json', png: 'image/png', svg: 'image/svg+xml', xml: 'application/xml', xsd: 'application/xml', dtd: 'application/xml-dtd', woff2: 'font/woff2', woff: 'font/woff' };

let server: Server;
let base = '';
/** Each package's files by path, and its launch address (resource href + the item's parameters), by its folder on the server. */
const packages = new Map<string, { files: Record<string, Uint8Array>; launch: string }>();
/** The packages made: revision of the chapter in each version, and a map exercise of slides 6–13 in SCORM 2004. */
const MADE = [
  { folder: 'pkg12', version: '1.2', start: 'mode=revision' },
  { folder: 'pkg2004', version: '2004', start: 'mode=revision' },
  { folder: 'pkgkit', version: '2004', start: 'mode=build&ex=kit&scope=slides:6-13' },
] as const;
const errors: string[] = [];

beforeAll(async () => {
  const graph = compiledChapter();
  for (const { folder, version, start } of MADE) {
    const pkg = makePackage({
      version,
      distDir: inject('distDir'),
      chapterId: 'chapter-02',
      defaultChapter: true,
      graph,
      course: { title: '電子政務概論', titleEn: 'Introduction to E-Government' },
      start,
      mastery: 0.8,
    });
    const files = unzipSync(pkg.zip);
    // The launch address as an LMS's player builds it from the manifest it imported.
    const doc = new DOMParser().parseFromString(new TextDecoder().decode(files['imsmanifest.xml']!), 'text/xml');
    const item = doc.getElementsByTagName('item')[0]!;
    const sco = Array.from(doc.getElementsByTagName('resource')).find((r) => r.getAttribute('identifier') === item.getAttribute('identifierref'))!;
    packages.set(folder, { files, launch: sco.getAttribute('href')! + item.getAttribute('parameters')! });
  }
  const runtimeDir = join(process.cwd(), 'node_modules', 'scorm-again', 'dist');
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let body: Uint8Array | undefined;
    if (path === '/lms/host.html') body = new TextEncoder().encode('<!doctype html><meta charset="utf-8"><title>LMS</title><body style="margin:0"></body>');
    else if (path.startsWith('/lms/runtime/')) body = readFileSync(join(runtimeDir, path.slice('/lms/runtime/'.length).replace(/[^a-z0-9.]/g, '')));
    else {
      const m = /^\/(pkg[a-z0-9]+)\/(.*)$/.exec(path);
      body = m ? packages.get(m[1]!)?.files[m[2]!] : undefined;
    }
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  expect(errors).toEqual([]);
});

// Service workers allowed: the package must register none inside an LMS, and its own alone.
const pageFor = pagePerTest(browser, { locale: 'zh-TW', viewport: { width: 1280, height: 820 }, serviceWorkers: 'allow' });

/** A page on the LMS's server as on a first visit (empty storage), ending the previous test's. */
async function newPage(): Promise<Page> {
  const page = await pageFor(`${base}/`);
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return page;
}

/**
 * Opens the LMS's page: scorm-again as the runtime of `version`, its data model loaded with `cmi`
 * (what the LMS kept from earlier sessions), every SetValue and the finish recorded; then the
 * package framed at its launch address. Returns the page and the package's frame, once the app has
 * started in it.
 */
async function launchInLms(version: ScormVersion, cmi: Record<string, unknown>, setup?: string, folder = version === '1.2' ? 'pkg12' : 'pkg2004'): Promise<{ page: Page; frame: Frame; requests: string[] }> {
  const page = await newPage();
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(`${base}/lms/host.html`);
  await page.addScriptTag({ url: `${base}/lms/runtime/${RUNTIME[version].file}` });
  const r = RUNTIME[version];
  // The package's frame, once it has navigated to the launch address (waited for before it is made).
  const framed = page.waitForEvent('framenavigated', { predicate: (f) => f !== page.mainFrame() && f.url().includes(`/${folder}/`), timeout: 10_000 });
  await page.evaluate(
    ({ r, cmi, src, setup }) => {
      const w = window as any;
      const api = new w[r.global]({ logLevel: 5, autocommit: false });
      api.loadFromJSON(cmi);
      w.recorded = {};
      w.commits = 0;
      w.finished = false;
      api.on(`${r.set}.cmi.*`, (element: string, value: string) => (w.recorded[element] = value));
      api.on(r.finish, () => (w.finished = true));
      api.on(r.api === 'API' ? 'LMSCommit' : 'Commit', () => w.commits++);
      w[r.api] = api;
      // A test may make the LMS misbehave.
      if (setup) new Function('api', setup)(api);
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:1280px;height:800px;border:0';
      frame.src = src;
      document.body.append(frame);
    },
    { r, cmi, src: `${base}/${folder}/${packages.get(folder)!.launch}`, setup: setup ?? '' },
  );
  const frame = await framed;
  await frame.waitForFunction(() => (window as any).linkage?.ready === true, undefined, { timeout: 30_000 });
  return { page, frame, requests };
}

/** Answers the question on screen (right or wrong) by clicking; then moves on. Returns its id. */
async function answer(frame: Frame, right: boolean): Promise<string> {
  const card = frame.locator('#revision-card');
  await expect.poll(() => card.getAttribute('data-question')).toBeTruthy();
  const id = (await card.getAttribute('data-question'))!;
  for (;;) {
    const correct = await rightOption(frame);
    const options = await card.locator('button.option').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.node!));
    const pick = right ? correct : options.find((o) => o !== correct)!;
    await card.locator(`button.option[data-node="${pick}"]`).click();
    if (await frame.locator('#revision-feedback').isVisible()) break;
  }
  await frame.locator('#revision-feedback .revision-next').click();
  return id;
}

const recorded = (page: Page): Promise<Record<string, string>> => page.evaluate(() => ({ ...(window as any).recorded }));
const answeredOf = async (frame: Frame) => /(\d+) \/ (\d+)/.exec((await frame.locator('#revision-progress').textContent()) ?? '')!.slice(1).map(Number) as [number, number];

describe('the SCORM package in an LMS', () => {
  let firstRun: Record<string, string> = {};
  let answered: Array<{ id: string; right: boolean }> = [];

  it('SCORM 1.2: answers are recorded by the LMS — incomplete, score, suspend data; leaving the page ends the session', async () => {
    const { page, frame, requests } = await launchInLms('1.2', { student_data: { mastery_score: '80' } });
    // The bridge is a chunk of its own, loaded because an API was found.
    expect(requests.filter((u) => /\/assets\/launch-[^/]*\.js$/.test(u))).toHaveLength(1);
    // Launch: the attempt is under way and resumable, before any answer.
    await expect.poll(async () => (await recorded(page))['cmi.core.lesson_status']).toBe('incomplete');
    expect((await recorded(page))['cmi.core.exit']).toBe('suspend');
    await expect.poll(() => frame.locator('#revision-card').getAttribute('data-question')).toBeTruthy();
    answered = [];
    for (const right of [true, true, false, true]) answered.push({ id: await answer(frame, right), right });
    // A commit a moment after the last answer: the suspend data holds the four cards.
    const cardsHeld = async () => Object.keys(parseProgress(decodeSuspend((await recorded(page))['cmi.suspend_data'] ?? '')?.entries[KEY] ?? null, 'chapter-02').progress?.cards ?? {}).length;
    await expect.poll(cardsHeld, { timeout: 10_000 }).toBe(4);
    const values = await recorded(page);
    expect(values['cmi.core.score.raw']).toBe('0'); // nothing mastered yet
    expect(values['cmi.core.score.min']).toBe('0');
    expect(values['cmi.core.score.max']).toBe('100');
    expect(values['cmi.core.lesson_status']).toBe('incomplete');
    const held = parseProgress(decodeSuspend(values['cmi.suspend_data']!)!.entries[KEY]!, 'chapter-02').progress!;
    expect(Object.keys(held.cards).sort()).toEqual(answered.map((a) => a.id).sort());
    for (const a of answered) expect(held.cards[a.id]!.box, a.id).toBe(a.right ? 2 : 1);
    expect(values['cmi.suspend_data']!.length).toBeLessThanOrEqual(4096);
    // Inside the LMS the package registers no service worker of its own.
    expect(await frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    await screenshot(page, 'scorm-in-lms');
    // The LMS closes the package (its frame goes): session time, a last commit, LMSFinish.
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(() => page.evaluate(() => (window as any).finished)).toBe(true);
    firstRun = await recorded(page);
    expect(firstRun['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(firstRun['cmi.core.exit']).toBe('suspend');
  });

  it('SCORM 1.2: relaunched on another computer (empty storage), the progress comes back from the LMS', async () => {
    expect(firstRun['cmi.suspend_data']).toBeTruthy();
    const { page, frame } = await launchInLms('1.2', { suspend_data: firstRun['cmi.suspend_data'], core: { lesson_status: 'incomplete', entry: 'resume' }, student_data: { mastery_score: '80' } });
    await expect.poll(() => answeredOf(frame).then((a) => a[0])).toBe(4);
    const stored = await frame.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), KEY);
    expect(Object.keys(stored.cards).sort()).toEqual(answered.map((a) => a.id).sort());
    expect(await frame.locator('.box-1 .box-count').textContent()).toBe('1');
    expect(await frame.locator('.box-2 .box-count').textContent()).toBe('3');
    // It goes on from there: the question answered wrong comes back first, and the LMS gets the answer.
    const asked = await answer(frame, true);
    expect(asked).toBe(answered.find((a) => !a.right)!.id);
    const answers = async () => {
      const cards = parseProgress(decodeSuspend((await recorded(page))['cmi.suspend_data'] ?? '')?.entries[KEY] ?? null, 'chapter-02').progress?.cards ?? {};
      return Object.values(cards).reduce((n, c) => n + c!.right + c!.wrong, 0);
    };
    await expect.poll(answers, { timeout: 10_000 }).toBe(5);
  });

  it("SCORM 2004: a full chapter's progress held by the LMS is restored and reported — completed, passed, scaled score", async () => {
    const graph = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiledChapter());
    const seed = 424242;
    let p = emptyProgress('chapter-02', seed);
    const questions = generateQuestions(graph, { seed });
    let now = Date.now() - 30 * 86_400_000;
    // Every question answered right four times: all in the mastered box.
    for (let round = 0; round < 4; round++) for (const q of questions) p = recordAnswer(p, q.id, true, (now += 60_000));
    const suspend = encodeSuspend({ entries: { [KEY]: serializeProgress(p) }, exerciseBest: null }, KEY);
    expect(suspend.text.length).toBeLessThanOrEqual(4096);
    const { page, frame } = await launchInLms('2004', { suspend_data: suspend.text, scaled_passing_score: '0.8', completion_status: 'incomplete', entry: 'resume' });
    await expect.poll(() => answeredOf(frame)).toEqual([questions.length, questions.length]);
    await expect.poll(async () => (await recorded(page))['cmi.success_status'], { timeout: 10_000 }).toBe('passed');
    const values = await recorded(page);
    expect(values['cmi.completion_status']).toBe('completed');
    expect(values['cmi.score.scaled']).toBe('1');
    expect(values['cmi.score.raw']).toBe('100');
    expect(values['cmi.progress_measure']).toBe('1');
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(() => page.evaluate(() => (window as any).finished)).toBe(true);
    expect((await recorded(page))['cmi.session_time']).toMatch(/^PT\d+H\d+M[\d.]+S$/);
  });

  it('SCORM 2004, a map exercise of slides 6–13: checking it completes the activity, scored by its convergence', async () => {
    const { page, frame } = await launchInLms('2004', { scaled_passing_score: '0.8' }, undefined, 'pkgkit');
    await expect.poll(() => frame.evaluate(() => (window as any).linkage.session.state().mode)).toBe('build');
    expect(await frame.evaluate(() => (window as any).linkage.session.state().exercise)).toEqual({ type: 'kit', scope: { kind: 'slides', first: 6, last: 13 } });
    await expect.poll(async () => (await recorded(page))['cmi.completion_status']).toBe('incomplete');
    // Checked with nothing built: done, nothing right, below the threshold.
    await frame.locator('[data-tool="check"]').click();
    await expect.poll(async () => (await recorded(page))['cmi.success_status'], { timeout: 10_000 }).toBe('failed');
    const values = await recorded(page);
    expect(values['cmi.completion_status']).toBe('completed');
    expect(values['cmi.score.scaled']).toBe('0');
    expect(decodeSuspend(values['cmi.suspend_data']!)!.exerciseBest).toBe(0);
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(() => page.evaluate(() => (window as any).finished)).toBe(true);
  });

  it('an LMS that refuses to store: a notice in the page, the revision goes on, nothing thrown', async () => {
    // The runtime refuses every Commit (as an LMS whose server is down answers).
    const { page, frame } = await launchInLms('2004', {}, "api.Commit = () => 'false';");
    await expect.poll(() => frame.locator('#notice').isVisible()).toBe(true);
    expect(await frame.locator('#notice').textContent()).toContain('課程平台(LMS)拒絕記錄你的進度');
    await answer(frame, true);
    expect(await frame.evaluate((k) => Object.keys(JSON.parse(localStorage.getItem(k) ?? '{"cards":{}}').cards).length, KEY)).toBe(1);
    await page.evaluate(() => document.querySelector('iframe')!.remove());
  });
});

describe('the same package with no LMS', () => {
  it('behaves as the site does today: no bridge loaded, its service worker, progress on this device', async () => {
    const page = await newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // Opened at its launch address, with nothing around it.
    await page.goto(`${base}/pkg12/${packages.get('pkg12')!.launch}`);
    await page.waitForFunction(() => (window as any).linkage?.ready === true, undefined, { timeout: 30_000 });
    const frame = page.mainFrame();
    await answer(frame, true);
    expect(Object.keys((await frame.evaluate((k) => JSON.parse(localStorage.getItem(k)!), KEY)).cards)).toHaveLength(1);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#notice').isVisible()).toBe(false);
    // The bridge's chunk was never requested; the page asked nothing of any other origin.
    expect(requests.filter((u) => /\/assets\/launch-[^/]*\.js$/.test(u))).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(await page.evaluate(() => 'linkageLms' in window)).toBe(false);
  });
});
