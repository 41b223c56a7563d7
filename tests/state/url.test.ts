import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { edgeKindIds, nodeKindIds, SHARED_VOCABULARY } from '../../src/model/vocabulary';
import { LANGS } from '../../src/model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { fromHash, HASH_KEYS, MAX_HASH_LENGTH, toHash, urlContextOf, type UrlContext } from '../../src/state/url';
import {
  DEFAULT_STATE,
  FOCUS_DEPTHS,
  FOCUS_DIRECTIONS,
  MODES,
  NO_SECTION,
  VIEWS,
  type AppState,
} from '../../src/state/types';
import { EXERCISE_TYPES } from '../../src/model/build/types';
import { bareNode, tinyGraph } from '../fixtures/tiny-graph';

const SECTIONS = ['2-1', '2-2', '2-3', '2-4'];
const NODE_KINDS = nodeKindIds(SHARED_VOCABULARY);
const EDGE_KINDS = edgeKindIds(SHARED_VOCABULARY);

function contextOf(graph: LinkageGraph): UrlContext {
  return {
    hasNode: (key) => graph.hasNode(key),
    slideCount: 20,
    nodeKinds: NODE_KINDS,
    edgeKinds: EDGE_KINDS,
    sections: SECTIONS,
  };
}

const tiny = tinyGraph();
const ctx = contextOf(tiny);

/** Node keys that need encoding, beside the tiny graph's own. */
const ODD_KEYS = ['a~b', 'x,y', '電子政務', 'a&b=c#d', '100%', ' spaced ', 'q?r/s', '~', ','];
const odd: LinkageGraph = tinyGraph();
for (const key of ODD_KEYS) odd.addNode(key, bareNode(key));
const oddCtx = contextOf(odd);
const ALL_KEYS = odd.nodes();

/** True when `state` is a well-formed state whose every id, kind and number fits `context`. */
function isValid(state: AppState, context: UrlContext): boolean {
  const f = state.filters;
  const sortedUnique = (list: readonly string[]): boolean =>
    list.every((x, i) => typeof x === 'string' && (i === 0 || (list[i - 1] ?? '') < x));
  const slide = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= context.slideCount;
  const node = (k: unknown): boolean => k === null || (typeof k === 'string' && context.hasNode(k));
  return (
    (VIEWS as readonly string[]).includes(state.view) &&
    (MODES as readonly string[]).includes(state.mode) &&
    (LANGS as readonly string[]).includes(state.lang) &&
    node(state.selected) &&
    state.hovered === null &&
    state.query === '' &&
    sortedUnique(f.hiddenNodeKinds) &&
    f.hiddenNodeKinds.every((k) => context.nodeKinds.includes(k)) &&
    sortedUnique(f.hiddenEdgeKinds) &&
    f.hiddenEdgeKinds.every((k) => context.edgeKinds.includes(k)) &&
    sortedUnique(f.hiddenSections) &&
    f.hiddenSections.every((s) => s === NO_SECTION || context.sections.includes(s)) &&
    (f.slideRange === null || (slide(f.slideRange[0]) && slide(f.slideRange[1]) && f.slideRange[0] <= f.slideRange[1])) &&
    (FOCUS_DEPTHS as readonly number[]).includes(state.focus.depth) &&
    (FOCUS_DIRECTIONS as readonly string[]).includes(state.focus.direction) &&
    node(state.path.from) &&
    node(state.path.to) &&
    (state.slide === null || slide(state.slide)) &&
    typeof state.embed === 'boolean' &&
    (EXERCISE_TYPES as readonly string[]).includes(state.exercise.type) &&
    (state.exercise.scope === null ||
      state.exercise.scope.kind === 'all' ||
      (state.exercise.scope.kind === 'slides'
        ? slide(state.exercise.scope.first) && slide(state.exercise.scope.last) && state.exercise.scope.first <= state.exercise.scope.last
        : context.sections.includes(state.exercise.scope.id))) &&
    (state.camera === null ||
      (Number.isFinite(state.camera.x) &&
        Number.isFinite(state.camera.y) &&
        Number.isFinite(state.camera.ratio) &&
        state.camera.ratio > 0))
  );
}

const subset = <T>(list: readonly T[]) =>
  fc.subarray([...list]).map((xs) => [...xs].sort() as T[]);
