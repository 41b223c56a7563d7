/**
 * The transformation ladder: rows (eight, in chapter order, with their poles and dimension),
 * the links each row brings forward, and the layout (rows stacked without overlap, text inside
 * its boxes, side cards in their columns, deterministic).
 */
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraphFile } from '../../src/cli/compile-file';
import { ladderText, ladderWrap, sideItemsText } from '../../src/io/transformations-svg';
import {
  allRowLinks,
  buildLadder,
  horizontalLink,
  layoutLadder,
  layoutLegend,
  layoutSides,
  rowLinks,
  rowOfCore,
  textWidth,
  type Ladder,
  type LadderLayout,
} from '../../src/model/ladder';
import { LANGS } from '../../src/model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { bareNode, tinyGraph } from '../fixtures/tiny-graph';

let chapter: LinkageGraph;
let ladder: Ladder;
beforeAll(() => {
  chapter = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compileGraphFile('graph/chapter-02/chapter-02.yaml'));
  ladder = buildLadder(chapter);
});

const ORDER = ['tr.form', 'tr.function', 'tr.process', 'tr.decision', 'tr.power', 'tr.organisation', 'tr.personnel', 'tr.democracy'];

/** A graph of transformations given as [key, slides, from?, to?]. */
function ladderGraph(rows: Array<[string, number[], string | null, string | null]>): LinkageGraph {
  const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true });
  const edge = (kind: string) => ({ kind, slides: [], labelZh: '', labelHans: '', labelEn: '' });
  for (const [key, slides, from, to] of rows) {
    g.addNode(key, { ...bareNode(key), kind: 'transformation', slides });
    if (from) {
      g.mergeNode(from, { ...bareNode(from), kind: 'state' });
      g.addEdge(key, from, edge('from'));
    }
    if (to) {
      g.mergeNode(to, { ...bareNode(to), kind: 'state' });
      g.addEdge(key, to, edge('to'));
    }
  }
  return g;
}

