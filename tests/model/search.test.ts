import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchAll, normalizeText, search, topMatchBits } from '../../src/model/search';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { bareNode, syntheticGraph, tinyGraph } from '../fixtures/tiny-graph';

const index = buildSearchIndex(tinyGraph());
const keys = (query: string, limit?: number): string[] => search(index, query, { limit }).map((h) => h.key);
const first = (query: string) => search(index, query)[0];

describe('model/search', () => {
  it('returns nothing for blank queries or an empty graph', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, 'x', { limit: 0 })).toEqual([]);
    const empty = buildSearchIndex(new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>());
    expect(search(empty, '電子')).toEqual([]);
  });

  it('finds 電子政務 in every script, by pinyin, initials and id', () => {
    expect(first('電子政務')).toMatchObject({ key: 'pd.egov', field: 'zh-Hant', matched: '電子政務' });
    expect(first('电子政务')).toMatchObject({ key: 'pd.egov', field: 'zh-Hans', matched: '电子政务' });
    expect(first('e-government')).toMatchObject({ key: 'pd.egov', field: 'en', matched: 'E-government' });
    expect(first('E-GOVERNMENT')).toMatchObject({ key: 'pd.egov', field: 'en' });
    expect(first('dianzizhengwu')).toMatchObject({ key: 'pd.egov', field: 'pinyin', matched: 'dian zi zheng wu' });
    expect(first('dian zi zheng wu')).toMatchObject({ key: 'pd.egov', field: 'pinyin' });
    expect(first('dzzw')).toMatchObject({ key: 'pd.egov', field: 'initials', matched: 'dzzw' });
    expect(first('dian4 zi3 zheng4 wu4')).toMatchObject({ key: 'pd.egov', field: 'pinyin' });
    expect(first('pd.egov')).toMatchObject({ key: 'pd.egov', field: 'id', matched: 'pd.egov' });
  });

  it('finds by prefixes of labels, pinyin and initials', () => {
    expect(keys('電子')).toEqual(['pd.egov', 'tech.email', 'ch.2']);
    expect(keys('dianzi')).toEqual(['pd.egov', 'tech.email', 'ch.2']);
    expect(keys('dzz')[0]).toBe('pd.egov');
    expect(keys('ctx')).toEqual(['pd.trad']);
    expect(first('傳統')?.key).toBe('pd.trad');
    expect(first('传统')?.key).toBe('pd.trad');
  });

  it('ranks exact > prefix > word-prefix > substring > subsequence', () => {
    const hits = search(index, 'government', { limit: 20 });
    // 'Government' exact; 'E-government' word prefix; the chapter title has it mid-word? no: after "E-".
    expect(hits.map((h) => h.key)).toEqual(['ac.gov', 'pd.egov', 'ch.2']);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(Math.floor((hits[0]?.score ?? 0) / 1e6)).toBe(5);
    expect(Math.floor((hits[1]?.score ?? 0) / 1e6)).toBe(3);
    // substring: "ecentral" inside "Decentralise", "Decentralised"; also inside ids ms.decentral / st.decentral.
    const sub = search(index, 'entralis');
    expect(sub.map((h) => Math.floor(h.score / 1e6))).toEqual([2, 2, 2]);
    // prefix beats substring: 'zheng' starts 政府's pinyin, and sits mid-word in 電子政務's.
    const zheng = search(index, 'zheng', { limit: 20 });
    expect(zheng[0]).toMatchObject({ key: 'ac.gov', field: 'pinyin' });
    expect(zheng.slice(1).map((h) => Math.floor(h.score / 1e6))).toEqual(zheng.slice(1).map(() => 3));
    // subsequence of initials comes last: 'dzw' is a substring of nothing, a subsequence of
    // 電子政務's dzzw and of the chapter title's dezdzzwyctgl (longer, so second).
    const dzw = search(index, 'dzw');
    expect(dzw).toMatchObject([
      { key: 'pd.egov', field: 'initials' },
      { key: 'ch.2', field: 'initials' },
    ]);
    expect(dzw.map((h) => Math.floor(h.score / 1e6))).toEqual([1, 1]);
    // the chapter title's initials hold dzzw at a syllable start: a word-prefix match.
    expect(search(index, 'dzzw').map((h) => [h.key, Math.floor(h.score / 1e6)])).toEqual([
      ['pd.egov', 5],
      ['ch.2', 3],
    ]);
  });

  it('prefers shorter labels, then importance, then key order', () => {
    // 電子政務 (4) before 電子郵件 (4, less important) before the chapter title (longer).
    expect(keys('電子')).toEqual(['pd.egov', 'tech.email', 'ch.2']);
    const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>();
    g.addNode('b', { ...bareNode('網絡'), importance: 0.5 });
    g.addNode('a', { ...bareNode('網絡'), importance: 0.5 });
    g.addNode('c', { ...bareNode('網絡'), importance: 0.9 });
    g.addNode('d', { ...bareNode('網絡化'), importance: 1 });
    expect(search(buildSearchIndex(g), '網絡').map((h) => h.key)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('respects the limit and the visible set', () => {
    expect(keys('e', 2)).toHaveLength(2);
    const visible = new Set(['tech.email', 'ch.2']);
    expect(search(index, '電子', { visible }).map((h) => h.key)).toEqual(['tech.email', 'ch.2']);
    expect(search(index, 'dzzw', { visible }).map((h) => h.key)).toEqual(['ch.2']);
    expect(search(index, 'ctxz', { visible })).toEqual([]);
  });

  it('is deterministic and leaves no state behind between calls', () => {
    const a = search(index, 'de', { limit: 50 });
    search(index, 'zz');
    search(index, 'government', { visible: new Set(['pd.egov']) });
    expect(search(index, 'de', { limit: 50 })).toEqual(a);
    expect(search(index, 'de', { limit: Infinity })).toEqual(a);
  });

  it('works on imported graphs without pinyin (labels and ids only), or with a pinyin hook', () => {
    const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>();
    g.addNode('net', bareNode('網絡', 'Network'));
    g.addNode('web', bareNode('政府網站'));
    const plain = buildSearchIndex(g);
    expect(search(plain, '網絡').map((h) => h.key)).toEqual(['net']);
    expect(search(plain, 'network').map((h) => h.key)).toEqual(['net']);
    expect(search(plain, 'wangluo')).toEqual([]);
    expect(search(plain, 'web')).toMatchObject([{ key: 'web', field: 'id' }]);
    const hooked = buildSearchIndex(g, { pinyin: (label) => (label === '網絡' ? 'wang luo' : 'zheng fu wang zhan') });
    expect(search(hooked, 'wangluo')).toMatchObject([{ key: 'net', field: 'pinyin' }]);
    expect(search(hooked, 'zfwz')).toMatchObject([{ key: 'web', field: 'initials', matched: 'zfwz' }]);
  });

  it('treats markup and odd characters as plain text', () => {
    expect(search(index, '<script>alert(1)</script>')).toEqual([]);
    expect(search(index, '\0')).toEqual([]);
    expect(search(index, '.*')).toEqual([]);
    expect(normalizeText('  Ｄｚｚｗ \n x ')).toBe('dzzw x');
    expect(first('ＤＺＺＷ')?.key).toBe('pd.egov');
  });

  it('matchAll returns every match as a set', () => {
    expect([...matchAll(index, '電子')].sort()).toEqual(['ch.2', 'pd.egov', 'tech.email']);
    expect(matchAll(index, '').size).toBe(0);
    expect([...matchAll(index, '電子', new Set(['ch.2']))]).toEqual(['ch.2']);
  });

  it('topMatchBits: the best `cap` matches, ranked as search ranks them, and how many match in all', () => {
    const big = buildSearchIndex(syntheticGraph(3000, 1, 5));
    const all = matchAll(big, 'dian');
    expect(all.size).toBeGreaterThan(500);
    const chosen = (bits: Uint8Array) => big.keys.filter((_k, i) => bits[i] === 1);
    const top = topMatchBits(big, 'dian', 50)!;
    expect(top.total).toBe(all.size);
    expect(chosen(top.bits).sort()).toEqual(search(big, 'dian', { limit: 50 }).map((h) => h.key).sort());
    // A larger cap than 64 takes the sorting path of search too.
    expect(chosen(topMatchBits(big, 'dian', 300)!.bits).sort()).toEqual(search(big, 'dian', { limit: 300 }).map((h) => h.key).sort());
    // Under the cap: every match; among visible nodes only; none for a blank query.
    const under = topMatchBits(big, 'dian', all.size)!;
    expect(chosen(under.bits).sort()).toEqual([...all].sort());
    const visible = new Set([...all].slice(0, 7));
    expect(topMatchBits(big, 'dian', 5, visible)!.total).toBe(7);
    expect(topMatchBits(big, '  ', 5)).toBeNull();
  });

  it('finds by id among 50k nodes, exact id first (its speed is measured by npm run bench)', () => {
    const big = buildSearchIndex(syntheticGraph(50_000, 0));
    expect(search(big, 'n49999')[0]).toMatchObject({ key: 'n49999', field: 'id' });
    expect(search(big, 'n4999').length).toBeGreaterThan(1);
  }, 60_000); // building a 50k index takes seconds on a loaded machine
});
