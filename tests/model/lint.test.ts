import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/model/errors';
import { LINT_RULES, lintGraph } from '../../src/model/lint';
import { notNounPhrase } from '../../src/model/lint-label';
import { loadGraphSource } from '../../src/model/load';

const DIR = 'tests/fixtures/lint/';
const FILE = `${DIR}chapter-01.yaml`;
/** A valid chapter the lint has nothing to say about; each test below edits it to break one rule. */
const CLEAN = readFileSync(`${DIR}clean.yaml`, 'utf8');
const MD = readFileSync(`${DIR}source/chapter-01.md`, 'utf8');

function edit(yaml: string, from: string, to: string): string {
  if (!yaml.includes(from)) throw new Error(`fixture edit: "${from}" is not in the file`);
  return yaml.replace(from, to);
}

/** Lints a variant (which must itself be valid) and returns its warnings as `graph:check` prints them. */
function lint(yaml: string): string[] {
  const src = loadGraphSource(yaml, FILE, MD);
  expect(src.errors.map(formatError)).toEqual([]);
  return lintGraph(src.parsed!).map(formatError);
}

const lineOf = (yaml: string, text: string): number => yaml.slice(0, yaml.indexOf(text)).split('\n').length;

/** Adds nodes before tech.site and edges before the echoes edge. */
function withItems(yaml: string, nodes: string[], edges: string[]): string {
  let out = edit(yaml, '  - { id: tech.site,', `${nodes.map((n) => `  - ${n}\n`).join('')}  - { id: tech.site,`);
  out = edit(out, '  - { source: c.part, kind: echoes', `${edges.map((e) => `  - ${e}\n`).join('')}  - { source: c.part, kind: echoes`);
  return out;
}

