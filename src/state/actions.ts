/**
 * State producers: `(state, args) => newState`, pure, returning `state` itself when nothing
 * changes (so subscribers and memoised derivations can compare by identity).
 */
import { sameScope } from '../model/build/scope';
import { isLang, type Lang } from '../model/sentence';
import {
  DEFAULT_FILTERS,
  type ExerciseChoice,
  NO_PATH,
  type AppState,
  type Camera,
  type Filters,
  type Focus,
  type Mode,
  type View,
} from './types';

/** `list` sorted (code-unit order) and without duplicates. */
export function sortedUnique(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRange(a: Filters['slideRange'], b: Filters['slideRange']): boolean {
  return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);
}

/** True when two filter objects hide exactly the same things. */
export function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a === b ||
    (sameList(a.hiddenNodeKinds, b.hiddenNodeKinds) &&
      sameList(a.hiddenEdgeKinds, b.hiddenEdgeKinds) &&
      sameList(a.hiddenSections, b.hiddenSections) &&
      sameRange(a.slideRange, b.slideRange))
  );
}

function sameCamera(a: Camera | null, b: Camera | null): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.ratio === b.ratio);
}

function withFilters(state: AppState, filters: Filters): AppState {
  return sameFilters(state.filters, filters) ? state : { ...state, filters };
}

function toggled(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : sortedUnique([...list, item]);
}

/** Selects a node (or clears the selection with null). */
export function select(state: AppState, key: string | null): AppState {
  return state.selected === key ? state : { ...state, selected: key };
}

/** Sets the hovered node (null when the pointer leaves). */
export function hover(state: AppState, key: string | null): AppState {
  return state.hovered === key ? state : { ...state, hovered: key };
}

/** Sets the search text. */
export function setQuery(state: AppState, query: string): AppState {
  return state.query === query ? state : { ...state, query };
}

export function setLang(state: AppState, lang: Lang): AppState {
  return state.lang === lang ? state : { ...state, lang };
}

export function setView(state: AppState, view: View): AppState {
  return state.view === view ? state : { ...state, view };
}

export function setMode(state: AppState, mode: Mode): AppState {
  return state.mode === mode ? state : { ...state, mode };
}

/** Build mode's exercise type and/or scope (`scope` null: the graph's default). */
export function setExercise(state: AppState, change: Partial<ExerciseChoice>): AppState {
  const next = { ...state.exercise, ...change };
  const same = next.type === state.exercise.type && (next.scope === state.exercise.scope || (next.scope !== null && state.exercise.scope !== null && sameScope(next.scope, state.exercise.scope)));
  return same ? state : { ...state, exercise: next };
}

export function setEmbed(state: AppState, embed: boolean): AppState {
  return state.embed === embed ? state : { ...state, embed };
}

/** Shows or hides the nodes of one kind. */
export function toggleNodeKind(state: AppState, kind: string): AppState {
  return withFilters(state, { ...state.filters, hiddenNodeKinds: toggled(state.filters.hiddenNodeKinds, kind) });
}

/** Shows or hides the edges of one kind. */
export function toggleEdgeKind(state: AppState, kind: string): AppState {
  return withFilters(state, { ...state.filters, hiddenEdgeKinds: toggled(state.filters.hiddenEdgeKinds, kind) });
}

/** Shows or hides one section's nodes (`'none'` for nodes outside every section). */
export function toggleSection(state: AppState, section: string): AppState {
  return withFilters(state, { ...state.filters, hiddenSections: toggled(state.filters.hiddenSections, section) });
}

export function setHiddenNodeKinds(state: AppState, kinds: readonly string[]): AppState {
  return withFilters(state, { ...state.filters, hiddenNodeKinds: sortedUnique(kinds) });
}

export function setHiddenEdgeKinds(state: AppState, kinds: readonly string[]): AppState {
  return withFilters(state, { ...state.filters, hiddenEdgeKinds: sortedUnique(kinds) });
}

export function setHiddenSections(state: AppState, sections: readonly string[]): AppState {
  return withFilters(state, { ...state.filters, hiddenSections: sortedUnique(sections) });
}

/**
 * Limits the map to slides [first, last] (inclusive; ends given in either order, rounded to
 * integers), or lifts the limit with null. A non-finite end lifts it too.
 */
export function setSlideRange(state: AppState, range: readonly [number, number] | null): AppState {
  let slideRange: [number, number] | null = null;
  if (range !== null && Number.isFinite(range[0]) && Number.isFinite(range[1])) {
    const a = Math.round(range[0]);
    const b = Math.round(range[1]);
    slideRange = a <= b ? [a, b] : [b, a];
  }
  return withFilters(state, { ...state.filters, slideRange });
}

/** Shows everything again. */
export function resetFilters(state: AppState): AppState {
  return withFilters(state, DEFAULT_FILTERS);
}

