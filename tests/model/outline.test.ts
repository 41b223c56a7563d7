/**
 * The outline builder: concepts by section and slide (each once, under its first slide), every
 * relation as a sentence under both its concepts, filters and language followed.
 */
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledChapter } from '../helpers/chapter';
import { buildOutline, outlineConcepts } from '../../src/model/outline';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { bareNode, tinyGraph } from '../fixtures/tiny-graph';

let chapter: LinkageGraph;
beforeAll(() => {
  chapter = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiledChapter());
});

describe('buildOutline on a tiny graph', () => {
  it('throws on something that is not a graph', () => {
    expect(() => buildOutline(undefined as unknown as LinkageGraph, 'en')).toThrow(/linkage\/outline: the given graph is not a valid graphology instance/);
  });

  it('groups slides by section range, each concept under its first slide, slide-less concepts last', () => {
    const o = buildOutline(tinyGraph(), 'zh-Hant');
    expect(o.sections.map((s) => [s.id, s.slides.map((sl) => sl.slide)])).toEqual([
      [null, [1]],
      ['2-1', [2, 3, 4]],
      ['2-2', [5]],
      ['2-3', [6, 7, 11]],
      ['2-4', [13]],
      [null, [null]],
    ]);
    const at = (slide: number | null) => o.sections.flatMap((s) => s.slides).find((sl) => sl.slide === slide)!;
    expect(at(1).concepts.map((c) => c.key)).toEqual(['ch.2', 'pd.egov']);
    expect(at(2).concepts.map((c) => c.key)).toEqual(['sec.2-1']);
    expect(at(4).concepts.map((c) => c.key)).toEqual(['ms.decentral']);
    // pd.egov rests on slides 1 and 5: listed under 1, pointed to from 5.
    expect(at(5).concepts).toEqual([]);
    expect(at(5).also).toEqual(['pd.egov']);
    expect(at(null).concepts.map((c) => c.key)).toEqual(['tech.email']);
    expect(o.sections[1]!.title).toBe('行政體制改革的趨向');
    expect(o.sections[0]!.title).toBe('');
    expect(o.conceptCount).toBe(10);
    expect(o.relationCount).toBe(11);
  });

  it('lists every relation of a concept as a sentence, in or out, with the other concept', () => {
    const o = buildOutline(tinyGraph(), 'zh-Hant');
    const egov = outlineConcepts(o).find((c) => c.key === 'pd.egov')!;
    const rows = egov.relations.map((r) => [r.edge, r.direction, r.other]);
    expect(rows).toHaveLength(5);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['e6', 'in', 'ch.2'],
        ['e5', 'out', 'pd.trad'],
        ['e8', 'out', 'tech.email'],
        ['e9', 'out', 'ac.gov'],
        ['e11', 'in', 'st.decentral'],
      ]),
    );
    const tension = egov.relations.find((r) => r.edge === 'e5')!;
    expect(tension.sentence.text).toBe('電子政務與傳統行政相對立');
    expect(tension.sentence.parts.filter((p) => 'node' in p).map((p) => ('node' in p ? p.node : ''))).toEqual(['pd.egov', 'pd.trad']);
  });

  it('orders relations by the graph’s link-kind order when it declares one', () => {
    const g = tinyGraph();
    g.setAttribute('edgeKinds', [
      { id: 'involves', zh: '', zhHans: '', en: '', color: '#000' },
      { id: 'contrasts', zh: '', zhHans: '', en: '', color: '#000' },
      { id: 'characterizes', zh: '', zhHans: '', en: '', color: '#000' },
      { id: 'contains', zh: '', zhHans: '', en: '', color: '#000' },
    ]);
    const egov = outlineConcepts(buildOutline(g, 'en')).find((c) => c.key === 'pd.egov')!;
    expect(egov.relations.map((r) => r.kind)).toEqual(['involves', 'involves', 'contrasts', 'characterizes', 'contains']);
  });

  it('follows the language', () => {
    const en = outlineConcepts(buildOutline(tinyGraph(), 'en')).find((c) => c.key === 'pd.trad')!;
    expect(en.label).toBe('Traditional administration');
    expect(en.relations.find((r) => r.edge === 'e5')!.sentence.text).toBe('E-government stands in tension with Traditional administration');
    const hans = buildOutline(tinyGraph(), 'zh-Hans');
    expect(hans.sections[1]!.title).toBe('行政体制改革的趋向');
  });

  it('follows the filters: hidden concepts vanish, and with them every relation that touches them', () => {
    const g = tinyGraph();
    const nodes = new Set(g.nodes().filter((k) => k !== 'pd.trad'));
    const o = buildOutline(g, 'en', { nodes });
    const all = outlineConcepts(o);
    expect(all.map((c) => c.key)).not.toContain('pd.trad');
    expect(all.flatMap((c) => c.relations).some((r) => r.other === 'pd.trad')).toBe(false);
    const edges = new Set(g.edges().filter((e) => e !== 'e9'));
    const noE9 = outlineConcepts(buildOutline(g, 'en', { edges }));
    expect(noE9.flatMap((c) => c.relations).map((r) => r.edge)).not.toContain('e9');
    expect(buildOutline(g, 'en', { nodes: new Set() }).sections).toEqual([]);
  });

  it('an imported graph with no slides or sections: one group of every concept', () => {
    const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true });
    g.addNode('a', bareNode('甲', 'A'));
    g.addNode('b', bareNode('乙'));
    g.addEdge('a', 'b', { kind: 'causes', slides: [], labelZh: '導致', labelHans: '', labelEn: 'leads to' });
    const o = buildOutline(g, 'en');
    expect(o.sections).toHaveLength(1);
    expect(o.sections[0]!.slides[0]!.slide).toBe(null);
    expect(outlineConcepts(o).map((c) => c.label)).toEqual(['A', '乙']);
    expect(outlineConcepts(o)[0]!.relations[0]!.sentence.text).toBe('A leads to 乙');
  });
});