describe('lintGraph', () => {
  it('says nothing about a clean chapter', () => {
    expect(lint(CLEAN)).toEqual([]);
  });

  it('knows its rules', () => {
    expect(LINT_RULES).toEqual(['symmetric-phrase', 'contained-label', 'unused-node', 'not-noun-phrase', 'sentence', 'map-name']);
  });

  describe('(a) a symmetric kind whose phrase reads one way', () => {
    it('warns on a one-way zh and en phrase, naming the directed kind', () => {
      const yaml = edit(CLEAN, '{ source: c.part, kind: echoes, target: st.new, slides: [2] }', '{ source: c.part, kind: echoes, target: st.new, slides: [2], zh: 導致, en: leads to }');
      const line = lineOf(yaml, 'zh: 導致');
      expect(lint(yaml)).toEqual([
        `chapter-01.yaml:${line} edges[8].zh: "echoes" reads both ways, but the phrase "導致" reads one way (「公眾參與導致分散」 is not 「分散導致公眾參與」): use the directed kind causes (導致), or a reciprocal phrase 與…相X`,
        `chapter-01.yaml:${line} edges[8].en: "echoes" reads both ways, but the phrase "leads to" reads one way: use the directed kind causes ("leads to"), or a reciprocal phrase ending in "with"`,
      ]);
    });

    it('takes 與…相X and "… with" as reading both ways', () => {
      const yaml = edit(CLEAN, '{ source: c.net, kind: impacts, target: c.trad, slides: [1] }', '{ source: c.net, kind: contrasts, target: c.trad, slides: [1], zh: 與…相沖突, en: clashes with }');
      expect(lint(yaml)).toEqual([]);
      const oneWay = edit(CLEAN, '{ source: c.net, kind: impacts, target: c.trad, slides: [1] }', '{ source: c.net, kind: contrasts, target: c.trad, slides: [1], zh: 沖擊, en: clashes with }');
      expect(lint(oneWay)).toEqual([
        `chapter-01.yaml:${lineOf(oneWay, 'zh: 沖擊')} edges[5].zh: "contrasts" reads both ways, but the phrase "沖擊" reads one way (「網絡社會沖擊傳統管理」 is not 「傳統管理沖擊網絡社會」): use the directed kind impacts (沖擊), or a reciprocal phrase 與…相X`,
      ]);
    });
  });

  describe('(b) labels that hold each other, under a vague kind', () => {
    const yaml = withItems(CLEAN, ['{ id: act.public, kind: actor, label: 公眾, en: The public, slides: [2], quote: 公眾參與 }'], ['{ source: c.part, kind: involves, target: act.public, slides: [2] }']);

    it('warns in zh-Hant and English', () => {
      expect(lint(yaml)).toEqual([
        `chapter-01.yaml:${lineOf(yaml, 'kind: involves')} edges[8]: c.part -involves-> act.public: one label holds the other (「公眾」 in 「公眾參與」; "The public" in "Public participation"), so under the vague kind "involves" (涉及) the link says nothing the labels do not; relabel a node, use a kind that states the relation, or drop the link`,
      ]);
    });

    it('says nothing when the kind states the relation', () => {
      expect(lint(edit(yaml, '{ source: c.part, kind: involves, target: act.public, slides: [2] }', '{ source: act.public, kind: requires, target: c.part, slides: [2] }'))).toEqual([]);
    });
  });

  describe('(c) a node no link uses', () => {
    const yaml = withItems(CLEAN, ['{ id: c.centre, kind: concept, label: 沒有中心, en: Absence of a centre, slides: [2], quote: 網絡是沒有中心的 }'], ['{ source: sec.1-1, kind: contains, target: c.centre, slides: [2] }']);

    it('warns on a node only its section contains', () => {
      expect(lint(yaml)).toEqual([
        `chapter-01.yaml:${lineOf(yaml, 'id: c.centre')} nodes[8]: node "c.centre" is used by no link: only sec.1-1 contains it; link it to what the text says about it, or drop it`,
      ]);
    });

    it('says nothing once a link states something about it', () => {
      expect(lint(edit(yaml, '  - { source: c.part, kind: echoes', '  - { source: c.centre, kind: characterizes, target: c.net, slides: [2] }\n  - { source: c.part, kind: echoes'))).toEqual([]);
    });
  });

  describe('(d) an English label that is not a noun phrase', () => {
    it('warns on a clause and on a heading', () => {
      const yaml = edit(edit(CLEAN, 'en: Public participation,', 'en: The public takes part,'), 'en: Concentration,', 'en: "Management: from concentration to dispersal", short: Concentration,');
      expect(lint(yaml)).toEqual([
        `chapter-01.yaml:${lineOf(yaml, 'en: "Management')} nodes[3].en: English label "Management: from concentration to dispersal" is not a noun phrase: it is a heading "X: from A to B", not a name for one thing; a sentence uses it as a subject or object, so name the thing (rewrite it as a noun phrase)`,
        `chapter-01.yaml:${lineOf(yaml, 'en: The public takes part')} nodes[7].en: English label "The public takes part" is not a noun phrase: it holds the finite verb "takes"; a sentence uses it as a subject or object, so name the thing (rewrite it as a noun phrase)`,
      ]);
    });

    it('leaves names alone', () => {
      expect(lint(edit(CLEAN, 'en: Test Chapter, name: true', 'en: "Chapter 1: From A to B", name: true'))).toEqual([]);
    });

    it.each([
      ['Too many staff for the work there is', 'it holds the finite verb "is"'],
      ['The network has no centre', 'it holds the finite verb "has"'],
      ['The line between deciding and executing blurs', 'it holds the finite verb "blurs"'],
      ['Decisions become democratic', 'it holds the finite verb "become" after "decisions"'],
      ['The administered merely obey government decisions', 'it holds the finite verb "obey" after "administered"'],
      ['May breed irresponsibility', 'it holds the finite verb "may"'],
      ['Adapts poorly to change', 'it opens with the verb "adapts"'],
      ['Streamline bodies and staff', 'it opens with the imperative "streamline"'],
      ['Shed excess responsibilities, easing fiscal pressure', 'it opens with the imperative "shed"'],
      ['Talking with the public as equals, putting people first', 'a participial clause follows a comma ("putting")'],
      ['What administrative decision-making is', 'it is a clause opening with "what"'],
      ['Administrative functions: from regulation to service', 'it is a heading "X: from A to B", not a name for one thing'],
      ['Ends with a colon:', 'it ends with ":"'],
      ['Democracy widened', 'it ends with the participle "widened"'],
      ['Virtual', 'it is only adjectives (add the noun they describe)'],
      ['Lean and capable', 'it is only adjectives (add the noun they describe)'],
    ])('%s: %s', (label, why) => {
      expect(notNounPhrase(label)).toBe(why);
    });

    it.each([
      'Public participation',
      'Decisions made in the sunshine',
      'Timely access to the information needed',
      'The question of how government should manage',
      'Reforming how government is managed',
      'Open administration',
      'Separation of decision and execution',
      'End of the government monopoly',
      'Lower office costs',
      'Dispersal',
      'Proposal',
      'Government websites',
      'Restructuring, lower costs, higher efficiency',
      'The political will of the public',
    ])('%s is a noun phrase', (label) => {
      expect(notNounPhrase(label)).toBeNull();
    });
  });

  describe('(e) a sentence the realiser cannot build', () => {
    it('warns on a plural subject it cannot agree, and on a zh subject that is a clause', () => {
      const yaml = withItems(
        edit(CLEAN, '{ source: tech.site, kind: promotes, target: c.part, slides: [3] }', '{ source: tech.site, kind: promotes, target: c.part, slides: [3], en: make … possible }'),
        ['{ id: t.nocentre, kind: trait, label: 網絡是沒有中心的, en: Absence of a centre, slides: [2], quote: 網絡是沒有中心的 }'],
        ['{ source: t.nocentre, kind: characterizes, target: c.net, slides: [2] }'],
      );
      expect(lint(yaml)).toEqual([
        `chapter-01.yaml:${lineOf(yaml, 'en: make … possible')} edges[7]: English sentence "Government websites make public participation possible": the plural subject "Government websites" cannot agree with the phrase "make … possible": start the phrase with a verb in the singular (is, has, leads to…), or mark the node number: singular`,
        `chapter-01.yaml:${lineOf(yaml, 'source: t.nocentre')} edges[8]: 繁體 sentence "網絡是沒有中心的是網絡社會的特征": 「是」 stands in the subject 「網絡是沒有中心的」 and again in the phrase 「是…的特征」: the subject is a clause; relabel it as a noun phrase, or give the link its own phrase`,
      ]);
    });

    it('warns on a word doubled at a join', () => {
      const yaml = edit(CLEAN, 'en: The network society,', 'en: The society there is,');
      expect(lint(yaml)).toEqual([
        `chapter-01.yaml:${lineOf(yaml, 'en: The society there is')} nodes[5].en: English label "The society there is" is not a noun phrase: it holds the finite verb "is"; a sentence uses it as a subject or object, so name the thing (rewrite it as a noun phrase)`,
      ]);
      const doubled = edit(yaml, '{ source: c.net, kind: impacts, target: c.trad, slides: [1] }', '{ source: c.net, kind: impacts, target: c.trad, slides: [1], en: is hard on }');
      expect(lint(doubled)).toContain(
        `chapter-01.yaml:${lineOf(doubled, 'en: is hard on')} edges[5]: English sentence "The society there is hard on traditional management": "is" would stand twice at a join: the label next to the phrase is probably a clause, not a noun phrase`,
      );
    });

    it('agrees with number: set by the author', () => {
      const yaml = edit(CLEAN, '{ source: tech.site, kind: promotes, target: c.part, slides: [3] }', '{ source: tech.site, kind: promotes, target: c.part, slides: [3], en: make … possible }');
      expect(lint(edit(yaml, 'en: Government websites,', 'en: Government websites, number: singular,'))).toEqual([]);
    });
  });

  describe('(f) names the map cannot draw well', () => {
    const long = 'Public participation in the decisions of government';
    it('warns on an English label longer than the map draws, unless short: gives a map name', () => {
      const yaml = edit(CLEAN, 'en: Public participation,', `en: ${long},`);
      expect(lint(yaml)).toEqual([
        `chapter-01.yaml:${lineOf(yaml, long)} nodes[7].en: English label "${long}" is 51 characters long: the map draws at most 28 (two lines); give the node a short: name for the map`,
      ]);
      expect(lint(edit(yaml, `en: ${long},`, `en: ${long}, short: Public participation,`))).toEqual([]);
    });

    it('warns on two concepts the map would draw with the same name, in Chinese or English', () => {
      const yaml = edit(CLEAN, 'short: Participation via websites,', 'short: The network society,');
      expect(lint(yaml)).toEqual([
        `chapter-01.yaml:${lineOf(yaml, 'short: The network society')} nodes[9].short: the map draws "The network society" for both "c.net" and "c.promote": give one of them another English map name (short:)`,
      ]);
      const zh = edit(CLEAN, 'label: 政府網站,', 'label: 網絡社會,');
      expect(lint(zh).filter((w) => w.includes('the map draws'))).toEqual([
        `chapter-01.yaml:${lineOf(zh, 'id: tech.site')} nodes[8].label: the map draws "網絡社會" for both "c.net" and "tech.site": give one of them another label`,
      ]);
    });
  });
});
