import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_COORDINATE,
  MAX_HANDIN_BYTES,
  MAX_HANDIN_CONCEPTS,
  MAX_HANDIN_LINKS,
  MAX_ID_CHARS,
  MAX_NAME_CHARS,
  parseHandin,
  serializeHandin,
  type Handin,
  type HandinRead,
} from '../../src/io/handin';
import { EXERCISE_TYPES } from '../../src/model/build/types';
import type { KindInfo, LinkageGraph } from '../../src/model/types';
import { tinyGraph } from '../fixtures/tiny-graph';

const HANDIN: Handin = {
  graph: 'tiny',
  title: '電子政務與傳統管理',
  student: 'Chen Mei 陳美',
  type: 'kit',
  scope: 'section:2-1',
  concepts: [
    { key: 'ch.2', x: 0, y: 0 },
    { key: 'sec.2-1', x: 120.5, y: -40 },
    { key: 'ms.decentral', x: 200, y: 80 },
  ],
  links: [
    { id: 'l1', source: 'ch.2', target: 'sec.2-1', kind: 'contains', card: 'c1' },
    { id: 'l2', source: 'sec.2-1', target: 'ms.decentral', kind: 'contains', given: true },
  ],
  scores: { convergence: 0.5, salience: 1, structural: 7, closeness: 0.75 },
  savedAt: '2026-03-05T10:30:00Z',
};
// Serialized, the lines are: 4 graph, 5 title, 6 student, 7 type, 8 scope, 9 "concepts": [,
// 10–12 the concepts, 14 "links": [, 15–16 the links, 18 scores, 19 savedAt.
const TEXT = serializeHandin(HANDIN);

const kind = (id: string): KindInfo => ({ id, zh: id, zhHans: id, en: id, color: '#888888' });
function graph(): LinkageGraph {
  const g = tinyGraph();
  g.setAttribute('edgeKinds', [kind('contains'), kind('echoes')]);
  return g;
}

/** `TEXT` with `from` (which must be there) replaced. */
function edit(from: string, to: string, text = TEXT): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}
function refused(read: HandinRead) {
  if (read.ok) throw new Error('expected the hand-in to be refused');
  return read.error;
}
function accepted(read: HandinRead) {
  if (!read.ok) throw new Error(`expected the hand-in to be read: ${read.error.text}`);
  return read;
}
const withSheet = (n: number, m: number): Handin => ({
  ...HANDIN,
  concepts: Array.from({ length: n }, (_, i) => ({ key: `c${i}`, x: i, y: i })),
  links: Array.from({ length: m }, (_, i) => ({ id: `l${i}`, source: 'c0', target: 'c1', kind: 'contains' })),
});

