// @vitest-environment jsdom
/**
 * The file menu under jsdom: its words in the three languages, the popup and its keys, a drop on
 * the map (imported on the page's thread here: jsdom has no Worker), an import error shown with
 * the graph kept, and a text export downloaded.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ioText, openedMessage } from '../../src/i18n/io';
import { setLang } from '../../src/state/actions';
import { createSession, type Session } from '../../src/state/session';
import { DEFAULT_STATE } from '../../src/state/types';
import type { LinkageGraph } from '../../src/model/types';
import { EXPORT_ITEMS, mountFileMenu } from '../../src/views/files/file-menu';
import type { AppContext } from '../../src/views/registry';
import { tinyGraph } from '../fixtures/tiny-graph';

vi.mock('../../src/views/files/file-menu.css', () => ({}));

let session: Session;
let stage: HTMLElement;
let opened: Array<[LinkageGraph, string]>;
let notes: string[];
let dispose: () => void;

beforeEach(() => {
  document.body.replaceChildren();
  const topbar = document.createElement('header');
  topbar.className = 'topbar';
  const langs = document.createElement('div');
  langs.className = 'lang-switch';
  topbar.append(langs);
  stage = document.createElement('main');
  stage.className = 'stage';
  document.body.append(topbar, stage);
  session = createSession(tinyGraph(), { ...DEFAULT_STATE, lang: 'en' });
  opened = [];
  notes = [];
  const ctx = { session, net: null as never, notify: (t: string) => notes.push(t), openGraph: (g: LinkageGraph, m: string) => opened.push([g, m]) } satisfies AppContext;
  dispose = mountFileMenu(stage, ctx);
});
afterEach(() => dispose());

const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;

describe('file menu', () => {
  it('sits before the language switch, in the reader\'s language', () => {
    expect($('.topbar').firstElementChild?.className).toBe('file-menu');
    expect($('#file-button').textContent).toBe('File ▾');
    expect([...document.querySelectorAll('[data-export]')].map((b) => b.getAttribute('data-export'))).toEqual([...EXPORT_ITEMS]);
    session.update((s) => setLang(s, 'zh-Hans'));
    expect($('#file-button').textContent).toBe('文件 ▾');
    expect($('[data-export="csv"]').textContent).toBe(ioText('zh-Hans', 'export-csv'));
    expect($<HTMLInputElement>('#file-input').accept).toBe('.gexf,.graphml,.xml,.json,.yaml,.yml');
  });

  it('opens and closes the popup by button, Escape and a click outside; arrows move between items', () => {
    const popup = $<HTMLElement>('#file-popup');
    $<HTMLButtonElement>('#file-button').click();
    expect(popup.hidden).toBe(false);
    expect(document.activeElement?.id).toBe('open-file');
    popup.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement?.getAttribute('data-export')).toBe('png1');
    popup.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    popup.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(document.activeElement?.getAttribute('data-export')).toBe('csv');
    popup.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(popup.hidden).toBe(true);
    expect(document.activeElement?.id).toBe('file-button');
    $<HTMLButtonElement>('#file-button').click();
    document.body.click();
    expect(popup.hidden).toBe(true);
  });

  it('a file dropped on the map is imported and opened in the app', async () => {
    const dt = { types: ['Files'], files: [new File(['{"nodes":[{"key":"a","attributes":{"x":0,"y":0}},{"key":"b","attributes":{"x":1,"y":1}}]}'], 'two.json')], dropEffect: 'none' };
    const drag = (type: string) => {
      const ev = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(ev, 'dataTransfer', { value: dt });
      stage.dispatchEvent(ev);
      return ev;
    };
    drag('dragenter');
    expect($<HTMLElement>('.io-drop').hidden).toBe(false);
    expect(drag('dragover').defaultPrevented).toBe(true);
    drag('drop');
    expect($<HTMLElement>('.io-drop').hidden).toBe(true);
    expect($<HTMLElement>('.io-progress').hidden).toBe(false);
    await vi.waitFor(() => expect(opened).toHaveLength(1), { timeout: 10_000 });
    expect(opened[0]![0].order).toBe(2);
    expect(opened[0]![1]).toBe('Opened two.json: 2 concepts, 0 links.');
  }, 20_000);

  it('a refused file shows its located problems and keeps the graph', async () => {
    const input = $<HTMLInputElement>('#file-input');
    Object.defineProperty(input, 'files', { value: [new File(['<gexf><graph><nodes><node id="a"/><node id="a"/></nodes></graph></gexf>'], 'dup.gexf')], configurable: true });
    input.dispatchEvent(new Event('change'));
    const box = $<HTMLElement>('.io-error');
    await vi.waitFor(() => expect(box.hidden).toBe(false), { timeout: 10_000 });
    expect(box.querySelector('.io-error-title')?.textContent).toBe('Cannot open dup.gexf');
    expect(box.querySelector('li')?.textContent).toMatch(/^dup\.gexf:1:\d+ <node id="a">: node id "a" is used twice/);
    expect(opened).toEqual([]);
    box.querySelector<HTMLButtonElement>('.io-dismiss')!.click();
    expect(box.hidden).toBe(true);
  }, 20_000);

  it('exports JSON as a download', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => (created.push(b), 'blob:x');
    URL.revokeObjectURL = () => {};
    const clicks: string[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    $<HTMLButtonElement>('[data-export="json"]').click();
    await vi.waitFor(() => expect(clicks).toEqual(['tiny.json']));
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]!);
    });
    expect(JSON.parse(text).attributes.id).toBe('tiny');
  });
});

describe('io strings', () => {
  it('say the same in three languages', () => {
    expect(openedMessage('zh-Hant', 'a.gexf', 1200, 3, true)).toBe('已開啟 a.gexf:1,200 個概念、3 條關係。檔案沒有座標,已計算佈局。');
    expect(openedMessage('zh-Hans', 'a.gexf', 1, 2, false)).toBe('已打开 a.gexf:1 个概念、2 条关系。');
    expect(openedMessage('en', 'a.gexf', 1, 2, true)).toBe('Opened a.gexf: 1 concept, 2 links. The file had no positions; a layout was computed.');
    expect(openedMessage('en', 'b.graphml', 2, 1, false)).toBe('Opened b.graphml: 2 concepts, 1 link.');
  });
});
