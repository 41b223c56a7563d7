import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { promptParts, promptText, type RelationQuestion } from '../../src/model/quiz';
import { agreePlural, enCase, guessPlural, isPluralLabel, pluralNoun, realise, zhTailNoun, type Concept } from '../../src/model/realise';
import { SHARED_VOCABULARY } from '../../src/model/vocabulary';
import { edgeSentence } from '../../src/model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { bareNode } from '../fixtures/tiny-graph';

/** A concept of a compiled chapter: grammar known. */
const c = (label: string, opts: { name?: boolean; plural?: boolean } = {}): Concept => ({
  key: label,
  label,
  name: opts.name ?? false,
  plural: opts.plural ?? isPluralLabel(label, opts.name ?? false),
});
/** English, with the kind's own plural phrase when `phrase` is its default (as compiled edges carry it). */
const en = (source: Concept, phrase: string, target: Concept, kind?: string) => {
  const own = kind === undefined ? undefined : SHARED_VOCABULARY.edgeKinds[kind]?.phrase;
  return realise(source, phrase, target, 'en', own && own.en === phrase ? own.enPlural : undefined);
};
const zh = (source: string, phrase: string, target: string, lang: 'zh-Hant' | 'zh-Hans' = 'zh-Hant') =>
  realise({ key: 's', label: source }, phrase, { key: 't', label: target }, lang);

describe('model/realise: English case', () => {
  it.each([
    ['Open administration', false, 'inside', 'open administration'],
    ['A profound revolution', false, 'inside', 'a profound revolution'],
    ['E-mail', false, 'inside', 'e-mail'],
    ['ICT infrastructure', false, 'inside', 'ICT infrastructure'],
    ['GIS', false, 'inside', 'GIS'],
    ['Hong Kong SAR Government', true, 'inside', 'Hong Kong SAR Government'],
    ['The Internet', true, 'inside', 'the Internet'],
    ['The Internet', true, 'start', 'The Internet'],
    ['e-government', false, 'start', 'E-government'],
    ['iPhone users', false, 'start', 'iPhone users'],
    ['§2-1 Trends', false, 'inside', '§2-1 Trends'],
  ] as const)('%s (name %s, %s) → %s', (label, name, at, want) => {
    expect(enCase(label, name, at)).toBe(want);
  });

  it('leaves an imported label as written (no grammar known)', () => {
    expect(enCase('Valjean', undefined, 'inside')).toBe('Valjean');
    expect(enCase('valjean', undefined, 'start')).toBe('valjean');
  });
});

describe('model/realise: English number', () => {
  it.each([
    ['Government functions', true],
    ['E-government', false],
    ['The public', false],
    ['Experts and scholars', true],
    ['Adaptability and foresight', true],
    ['Separation of decision and execution', false],
    ['Round-the-clock services across time and place', true],
    ['Decisions made in the sunshine', true],
    ['Highly centralised systems', true],
    ['Too many middle layers', true],
    ['Several reforms of government', true],
    ['The decision process', false],
    ['GIS', false],
    ['ICTs', true],
    ['Analysis', false],
    ['Politics', false],
    ['Business', false],
    ['People', true],
    ['Fair and open government', false],
    ['Decision-makers', true],
    ["People's conduct", false],
  ] as const)('%s → plural %s', (label, want) => {
    expect(guessPlural(label)).toBe(want);
  });

  it('takes the author\'s number first, and a name as singular', () => {
    expect(isPluralLabel('Administrative staff', false, 'plural')).toBe(true);
    expect(isPluralLabel('Decentralisation and devolution of power', false, 'singular')).toBe(false);
    expect(isPluralLabel('Decentralisation and devolution of power', false)).toBe(true);
    expect(isPluralLabel('United Nations', true)).toBe(false);
    expect(isPluralLabel('United Nations', true, 'plural')).toBe(true);
  });

  it('pluralises nouns', () => {
    expect(['drawback', 'policy', 'process', 'basis', 'kind', 'person', 'aspect'].map(pluralNoun)).toEqual([
      'drawbacks', 'policies', 'processes', 'bases', 'kinds', 'people', 'aspects',
    ]);
  });
});

