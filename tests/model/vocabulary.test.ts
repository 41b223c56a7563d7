import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/model/errors';
import { checkVocabulary, edgeKindInfo, kindFlagsOf, readChapterVocabulary, SHARED_VOCABULARY } from '../../src/model/vocabulary';

const schema = JSON.parse(readFileSync('graph/vocabulary.schema.json', 'utf8')) as {
  $defs: Record<string, { properties: Record<string, unknown> }>;
  properties: Record<string, unknown>;
};

describe('model/vocabulary', () => {
  it('reads the shared vocabulary of graph/vocabulary.json, every kind complete', () => {
    expect(checkVocabulary(JSON.parse(readFileSync('graph/vocabulary.json', 'utf8')))).toEqual([]);
    expect(Object.keys(SHARED_VOCABULARY.nodeKinds)).toHaveLength(14);
    expect(Object.keys(SHARED_VOCABULARY.edgeKinds)).toHaveLength(21);
    expect(SHARED_VOCABULARY.edgeKinds['contrasts']).toMatchObject({ symmetric: true, question: { type: 'tension', ask: ['target', 'source'] } });
    expect(SHARED_VOCABULARY.nodeKinds['transformation']).toMatchObject({ color: '#332288', outline: 'thick' });
  });

  it('has a JSON Schema with the very fields the checker knows', () => {
    const shared = JSON.parse(readFileSync('graph/vocabulary.json', 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
    const nodeFields = new Set(Object.values(shared['nodeKinds']!).flatMap((k) => Object.keys(k)));
    const edgeFields = new Set(Object.values(shared['edgeKinds']!).flatMap((k) => Object.keys(k)));
    for (const f of nodeFields) expect(schema.$defs['nodeKind']!.properties, f).toHaveProperty(f);
    for (const f of edgeFields) expect(schema.$defs['edgeKind']!.properties, f).toHaveProperty(f);
    // A field the schema names but the checker refuses would mislead an editor.
    const probe = (group: 'nodeKinds' | 'edgeKinds', def: string) =>
      Object.keys(schema.$defs[def]!.properties).filter((f) => checkVocabulary({ [group]: { concept: { [f]: undefined } } }, SHARED_VOCABULARY).some((i) => i.message.startsWith('unknown field')));
    expect(probe('nodeKinds', 'nodeKind')).toEqual([]);
    expect(probe('edgeKinds', 'edgeKind')).toEqual([]);
  });

  it("lays a chapter's part over the shared one: a changed field, a new kind after the shared ones", () => {
    const text = JSON.stringify({
      nodeKinds: { concept: { color: '#777777' }, process: { zh: '過程', en: 'Process', color: '#0099cc', outline: 'thick', weight: 0.6 } },
      edgeKinds: { causes: { phrase: { zh: '帶來' } } },
    });
    const { vocabulary, errors } = readChapterVocabulary(text, 'demo/vocabulary.json');
    expect(errors).toEqual([]);
    expect(vocabulary.nodeKinds['concept']).toEqual({ ...SHARED_VOCABULARY.nodeKinds['concept'], color: '#777777' });
    expect(Object.keys(vocabulary.nodeKinds).at(-1)).toBe('process');
    // The phrase is merged field by field: the English stays the shared one.
    expect(vocabulary.edgeKinds['causes']!.phrase).toEqual({ ...SHARED_VOCABULARY.edgeKinds['causes']!.phrase, zh: '帶來' });
    // The shared vocabulary itself is untouched.
    expect(SHARED_VOCABULARY.nodeKinds['concept']!.color).toBe('#a5a5a5');
  });

  it('locates every problem of a chapter vocabulary: line, path, what was found, what was expected', () => {
    const text = `{
  "nodeKinds": {
    "process": { "zh": "過程", "en": "Process", "color": "blue", "outline": "thick" },
    "concept": { "colour": "#777777" }
  },
  "edgeKinds": {
    "precedes": { "zh": "先於", "en": "precedes", "color": "#0099cc", "phrase": { "zh": "之後是", "en": "is followed by" }, "question": { "type": "quiz", "ask": ["middle"] } }
  }
}`;
    const { vocabulary, errors } = readChapterVocabulary(text, 'graph/demo/vocabulary.json');
    expect(vocabulary).toBe(SHARED_VOCABULARY);
    expect(errors.map(formatError)).toEqual([
      'vocabulary.json:3 nodeKinds.process.color: expected a colour like "#332288", found the string "blue"',
      'vocabulary.json:3 nodeKinds.process: missing required field "weight"',
      'vocabulary.json:4 nodeKinds.concept.colour: unknown field "colour" (did you mean "color"?); expected one of zh, zhHans, en, description, color, outline, weight, structural, broad',
      'vocabulary.json:7 edgeKinds.precedes.phrase: missing required field "enPlural"',
      'vocabulary.json:7 edgeKinds.precedes.question.type: expected one of pole, reform, drawback, feature, aspect, echo, tension, found the string "quiz"',
      'vocabulary.json:7 edgeKinds.precedes.question.ask: expected a list of the ends asked for, [target], [source] or [target, source], found ["middle"]',
    ]);
  });

  it('locates malformed JSON', () => {
    const { errors } = readChapterVocabulary('{\n  "nodeKinds": {\n    "a": {,\n', 'vocabulary.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(3);
    expect(errors[0]!.message).toMatch(/^malformed JSON: /);
  });

  it('marks the hierarchical link kinds (broader over narrower) and carries the flag to compiled and imported kinds', () => {
    const hierarchy = Object.fromEntries(Object.entries(SHARED_VOCABULARY.edgeKinds).filter(([, k]) => k.hierarchy).map(([id, k]) => [id, k.hierarchy]));
    expect(hierarchy).toEqual({ contains: 'down', 'aspect-of': 'up', 'instance-of': 'up' });
    // No symmetric kind ranks its ends.
    for (const k of Object.values(SHARED_VOCABULARY.edgeKinds)) if (k.symmetric) expect(k.hierarchy).toBeUndefined();
    const hans = (t: string) => t;
    expect(edgeKindInfo('contains', SHARED_VOCABULARY.edgeKinds['contains']!, hans).hierarchy).toBe('down');
    expect(edgeKindInfo('causes', SHARED_VOCABULARY.edgeKinds['causes']!, hans)).not.toHaveProperty('hierarchy');
    // A kind list read from a file keeps a valid flag and drops the rest.
    expect(kindFlagsOf({ hierarchy: 'up' })).toEqual({ hierarchy: 'up' });
    expect(kindFlagsOf({ hierarchy: 'sideways' })).toEqual({});
    expect(kindFlagsOf({ hierarchy: 'down', symmetric: true })).toEqual({ symmetric: true });
  });

  it('refuses a hierarchy that is not down or up, and one on a symmetric kind, located', () => {
    const text = `{
  "edgeKinds": {
    "causes": { "hierarchy": "sideways" },
    "echoes": { "hierarchy": "down" }
  }
}`;
    const { errors } = readChapterVocabulary(text, 'graph/demo/vocabulary.json');
    expect(errors.map(formatError)).toEqual([
      'vocabulary.json:3 edgeKinds.causes.hierarchy: expected "down" (the source is the broader concept) or "up" (the target is), found the string "sideways"',
      'vocabulary.json:4 edgeKinds.echoes.hierarchy: a symmetric kind reads the same both ways, so neither end is the broader: remove "hierarchy" or "symmetric"',
    ]);
  });
});