/** Changes the focus depth (0 = off) and/or direction. */
export function setFocus(state: AppState, focus: Partial<Focus>): AppState {
  const depth = focus.depth ?? state.focus.depth;
  const direction = focus.direction ?? state.focus.direction;
  return depth === state.focus.depth && direction === state.focus.direction
    ? state
    : { ...state, focus: { depth, direction } };
}

/** Sets one end of the path finder. */
export function setPathEnd(state: AppState, end: 'from' | 'to', key: string | null): AppState {
  return state.path[end] === key ? state : { ...state, path: { ...state.path, [end]: key } };
}

export function clearPath(state: AppState): AppState {
  return state.path.from === null && state.path.to === null ? state : { ...state, path: NO_PATH };
}

export function swapPath(state: AppState): AppState {
  return state.path.from === state.path.to ? state : { ...state, path: { from: state.path.to, to: state.path.from } };
}

/** Sets the lecture slide (null for none); non-integers are rounded, non-finite values clear it. */
export function setSlide(state: AppState, slide: number | null): AppState {
  const next = slide !== null && Number.isFinite(slide) ? Math.round(slide) : null;
  return state.slide === next ? state : { ...state, slide: next };
}

/**
 * Steps the lecture slide by `delta`, within 1..slideCount (from no slide, a forward step goes to
 * slide 1 and a backward step to the last). Unchanged when the graph has no slides.
 */
export function stepSlide(state: AppState, delta: number, slideCount: number): AppState {
  if (slideCount < 1 || !Number.isFinite(delta)) return state;
  const start = state.slide ?? (delta >= 0 ? 0 : slideCount + 1);
  return setSlide(state, Math.min(slideCount, Math.max(1, start + Math.round(delta))));
}

/** Largest |x|, |y| and ratio a camera may have; beyond it the camera is dropped. */
const CAMERA_LIMIT = 1e6;

/**
 * The camera as kept in state and URL: x, y to 4 decimals, ratio to 4 significant digits;
 * null when a value is not finite, the ratio not positive, or any beyond {@link CAMERA_LIMIT}.
 */
export function roundCamera(camera: Camera): Camera | null {
  const { x, y, ratio } = camera;
  if (!(Math.abs(x) <= CAMERA_LIMIT && Math.abs(y) <= CAMERA_LIMIT && ratio > 0 && ratio <= CAMERA_LIMIT)) return null;
  const r4 = (v: number): number => Math.round(v * 1e4) / 1e4 + 0;
  return { x: r4(x), y: r4(y), ratio: Number(ratio.toPrecision(4)) };
}

/** Remembers the camera (rounded, see {@link roundCamera}), or forgets it with null. */
export function setCamera(state: AppState, camera: Camera | null): AppState {
  const next = camera === null ? null : roundCamera(camera);
  return sameCamera(state.camera, next) ? state : { ...state, camera: next };
}

/**
 * Takes every URL-borne slice from `fromUrl` (view, mode, lang, selection, filters, focus,
 * path, slide, embed, camera), keeping `state`'s hover and search text.
 */
export function applyUrlState(state: AppState, fromUrl: AppState): AppState {
  const next: AppState = {
    ...fromUrl,
    hovered: state.hovered,
    query: state.query,
    filters: sameFilters(state.filters, fromUrl.filters) ? state.filters : fromUrl.filters,
    focus:
      state.focus.depth === fromUrl.focus.depth && state.focus.direction === fromUrl.focus.direction
        ? state.focus
        : fromUrl.focus,
    path: state.path.from === fromUrl.path.from && state.path.to === fromUrl.path.to ? state.path : fromUrl.path,
    camera: sameCamera(state.camera, fromUrl.camera) ? state.camera : fromUrl.camera,
  };
  const same = (Object.keys(next) as (keyof AppState)[]).every((k) => next[k] === state[k]);
  return same ? state : next;
}

/**
 * The first-visit language from the browser's preferences (`navigator.languages`): the first
 * zh or en entry decides; zh-TW / HK / MO and zh-Hant → 繁體, other zh (zh, zh-CN, zh-SG,
 * zh-Hans) → 简体; no zh or en entry → English.
 */
export function langFromLocales(locales: readonly string[]): Lang {
  for (const locale of locales) {
    const tag = locale.toLowerCase().replace(/_/g, '-');
    const parts = tag.split('-');
    if (parts[0] === 'en') return 'en';
    if (parts[0] !== 'zh') continue;
    if (parts.includes('hant')) return 'zh-Hant';
    if (parts.includes('hans')) return 'zh-Hans';
    if (parts.includes('tw') || parts.includes('hk') || parts.includes('mo')) return 'zh-Hant';
    return 'zh-Hans';
  }
  return 'en';
}

/** A stored language choice, if it is one. */
export function parseLang(value: unknown): Lang | null {
  return isLang(value) ? value : null;
}