describe('buildOutline on chapter 2', () => {
  it('has the chapter, then §2-1 to §2-4, slides 1 to 20 in order', () => {
    const o = buildOutline(chapter, 'zh-Hant');
    expect(o.sections.map((s) => s.id)).toEqual([null, '2-1', '2-2', '2-3', '2-4']);
    expect(o.sections.flatMap((s) => s.slides.map((sl) => sl.slide))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(o.sections[3]!.slides.map((sl) => sl.slide)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('reaches every concept once and every relation twice (under each of its concepts)', () => {
    const o = buildOutline(chapter, 'en');
    const concepts = outlineConcepts(o);
    expect(concepts.map((c) => c.key).sort()).toEqual(chapter.nodes().sort());
    expect(o.conceptCount).toBe(chapter.order);
    expect(o.relationCount).toBe(chapter.size);
    const seen = new Map<string, number>();
    for (const c of concepts) for (const r of c.relations) seen.set(r.edge, (seen.get(r.edge) ?? 0) + 1);
    for (const e of chapter.edges()) expect(seen.get(e), e).toBe(chapter.source(e) === chapter.target(e) ? 1 : 2);
  });

  it('puts each transformation under its slide with its poles, and reads its relations as sentences', () => {
    const o = buildOutline(chapter, 'zh-Hant');
    const slide10 = o.sections.flatMap((s) => s.slides).find((sl) => sl.slide === 10)!;
    expect(slide10.concepts.map((c) => c.key)).toEqual(expect.arrayContaining(['tr.power', 'st.concentrated', 'st.decentralised']));
    const power = slide10.concepts.find((c) => c.key === 'tr.power')!;
    expect(power.relations.map((r) => r.sentence.text)).toEqual(
      expect.arrayContaining(['權力結構由集權式向分權式轉化始於集權式', '權力結構由集權式向分權式轉化轉向分權式']),
    );
    // 權力結構 is first on slide 1: slide 10 points to it.
    expect(slide10.also).toContain('dim.power');
  });

  it('hiding a section’s nodes empties its slides', () => {
    const nodes = new Set(chapter.filterNodes((_k, a) => a.section !== '2-4'));
    const o = buildOutline(chapter, 'en', { nodes });
    const lastSlides = o.sections.flatMap((s) => s.slides).filter((sl) => sl.slide! >= 15);
    for (const sl of lastSlides) for (const c of sl.concepts) expect(chapter.getNodeAttribute(c.key, 'section')).not.toBe('2-4');
  });
});