describe('io/handin', () => {
  it('round-trips: what is written is read back the same, and written again the same', () => {
    const read = accepted(parseHandin(TEXT, 'chen.json', graph()));
    expect(read.handin).toEqual({ ...HANDIN, file: 'chen.json' });
    expect(read.warnings).toEqual([]);
    expect(serializeHandin(read.handin)).toBe(TEXT);
    expect(TEXT.split('\n')[14]).toBe('    {"id":"l1","source":"ch.2","target":"sec.2-1","kind":"contains","card":"c1"},');
    // Without a graph nothing is checked against one; an optional title may be left out.
    const { title: _title, ...untitled } = HANDIN;
    expect(accepted(parseHandin(serializeHandin(untitled), 'x.json')).handin).toEqual({ ...untitled, file: 'x.json' });
    // A byte-order mark is tolerated.
    expect(accepted(parseHandin(`\uFEFF${TEXT}`, 'bom.json')).handin.student).toBe('Chen Mei 陳美');
  });

  it('refuses a file over 512 KiB before reading it, counting UTF-8 bytes', () => {
    const padded = TEXT.replace('{', `{${' '.repeat(MAX_HANDIN_BYTES - TEXT.length + 1)}`);
    expect(refused(parseHandin(padded, 'big.json'))).not.toHaveProperty('line');
    expect(refused(parseHandin(padded, 'big.json')).text).toMatch(/^big\.json: the file is over 512 KiB/);
    expect(accepted(parseHandin(TEXT.replace('{', `{${' '.repeat(MAX_HANDIN_BYTES - TEXT.length - 100)}`), 'ok.json')).ok).toBe(true);
    // 200 000 characters of 電 are 600 000 bytes.
    expect(refused(parseHandin(`"${'電'.repeat(200_000)}"`, 'han.json')).message).toMatch(/over 512 KiB/);
  });

  it('holds at most 2000 concepts and 5000 links', () => {
    expect(accepted(parseHandin(serializeHandin(withSheet(MAX_HANDIN_CONCEPTS, 10)), 'a.json')).handin.concepts).toHaveLength(2000);
    expect(refused(parseHandin(serializeHandin(withSheet(MAX_HANDIN_CONCEPTS + 1, 0)), 'a.json'))).toMatchObject({ line: 9, where: 'concepts', message: '2001 concepts; a hand-in holds at most 2000' });
    expect(accepted(parseHandin(serializeHandin(withSheet(2, MAX_HANDIN_LINKS)), 'a.json')).handin.links).toHaveLength(5000);
    expect(refused(parseHandin(serializeHandin(withSheet(2, MAX_HANDIN_LINKS + 1)), 'a.json'))).toMatchObject({ line: 13, where: 'links', message: '5001 links; a hand-in holds at most 5000' });
  });

  it("takes a name of 1 to 80 characters, trimmed, and refuses control and direction-changing characters", () => {
    const named = (name: string) => parseHandin(serializeHandin({ ...HANDIN, student: name }), 'n.json');
    expect(accepted(named('  Lin Wei  ')).handin.student).toBe('Lin Wei');
    expect(accepted(named('陳'.repeat(MAX_NAME_CHARS))).handin.student).toHaveLength(80);
    expect(refused(named('陳'.repeat(MAX_NAME_CHARS + 1)))).toMatchObject({ line: 6, where: 'student', message: 'expected a name of 1 to 80 characters, found 81 characters' });
    expect(refused(named('   ')).message).toBe('expected a name of 1 to 80 characters, found an empty name');
    expect(refused(named('Lin\u0007Wei')).text).toBe('n.json:6:14 student: the name "Lin?Wei" holds a control or direction-changing character (shown as ?); expected plain text');
    expect(refused(named('Lin \u202egnaW')).message).toMatch(/direction-changing/);
    expect(refused(named('Lin\u200fWei')).message).toMatch(/direction-changing/);
    expect(refused(parseHandin(edit('"student": "Chen Mei 陳美"', '"student": 42'), 'n.json'))).toMatchObject({ line: 6, message: "expected the student's name (a string), found number 42" });
  });

  it('keeps hostile strings as plain data, and never lets __proto__ reach a prototype', () => {
    const script = '<script>alert(1)</script>';
    const read = accepted(parseHandin(serializeHandin({ ...HANDIN, student: script, title: '<img src=x onerror=alert(1)>' }), 'x.json'));
    expect(read.handin.student).toBe(script);
    const proto = edit('"format"', '"__proto__": {"polluted": true},\n  "constructor": 1,\n  "format"');
    const protoRead = accepted(parseHandin(proto, 'p.json', graph()));
    expect(protoRead.warnings.map((w) => w.text)).toEqual(['p.json:2:16 __proto__: an unknown field "__proto__" was ignored', 'p.json:3:18 constructor: an unknown field "constructor" was ignored']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(protoRead.handin)).toBe(Object.prototype);
    // A concept keyed __proto__ is a concept like any other (not in the graph: a warning).
    const odd = serializeHandin({ ...HANDIN, student: '__proto__', concepts: [...HANDIN.concepts, { key: '__proto__', x: 1, y: 1 }], links: [...HANDIN.links, { id: '__proto__', source: '__proto__', target: 'ch.2', kind: 'constructor' }] });
    const oddRead = accepted(parseHandin(odd, 'o.json', graph()));
    expect(oddRead.handin.student).toBe('__proto__');
    expect(oddRead.handin.links[2]).toEqual({ id: '__proto__', source: '__proto__', target: 'ch.2', kind: 'constructor' });
    expect(oddRead.warnings.map((w) => [w.line, w.where, w.message])).toEqual([
      [13, 'concepts[3].key', '1 concept is not in this graph ("__proto__"): their links score as extra'],
      [18, 'links[2].kind', '1 link has a kind this graph does not use ("constructor"): it scores as extra'],
    ]);
    // A 1 MB name is over the size limit; a 100 000-character one over the name's.
    expect(refused(parseHandin(serializeHandin({ ...HANDIN, student: 'x'.repeat(1 << 20) }), 'big.json')).message).toMatch(/over 512 KiB/);
    expect(refused(parseHandin(serializeHandin({ ...HANDIN, student: 'x'.repeat(100_000) }), 'long.json')).message).toBe('expected a name of 1 to 80 characters, found 100000 characters');
  });

  it('refuses another format or version, clearly', () => {
    expect(refused(parseHandin(edit('"linkage-handin"', '"linkage-graph"'), 'f.json')).text).toBe('f.json:2:13 format: this is not a Linkage hand-in: expected "format": "linkage-handin", found the string "linkage-graph"');
    expect(refused(parseHandin('{"nodes": []}', 'g.json')).text).toBe('g.json:1:1: this is not a Linkage hand-in: expected "format": "linkage-handin", found nothing');
    expect(refused(parseHandin('[1, 2]', 'l.json')).text).toBe('l.json:1:1: expected a hand-in {"format": "linkage-handin", …}, found a list');
    expect(refused(parseHandin(edit('"version": 1', '"version": 2'), 'v.json'))).toMatchObject({ line: 3, where: 'version', message: 'the hand-in was saved by a newer Linkage (version 2); this page reads version 1: open it with the newer page' });
    expect(refused(parseHandin(edit('"version": 1', '"version": "1"'), 'v.json')).message).toBe('expected version 1, found the string "1"');
  });

  it('locates malformed JSON', () => {
    expect(refused(parseHandin(edit('"type": "kit",', '"type": "kit",,'), 'm.json'))).toMatchObject({ line: 7, message: expect.stringMatching(/^the JSON is not well-formed: /) });
    expect(refused(parseHandin(TEXT.slice(0, 300), 't.json')).message).toMatch(/truncated/);
  });

  it('locates each refused field: line, data path, what was found, what was expected', () => {
    const cases: Array<[from: string, to: string, line: number, where: string, message: string | RegExp]> = [
      ['"graph": "tiny"', '"graph": ""', 4, 'graph', "expected the graph's key (a string of 1 to 200 characters), found a string of 0 characters"],
      ['"type": "kit"', '"type": "quiz"', 7, 'type', 'expected the exercise type, one of kit, skeleton, free, found the string "quiz"'],
      ['"scope": "section:2-1"', '"scope": "chapter 2"', 8, 'scope', 'expected a scope like "all", "slides:6-13" or "section:2-1", found the string "chapter 2"'],
      ['{"key":"sec.2-1","x":120.5', '{"key":"sec.2-1","x":"120.5"', 11, 'concepts[1].x', 'expected a number from -1000000 to 1000000, found the string "120.5"'],
      ['"x":120.5', `"x":${MAX_COORDINATE + 1}`, 11, 'concepts[1].x', 'expected a number from -1000000 to 1000000, found number 1000001'],
      ['"y":-40', '"y":-1e400', 11, 'concepts[1].y', 'expected a number from -1000000 to 1000000, found number -Infinity'],
      ['{"key":"ms.decentral"', '{"key":"ch.2"', 12, 'concepts[2].key', 'the concept "ch.2" is placed twice (first at concepts[0]); expected each concept once'],
      ['{"key":"ch.2","x":0,"y":0}', '7', 10, 'concepts[0]', 'expected a placed concept {"key", "x", "y"}, found number 7'],
      ['"id":"l2"', '"id":"l1"', 16, 'links[1].id', 'the link id "l1" is used twice (first at links[0]); expected unique ids'],
      ['"id":"l1"', `"id":"${'i'.repeat(MAX_ID_CHARS + 1)}"`, 15, 'links[0].id', "expected the link's id (a string of 1 to 200 characters), found a string of 201 characters"],
      ['"target":"sec.2-1","kind"', '"target":"pd.egov","kind"', 15, 'links[0].target', 'the target "pd.egov" is not among the placed concepts; expected the key of one'],
      ['"kind":"contains","card"', '"kind":7,"card"', 15, 'links[0].kind', 'expected a link kind (a string of 1 to 200 characters), found number 7'],
      ['"card":"c1"', '"card":null', 15, 'links[0].card', "expected the link card's id (a string of 1 to 200 characters), found null"],
      ['"given":true', '"given":"yes"', 16, 'links[1].given', 'expected true or false, found the string "yes"'],
      ['"links": [', '"links": {', 14, 'links', /^the JSON is not well-formed/],
      ['"salience":1', '"salience":1.5', 18, 'scores.salience', 'expected a number from 0 to 1, found number 1.5'],
      ['"structural":7', '"structural":-1', 18, 'scores.structural', 'expected a number of 0 or more, found number -1'],
      ['"savedAt": "2026-03-05T10:30:00Z"', '"savedAt": "yesterday"', 19, 'savedAt', 'expected the time it was saved, like "2026-03-05T10:30:00Z", found the string "yesterday"'],
    ];
    for (const [from, to, line, where, message] of cases) {
      const error = refused(parseHandin(edit(from, to), 'alice.json'));
      if (typeof message === 'string') expect(error, to).toMatchObject({ file: 'alice.json', line, where, message });
      else expect(error.message, to).toMatch(message);
    }
    // A missing field is placed at the nearest part that is there.
    expect(refused(parseHandin(edit('  "savedAt": "2026-03-05T10:30:00Z"\n', '').replace('},\n}', '}\n}'), 'alice.json'))).toMatchObject({ line: 1, where: 'savedAt', message: 'expected the time it was saved, like "2026-03-05T10:30:00Z", found nothing' });
    expect(refused(parseHandin(edit('"concepts": [', '"concepts": 3, "x": ['), 'alice.json'))).toMatchObject({ line: 9, where: 'concepts' });
  });

  it("checks a hand-in against the open graph: the same graph, a scope it has; strange concepts and kinds kept with a warning", () => {
    const other = refused(parseHandin(edit('"graph": "tiny"', '"graph": "chapter-03"'), 'bob.json', graph()));
    expect(other.text).toBe('bob.json:4:12 graph: this hand-in is for another chapter or graph ("chapter-03", "電子政務與傳統管理"); the open graph is "tiny": open that chapter to read it');
    expect(refused(parseHandin(edit('"section:2-1"', '"slides:30-40"'), 'bob.json', graph()))).toMatchObject({ line: 8, message: 'the scope "slides:30-40" is not part of this graph; expected slides or a section it has' });
    // Without the graph, the scope's text is all that can be checked.
    expect(accepted(parseHandin(edit('"section:2-1"', '"slides:30-40"'), 'bob.json')).handin.scope).toBe('slides:30-40');
    const strange = edit('"kind":"contains","card"', '"kind":"befriends","card"', edit('{"key":"ms.decentral"', '{"key":"m.unknown"').replace('"target":"ms.decentral"', '"target":"m.unknown"'));
    const read = accepted(parseHandin(strange, 'bob.json', graph()));
    expect(read.handin.links[0]!.kind).toBe('befriends');
    expect(read.warnings.map((w) => `${w.line} ${w.where}`)).toEqual(['12 concepts[2].key', '15 links[0].kind']);
    // Unknown fields of concepts and links are dropped, with one warning.
    const extra = accepted(parseHandin(edit('{"key":"ch.2",', '{"key":"ch.2","colour":"red",'), 'c.json'));
    expect(extra.handin.concepts[0]).toEqual({ key: 'ch.2', x: 0, y: 0 });
    expect(extra.warnings.map((w) => w.text)).toEqual(['c.json:10:28 concepts[0].colour: 1 unknown field of concepts or links was ignored (the first here)']);
  });

  it('never throws on random or damaged text, and reads every valid generated hand-in', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ format: 'linkage-handin', version: 1, ...(typeof v === 'object' && v !== null && !Array.isArray(v) ? v : { v }) }))), (text) => {
        const read = parseHandin(text, 'r.json', graph());
        expect(typeof read.ok).toBe('boolean');
      }),
    );
    const key = fc.string({ minLength: 1, maxLength: 12 });
    const handin: fc.Arbitrary<Handin> = fc
      .record({
        keys: fc.uniqueArray(key, { minLength: 1, maxLength: 8 }),
        student: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && !/[\p{Cc}\p{Zl}\p{Zp}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(s)),
        type: fc.constantFrom(...EXERCISE_TYPES),
        scope: fc.constantFrom('all', 'slides:2-4', 'section:2-1'),
        coords: fc.array(fc.double({ min: -MAX_COORDINATE, max: MAX_COORDINATE, noNaN: true }), { minLength: 16, maxLength: 16 }),
        links: fc.array(fc.record({ s: fc.nat(), t: fc.nat(), kind: key, card: fc.option(key, { nil: undefined }), given: fc.boolean() }), { maxLength: 10 }),
        score: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ keys, student, type, scope, coords, links, score }) => ({
        graph: 'tiny',
        student: student.trim(),
        type,
        scope,
        concepts: keys.map((k, i) => ({ key: k, x: coords[2 * i]! + 0, y: coords[2 * i + 1]! + 0 })),
        links: links.map((l, i) => ({ id: `l${i}`, source: keys[l.s % keys.length]!, target: keys[l.t % keys.length]!, kind: l.kind, ...(l.card ? { card: l.card } : {}), ...(l.given ? { given: true } : {}) })),
        scores: { convergence: score, salience: score, structural: 3, closeness: score },
        savedAt: '2026-03-05T10:30:00.000Z',
      }));
    let seen = 0;
    fc.assert(
      fc.property(handin, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (h, at, ch) => {
        const text = serializeHandin(h);
        const read = accepted(parseHandin(text, 'g.json', graph()));
        expect(read.handin).toEqual({ ...h, file: 'g.json' });
        seen++;
        // One character changed: read or refused, never thrown.
        const i = at % text.length;
        expect(typeof parseHandin(text.slice(0, i) + ch + text.slice(i + 1), 'g.json').ok).toBe('boolean');
      }),
    );
    expect(seen).toBeGreaterThan(50);
  });
});
