import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/model/errors';
import { parseGraphYaml } from '../../src/model/parse';
import { parseTranscript } from '../../src/model/transcript';
import { markedItemCoverage, validateGraph } from '../../src/model/validate';

const FILE = 'graph/test.yaml';

/** A three-slide transcript: a title, one section, a transformation and two sub-points. */
const MD = `# Test chapter

## slide 1
第一章 測試章
導言。

## slide 2
§1-1 第一節
★甲由舊向新轉化。舊與新的說明。
◎乙項,補充;

## slide 3
▽丙項具有適應性
`;

/** A valid graph of that transcript; each test edits one thing. */
const BASE = `chapter:
  id: chapter-01
  title: 測試章
  en: Test chapter
  transcript: source/t.md
  slides: 3
  sections:
    - { id: "1-1", title: 第一節, en: Section one, slides: [2, 3] }
nodes:
  - id: ch
    kind: chapter
    label: 測試章
    en: Test chapter
    slides: [1]
    quote: 測試章
  - id: sec.1-1
    kind: section
    label: 第一節
    en: Section one
    slides: [2]
    quote: 第一節
  - id: tr.a
    kind: transformation
    label: 甲由舊向新轉化
    en: A moves from old to new
    slides: [2]
    quote: 甲由舊向新轉化
  - id: st.old
    kind: state
    label: 舊
    en: Old
    slides: [2]
    quote: 舊與新
  - id: st.new
    kind: state
    label: 新
    en: New
    slides: [2]
    quote: 向新
  - id: c.b
    kind: concept
    label: 乙項
    en: Item B
    slides: [2]
    quote: 乙項
  - id: c.c
    kind: trait
    label: 丙項具有適應性
    en: Item C is adaptable
    slides: [3]
    quote: 丙項具有適應性
edges:
  - { source: ch, kind: contains, target: sec.1-1, slides: [2] }
  - { source: sec.1-1, kind: contains, target: tr.a, slides: [2] }
  - { source: tr.a, kind: from, target: st.old, slides: [2] }
  - { source: tr.a, kind: to, target: st.new, slides: [2] }
  - { source: sec.1-1, kind: contains, target: c.b, slides: [2] }
  - { source: c.c, kind: characterizes, target: c.b, slides: [2, 3], zh: 說明…, en: describes }
`;

/** Formatted errors of a YAML text against the transcript (or none). */
function check(yaml: string, md: string | null = MD): string[] {
  const parsed = parseGraphYaml(yaml, FILE);
  return validateGraph(parsed, md === null ? null : parseTranscript(md, 'graph/source/t.md')).map(formatError);
}