describe('model/realise: English agreement', () => {
  it('has, for every kind, a plural phrase the rules agree with', () => {
    for (const [k, def] of Object.entries(SHARED_VOCABULARY.edgeKinds)) expect(agreePlural(def.phrase.en), k).toBe(def.phrase.enPlural);
  });

  it.each([
    ['is reflected in', 'are reflected in'],
    ['calls for', 'call for'],
    ['carries out', 'carry out'],
    ['also leads to', 'also lead to'],
    ['directly serves', 'directly serve'],
    ['is one of', 'are among'],
    ['is a technical basis of', 'are technical bases of'],
    ['is the main characteristic of', 'are the main characteristic of'],
    ['does not require', 'do not require'],
    ['may breed', 'may breed'],
    ['was replaced by', 'were replaced by'],
    ['reaches', 'reach'],
    ['passes to', 'pass to'],
    ['causes', 'cause'],
    ['is', 'are'],
  ])('%s → %s', (phrase, want) => {
    expect(agreePlural(phrase)).toBe(want);
  });

  it.each(['make … possible', 'in tension with', 'through', 'favour', ''])('cannot agree "%s"', (phrase) => {
    expect(agreePlural(phrase)).toBeNull();
  });
});

describe('model/realise: English sentences', () => {
  const table: Array<[string, Concept, string, Concept, string]> = [
    ['drawback-of', c('Red tape'), 'is a drawback of', c('The centralised decision system'), 'Red tape is a drawback of the centralised decision system'],
    ['drawback-of', c('Complex procedures'), 'is a drawback of', c('Bureaucratic hierarchy'), 'Complex procedures are drawbacks of bureaucratic hierarchy'],
    ['dimension-of', c('Government functions'), 'undergoes', c('The shift to service'), 'Government functions undergo the shift to service'],
    ['characterizes', c('Openness'), 'is characteristic of', c('E-government'), 'Openness is characteristic of e-government'],
    ['aspect-of', c('Clear goals'), 'is an aspect of', c('Administrative decision-making'), 'Clear goals are aspects of administrative decision-making'],
    ['instance-of', c('Programmed decisions'), 'is a kind of', c('Administrative decision'), 'Programmed decisions are kinds of administrative decision'],
    ['contains', c('§2-1 Trends in reform', { name: true }), 'contains', c('Marketisation'), '§2-1 Trends in reform contains marketisation'],
    ['enables', c('Networks'), 'makes possible', c('Open government'), 'Networks make possible open government'],
    ['realizes', c('Streamlining of bodies'), 'puts into practice', c('Administrative reform'), 'Streamlining of bodies puts into practice administrative reform'],
    ['aims-at', c('Marketisation of public services'), 'aims at', c('Better service quality'), 'Marketisation of public services aims at better service quality'],
    ['aims-at', c('Market reforms'), 'aims at', c('Better service quality'), 'Market reforms aim at better service quality'],
    ['promotes', c('E-government'), 'promotes', c('Wider democracy'), 'E-government promotes wider democracy'],
    ['promotes', c('Government websites'), 'favours', c('Public participation'), 'Government websites favour public participation'],
    ['requires', c('Informatisation'), 'requires', c('Knowledge workers'), 'Informatisation requires knowledge workers'],
    ['requires', c('Networked offices'), 'requires', c('Technical knowledge'), 'Networked offices require technical knowledge'],
    ['impacts', c('E-government'), 'has an impact on', c('Traditional administration'), 'E-government has an impact on traditional administration'],
    ['impacts', c('Networks'), 'has an impact on', c('Traditional administration'), 'Networks have an impact on traditional administration'],
    ['becomes', c('Static management'), 'gives way to', c('Dynamic management'), 'Static management gives way to dynamic management'],
    ['becomes', c('Physical offices'), 'gives way to', c('Virtual offices'), 'Physical offices give way to virtual offices'],
    ['curbs', c('Decision-making in the open'), 'curbs', c('Closed-door operation'), 'Decision-making in the open curbs closed-door operation'],
    ['curbs', c('Decisions made in the sunshine'), 'curbs', c('Closed-door operation'), 'Decisions made in the sunshine curb closed-door operation'],
    ['contrasts', c('Regulation'), 'stands in tension with', c('Service'), 'Regulation stands in tension with service'],
    ['echoes', c('Decentralisation measures'), 'echoes', c('The decentralised power structure'), 'Decentralisation measures echo the decentralised power structure'],
    ['involves', c('E-government'), 'involves', c('The Internet', { name: true }), 'E-government involves the Internet'],
    ['involves', c('E-government'), 'is a profound revolution in', c('ICT use'), 'E-government is a profound revolution in ICT use'],
    ['from', c('The power shift'), 'starts from', c('Centralised power'), 'The power shift starts from centralised power'],
    ['to', c('The power shift'), 'moves towards', c('E-mail'), 'The power shift moves towards e-mail'],
    ['causes', c('Think tanks'), 'leads to', c('Better decisions'), 'Think tanks lead to better decisions'],
    ['defines', c('Definitions'), 'defines', c('Decision-making'), 'Definitions define decision-making'],
  ];
  it.each(table)('%s: %s', (kind, source, phrase, target, want) => {
    const r = en(source, phrase, target, kind);
    expect(r.text).toBe(want);
    expect(r.issues).toEqual([]);
    expect(r.parts.map((p) => p.text).join('')).toBe(r.text);
  });

  it('keeps a name capitalised and an acronym as written inside the sentence', () => {
    expect(en(c('Citizens'), 'use', c('Hong Kong Post', { name: true }), 'involves').text).toBe('Citizens use Hong Kong Post');
    expect(en(c('Offices'), 'involves', c('ICT infrastructure')).text).toBe('Offices involve ICT infrastructure');
  });

  it('places the target inside a phrase with …, agreeing the verb before it', () => {
    expect(en(c('Networks'), 'put … into practice', c('Open government')).text).toBe('Networks put open government into practice');
    expect(en(c('The network'), 'puts … into practice', c('Open government')).text).toBe('The network puts open government into practice');
    const r = en(c('Networks'), 'makes … possible', c('Open government'));
    expect(r.text).toBe('Networks make open government possible');
  });

  it('reports a plural subject it cannot agree, and keeps the phrase', () => {
    const r = en(c('Networks'), 'make … possible', c('Open government'));
    expect(r.text).toBe('Networks make open government possible');
    expect(r.issues.map((i) => i.code)).toEqual(['agreement']);
    expect(r.issues[0]!.message).toMatch(/plural subject "Networks" cannot agree with the phrase "make … possible"/);
    // A singular subject needs no agreement.
    expect(en(c('The network'), 'makes … possible', c('Open government')).issues).toEqual([]);
  });

  it('never doubles a word at a join, and says so', () => {
    const r = en(c('Too many staff for the work there is', { plural: false }), 'is a drawback of', c('Bureaucratic hierarchy'), 'drawback-of');
    expect(r.text).not.toMatch(/\bis is\b/);
    expect(r.text).toBe('Too many staff for the work there is a drawback of bureaucratic hierarchy');
    expect(r.issues.map((i) => i.code)).toEqual(['doubled-word']);
    const t = en(c('Reform'), 'leads to', c('To the people', { name: true }));
    expect(t.text).toBe('Reform leads To the people');
    expect(t.issues.map((i) => i.code)).toEqual(['doubled-word']);
  });

  it('does no case and no agreement for imported concepts', () => {
    const r = realise({ key: 'a', label: 'Les misérables' }, 'features', { key: 'b', label: 'Valjean' }, 'en');
    expect(r.text).toBe('Les misérables features Valjean');
    const plural = realise({ key: 'a', label: 'networks' }, 'has an impact on', { key: 'b', label: 'Trade' }, 'en', 'have an impact on');
    expect(plural.text).toBe('networks has an impact on Trade');
    expect(plural.issues).toEqual([]);
  });

  it('reports an empty label', () => {
    expect(realise({ key: 'a', label: '' }, 'involves', { key: 'b', label: 'x' }, 'en').issues.map((i) => i.code)).toEqual(['empty-label']);
  });
});