describe('buildLadder', () => {
  it('throws on something that is not a graph', () => {
    expect(() => buildLadder(null as unknown as LinkageGraph)).toThrow(/linkage\/ladder: the given graph is not a valid graphology instance/);
  });

  it('finds the eight transformations of chapter 2, in chapter order, none skipped', () => {
    expect(ladder.rows.map((r) => r.key)).toEqual(ORDER);
    expect(ladder.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(ladder.rows.map((r) => r.slides[0])).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(ladder.skipped).toEqual([]);
  });

  it('gives each row its old and new pole: states characterizing 傳統行政 and 電子政務', () => {
    expect(ladder.oldParadigm).toBe('pd.trad');
    expect(ladder.newParadigm).toBe('pd.egov');
    expect(ladder.rows.map((r) => [r.from, r.to])).toEqual([
      ['st.physical', 'st.virtual'],
      ['st.regulation', 'st.service'],
      ['st.blackbox', 'st.openness'],
      ['st.centralised', 'st.democratic'],
      ['st.concentrated', 'st.decentralised'],
      ['st.bloated', 'st.lean'],
      ['st.managerial', 'st.knowledge'],
      ['st.representative', 'st.edemocracy'],
    ]);
    for (const r of ladder.rows) {
      expect(chapter.getNodeAttribute(r.from, 'kind')).toBe('state');
      expect(chapter.getNodeAttribute(r.to, 'kind')).toBe('state');
      expect(chapter.someOutEdge(r.from, (_e, a, _s, t) => a.kind === 'characterizes' && t === 'pd.trad')).toBe(true);
      expect(chapter.someOutEdge(r.to, (_e, a, _s, t) => a.kind === 'characterizes' && t === 'pd.egov')).toBe(true);
    }
  });

  it('gives each row its dimension and its own three edges', () => {
    expect(ladder.rows.map((r) => r.dimension)).toEqual([
      'dim.form',
      'dim.function',
      'dim.process',
      'dim.decision',
      'dim.power',
      'dim.organisation',
      'dim.personnel',
      'dim.democracy',
    ]);
    for (const r of ladder.rows) {
      expect(r.edges.map((e) => chapter.getEdgeAttribute(e, 'kind'))).toEqual(['from', 'to', 'dimension-of']);
      expect(chapter.source(r.edges[2]!)).toBe(r.dimension);
    }
  });

  it('sets aside what is too general to tell rows apart ("a profound revolution" involves six dimensions)', () => {
    expect(ladder.general.has('c.revolution')).toBe(true);
    expect(ladder.general.has('pd.trad')).toBe(false);
  });

  it('orders by first slide, then graph order; skips transformations without exactly one pole each way', () => {
    const g = ladderGraph([
      ['t.late', [9], 'a1', 'b1'],
      ['t.none', [], 'a2', 'b2'],
      ['t.early', [3, 9], 'a3', 'b3'],
      ['t.tie', [9], 'a4', 'b4'],
      ['t.nofrom', [1], null, 'b5'],
      ['t.noto', [1], 'a6', null],
    ]);
    g.addEdge('t.tie', 'b1', { kind: 'to', slides: [], labelZh: '', labelHans: '', labelEn: '' });
    const l = buildLadder(g);
    expect(l.rows.map((r) => r.key)).toEqual(['t.early', 't.late', 't.none']);
    expect(l.skipped).toEqual([
      { key: 't.tie', reason: 'many-to' },
      { key: 't.nofrom', reason: 'no-from' },
      { key: 't.noto', reason: 'no-to' },
    ]);
    expect(l.rows[0]!.dimension).toBe(null);
    expect(l.oldParadigm).toBe(null);
  });

  it('is empty for a graph without transformations', () => {
    const l = buildLadder(tinyGraph());
    expect(l.rows).toEqual([]);
    expect(rowLinks(tinyGraph(), l, null).items).toEqual([]);
  });
});

describe('rowLinks', () => {
  const keysOf = (index: number | null, side?: 'old' | 'new') =>
    rowLinks(chapter, ladder, index)
      .items.filter((it) => !side || it.side === side)
      .map((it) => it.key);

  it('throws on a row that does not exist', () => {
    expect(() => rowLinks(chapter, ladder, 8)).toThrow(/linkage\/ladder: no row 8 \(the ladder has 8\)/);
  });

  it('brings forward the §2-4 decision system and its drawbacks on the old side of 集中決策 → 民主決策', () => {
    const links = rowLinks(chapter, ladder, 3);
    const byKey = new Map(links.items.map((it) => [it.key, it]));
    expect(byKey.get('dm.centralised')).toMatchObject({ side: 'old', depth: 1, via: 'st.centralised' });
    for (const d of ['d.middle', 'd.redtape', 'd.irresponsible', 'd.local']) {
      expect(byKey.get(d)).toMatchObject({ side: 'old', depth: 2, via: 'dm.centralised' });
      expect(chapter.getEdgeAttribute(byKey.get(d)!.edge, 'kind')).toBe('drawback-of');
    }
    // The §2-1 measure that stands against the centralised system, through `contrasts`.
    expect(byKey.get('m.decentralise')).toMatchObject({ depth: 2, via: 'dm.centralised' });
    // The democratic side: the §2-4 aspect echoed, the dialogue between government and public.
    expect(byKey.get('asp.democratic')).toMatchObject({ side: 'new', depth: 1, via: 'st.democratic' });
    expect(byKey.get('asp.blur')).toMatchObject({ side: 'new', depth: 2, via: 'c.onsite' });
    expect(byKey.get('c.dialogue')).toMatchObject({ side: 'new', depth: 1, via: 'st.democratic' });
  });

  it('links 權力結構 to the §2-1 measure 實行分權和權力下放 and, through it, to its reform', () => {
    const byKey = new Map(rowLinks(chapter, ladder, 4).items.map((it) => [it.key, it]));
    expect(byKey.get('m.decentralise')).toMatchObject({ side: 'new', depth: 1, via: 'tr.power' });
    expect(byKey.get('rf.system')).toMatchObject({ depth: 2, via: 'm.decentralise' });
    expect(byKey.get('tech.network')).toMatchObject({ depth: 1, via: 'st.decentralised' });
  });

  it('links 政府職能 to the §2-1 reform and its measures, and the bloated organisation to the §2-2 feature', () => {
    expect(keysOf(1)).toEqual(expect.arrayContaining(['rf.function', 'm.economy', 'm.liberalise', 'm.welfare']));
    expect(keysOf(5)).toEqual(expect.arrayContaining(['f.restructure', 'm.streamline', 'd.overstaff']));
  });

  it('never shows the frame (chapter, sections, paradigms), general nodes, or another row’s core', () => {
    const cores = new Set(ladder.rows.flatMap((r) => [r.key, r.from, r.to, r.dimension!]));
    for (const r of ladder.rows) {
      const links = rowLinks(chapter, ladder, r.index);
      expect(links.items.length).toBeGreaterThan(0);
      const keys = links.items.map((it) => it.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const it of links.items) {
        expect(['chapter', 'section', 'paradigm']).not.toContain(chapter.getNodeAttribute(it.key, 'kind'));
        expect(it.key).not.toBe('c.revolution');
        expect(cores.has(it.key)).toBe(false);
        // Each item hangs from the row's core (depth 1) or from an item listed before it (depth 2).
        expect(chapter.hasEdge(it.edge)).toBe(true);
        expect([chapter.source(it.edge), chapter.target(it.edge)].sort()).toEqual([it.via, it.key].sort());
        if (it.depth === 2) expect(keys.indexOf(it.via)).toBeLessThan(keys.indexOf(it.key));
      }
    }
  });

  it('notes other rows met on the way: a linked item that echoes another row’s core', () => {
    expect(rowLinks(chapter, ladder, 6).rows).toEqual([]);
    // 精簡機構和行政人員 (row 5's echo) made to echo row 6's dimension 行政人員 as well.
    const g = chapter.copy();
    g.addEdge('m.streamline', 'dim.personnel', { ...g.getEdgeAttributes(g.edges('m.streamline', 'tr.organisation')[0]!) });
    const met = rowLinks(g, buildLadder(g), 5);
    expect(met.items.find((it) => it.key === 'm.streamline')).toMatchObject({ depth: 1, via: 'tr.organisation' });
    expect(met.rows).toEqual([6]);
  });

  it('follows the filters: hidden nodes and edges are not walked', () => {
    const all = new Set(chapter.nodes());
    const nodes = new Set([...all].filter((k) => chapter.getNodeAttribute(k, 'kind') !== 'trait'));
    const keys = rowLinks(chapter, ladder, 3, { nodes }).items.map((it) => it.key);
    expect(keys).toContain('dm.centralised');
    expect(keys.some((k) => chapter.getNodeAttribute(k, 'kind') === 'trait')).toBe(false);
    const edges = new Set(chapter.filterEdges((_e, a) => a.kind !== 'echoes'));
    expect(rowLinks(chapter, ladder, 3, { edges }).items.map((it) => it.key)).not.toContain('dm.centralised');
  });

  it('without a row: what characterizes each paradigm — the six §2-2 features on the new side', () => {
    const news = keysOf(null, 'new');
    expect(news.filter((k) => k.startsWith('f.')).sort()).toEqual(['f.allday', 'f.collab', 'f.ict', 'f.rational', 'f.responsive', 'f.restructure']);
    expect(keysOf(null, 'old')).toEqual(expect.arrayContaining(['dm.centralised', 'c.hierarchy']));
  });

  it('allRowLinks maps each linked node back to its rows; rowOfCore finds a row by any core node', () => {
    const all = allRowLinks(chapter, ladder);
    expect(all.byRow).toHaveLength(8);
    expect(all.rowsOf.get('m.decentralise')).toEqual(expect.arrayContaining([3, 4]));
    expect(rowOfCore(ladder, 'st.openness')).toBe(2);
    expect(rowOfCore(ladder, 'dim.power')).toBe(4);
    expect(rowOfCore(ladder, 'f.ict')).toBe(null);
    expect(rowOfCore(ladder, null)).toBe(null);
  });
});

describe('layoutLadder', () => {
  const layoutIn = (lang: (typeof LANGS)[number], width = 1200, fontSize = 18): LadderLayout =>
    layoutLadder(ladderText(chapter, ladder, lang), { width, fontSize, wrap: ladderWrap });

  it('throws without a wrap function or with a non-positive size', () => {
    const text = ladderText(chapter, ladder, 'en');
    expect(() => layoutLadder(text, {} as never)).toThrow(/needs a `wrap` function/);
    expect(() => layoutLadder(text, { width: 0, wrap: ladderWrap })).toThrow(/must be positive/);
  });

  for (const lang of LANGS) {
    it(`${lang}: eight rows stacked without overlap, old pole left of new, arrow between`, () => {
      const L = layoutIn(lang);
      expect(L.rows).toHaveLength(8);
      L.rows.forEach((r, i) => {
        expect(r.y1).toBeGreaterThan(r.y0);
        if (i > 0) expect(r.y0).toBeGreaterThanOrEqual(L.rows[i - 1]!.y1 - 1e-9);
        expect(r.from.x + r.from.w).toBeLessThan(r.arrow.x1 + 1e-9);
        expect(r.arrow.x2).toBeLessThan(r.to.x + 1e-9);
        expect(r.arrow.x1).toBeLessThan(r.arrow.x2);
        expect(r.from.y).toBeGreaterThanOrEqual(r.y0);
        expect(r.from.y + r.from.h).toBeLessThanOrEqual(r.y1);
        expect(r.number.text).toBe(String(i + 1));
        // The dimension sits above the arrow, the transformation below.
        expect(r.dimension.y + r.dimension.h).toBeLessThanOrEqual(r.axis);
        expect(r.label.y).toBeGreaterThanOrEqual(r.axis);
      });
      expect(L.rowsTop).toBeGreaterThan(L.headers.y);
      expect(L.height).toBeGreaterThan(L.rowsBottom);
    });

    it(`${lang}: long labels wrap; every line fits its box`, () => {
      const L = layoutIn(lang, 1100, 17);
      const fits = (block: { lines: readonly { text: string }[]; size: number }, width: number) =>
        block.lines.every((l) => textWidth(l.text, block.size) <= width + 0.5);
      for (const r of L.rows) {
        expect(r.from.text.lines.length).toBeGreaterThan(0);
        expect(fits(r.from.text, r.from.w - 8)).toBe(true);
        expect(fits(r.to.text, r.to.w - 8)).toBe(true);
        expect(fits(r.label.text, r.label.w)).toBe(true);
        expect(fits(r.dimension.text, r.dimension.w)).toBe(true);
      }
      expect(L.rows.some((r) => r.label.text.lines.length > 1)).toBe(true);
    });
  }

  it('is deterministic and grows with the type', () => {
    expect(layoutIn('zh-Hant')).toEqual(layoutIn('zh-Hant'));
    expect(layoutIn('zh-Hant', 1800, 26).height).toBeGreaterThan(layoutIn('zh-Hant', 1200, 18).height);
  });

  it('places the titles and paradigm headers: 傳統行政 over the old poles, 電子政務 over the new', () => {
    const text = { ...ladderText(chapter, ladder, 'zh-Hant'), title: '傳統行政 → 電子政務', subtitle: '電子政務與傳統管理' };
    const L = layoutLadder(text, { width: 1200, wrap: ladderWrap });
    expect(L.title?.lines[0]?.text).toBe('傳統行政 → 電子政務');
    expect(L.headers.old.lines.map((l) => l.text).join('')).toBe('傳統行政');
    expect(L.headers.new.lines.map((l) => l.text).join('')).toBe('電子政務');
    const oldX = L.headers.old.lines[0]!.x;
    expect(oldX).toBeCloseTo(L.rows[0]!.from.x + L.rows[0]!.from.w / 2);
    expect(L.headers.new.lines[0]!.x).toBeCloseTo(L.rows[0]!.to.x + L.rows[0]!.to.w / 2);
    expect(L.headers.y).toBeGreaterThan(L.subtitle!.lines[0]!.y);
  });

  it('without side columns the ladder takes the width', () => {
    const withSides = layoutIn('en');
    const without = layoutLadder(ladderText(chapter, ladder, 'en'), { width: 1200, sides: false, wrap: ladderWrap });
    expect(without.columns.oldSide).toBe(null);
    expect(without.columns.ladder.w).toBeGreaterThan(withSides.columns.ladder.w);
  });
});

describe('layoutSides', () => {
  it('stacks cards in their column without overlap, children indented under their parent, one connector each', () => {
    for (const lang of LANGS) {
      const L = layoutLadder(ladderText(chapter, ladder, lang), { width: 1200, fontSize: 17, wrap: ladderWrap });
      const items = sideItemsText(chapter, rowLinks(chapter, ladder, 3).items, lang);
      const S = layoutSides(L, items, 3, { wrap: ladderWrap, oldHeading: 'old', newHeading: 'new', more: (n) => `+${n}` });
      expect(S.cards).toHaveLength(items.length);
      expect(S.links).toHaveLength(items.length);
      for (const side of ['old', 'new'] as const) {
        const col = side === 'old' ? L.columns.oldSide! : L.columns.newSide!;
        const cards = S.cards.filter((c) => c.side === side);
        cards.forEach((c, i) => {
          expect(c.x).toBeGreaterThanOrEqual(col.x);
          expect(c.x + c.w).toBeLessThanOrEqual(col.x + col.w + 1e-9);
          if (i > 0) expect(c.y).toBeGreaterThanOrEqual(cards[i - 1]!.y + cards[i - 1]!.h);
          if (c.depth === 2) expect(c.x).toBeGreaterThan(col.x);
          for (const l of c.label.lines) expect(textWidth(l.text, c.label.size)).toBeLessThanOrEqual(c.w + 0.5);
        });
      }
      // Depth-1 connectors leave the active row at its arrow's height.
      const axis = L.rows[3]!.axis;
      for (const link of S.links.filter((l) => l.depth === 1)) expect(link.d).toContain(`,${Math.round(axis * 100) / 100}C`);
      expect(S.bottom).toBeGreaterThanOrEqual(L.rowsBottom);
    }
  });

  it('counts what does not fit in "more"', () => {
    const L = layoutLadder(ladderText(chapter, ladder, 'en'), { width: 1200, wrap: ladderWrap });
    const items = sideItemsText(chapter, rowLinks(chapter, ladder, 3).items, 'en');
    const S = layoutSides(L, items, 3, { wrap: ladderWrap, oldHeading: 'old', newHeading: 'new', more: (n) => `+${n}`, maxPerSide: 3 });
    expect(S.cards.filter((c) => c.side === 'old')).toHaveLength(3);
    const more = S.more.find((m) => m.side === 'old')!;
    expect(more.count).toBe(items.filter((i) => i.side === 'old').length - 3);
    expect(more.lines[0]!.text).toBe(`+${more.count}`);
  });
});

describe('small pieces', () => {
  it('textWidth: CJK one em, Latin narrower', () => {
    expect(textWidth('電子政務', 10)).toBe(40);
    expect(textWidth('abc', 10)).toBeLessThan(20);
    expect(textWidth('', 10)).toBe(0);
  });

  it('horizontalLink draws a cubic from one end to the other', () => {
    expect(horizontalLink(0, 0, 10, 20)).toBe('M0,0C5,0,5,20,10,20');
  });

  it('layoutLegend flows entries into lines within the width', () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ label: `Entry number ${i}`, color: '#000', shape: 'dot' as const }));
    const { items, height } = layoutLegend(entries, 10, 100, 300, 18);
    expect(items).toHaveLength(6);
    expect(new Set(items.map((i) => i.y)).size).toBeGreaterThan(1);
    for (const it of items) expect(it.x).toBeGreaterThanOrEqual(10);
    expect(height).toBeGreaterThan(0);
  });
});
