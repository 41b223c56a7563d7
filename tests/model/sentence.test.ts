import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { edgeSentence, isLang, LANGS, nodeLabel, phrase, sentenceParts } from '../../src/model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { bareNode, tinyGraph } from '../fixtures/tiny-graph';

describe('model/sentence', () => {
  const graph = tinyGraph();

  it('throws on a missing edge, naming its origin', () => {
    expect(() => edgeSentence(graph, 'nope', 'en')).toThrow(/linkage\/sentence: no edge "nope"/);
  });

  it('knows its languages', () => {
    expect(LANGS).toEqual(['zh-Hant', 'zh-Hans', 'en']);
    expect(isLang('zh-Hans')).toBe(true);
    expect(isLang('fr')).toBe(false);
  });

  it('picks the label of each script, falling back when one is missing', () => {
    const attrs = graph.getNodeAttributes('pd.egov');
    expect(nodeLabel(attrs, 'zh-Hant')).toBe('電子政務');
    expect(nodeLabel(attrs, 'zh-Hans')).toBe('电子政务');
    expect(nodeLabel(attrs, 'en')).toBe('E-government');
    const bare = bareNode('網絡');
    expect(nodeLabel(bare, 'zh-Hans')).toBe('網絡');
    expect(nodeLabel(bare, 'en')).toBe('網絡');
    expect(nodeLabel({ labelEn: 'Only English' }, 'zh-Hant')).toBe('Only English');
    expect(nodeLabel({}, 'en')).toBe('');
  });

  it('picks the phrase of each script, then the kind', () => {
    const attrs = graph.getEdgeAttributes('e3');
    expect(phrase(attrs, 'zh-Hant')).toBe('是…的弊端');
    expect(phrase(attrs, 'en')).toBe('is a drawback of');
    expect(phrase({ kind: 'causes', labelZh: '導致' }, 'en')).toBe('導致');
    expect(phrase({ kind: 'causes' }, 'zh-Hans')).toBe('causes');
    expect(phrase({}, 'en')).toBe('→');
  });

  it('reads a circumfix phrase with the target inside (zh, no spaces)', () => {
    const s = edgeSentence(graph, 'e3', 'zh-Hant');
    expect(s.text).toBe('存在過多的中間管理層是傳統的集權決策體制的弊端');
    expect(s).toMatchObject({ source: '存在過多的中間管理層', target: '傳統的集權決策體制', phrase: '是…的弊端' });
    expect(s).toMatchObject({ edge: 'e3', sourceKey: 'tr.middle', targetKey: 'dm.central', slides: [13] });
    expect(edgeSentence(graph, 'e3', 'zh-Hans').text).toBe('存在过多的中间管理层是传统的集权决策体制的弊端');
  });

  it('reads an English sentence with single spaces', () => {
    expect(edgeSentence(graph, 'e3', 'en').text).toBe('Too many middle layers is a drawback of the centralised decision system');
    expect(edgeSentence(graph, 'e1', 'en').text).toBe('Chapter 2 E-Government and Traditional Management contains §2-1 Trends of administrative reform');
  });

  it('joins an infix zh phrase without spaces', () => {
    expect(edgeSentence(graph, 'e1', 'zh-Hant').text).toBe('第二章 電子政務與傳統管理包含§2-1 行政體制改革的趨向');
    expect(edgeSentence(graph, 'e9', 'zh-Hans').text).toBe('电子政务涉及政府');
  });

  it('gives parts whose texts make the sentence, with source and target as nodes', () => {
    for (const lang of LANGS) {
      graph.forEachEdge((edge) => {
        const s = edgeSentence(graph, edge, lang);
        expect(s.parts.map((p) => p.text).join('')).toBe(s.text);
        const nodes = s.parts.filter((p) => 'node' in p);
        expect(nodes).toEqual([
          { node: s.sourceKey, role: 'source', text: s.source },
          { node: s.targetKey, role: 'target', text: s.target },
        ]);
      });
    }
    expect(edgeSentence(graph, 'e3', 'zh-Hant').parts).toEqual([
      { node: 'tr.middle', role: 'source', text: '存在過多的中間管理層' },
      { text: '是' },
      { node: 'dm.central', role: 'target', text: '傳統的集權決策體制' },
      { text: '的弊端' },
    ]);
    expect(edgeSentence(graph, 'e3', 'en').parts).toEqual([
      { node: 'tr.middle', role: 'source', text: 'Too many middle layers' },
      { text: ' is a drawback of ' },
      { node: 'dm.central', role: 'target', text: 'the centralised decision system' },
    ]);
  });

  it('places the target inside an English phrase with …', () => {
    const parts = sentenceParts('a', 'Networks', 'make … possible', 'b', 'open government', 'en');
    expect(parts.map((p) => p.text).join('')).toBe('Networks make open government possible');
  });

  it('keeps a space between Latin words in zh sentences, none next to CJK', () => {
    expect(sentenceParts('a', 'GIS', '包含', 'b', 'GPS', 'zh-Hant').map((p) => p.text).join('')).toBe('GIS包含GPS');
    expect(sentenceParts('a', 'GIS', 'uses', 'b', 'GPS', 'zh-Hant').map((p) => p.text).join('')).toBe('GIS uses GPS');
    expect(sentenceParts('a', 'A', '…', 'b', 'B', 'zh-Hant').map((p) => p.text).join('')).toBe('A B');
  });

  it('falls back to the node key for unlabelled nodes (imported graphs)', () => {
    const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>();
    g.addNode('x', bareNode(''));
    g.addNode('y', bareNode(''));
    g.addEdgeWithKey('xy', 'x', 'y', { kind: 'involves', slides: [], labelZh: '', labelHans: '', labelEn: '' });
    expect(edgeSentence(g, 'xy', 'en').text).toBe('x involves y');
  });

  it('never interprets text: markup stays literal', () => {
    const s = sentenceParts('a', '<b>x</b>', '包含', 'b', '<img src=x>', 'zh-Hant');
    expect(s.map((p) => p.text).join('')).toBe('<b>x</b>包含<img src=x>');
  });
});