describe('model/realise: Chinese', () => {
  it.each([
    ['存在過多的中間管理層', '是…的弊端', '傳統的集權決策體制', '存在過多的中間管理層是傳統的集權決策體制的弊端'],
    ['政府職能', '經歷', '行政職能轉化', '政府職能經歷行政職能轉化'],
    ['充分利用信息技術', '是…的特征', '電子政務治理的特征', '充分利用信息技術是電子政務治理的特征'],
    ['充分利用信息技術', '是…的特征', '電子政務特征', '充分利用信息技術是電子政務特征'],
    ['明確的行政目標', '是…的一個方面', '行政決策的各個方面', '明確的行政目標是行政決策的各個方面'],
    ['明確的行政目標', '是…的一個方面', '行政決策的特點', '明確的行政目標是行政決策的特點的一個方面'],
    ['程序化決策', '是…的一種', '行政決策', '程序化決策是行政決策的一種'],
    ['公共服務市場化', '旨在', '改善服務質量', '公共服務市場化旨在改善服務質量'],
    ['電子政府', '促進', '擴大民主', '電子政府促進擴大民主'],
    ['政府的信息化', '要求', '管理知識型', '政府的信息化要求管理知識型'],
    ['電子政務', '沖擊', '傳統行政', '電子政務沖擊傳統行政'],
    ['靜態管理', '轉變為', '動態管理', '靜態管理轉變為動態管理'],
    ['陽光決策', '限制', '暗箱操作', '陽光決策限制暗箱操作'],
    ['實行分權', '與…相呼應', '分權式', '實行分權與分權式相呼應'],
    ['GIS', '包含', 'GPS', 'GIS包含GPS'],
    ['GIS', 'uses', 'GPS', 'GIS uses GPS'],
  ])('%s + %s + %s', (source, phrase, target, want) => {
    const r = zh(source, phrase, target);
    expect(r.text).toBe(want);
    expect(r.issues).toEqual([]);
  });

  it('drops a repeated tail in zh-Hans too', () => {
    expect(zh('充分利用信息技术', '是…的特征', '电子政务治理的特征', 'zh-Hans').text).toBe('充分利用信息技术是电子政务治理的特征');
    expect(zh('行政程序复杂化', '是…的弊端', '集权体制的弊端', 'zh-Hans').text).toBe('行政程序复杂化是集权体制的弊端');
  });

  it('knows the noun a tail adds', () => {
    expect(['的特征', '的一個方面', '的一种', '的主要特征', '相呼應', ''].map(zhTailNoun)).toEqual(['特征', '方面', '', '特征', '', '']);
  });

  it('leaves a doubled character at a join alone (參與與…, 目的的… are right)', () => {
    const r = zh('公眾參與', '與…相呼應', '分散');
    expect(r.text).toBe('公眾參與與分散相呼應');
    expect(r.issues).toEqual([]);
    expect(zh('實事求是', '是…的特征', '傳統行政').issues).toEqual([]);
    expect(zh('決策是否公開', '是…的一個方面', '陽光決策').issues).toEqual([]);
  });

  it('reports a subject that already holds the phrase’s 是 (a clause)', () => {
    const r = zh('網絡是沒有中心的', '是…的特征', '網絡');
    expect(r.text).toBe('網絡是沒有中心的是網絡的特征');
    expect(r.issues.map((i) => i.code)).toEqual(['zh-repetition']);
  });
});