const nodeKey = fc.option(fc.constantFrom(...ALL_KEYS), { nil: null });
const slideNo = fc.integer({ min: 1, max: 20 });
const coordinate = fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 1e4 + 0);

/** Any state the app can be in (URL-borne slices; hover and query at defaults). */
const stateArb: fc.Arbitrary<AppState> = fc.record({
  view: fc.constantFrom(...VIEWS),
  mode: fc.constantFrom(...MODES),
  lang: fc.constantFrom(...LANGS),
  selected: nodeKey,
  hovered: fc.constant(null),
  query: fc.constant(''),
  filters: fc.record({
    hiddenNodeKinds: subset(NODE_KINDS),
    hiddenEdgeKinds: subset(EDGE_KINDS),
    hiddenSections: subset([...SECTIONS, NO_SECTION]),
    slideRange: fc.option(
      fc.tuple(slideNo, slideNo).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a])),
      { nil: null },
    ),
  }),
  focus: fc.record({ depth: fc.constantFrom(...FOCUS_DEPTHS), direction: fc.constantFrom(...FOCUS_DIRECTIONS) }),
  path: fc.record({ from: nodeKey, to: nodeKey }),
  slide: fc.option(slideNo, { nil: null }),
  embed: fc.boolean(),
  chapter: fc.constant(null),
  exercise: fc.record({
    type: fc.constantFrom(...EXERCISE_TYPES),
    scope: fc.oneof(
      fc.constant(null),
      fc.constant({ kind: 'all' } as const),
      fc.tuple(slideNo, slideNo).map(([a, b]) => ({ kind: 'slides' as const, first: Math.min(a, b), last: Math.max(a, b) })),
      fc.constantFrom(...SECTIONS).map((id) => ({ kind: 'section' as const, id })),
    ),
  }),
  camera: fc.option(
    fc.record({
      x: coordinate,
      y: coordinate,
      ratio: fc.double({ min: 0.001, max: 1000, noNaN: true }).map((r) => Number(r.toPrecision(4))),
    }),
    { nil: null },
  ),
});