/** BASE with one exact, unique piece of text replaced. */
function edit(from: string, to: string, base = BASE): string {
  const at = base.indexOf(from);
  if (at < 0 || base.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return base.slice(0, at) + to + base.slice(at + from.length);
}

/** 1-based line of the first line of `text` that contains `needle` (after `after` lines). */
function lineOf(text: string, needle: string, after = 0): number {
  const i = text.split('\n').findIndex((l, n) => n >= after && l.includes(needle));
  if (i < 0) throw new Error(`no line with "${needle}"`);
  return i + 1;
}

describe('validateGraph', () => {
  it('accepts the valid base graph, with and without a transcript', () => {
    expect(check(BASE)).toEqual([]);
    expect(check(BASE, null)).toEqual([]);
  });

  describe('shapes', () => {
    it('reports a file that is not a mapping', () => {
      expect(check('- a\n- b\n')).toEqual(['test.yaml:1: expected a mapping with chapter, nodes and edges, found a list']);
      expect(check('')).toEqual(['test.yaml:1: expected a mapping with chapter, nodes and edges, found nothing (null)']);
    });

    it('reports a missing required field at the object that lacks it', () => {
      const yaml = edit('    quote: 乙項\n', '');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'id: c.b')} nodes[5].quote: missing required field "quote": expected a verbatim quote from the transcript`,
        't.md:10 slide 2: marked item "乙項" (◎) is not represented by any node (expected a node whose quote contains "乙項")',
      ]);
      expect(check(edit('edges:\n', 'edgez:\n'), null)).toEqual([
        'test.yaml:1 edges: missing required field "edges": expected a list of edges (write [] for none)',
        `test.yaml:${lineOf(BASE, 'id: tr.a')} nodes[2]: transformation "tr.a" has no outgoing "from" edge: expected exactly one, to its old state (add { source: tr.a, kind: from, target: … })`,
        `test.yaml:${lineOf(BASE, 'id: tr.a')} nodes[2]: transformation "tr.a" has no outgoing "to" edge: expected exactly one, to its new state (add { source: tr.a, kind: to, target: … })`,
              `test.yaml:${lineOf(BASE, 'edges:')} edgez: unknown field "edgez" in the file (did you mean "edges"?); expected chapter, nodes, edges`,
      ]);
    });

    it('reports wrong types, naming what was found', () => {
      const yaml = edit('    slides: [3]\n', '    slides: "3"\n');
      expect(check(yaml)).toEqual([`test.yaml:${lineOf(yaml, 'slides: "3"')} nodes[6].slides: expected a list of slide numbers like [7], found the string "3"`]);
      const list = edit('    slides: [3]\n', '    slides: [3, 2.5, "2"]\n');
      const line = lineOf(list, '[3, 2.5');
      expect(check(list)).toEqual([
        `test.yaml:${line} nodes[6].slides[1]: expected a slide number (a whole number), found the number 2.5`,
        `test.yaml:${line} nodes[6].slides[2]: expected a slide number (a whole number), found the string "2"`,
      ]);
      const label = edit('    label: 乙項\n', '    label: [乙項]\n');
      expect(check(label)).toEqual([`test.yaml:${lineOf(label, 'label: [乙項]')} nodes[5].label: expected the label in zh-Hant (a string), found a list`]);
      const slides = edit('  slides: 3\n', '  slides: three\n');
      expect(check(slides, null)).toEqual([`test.yaml:6 chapter.slides: expected the number of slides, a whole number ≥ 1, found the string "three"`]);
    });

    it('reports an empty required string', () => {
      const yaml = edit('    en: Item B\n', '    en: " "\n');
      expect(check(yaml)).toEqual([`test.yaml:${lineOf(yaml, 'en: " "')} nodes[5].en: "en" is empty: expected the label in English`]);
    });

    it('checks the optional English grammar fields name and number', () => {
      const ok = edit('    quote: 乙項\n', '    quote: 乙項\n    name: false\n    number: plural\n');
      expect(check(ok)).toEqual([]);
      const yaml = edit('    quote: 乙項\n', '    quote: 乙項\n    name: "yes"\n    number: many\n');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'name: "yes"')} nodes[5].name: expected true when the English label is a proper name (keeps its capitals), else false (true or false), found the string "yes"`,
        `test.yaml:${lineOf(yaml, 'number: many')} nodes[5].number: expected plural or singular: the grammatical number of the English label, found the string "many"`,
      ]);
    });

    it('reports an unknown field with a suggestion', () => {
      const yaml = edit('    quote: 乙項\n', '    quote: 乙項\n    secton: "1-1"\n');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'secton')} nodes[5].secton: unknown field "secton" in a node (did you mean "section"?); expected id, kind, label, en, short, slides, quote, section, name, number`,
      ]);
    });
  });

  describe('kinds and ids', () => {
    it('reports an unknown node kind with a suggestion and the allowed kinds', () => {
      const yaml = edit('    kind: transformation\n', '    kind: transformaton\n');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'transformaton')} nodes[2].kind: unknown node kind "transformaton" (did you mean "transformation"?); expected one of: chapter, section, paradigm, dimension, transformation, state, reform, measure, feature, decision-mode, trait, actor, technology, concept`,
      ]);
    });

    it('reports an unknown edge kind, suggesting only when one is close', () => {
      const yaml = edit('kind: characterizes', 'kind: characterises');
      const line = lineOf(yaml, 'characterises');
      expect(check(yaml)).toEqual([
        `test.yaml:${line} edges[5].kind: unknown edge kind "characterises" (did you mean "characterizes"?); expected one of: contains, from, to, dimension-of, characterizes, realizes, enables, causes, drawback-of, aspect-of, instance-of, defines, aims-at, promotes, requires, impacts, becomes, curbs, contrasts, echoes, involves`,
      ]);
      const far = edit('kind: characterizes', 'kind: explains');
      expect(check(far)[0]).toBe(
        `test.yaml:${line} edges[5].kind: unknown edge kind "explains"; expected one of: contains, from, to, dimension-of, characterizes, realizes, enables, causes, drawback-of, aspect-of, instance-of, defines, aims-at, promotes, requires, impacts, becomes, curbs, contrasts, echoes, involves`,
      );
    });

    it('reports an id that is not a lower-case ASCII slug, suggesting one', () => {
      const yaml = edit('  - id: c.b\n', '  - id: C_b\n').replace('target: c.b', 'target: C_b').replace('target: c.b', 'target: C_b');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'id: C_b')} nodes[5].id: invalid id "C_b": expected lower-case ASCII letters and digits in words joined by "." or "-", starting with a letter (like "tr.function"); try "c-b"`,
      ]);
    });

    it('reports a duplicate node id with the line of the first', () => {
      const yaml = edit('  - id: c.c\n', '  - id: c.b\n').replace('source: c.c', 'source: c.b');
      const first = lineOf(yaml, 'id: c.b');
      expect(check(yaml)).toContain(
        `test.yaml:${lineOf(yaml, 'id: c.b', first)} nodes[6].id: duplicate node id "c.b" (first defined at line ${first}, nodes[5]); ids must be unique: rename one`,
      );
    });
  });

  describe('edges', () => {
    it('reports an edge to a missing node, with did-you-mean', () => {
      const yaml = edit('target: st.new', 'target: st.nwe');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'id: st.new')} nodes[4]: node "st.new" is not linked to the rest of the graph (no edge joins it to the main part of 6 nodes); add an edge that states how it relates`,
        `test.yaml:${lineOf(yaml, 'st.nwe')} edges[3].target: no node "st.nwe" (did you mean "st.new"?)`,
      ]);
      const far = edit('source: c.c', 'source: zzz');
      expect(check(far)).toContain(`test.yaml:${lineOf(far, 'zzz')} edges[5].source: no node "zzz" (declare it under nodes, or fix the id)`);
    });

    it('reports a duplicate edge, also the reverse of a symmetric one', () => {
      const yaml = edit('edges:\n', 'edges:\n  - { source: c.b, kind: echoes, target: c.c, slides: [2] }\n') + '  - { source: c.c, kind: echoes, target: c.b, slides: [3] }\n' + '  - { source: ch, kind: contains, target: sec.1-1, slides: [1] }\n';
      const first = lineOf(yaml, 'kind: echoes');
      const firstContains = lineOf(yaml, 'source: ch,');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'source: c.c, kind: echoes')} edges[7]: duplicate edge c.c -echoes-> c.b: already stated at line ${first} (edges[0]) ("echoes" reads both ways); remove one`,
        `test.yaml:${lineOf(yaml, 'source: ch,', firstContains)} edges[8]: duplicate edge ch -contains-> sec.1-1: already stated at line ${firstContains} (edges[1]); remove one`,
      ]);
    });

    it('reports a self-loop', () => {
      const yaml = BASE + '  - { source: c.b, kind: echoes, target: c.b, slides: [2] }\n';
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'target: c.b, slides: [2] }', lineOf(yaml, 'kind: characterizes'))} edges[6]: self-loop: source and target are both "c.b"; an edge links two different nodes`,
      ]);
    });

    it('reports a linking phrase with several placeholders or with dots', () => {
      const yaml = edit('zh: 說明…', 'zh: 說明…與…');
      expect(check(yaml)).toEqual([`test.yaml:${lineOf(yaml, '說明…與…')} edges[5].zh: the linking phrase "說明…與…" has 2 "…" placeholders: expected at most one, where the target goes`]);
      const dots = edit('zh: 說明…', 'zh: 說明...');
      expect(check(dots)).toEqual([`test.yaml:${lineOf(dots, '說明...')} edges[5].zh: the linking phrase "說明..." marks the target with dots: use the ellipsis character "…"`]);
    });
  });

  describe('slides and sections', () => {
    it('reports a slide out of range', () => {
      const yaml = edit('    slides: [3]\n', '    slides: [3, 4, 0]\n');
      const line = lineOf(yaml, '[3, 4, 0]');
      expect(check(yaml)).toEqual([
        `test.yaml:${line} nodes[6].slides[1]: slide 4 is out of range: expected 1..3 (chapter.slides)`,
        `test.yaml:${line} nodes[6].slides[2]: slide 0 is out of range: expected 1..3 (chapter.slides)`,
      ]);
    });

    it('reports an empty slide list and a slide listed twice', () => {
      const yaml = edit('    slides: [3]\n', '    slides: []\n');
      expect(check(yaml)).toEqual([`test.yaml:${lineOf(yaml, 'slides: []')} nodes[6].slides: no slides: expected at least one slide number, like [7]`]);
      const twice = edit('    slides: [3]\n', '    slides: [3, 3]\n');
      expect(check(twice)).toEqual([`test.yaml:${lineOf(twice, '[3, 3]')} nodes[6].slides[1]: slide 3 is listed twice; list each slide once`]);
    });

    it('reports an unknown section on a node', () => {
      const yaml = edit('    quote: 乙項\n', '    quote: 乙項\n    section: "1-2"\n');
      expect(check(yaml)).toEqual([`test.yaml:${lineOf(yaml, 'section: "1-2"')} nodes[5].section: unknown section "1-2" (did you mean "1-1"?); expected one of: 1-1`]);
    });

    it('reports node slides outside the section the node names', () => {
      const yaml = edit('    quote: 測試章\n', '    quote: 測試章\n    section: "1-1"\n');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'slides: [1]')} nodes[0].slides: slide 1 is outside section "1-1" (slides 2–3) that this node names in section:; fix the slides or the section`,
      ]);
    });

    it('reports overlapping, backwards and out-of-range sections', () => {
      const two = (r: string) => edit('slides: [2, 3] }\n', `slides: [2, 3] }\n    - { id: "1-2", title: 第二節, en: Section two, slides: ${r} }\n`);
      const overlap = two('[3, 3]');
      expect(check(overlap)).toEqual([
        `test.yaml:9 chapter.sections[1].slides: section "1-2" (slides 3–3) overlaps section "1-1" (slides 2–3) at line 8; a slide belongs to one section at most`,
      ]);
      expect(check(two('[3, 2]'))).toEqual(['test.yaml:9 chapter.sections[1].slides: slides [3, 2] run backwards: expected [first, last] with first ≤ last, like [2, 3]']);
      expect(check(edit('slides: [2, 3] }', 'slides: [2, 5] }'))).toEqual([
        'test.yaml:8 chapter.sections[0].slides: slides 2–5 are out of range: expected slides within 1..3 (chapter.slides)',
      ]);
      expect(check(edit('slides: [2, 3] }', 'slides: [2] }'))).toEqual([
        'test.yaml:8 chapter.sections[0].slides: expected the first and last slide as two whole numbers, like [2, 4], found a list',
      ]);
    });

    it('reports a duplicate section id', () => {
      const yaml = edit('slides: [2, 3] }\n', 'slides: [2, 2] }\n    - { id: "1-1", title: 第二節, en: Section two, slides: [3, 3] }\n');
      expect(check(yaml)).toEqual(['test.yaml:9 chapter.sections[1].id: duplicate section id "1-1" (first at line 8); section ids must be unique']);
    });

    it('checks sections and slide count against the transcript', () => {
      expect(check(edit('slides: [2, 3] }', 'slides: [3, 3] }'))).toEqual([
        'test.yaml:8 chapter.sections[0].slides: section "1-1" starts on slide 2 in the transcript (line 8), not on slide 3; fix its first slide',
      ]);
      expect(check(edit('id: "1-1"', 'id: "1-9"'))).toEqual([
        'test.yaml:7 chapter.sections: the transcript opens section §1-1 "第一節" on slide 2 (line 8), but chapter.sections declares no section "1-1"',
      ]);
      expect(check(BASE, MD + '\n## slide 4\n結語。\n')).toEqual([
        'test.yaml:6 chapter.slides: chapter.slides is 3 but the transcript t.md has slides up to 4; set slides to the number of slides',
      ]);
    });
  });

  describe('quotes', () => {
    it('reports an empty quote', () => {
      const yaml = edit('    quote: 乙項\n', '    quote: ""\n');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'quote: ""')} nodes[5].quote: quote is empty: expected a verbatim phrase from the transcript, like the label as the slide words it`,
        't.md:10 slide 2: marked item "乙項" (◎) is not represented by any node (expected a node whose quote contains "乙項")',
      ]);
    });

    it('reports a quote that is nowhere in the transcript, showing how far it matches', () => {
      const yaml = edit('    quote: 丙項具有適應性\n', '    quote: 丙項具有預見性\n');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, '預見性')} nodes[6].quote: quote "丙項具有預見性" is not in the transcript t.md; the transcript has "丙項具有" (slide 3) but not what follows it: copy the quote verbatim`,
        't.md:13 slide 3: marked item "丙項具有適應性" (▽) is not represented by any node (expected a node whose quote contains "丙項具有適應性")',
      ]);
      const none = edit('    quote: 丙項具有適應性\n', '    quote: 完全不同\n');
      expect(check(none)[0]).toBe(`test.yaml:${lineOf(none, '完全不同')} nodes[6].quote: quote "完全不同" is not in the transcript t.md; copy it verbatim from the slide text`);
    });

    it('reports a quote that is on another slide than the node cites', () => {
      const yaml = edit('    slides: [3]\n', '    slides: [2]\n');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'quote: 丙項具有適應性')} nodes[6].quote: quote "丙項具有適應性" is on slide 3, not on the node's slides [2]; add 3 to slides or fix the quote`,
      ]);
    });

    it('skips quote and coverage checks without a transcript', () => {
      expect(check(edit('    quote: 丙項具有適應性\n', '    quote: 完全不同\n'), null)).toEqual([]);
    });
  });

  describe('the graph as a whole', () => {
    it('requires exactly one outgoing from and one outgoing to edge per transformation', () => {
      const yaml = edit('  - { source: tr.a, kind: to, target: st.new, slides: [2] }\n', '  - { source: tr.a, kind: from, target: st.new, slides: [2] }\n');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'id: tr.a')} nodes[2]: transformation "tr.a" has 2 outgoing "from" edges (lines ${lineOf(yaml, 'kind: from')}, ${lineOf(yaml, 'target: st.new')}): expected exactly one, to its old state`,
        `test.yaml:${lineOf(yaml, 'id: tr.a')} nodes[2]: transformation "tr.a" has no outgoing "to" edge: expected exactly one, to its new state (add { source: tr.a, kind: to, target: … })`,
      ]);
    });

    it('reports a graph without any edge once', () => {
      const yaml = BASE.slice(0, BASE.indexOf('edges:')) + 'edges: []\n';
      expect(check(yaml, null)).toEqual([
        `test.yaml:${lineOf(yaml, 'id: tr.a')} nodes[2]: transformation "tr.a" has no outgoing "from" edge: expected exactly one, to its old state (add { source: tr.a, kind: from, target: … })`,
        `test.yaml:${lineOf(yaml, 'id: tr.a')} nodes[2]: transformation "tr.a" has no outgoing "to" edge: expected exactly one, to its new state (add { source: tr.a, kind: to, target: … })`,
        `test.yaml:${lineOf(yaml, 'edges: []')} edges: no edge links the 7 nodes: add edges that state how they relate`,
      ]);
    });

    it('reports nodes cut off from the rest of the graph', () => {
      const yaml = edit('  - { source: sec.1-1, kind: contains, target: c.b, slides: [2] }\n', '');
      expect(check(yaml)).toEqual([
        `test.yaml:${lineOf(yaml, 'id: c.b')} nodes[5]: nodes "c.b", "c.c" are cut off from the rest of the graph (the main part has 5 nodes); add an edge that links them in`,
      ]);
    });

    it('reports every marked item no node represents, at its transcript line', () => {
      const yaml = edit('    label: 乙項\n', '    label: 乙\n').replace('    quote: 乙項\n', '    quote: 補充\n');
      expect(check(yaml)).toEqual([
        't.md:10 slide 2: marked item "乙項" (◎) is not represented by any node (expected a node whose quote contains "乙項")',
      ]);
    });

    it('counts an item covered by a node labelled with its head whose quote is on that slide', () => {
      // The chapter node quotes the full title line; its label is the title's head.
      const yaml = edit('    quote: 測試章\n', '    quote: 第一章 測試章\n');
      expect(check(yaml)).toEqual([]);
      const parsed = parseGraphYaml(yaml, FILE);
      const coverage = markedItemCoverage(parsed, parseTranscript(MD));
      expect(coverage.map((c) => [c.item.head, c.nodes])).toEqual([
        ['測試章', ['ch']],
        ['第一節', ['sec.1-1']],
        ['甲由舊向新轉化', ['tr.a']],
        ['乙項', ['c.b']],
        ['丙項具有適應性', ['c.c']],
      ]);
    });
  });

  it('locates every error with file, line, path, and sorts YAML errors before transcript ones, by line', () => {
    const yaml = edit('    quote: 乙項\n', '    quote: ""\n').replace('kind: trait', 'kind: trate').replace('target: st.new', 'target: nope');
    const parsed = parseGraphYaml(yaml, FILE);
    const errors = validateGraph(parsed, parseTranscript(MD, 'graph/source/t.md'));
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      [FILE, lineOf(yaml, 'id: st.new')],
      [FILE, lineOf(yaml, 'quote: ""')],
      [FILE, lineOf(yaml, 'trate')],
      [FILE, lineOf(yaml, 'nope')],
      ['graph/source/t.md', 10],
    ]);
    for (const e of errors) expect(e.path).not.toBe('');
    expect(errors[2]).toMatchObject({ found: 'trate', hint: 'trait' });
  });
});

describe('graph/README.md', () => {
  it('shows an example that passes every check, against its example transcript', () => {
    const readme = readFileSync('graph/README.md', 'utf8');
    const example = readme.slice(readme.indexOf('## Example'));
    const block = (lang: string) => {
      const start = example.indexOf('```' + lang + '\n') + lang.length + 4;
      return example.slice(start, example.indexOf('```', start));
    };
    const parsed = parseGraphYaml(block('yaml'), 'graph/chapter-01.yaml');
    expect(validateGraph(parsed, parseTranscript(block('markdown'), 'graph/source/chapter-01.md')).map(formatError)).toEqual([]);
    expect(parsed.graph.nodes).toHaveLength(7);
  });
});