describe('model/realise through edgeSentence and the quiz', () => {
  /** A compiled-like graph: enName / enPlural set as the compiler sets them. */
  function graph(): LinkageGraph {
    const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true });
    const node = (key: string, label: string, labelEn: string, enName = false) =>
      g.addNode(key, { ...bareNode(label, labelEn), labelHans: label, kind: 'trait', enName, enPlural: guessPlural(labelEn) });
    node('d.proc', '行政程序複雜化', 'Complex administrative procedures');
    node('dm.central', '傳統的集權決策體制', 'The traditional centralised decision system');
    node('f.x', '充分利用信息技術', 'Full use of ICT');
    node('sec', '電子政務治理的特征', 'Features of E-Government', true);
    g.addEdgeWithKey('e1', 'd.proc', 'dm.central', { kind: 'drawback-of', slides: [17], labelZh: '是…的弊端', labelHans: '是…的弊端', labelEn: 'is a drawback of' });
    g.addEdgeWithKey('e2', 'f.x', 'sec', { kind: 'characterizes', slides: [5], labelZh: '是…的特征', labelHans: '是…的特征', labelEn: 'is characteristic of' });
    return g;
  }

  it('reads compiled nodes with case, agreement and zh tails', () => {
    const g = graph();
    expect(edgeSentence(g, 'e1', 'en').text).toBe('Complex administrative procedures are drawbacks of the traditional centralised decision system');
    expect(edgeSentence(g, 'e1', 'en')).toMatchObject({
      source: 'Complex administrative procedures',
      target: 'the traditional centralised decision system',
      sourceLabel: 'Complex administrative procedures',
      targetLabel: 'The traditional centralised decision system',
    });
    expect(edgeSentence(g, 'e2', 'en').text).toBe('Full use of ICT is characteristic of Features of E-Government');
    expect(edgeSentence(g, 'e2', 'zh-Hant').text).toBe('充分利用信息技術是電子政務治理的特征');
    expect(edgeSentence(g, 'e2', 'zh-Hans').text).toBe('充分利用信息技術是電子政務治理的特征');
  });

  it('blanks one end of the realised sentence for a question', () => {
    const g = graph();
    const q = { type: 'drawback', edge: 'e1', kind: 'drawback-of', subject: 'dm.central', blank: 'source', answer: 'd.proc', options: [], slides: [17], id: 'q' } as unknown as RelationQuestion;
    expect(promptText(promptParts(g, q, 'en'), 'en')).toBe('_____ are drawbacks of the traditional centralised decision system');
    expect(promptText(promptParts(g, q, 'zh-Hant'), 'zh-Hant')).toBe('＿＿＿是傳統的集權決策體制的弊端');
    const t = { ...q, edge: 'e2', kind: 'characterizes', blank: 'target', answer: 'sec' } as unknown as RelationQuestion;
    expect(promptText(promptParts(g, t, 'zh-Hant'), 'zh-Hant')).toBe('充分利用信息技術是＿＿＿');
    expect(promptText(promptParts(g, t, 'en'), 'en')).toBe('Full use of ICT is characteristic of _____');
  });
});
