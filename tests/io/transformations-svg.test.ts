/**
 * The standalone SVG of the transformation view: well-formed XML, a title, a legend, fonts as a
 * local family stack, no external reference, the eight transformations, graph text escaped.
 */
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledChapter } from '../helpers/chapter';
import { svgSize, transformationsSvg } from '../../src/io/transformations-svg';
import { escapeXml } from '../../src/util/xml';
import { LANGS } from '../../src/model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { tinyGraph } from '../fixtures/tiny-graph';

let chapter: LinkageGraph;
beforeAll(() => {
  chapter = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiledChapter());
});

function parse(svg: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

const textOf = (doc: Document) => [...(doc.getElementsByTagName('text') as unknown as Element[])].map((t) => t.textContent ?? '').join('\n');

describe('transformationsSvg', () => {
  for (const lang of LANGS) {
    it(`${lang}: a well-formed standalone SVG with title, the eight transformations and a legend`, () => {
      const svg = transformationsSvg(chapter, lang);
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      const doc = parse(svg);
      const root = doc.documentElement;
      expect(root.tagName).toBe('svg');
      expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(Number(root.getAttribute('width'))).toBeGreaterThan(800);
      expect(root.getAttribute('viewBox')).toBe(`0 0 ${root.getAttribute('width')} ${root.getAttribute('height')}`);
      expect(doc.getElementsByTagName('title')[0]?.textContent).toMatch(lang === 'en' ? /Traditional administration → E-government · 8 transformations/ : /8 項轉化|8 项转化/);
      const rows = [...(doc.getElementsByTagName('g') as unknown as Element[])].filter((g) => (g.getAttribute('id') ?? '').startsWith('row-'));
      expect(rows.map((g) => g.getAttribute('id'))).toEqual([
        'row-tr.form',
        'row-tr.function',
        'row-tr.process',
        'row-tr.decision',
        'row-tr.power',
        'row-tr.organisation',
        'row-tr.personnel',
        'row-tr.democracy',
      ]);
      const text = textOf(doc);
      const legend = { 'zh-Hant': '圖例', 'zh-Hans': '图例', en: 'Legend' }[lang];
      expect(text).toContain(legend);
      // Each transformation and both its poles, wrapped lines joined again.
      const flat = text.replace(/\n/g, lang === 'en' ? ' ' : '');
      const label = (k: string) => chapter.getNodeAttribute(k, lang === 'zh-Hant' ? 'label' : lang === 'zh-Hans' ? 'labelHans' : 'labelEn');
      for (const tr of chapter.filterNodes((_k, a) => a.kind === 'transformation')) {
        expect(flat).toContain(label(tr));
        for (const pole of chapter.outNeighbors(tr)) expect(flat).toContain(label(pole));
      }
    });
  }

  it('declares fonts as a local family stack and references nothing outside the file', () => {
    const svg = transformationsSvg(chapter, 'zh-Hant');
    const doc = parse(svg);
    const style = doc.getElementsByTagName('style')[0]?.textContent ?? '';
    expect(style).toMatch(/font-family:'Noto Sans CJK TC'/);
    expect(style).not.toMatch(/@import|@font-face|url\(/);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    expect(svg).not.toMatch(/xlink:href|\shref=/);
    // Every url(...) points inside the document.
    for (const m of svg.matchAll(/url\(([^)]*)\)/g)) expect(m[1]!.startsWith('#')).toBe(true);
    expect(svg).not.toMatch(/<image|<script|<foreignObject/);
  });

  it('brings a row forward with its links when asked, dimming the others', () => {
    const svg = transformationsSvg(chapter, 'zh-Hant', { active: 'tr.decision', selected: 'd.middle' });
    const doc = parse(svg);
    const groups = [...(doc.getElementsByTagName('g') as unknown as Element[])];
    const row = (k: string) => groups.find((g) => g.getAttribute('id') === `row-${k}`)!;
    expect(row('tr.decision').getAttribute('opacity')).toBe(null);
    expect(row('tr.form').getAttribute('opacity')).toBe('0.3');
    const items = groups.filter((g) => (g.getAttribute('id') ?? '').startsWith('item-')).map((g) => g.getAttribute('id'));
    expect(items).toEqual(expect.arrayContaining(['item-dm.centralised', 'item-d.middle', 'item-asp.democratic']));
    expect(textOf(doc)).toContain('新的一側相連');
    // A node linked to a row (not part of it) brings that row forward.
    const viaItem = parse(transformationsSvg(chapter, 'en', { active: 'rf.system' }));
    const rowP = [...(viaItem.getElementsByTagName('g') as unknown as Element[])].find((g) => g.getAttribute('id') === 'row-tr.power')!;
    expect(rowP.getAttribute('opacity')).toBe(null);
  });

  it('leaves out rows the filters hide', () => {
    const nodes = new Set(chapter.filterNodes((k) => k !== 'tr.form' && k !== 'tr.democracy'));
    const doc = parse(transformationsSvg(chapter, 'en', { visible: { nodes } }));
    const rows = [...(doc.getElementsByTagName('g') as unknown as Element[])].filter((g) => (g.getAttribute('id') ?? '').startsWith('row-'));
    expect(rows).toHaveLength(6);
    expect(doc.getElementsByTagName('title')[0]?.textContent).toContain('6 transformations');
  });

  it('escapes text from the graph: a hostile label stays text', () => {
    const g = chapter.copy();
    g.setNodeAttribute('st.virtual', 'labelEn', '<script>alert("x")</script> & "quotes"');
    const svg = transformationsSvg(g, 'en');
    expect(svg).not.toContain('<script>');
    const doc = parse(svg);
    expect(textOf(doc)).toContain('<script>alert("x")</script> & "quotes"'.slice(0, 8));
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(escapeXml(`<a href='x'>&</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;');
  });

  it('a graph without transformations still gives a valid document (headers and legend only)', () => {
    const svg = transformationsSvg(tinyGraph(), 'en');
    const doc = parse(svg);
    expect(doc.getElementsByTagName('title')[0]?.textContent).toContain('0 transformations');
    expect(svgSize(svg).width).toBe(1400);
  });

  it('svgSize reads the document size, and is deterministic', () => {
    const a = transformationsSvg(chapter, 'en', { width: 1600 });
    expect(svgSize(a).width).toBe(1600);
    expect(svgSize(a).height).toBeGreaterThan(600);
    expect(transformationsSvg(chapter, 'en', { width: 1600 })).toBe(a);
    expect(() => svgSize('<svg/>')).toThrow(/no width and height/);
  });
});
