import fc from 'fast-check';
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraphFile } from '../../src/cli/compile-file';
import { enCase, guessPlural, realise } from '../../src/model/realise';
import { edgeKindIds, SHARED_VOCABULARY } from '../../src/model/vocabulary';

const EDGE_KINDS = edgeKindIds(SHARED_VOCABULARY);
const phraseOf = (kind: string) => SHARED_VOCABULARY.edgeKinds[kind]!.phrase;
import { edgeSentence, LANGS, nodeLabel, type Lang } from '../../src/model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';

/** Adjacent equal words of an English text (case-insensitive), as `"is is"`. */
function doubledWords(text: string): string[] {
  const w = text.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter((x) => x !== '');
  return w.flatMap((x, i) => (x === w[i + 1] ? [`${x} ${x}`] : []));
}

/** A zh sentence repeating its tail: `…的特征的特征`, `…特征的特征`. */
const zhRepeatedTail = (text: string): boolean => /(\p{Script=Han}{2,})的\1$/u.test(text);

/** A label as the realiser places it: case form in English, as written in zh. */
function labelIn(graph: LinkageGraph, key: string, lang: Lang, at: 'start' | 'inside'): string {
  const a = graph.getNodeAttributes(key);
  const label = nodeLabel(a, lang);
  return lang === 'en' ? enCase(label, a.enName, at) : label;
}

describe('every link of the chapter reads as a sentence', () => {
  let chapter: LinkageGraph;
  let edges: string[];
  beforeAll(() => {
    chapter = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compileGraphFile('graph/chapter-02/chapter-02.yaml'));
    edges = chapter.edges();
  });

  it('gives every node the English grammar the realiser reads (enName, enPlural)', () => {
    chapter.forEachNode((key, a) => {
      expect(typeof a.enName, key).toBe('boolean');
      expect(typeof a.enPlural, key).toBe('boolean');
    });
  });

  it('holds both concepts and no doubled word or repeated tail, in each language', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: edges.length - 1 }), fc.constantFrom(...LANGS), (i, lang) => {
        const e = edges[i]!;
        const s = edgeSentence(chapter, e, lang);
        expect(s.text).toContain(labelIn(chapter, chapter.source(e), lang, 'start'));
        expect(s.text).toContain(labelIn(chapter, chapter.target(e), lang, 'inside'));
        if (lang === 'en') {
          expect(doubledWords(s.text), s.text).toEqual([]);
          expect(s.text.charAt(0), s.text).toBe(s.text.charAt(0).toLocaleUpperCase('en'));
        } else {
          expect(zhRepeatedTail(s.text), s.text).toBe(false);
          expect(s.text, s.text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
        }
      }),
      { numRuns: 600, seed: 12 },
    );
    // And exhaustively, since the chapter is small.
    for (const e of edges) {
      for (const lang of LANGS) {
        const s = edgeSentence(chapter, e, lang);
        if (lang === 'en') expect(doubledWords(s.text), s.text).toEqual([]);
        else expect(zhRepeatedTail(s.text), s.text).toBe(false);
      }
    }
  });
});

describe('the realiser on any labels', () => {
  const word = fc.constantFrom('is', 'a', 'of', 'the', 'public', 'government', 'functions', 'ICT', 'E-mail', 'reform', 'has', 'there', 'decisions', 'on');
  const label = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
  const hanzi = fc.constantFrom('的', '是', '特征', '弊端', '方面', '政府', '網絡', '公眾', '參與', '與');
  const zhLabel = fc.array(hanzi, { minLength: 1, maxLength: 5 }).map((w) => w.join(''));

  it('never doubles a word at a join in English, and keeps both labels', () => {
    fc.assert(
      fc.property(label, fc.constantFrom(...EDGE_KINDS), label, fc.boolean(), fc.boolean(), (s, kind, t, name, plural) => {
        const r = realise({ key: 's', label: s, name, plural }, phraseOf(kind).en, { key: 't', label: t, name: false, plural: guessPlural(t) }, 'en', phraseOf(kind).enPlural);
        expect(r.text).toContain(enCase(s, name, 'start'));
        expect(r.text).toContain(enCase(t, false, 'inside'));
        // Words doubled inside a label are the label's; none may arise at a join.
        const inside = doubledWords(s).length + doubledWords(t).length;
        expect(doubledWords(r.text).length - inside, r.text).toBe(0);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('never repeats a zh tail noun, and keeps both labels', () => {
    fc.assert(
      fc.property(zhLabel, fc.constantFrom(...EDGE_KINDS), zhLabel, (s, kind, t) => {
        const r = realise({ key: 's', label: s }, phraseOf(kind).zh, { key: 't', label: t }, 'zh-Hant');
        expect(r.text.startsWith(s)).toBe(true);
        expect(r.text).toContain(t);
        for (const noun of ['特征', '弊端', '方面']) expect(r.text.endsWith(`${noun}的${noun}`) || r.text.endsWith(`${noun}的一個${noun}`), r.text).toBe(false);
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});
