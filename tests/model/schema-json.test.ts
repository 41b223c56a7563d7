import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { edgeKindIds, ID_PATTERN, nodeKindIds, SHARED_VOCABULARY } from '../../src/model/vocabulary';
import { CHAPTER_FIELDS, EDGE_FIELDS, NODE_FIELDS, OPTIONAL_FIELDS, ROOT_FIELDS, SECTION_FIELDS, SHORT_MAX } from '../../src/model/validate';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  prefixItems?: Schema[];
  description?: string;
  anyOf?: Schema[];
  $defs?: Record<string, Schema>;
};

const schema = JSON.parse(readFileSync('graph/schema.json', 'utf8')) as Schema & { $schema: string };
const defs = schema.$defs!;

/** The JSON Schema keywords graph/schema.json uses, enough to check documents against it. */
function problems(value: unknown, s: Schema, at = '$'): string[] {
  if (s.$ref) return problems(value, defs[s.$ref.replace('#/$defs/', '')]!, at);
  const out: string[] = [];
  const typeOf = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v === 'object' ? 'object' : typeof v;
  if (s.type) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${at}: type ${t}`];
  }
  if (s.anyOf && s.anyOf.every((alt) => problems(value, alt, at).length > 0)) out.push(`${at}: matches no alternative`);
  if (s.enum && !s.enum.includes(value)) out.push(`${at}: not in enum`);
  if (s.pattern && typeof value === 'string' && !new RegExp(s.pattern, 'u').test(value)) out.push(`${at}: pattern`);
  if (s.minimum !== undefined && typeof value === 'number' && value < s.minimum) out.push(`${at}: minimum`);
  if (s.minLength !== undefined && typeof value === 'string' && [...value].length < s.minLength) out.push(`${at}: minLength`);
  if (s.maxLength !== undefined && typeof value === 'string' && [...value].length > s.maxLength) out.push(`${at}: maxLength`);
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) out.push(`${at}: minItems`);
    if (s.maxItems !== undefined && value.length > s.maxItems) out.push(`${at}: maxItems`);
    if (s.uniqueItems && new Set(value).size !== value.length) out.push(`${at}: uniqueItems`);
    value.forEach((v, i) => {
      const item = s.prefixItems?.[i] ?? s.items;
      if (item) out.push(...problems(v, item, `${at}[${i}]`));
    });
  }
  if (typeOf(value) === 'object') {
    const rec = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in rec)) out.push(`${at}.${r}: required`);
    for (const [k, v] of Object.entries(rec)) {
      const p = s.properties?.[k];
      if (p) out.push(...problems(v, p, `${at}.${k}`));
      else if (s.additionalProperties === false) out.push(`${at}.${k}: additional property`);
    }
  }
  return out;
}

const required = (fields: readonly string[], optional: readonly string[] = []) => fields.filter((f) => !optional.includes(f));

describe('graph/schema.json', () => {
  it('is a draft 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('offers exactly the kinds of graph/vocabulary.json, in order, and any other id (the kinds a chapter adds)', () => {
    expect(defs['nodeKind']!.anyOf).toEqual([{ enum: nodeKindIds(SHARED_VOCABULARY) }, { $ref: '#/$defs/id' }]);
    expect(defs['edgeKind']!.anyOf).toEqual([{ enum: edgeKindIds(SHARED_VOCABULARY) }, { $ref: '#/$defs/id' }]);
  });

  it('describes every shared kind, with the default zh phrase of every edge kind', () => {
    for (const k of nodeKindIds(SHARED_VOCABULARY)) expect(defs['nodeKind']!.description).toContain(`${k}:`);
    for (const [k, def] of Object.entries(SHARED_VOCABULARY.edgeKinds)) expect(defs['edgeKind']!.description).toContain(`${k} (${def.phrase.zh}`);
  });

  it('uses the id pattern of the vocabulary', () => {
    expect(defs['id']!.pattern).toBe(ID_PATTERN.source);
  });

  it('has the fields and required fields the validator checks', () => {
    const cases: Array<[Schema, readonly string[], readonly string[]]> = [
      [schema, ROOT_FIELDS, []],
      [defs['chapter']!, CHAPTER_FIELDS, []],
      [defs['section']!, SECTION_FIELDS, []],
      [defs['node']!, NODE_FIELDS, OPTIONAL_FIELDS.node],
      [defs['edge']!, EDGE_FIELDS, OPTIONAL_FIELDS.edge],
    ];
    for (const [s, fields, optional] of cases) {
      expect(Object.keys(s.properties!)).toEqual([...fields]);
      expect(s.required).toEqual(required(fields, optional));
      expect(s.additionalProperties).toBe(false);
    }
  });

  it('accepts a small valid graph and rejects wrong kinds, ids, slides and fields', () => {
    const ok = parse(`chapter: { id: c-1, title: 章, en: Ch, transcript: t.md, slides: 3, sections: [{ id: "1-1", title: 節, en: S, slides: [2, 3] }] }
nodes:
  - { id: a, kind: concept, label: 甲, en: A, slides: [1], quote: 甲 }
  - { id: b, kind: trait, label: 乙, en: B, slides: [2], quote: 乙, section: "1-1" }
edges:
  - { source: a, kind: echoes, target: b, slides: [1, 2], zh: 呼應…, en: echoes }
`) as Record<string, unknown>;
    expect(problems(ok, schema)).toEqual([]);

    const bad = structuredClone(ok) as { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    bad.nodes[0]!['kind'] = 'Transformation';
    bad.nodes[1]!['id'] = 'B_b';
    bad.nodes[1]!['slides'] = [0];
    bad.edges[0]!['weight'] = 2;
    bad.nodes[0]!['short'] = 'A map name far longer than two lines';
    expect(problems(bad, schema)).toEqual([
      '$.nodes[0].kind: matches no alternative',
      '$.nodes[0].short: maxLength',
      '$.nodes[1].id: pattern',
      '$.nodes[1].slides[0]: minimum',
      '$.edges[0].weight: additional property',
    ]);
    expect(defs['node']!.properties!['short']!.maxLength).toBe(SHORT_MAX);
  });

  it('accepts graph/chapter-02/chapter-02.yaml', () => {
    expect(problems(parse(readFileSync('graph/chapter-02/chapter-02.yaml', 'utf8')), schema)).toEqual([]);
  });
});
