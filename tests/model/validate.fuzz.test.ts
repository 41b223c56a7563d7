import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ParsedFile } from '../../src/model/authored';
import { GraphCheckError, formatError, type GraphError } from '../../src/model/errors';
import { parseGraphYaml } from '../../src/model/parse';
import { edgeKindIds, nodeKindIds, SHARED_VOCABULARY } from '../../src/model/vocabulary';
import { parseTranscript } from '../../src/model/transcript';
import { EDGE_FIELDS, NODE_FIELDS, SECTION_FIELDS, validateGraph } from '../../src/model/validate';

const FILE = 'graph/fuzz.yaml';
const TRANSCRIPT = parseTranscript(readFileSync('graph/chapter-02/chapter-02.md', 'utf8'), 'graph/chapter-02/chapter-02.md');

function expectLocated(errors: readonly GraphError[]): void {
  for (const e of errors) {
    expect(typeof e.file).toBe('string');
    expect(e.file.length).toBeGreaterThan(0);
    expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
    if (e.col !== undefined) expect(Number.isInteger(e.col) && e.col >= 1).toBe(true);
    expect(typeof e.path).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/^internal error/);
    expect(typeof formatError(e)).toBe('string');
  }
}

/** parse + validate; only GraphCheckError may escape parse, and validate never throws. */
/** Parses and validates `text`; every error must be located. Returns how far it got: refused by the parser, or validated with this many errors. */
function parseAndValidate(text: string): { parsed: boolean; errors: number } {
  let parsed: ParsedFile;
  try {
    parsed = parseGraphYaml(text, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(GraphCheckError);
    expect((err as GraphCheckError).errors.length).toBeGreaterThan(0);
    expectLocated((err as GraphCheckError).errors);
    return { parsed: false, errors: (err as GraphCheckError).errors.length };
  }
  const errors = validateGraph(parsed, TRANSCRIPT);
  expectLocated(errors);
  expectLocated(validateGraph(parsed, null));
  return { parsed: true, errors: errors.length };
}

const YAML_TOKENS = [
  '-', '- ', ' ', '  ', '\n', '\n  ', ':', ': ', '{', '}', '[', ']', ',', '"', "'", '&a ', '*a', '*b', '#', '!', '!!str ',
  '|', '>', '?', '\t', '---', '...', '%YAML 1.2', '@', '`', '<<: ', '~', 'null', 'true', '7', '-1', '1.5', '.nan', '0x1F',
  'chapter', 'nodes', 'edges', 'id', 'kind', 'slides', 'quote', 'source', 'target', 'sections', 'label', 'section',
  'tr.function', 'transformation', 'from', '甲', '…', '行政職能由管制職能轉變為服務職能', '__proto__', 'constructor',
];
const yamlish = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 80 }).map((a) => a.join(''));

const ids = fc.constantFrom('a', 'b', 'tr.a', 'st.old', 'ch', 'Bad Id', '', ' ', 'constructor', '__proto__', 'toString');
const value: fc.Arbitrary<unknown> = fc.oneof(
  ids,
  fc.constantFrom(...nodeKindIds(SHARED_VOCABULARY), ...edgeKindIds(SHARED_VOCABULARY), 'transformaton', '2-1', '2-9', '行政職能', '管制', '電子政務'),
  fc.integer({ min: -3, max: 30 }),
  fc.double(),
  fc.array(fc.integer({ min: -2, max: 25 }), { maxLength: 4 }),
  fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 3 }),
  fc.constant(null),
  fc.boolean(),
  fc.string(),
  fc.jsonValue({ maxDepth: 2 }),
);
const section = fc.dictionary(fc.constantFrom(...SECTION_FIELDS, 'x'), value, { maxKeys: 5 });
const chapter = fc.oneof(
  fc.record({
    id: fc.constant('chapter-02'),
    title: fc.constant('電子政務與傳統管理'),
    en: fc.constant('E-Government'),
    transcript: fc.constant('source/chapter-02.md'),
    slides: fc.oneof(fc.constant(20), value),
    sections: fc.oneof(fc.array(section, { maxLength: 4 }), value),
  }),
  fc.dictionary(fc.constantFrom('id', 'title', 'en', 'transcript', 'slides', 'sections', 'slide'), value),
  value,
);
const node = fc.oneof(fc.dictionary(fc.constantFrom(...NODE_FIELDS, 'labl'), value, { maxKeys: 8 }), value);
const edge = fc.oneof(fc.dictionary(fc.constantFrom(...EDGE_FIELDS, 'targe'), value, { maxKeys: 7 }), value);
const graphLike = fc.record(
  {
    chapter,
    nodes: fc.oneof(fc.array(node, { maxLength: 12 }), value),
    edges: fc.oneof(fc.array(edge, { maxLength: 16 }), value),
    extra: value,
  },
  { requiredKeys: [] },
);

// Property runs are CPU-bound; give them room when the whole suite runs in parallel.
describe('parse + validate never crash', { timeout: 60_000 }, () => {
  it('on YAML-ish text', () => {
    fc.assert(fc.property(yamlish, (t) => void parseAndValidate(t)), { numRuns: 500 });
  });

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => void parseAndValidate(t)), { numRuns: 300 });
  });

  it('on arbitrary JSON values dumped to YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void parseAndValidate(stringify(v))),
      { numRuns: 300 },
    );
  });

  it('on graph-shaped data with wrong fields, types and references', () => {
    let validated = 0;
    fc.assert(
      fc.property(graphLike, (g) => {
        if (parseAndValidate(stringify(g)).parsed) validated++;
      }),
      { numRuns: 400 },
    );
    // The inputs reach the validator (a parser refusing everything would pass the property).
    expect(validated).toBeGreaterThan(200);
  });

  it('on any JS value handed straight to validateGraph', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true }), (g) => {
        const parsed: ParsedFile = { file: FILE, graph: g as ParsedFile['graph'], locate: () => ({ line: 1, col: 1 }) };
        expectLocated(validateGraph(parsed, TRANSCRIPT));
      }),
      { numRuns: 300 },
    );
  });

  const real = 'graph/chapter-02/chapter-02.yaml';
  it('on the chapter file with lines dropped, doubled or garbled', () => {
    const text = readFileSync(real, 'utf8');
    // Unchanged, the file is valid: what the mutations break is the file's own.
    expect(parseAndValidate(text)).toEqual({ parsed: true, errors: 0 });
    const lines = text.split('\n');
    let validated = 0;
    const mutation = fc.tuple(
      fc.constantFrom('drop', 'double', 'garble', 'indent'),
      fc.nat({ max: lines.length - 1 }),
      fc.constantFrom('', ' ', ':', '-', '"', '[', 'x', '甲'),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const copy = [...lines];
        for (const [op, at, ch] of ms) {
          const i = Math.min(at, copy.length - 1);
          if (op === 'drop') copy.splice(i, 1);
          else if (op === 'double') copy.splice(i, 0, copy[i]!);
          else if (op === 'garble') copy[i] = copy[i]!.slice(0, copy[i]!.length >> 1) + ch + copy[i]!.slice((copy[i]!.length >> 1) + 1);
          else copy[i] = ` ${copy[i]}`;
        }
        if (parseAndValidate(copy.join('\n')).parsed) validated++;
      }),
      { numRuns: 60 },
    );
    expect(validated).toBeGreaterThan(0);
  });
});