describe('state/url', () => {
  it('names the chapter first, and reads a hash against the chapter shown', () => {
    const inChapter: UrlContext = { ...ctx, chapter: 'chapter-02' };
    const state: AppState = { ...DEFAULT_STATE, chapter: 'chapter-02', selected: 'pd.egov' };
    expect(toHash(state)).toBe('#ch=chapter-02&lang=zh-Hant&sel=pd.egov');
    expect(fromHash('#ch=chapter-02&lang=zh-Hant&sel=pd.egov', inChapter)).toEqual({ state, problems: [] });
    // A hash without ch (a link older than the course) reads as the chapter shown.
    expect(fromHash('#lang=zh-Hant&sel=pd.egov', inChapter)).toEqual({ state, problems: [] });
    // Another chapter's hash is the page's to open; read against this one, its ch is dropped.
    expect(fromHash('#ch=demo-01&lang=zh-Hant', inChapter)!.problems).toEqual(['ch: "demo-01" is not the chapter shown, ignored']);
    expect(fromHash('#ch=chapter-02&lang=zh-Hant', ctx)!.problems).toEqual(['ch: "chapter-02" is not the chapter shown, ignored']);
  });

  it('writes the defaults as the language alone', () => {
    expect(toHash(DEFAULT_STATE)).toBe('#lang=zh-Hant');
    expect(fromHash('#lang=zh-Hant', ctx)).toEqual({ state: DEFAULT_STATE, problems: [] });
  });

  it('writes every slice in a fixed order', () => {
    const state: AppState = {
      ...DEFAULT_STATE,
      view: 'transformations',
      mode: 'lecture',
      lang: 'en',
      selected: 'pd.egov',
      filters: {
        hiddenNodeKinds: ['actor', 'trait'],
        hiddenEdgeKinds: ['echoes'],
        hiddenSections: ['2-1', 'none'],
        slideRange: [3, 9],
      },
      focus: { depth: 2, direction: 'in' },
      path: { from: 'tr.middle', to: 'ms.decentral' },
      slide: 9,
      embed: true,
      camera: { x: 0.5, y: 0.5, ratio: 1.2 },
    };
    const hash =
      '#view=transformations&mode=lecture&lang=en&sel=pd.egov&hk=actor,trait&he=echoes&hs=2-1,none' +
      '&sr=3-9&focus=2&dir=in&path=tr.middle~ms.decentral&slide=9&embed=1&cam=0.5,0.5,1.2';
    expect(toHash(state)).toBe(hash);
    expect(fromHash(hash, ctx)).toEqual({ state, problems: [] });
  });

  it('writes one path end alone', () => {
    const state: AppState = { ...DEFAULT_STATE, path: { from: null, to: 'pd.egov' } };
    expect(toHash(state)).toBe('#lang=zh-Hant&path=~pd.egov');
    expect(fromHash(toHash(state), ctx)?.state).toEqual(state);
  });

  it('round-trips any state, odd ids included', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const hash = toHash(state);
        const read = fromHash(hash, oddCtx);
        expect(read).not.toBeNull();
        expect(read?.problems).toEqual([]);
        expect(read?.state).toEqual(state);
        expect(toHash(read?.state ?? DEFAULT_STATE)).toBe(hash);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('encodes ids so that no separator appears raw', () => {
    const state: AppState = { ...DEFAULT_STATE, selected: 'a&b=c#d', path: { from: 'a~b', to: 'x,y' } };
    expect(toHash(state)).toBe('#lang=zh-Hant&sel=a%26b%3Dc%23d&path=a%7Eb~x%2Cy');
    expect(fromHash(toHash(state), oddCtx)?.state).toEqual(state);
    expect(fromHash('#sel=%E9%9B%BB%E5%AD%90%E6%94%BF%E5%8B%99', oddCtx)?.state.selected).toBe('電子政務');
    expect(fromHash('#sel=電子政務', oddCtx)?.state.selected).toBe('電子政務');
  });

  it('uses the caller’s language when the hash names none', () => {
    expect(fromHash('', { ...ctx, lang: 'zh-Hans' })?.state.lang).toBe('zh-Hans');
    expect(fromHash('#view=outline', { ...ctx, lang: 'en' })?.state).toEqual({ ...DEFAULT_STATE, view: 'outline', lang: 'en' });
    expect(fromHash('#lang=zh-Hant', { ...ctx, lang: 'en' })?.state.lang).toBe('zh-Hant');
  });

  it('reads an empty hash as the defaults, with no problem', () => {
    expect(fromHash('', ctx)).toEqual({ state: DEFAULT_STATE, problems: [] });
    expect(fromHash('#', ctx)).toEqual({ state: DEFAULT_STATE, problems: [] });
  });

  it('returns null for garbage', () => {
    for (const junk of ['#foo', '#%%%', '#=', '#&&&', '#hello world', '#<script>alert(1)</script>', 'x'.repeat(MAX_HASH_LENGTH + 1)]) {
      expect(fromHash(junk, ctx)).toBeNull();
    }
  });

  it('drops a hostile selection and says so', () => {
    const read = fromHash('#sel=<script>alert(1)</script>', ctx);
    expect(read?.state).toEqual(DEFAULT_STATE);
    expect(read?.problems).toHaveLength(1);
    expect(read?.problems[0]).toMatch(/^sel: unknown node "<script>alert\(1\)<\/script>" dropped$/);
    const encoded = fromHash('#sel=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&lang=en', ctx);
    expect(encoded?.state).toEqual({ ...DEFAULT_STATE, lang: 'en' });
    expect(encoded?.problems[0]).toMatch(/^sel: unknown node/);
  });

  it('keeps the good parts of a partly bad hash and lists the bad ones', () => {
    const read = fromHash(
      '#view=bogus&mode=lecture&sel=nope&hk=trait,nonsense&hs=2-9,none&sr=0-30&focus=7&dir=up&path=pd.egov~gone' +
        '&slide=21&embed=yes&cam=1,2&lang=fr&zoom=3&lang=en&he=%E0%A4%A',
      ctx,
    );
    expect(read).not.toBeNull();
    expect(read?.state).toEqual({
      ...DEFAULT_STATE,
      mode: 'lecture',
      filters: { ...DEFAULT_STATE.filters, hiddenNodeKinds: ['trait'], hiddenSections: ['none'] },
      path: { from: 'pd.egov', to: null },
    });
    expect(read?.problems).toEqual([
      'unknown key "zoom" ignored',
      'lang: given twice, the first kept',
      'view: unknown view "bogus" ignored',
      'sel: unknown node "nope" dropped',
      'hk: unknown "nonsense" dropped',
      'hs: unknown "2-9" dropped',
      'sr: slide range "0-30" is not within 1-20, ignored',
      'focus: depth "7" is not 0-3, ignored',
      'dir: unknown direction "up" ignored',
      'path: unknown node "gone" dropped',
      'slide: "21" is not within 1-20, ignored',
      'embed: "yes" is not 0 or 1, ignored',
      'cam: "1,2" is not "x,y,ratio", ignored',
      'lang: unknown language "fr" ignored',
      'he: unknown "%E0%A4%A" dropped',
    ]);
  });

  it('orders a reversed slide range and ignores a duplicate key', () => {
    expect(fromHash('#sr=9-3', ctx)?.state.filters.slideRange).toEqual([3, 9]);
    const twice = fromHash('#view=outline&view=network', ctx);
    expect(twice?.state.view).toBe('outline');
    expect(twice?.problems).toEqual(['view: given twice, the first kept']);
  });

  it('rejects slides when the graph has none, and impossible cameras', () => {
    expect(fromHash('#slide=1', { ...ctx, slideCount: 0 })?.state.slide).toBeNull();
    for (const cam of ['0,0,0', '0,0,-1', 'NaN,0,1', 'Infinity,0,1', '1e400,0,1', '2000000,0,1', '0x10,0,1', '1,,1']) {
      const read = fromHash(`#cam=${cam}`, ctx);
      expect(read?.state.camera).toBeNull();
      expect(read?.problems).toHaveLength(1);
    }
    expect(fromHash('#cam=-0.5,1e-3,2.5e-2', ctx)?.state.camera).toEqual({ x: -0.5, y: 0.001, ratio: 0.025 });
  });

  it('survives a graph whose hasNode throws', () => {
    const read = fromHash('#sel=a', { ...ctx, hasNode: () => { throw new Error('boom'); } });
    expect(read?.state.selected).toBeNull();
  });

  it('never throws, and returns null or a valid state, for any string', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 200 });
    const keyish = fc.constantFrom(...HASH_KEYS, 'zoom', '', '%', 'sel%3D');
    const valueish = fc.oneof(
      anyText,
      fc.constantFrom(...ALL_KEYS, ...NODE_KINDS, 'none', '2-1', '3-9', '0', '21', '1,2,3', 'a~b', '~', '%E0%A4%A', '<script>'),
    );
    const structured = fc
      .array(fc.tuple(keyish, valueish, fc.boolean()), { maxLength: 12 })
      .map((pairs) => `#${pairs.map(([k, v, raw]) => `${k}=${raw ? v : encodeURIComponent(v)}`).join('&')}`);
    fc.assert(
      fc.property(fc.oneof(anyText, structured, anyText.map((s) => `#${s}`)), (hash) => {
        let read: ReturnType<typeof fromHash> = null;
        expect(() => {
          read = fromHash(hash, oddCtx);
        }).not.toThrow();
        if (read === null) return true;
        const { state, problems } = read as { state: AppState; problems: string[] };
        expect(isValid(state, oddCtx)).toBe(true);
        expect(problems.every((p) => typeof p === 'string' && p.length < 200)).toBe(true);
        // what was read writes back to a hash that reads the same, cleanly
        const again = fromHash(toHash(state), oddCtx);
        expect(again).toEqual({ state, problems: [] });
        return true;
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('builds its context from a loaded graph', () => {
    const c = urlContextOf(tiny, 'en');
    expect(c.slideCount).toBe(20);
    expect(c.lang).toBe('en');
    expect(c.hasNode('pd.egov')).toBe(true);
    expect([...c.sections].sort()).toEqual(SECTIONS);
    expect(c.nodeKinds).toContain('decision-mode');
    expect(c.edgeKinds).toContain('drawback-of');
    expect(fromHash('#hs=2-2&he=echoes&sel=ac.gov', c)?.problems).toEqual([]);
    const bare: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>();
    expect(urlContextOf(bare)).toMatchObject({ slideCount: 0, nodeKinds: [], sections: [] });
  });

  it('rejects non-string input without throwing', () => {
    expect(fromHash(undefined as unknown as string, ctx)).toBeNull();
    const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>();
    expect(fromHash('#sel=x', contextOf(g))?.state.selected).toBeNull();
  });
});
