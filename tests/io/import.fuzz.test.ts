/**
 * Properties of the importers on arbitrary input (fast-check): they never throw anything but a
 * GraphImportError, never fail in an unforeseen way (`internal`), and either accept (giving a
 * graph every view can read) or refuse with problems that say where.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGraphText } from '../../src/io/import';
import { formatProblem, GraphImportError, IMPORT_ERROR_CODES } from '../../src/io/problems';
import type { CompiledGraph } from '../../src/model/types';

/** Codes whose problems are always about one place in the file. */
const LOCATED = new Set(['syntax', 'duplicate-node', 'duplicate-edge', 'missing-endpoint', 'authoring', 'unsafe']);

function expectUsable(graph: CompiledGraph): void {
  expect(graph.nodes.length).toBeGreaterThan(0);
  const kinds = new Set((graph.attributes?.nodeKinds ?? []).map((k) => k.id));
  for (const n of graph.nodes) {
    const a = n.attributes!;
    expect(typeof a.label).toBe('string');
    expect(kinds.has(a.kind)).toBe(true);
    expect(Number.isFinite(a.x) && Number.isFinite(a.y) && a.size > 0).toBe(true);
    expect(a.color).toMatch(/^#[0-9a-f]{6}$/);
  }
}

/** Imports `text` as `name`: accepted and usable, or refused with located problems. */
async function check(name: string, text: string): Promise<'ok' | string> {
  try {
    const { graph } = await importGraphText({ name, text }, { layoutIterations: 5 });
    expectUsable(graph);
    return 'ok';
  } catch (err) {
    if (!(err instanceof GraphImportError)) throw err;
    expect(IMPORT_ERROR_CODES).toContain(err.code);
    expect(err.code, err.message).not.toBe('internal');
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) {
      expect(p.message.length).toBeGreaterThan(0);
      expect(typeof formatProblem(p)).toBe('string');
      if (LOCATED.has(err.code)) expect(p.line !== undefined || p.where !== undefined, formatProblem(p)).toBe(true);
      if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
      if (p.col !== undefined) expect(Number.isInteger(p.col) && p.col >= 1).toBe(true);
    }
    return err.code;
  }
}

const SMALL_GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta><title>Small</title></meta>
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="group" type="integer"><default>1</default></attribute><attribute id="1" title="tags" type="liststring"/></attributes>
    <nodes>
      <node id="a" label="甲"><attvalues><attvalue for="0" value="2"/><attvalue for="1" value="[x, y]"/></attvalues><viz:color r="10" g="20" b="30"/><viz:position x="1" y="2"/><viz:size value="3"/></node>
      <node id="b" label="B"><viz:position x="-1" y="0.5"/></node>
      <node id="c"><viz:position x="4" y="4"/></node>
    </nodes>
    <edges>
      <edge id="e1" source="a" target="b" kind="cites" weight="2"/>
      <edge source="b" target="c" type="undirected" label="near"/>
      <edge source="c" target="c"/>
    </edges>
  </graph>
</gexf>
`;
const SMALL_GRAPHML = readFileSync('tests/fixtures/datasets/graphml/les-miserables.graphml', 'utf8');
const SMALL_JSON = readFileSync('tests/fixtures/datasets/graphology-json/les-miserables.json', 'utf8');

/** A text with one random edit: a slice removed, a string inserted, or a slice repeated. */
const mutated = (base: string) =>
  fc
    .tuple(fc.nat({ max: base.length }), fc.nat({ max: 200 }), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('<', '&', '"', '>', '</node>', '<node id="0"/>', '<!ENTITY x "y">', ']]>', '\u0000', '{', '}', ',', '"key"')), fc.nat({ max: 2 }))
    .map(([at, len, insert, how]) => (how === 0 ? base.slice(0, at) + base.slice(at + len) : how === 1 ? base.slice(0, at) + insert + base.slice(at) : base.slice(0, at + len) + base.slice(at, at + len) + base.slice(at + len)));

describe('importers on arbitrary input', () => {
  it('any text, with any of the supported names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('f.gexf', 'f.graphml', 'f.json', 'f.yaml', 'f.xml', 'f'), fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('<gexf', '<graphml><graph>', '{"nodes":[', 'nodes:\n  - ')), async (name, text) => {
        await check(name, text);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('any JSON value, and any object shaped roughly like a graph', async () => {
    const key = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 5 }), fc.constant(null), fc.constant('__proto__'));
    const graphLike = fc.record(
      {
        options: fc.oneof(fc.constant(undefined), fc.record({ type: fc.constantFrom('directed', 'undirected', 'mixed', 'x'), multi: fc.boolean() })),
        attributes: fc.oneof(fc.constant(undefined), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }))),
        nodes: fc.array(fc.oneof(fc.record({ key, attributes: fc.option(fc.dictionary(fc.constantFrom('label', 'x', 'y', 'size', 'color', 'kind', 'slides', 'type', 'name', 'r'), fc.jsonValue({ maxDepth: 1 })), { nil: undefined }) }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 8 }),
        edges: fc.array(fc.oneof(fc.record({ source: key, target: key, key: fc.option(key, { nil: undefined }), undirected: fc.option(fc.oneof(fc.boolean(), fc.string()), { nil: undefined }), attributes: fc.option(fc.dictionary(fc.constantFrom('label', 'kind', 'weight', 'undirected'), fc.jsonValue({ maxDepth: 1 })), { nil: undefined }) }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 8 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), graphLike), async (value) => {
        await check('g.json', JSON.stringify(value) ?? 'null');
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('real files with one random edit', async () => {
    for (const [name, base] of [['m.gexf', SMALL_GEXF], ['m.graphml', SMALL_GRAPHML], ['m.json', SMALL_JSON]] as const) {
      expect(await check(name, base)).toBe('ok');
      await fc.assert(
        fc.asyncProperty(mutated(base), async (text) => {
          await check(name, text);
        }),
        { numRuns: 150 },
      );
    }
  }, 180_000);
});
