import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledChapter } from '../helpers/chapter';
import { ANKI_HEADER, ankiCards, ankiFileName, ankiHtml, toAnkiCsv } from '../../src/io/anki';
import { parseCsv, toCsv } from '../../src/io/csv';
import { generateQuestions, type Question } from '../../src/model/quiz';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';

let chapter: LinkageGraph;
let deck: Question[];
beforeAll(() => {
  chapter = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiledChapter());
  deck = generateQuestions(chapter, { seed: 11 });
});

/** The card rows of an Anki CSV: header (`#…`) lines dropped, as Anki's reader does. */
function rows(csv: string): string[][] {
  const body = csv
    .split('\r\n')
    .filter((line, i, all) => !(line.startsWith('#') && all.slice(0, i).every((l) => l.startsWith('#'))))
    .join('\r\n');
  return parseCsv(body);
}

describe('io/csv quoting', () => {
  it('quotes commas, quotes and line breaks, and reads them back', () => {
    const tricky = [
      ['plain', 'a,b', 'say "hi"'],
      ['two\nlines', 'cr\r\nlf', ''],
      ['，全角逗號', '"', ',"\n'],
    ];
    const csv = toCsv(tricky);
    expect(csv).toBe('plain,"a,b","say ""hi"""\r\n"two\nlines","cr\r\nlf",\r\n，全角逗號,"""",",""\n"\r\n');
    expect(parseCsv(csv)).toEqual(tricky);
  });
});

describe('io/anki', () => {
  it('writes Anki’s headers, then one Front, Back, Tags row per question', () => {
    const csv = toAnkiCsv(ankiCards(chapter, deck, 'zh-Hant', 'chapter-02'));
    expect(csv.split('\r\n').slice(0, 3)).toEqual([...ANKI_HEADER]);
    expect(ANKI_HEADER).toEqual(['#separator:Comma', '#html:true', '#tags column:3']);
    const r = rows(csv);
    // A deck to write (the loop below would pass on none).
    expect(deck.length).toBeGreaterThan(0);
    expect(r).toHaveLength(deck.length);
    for (const row of r) {
      expect(row).toHaveLength(3);
      // Anki skips lines starting with '#': no card may.
      expect(row[0]!.startsWith('#')).toBe(false);
      expect(row[0]!.length).toBeGreaterThan(0);
      expect(row[1]!.length).toBeGreaterThan(0);
      expect(row[2]).toMatch(/^linkage linkage::chapter-02 type::[a-z]+( slide::\d+)+$/);
    }
  });

  it('shows the question with its options on the front, the answer, sentence and slide on the back', () => {
    const q = deck.find((x) => x.id === 'drawback:d.redtape>drawback-of>dm.centralised:source')!;
    const [card] = ankiCards(chapter, [q], 'zh-Hant', 'chapter-02');
    expect(card!.front).toContain('以下哪一項是它的弊端?');
    expect(card!.front).toContain('＿＿＿是傳統的集權決策體制的弊端');
    expect(card!.front.split('<br>').filter((l) => /^[A-D]\. /.test(l))).toHaveLength(q.type === 'path' ? 0 : q.options.length);
    expect(card!.back).toMatch(/^[A-D]\. 行政程序複雜化<br><br>行政程序複雜化是傳統的集權決策體制的弊端<br>\(第 17 張\)$/);
    expect(card!.tags).toContain('slide::17');
    expect(card!.tags).toContain('type::drawback');
    const path = deck.find((x) => x.type === 'path')!;
    const [pc] = ankiCards(chapter, [path], 'en', 'chapter-02');
    expect(pc!.front).toContain('How are these two linked?');
    expect(pc!.back).toContain(' → ');
    expect(pc!.back.split('<br>').length).toBeGreaterThanOrEqual(4);
  });

  it('escapes graph text as HTML and survives commas, quotes and line breaks in labels', () => {
    const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ multi: true });
    const add = (key: string, label: string) => g.addNode(key, { kind: 'concept', label, labelHans: label, labelEn: label, slides: [3] } as unknown as NodeAttrs);
    add('a', 'Alpha, "the first"\nof <b>two</b>');
    add('b', 'Beta & co');
    add('c', 'Gamma');
    add('d', '#Delta');
    add('e', 'Epsilon');
    add('f', 'Zeta');
    g.addEdge('a', 'b', { kind: 'involves', slides: [3], labelZh: '涉及', labelHans: '涉及', labelEn: 'involves' });
    g.addEdge('b', 'c', { kind: 'involves', slides: [4], labelZh: '涉及', labelHans: '涉及', labelEn: 'involves' });
    g.addEdge('c', 'd', { kind: 'involves', slides: [4], labelZh: '涉及', labelHans: '涉及', labelEn: 'involves' });
    g.addEdge('d', 'e', { kind: 'involves', slides: [5], labelZh: '涉及', labelHans: '涉及', labelEn: 'involves' });
    g.addEdge('e', 'f', { kind: 'involves', slides: [5], labelZh: '涉及', labelHans: '涉及', labelEn: 'involves' });
    const qs = generateQuestions(g, { seed: 1 });
    expect(qs.length).toBeGreaterThan(0);
    const cards = ankiCards(g, qs, 'en', 'my graph');
    const csv = toAnkiCsv(cards);
    const back = rows(csv);
    expect(back.map((r) => r[0])).toEqual(cards.map((c) => c.front));
    expect(back.map((r) => r[1])).toEqual(cards.map((c) => c.back));
    const all = back.flat().join('\n');
    expect(all).not.toMatch(/<b>|<\/b>/);
    expect(all).toContain('&lt;b&gt;two&lt;/b&gt;');
    expect(all).toContain('Beta &amp; co');
    expect(back[0]![2]).toContain('linkage::my_graph');
  });

  it('escapes text for Anki’s HTML fields', () => {
    expect(ankiHtml('a < b & c > d\nnext\r\nline')).toBe('a &lt; b &amp; c &gt; d<br>next<br>line');
  });

  it('names the file after the graph and language', () => {
    expect(ankiFileName('chapter-02', 'zh-Hans')).toBe('linkage-chapter-02-zh-Hans-anki.csv');
    expect(ankiFileName('g/../x y', 'en')).toBe('linkage-g-..-x-y-en-anki.csv');
    expect(ankiFileName('', 'en')).toBe('linkage-graph-en-anki.csv');
  });
});
