/**
 * The one application state: every view, filter, selection and mode the explorer can be in.
 * Plain, immutable data; changed only by the producers in actions.ts.
 */
import type { ExerciseType, Scope } from '../model/build/types';
import type { Lang } from '../model/sentence';

export type { Lang } from '../model/sentence';

/** The three views of the map. */
export const VIEWS = ['network', 'transformations', 'outline'] as const;
export type View = (typeof VIEWS)[number];

/** What the reader is doing. */
export const MODES = ['explore', 'lecture', 'revision', 'build'] as const;
export type Mode = (typeof MODES)[number];

/** Focus depth: 0 is off, else the number of hops around the selection. */
export const FOCUS_DEPTHS = [0, 1, 2, 3] as const;
export type FocusDepth = (typeof FOCUS_DEPTHS)[number];

/** Which edges a focus follows from the selection. */
export const FOCUS_DIRECTIONS = ['in', 'out', 'both'] as const;
export type FocusDirection = (typeof FOCUS_DIRECTIONS)[number];

/** The section filter's id for nodes outside every section (`section: null`). */
export const NO_SECTION = 'none';

/** Filters. Lists are sorted and free of duplicates, so equal filters serialise equally. */
export interface Filters {
  readonly hiddenNodeKinds: readonly string[];
  readonly hiddenEdgeKinds: readonly string[];
  /** Section ids; {@link NO_SECTION} for nodes with a null section. */
  readonly hiddenSections: readonly string[];
  /** Inclusive slide range [first, last], or null for all slides. */
  readonly slideRange: readonly [number, number] | null;
}

export interface Focus {
  readonly depth: FocusDepth;
  readonly direction: FocusDirection;
}

export interface PathEnds {
  readonly from: string | null;
  readonly to: string | null;
}

/** The sigma camera: centre (graph-normalised coordinates) and zoom ratio. */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly ratio: number;
}

/** Build mode's exercise: its type and scope (null: the graph's default scope, see model/build/scope). */
export interface ExerciseChoice {
  readonly type: ExerciseType;
  readonly scope: Scope | null;
}

export const DEFAULT_EXERCISE: ExerciseChoice = Object.freeze({ type: 'kit', scope: null });

export interface AppState {
  readonly view: View;
  readonly mode: Mode;
  readonly lang: Lang;
  /** Selected node key. */
  readonly selected: string | null;
  /** Hovered node key; never in the URL. */
  readonly hovered: string | null;
  /** Search text; never in the URL. */
  readonly query: string;
  readonly filters: Filters;
  readonly focus: Focus;
  readonly path: PathEnds;
  /** The lecture slide (1-based), or null. */
  readonly slide: number | null;
  /** Embedded in a course page: the map and a minimal toolbar only. */
  readonly embed: boolean;
  readonly camera: Camera | null;
  /** The course chapter shown (`#ch=`), or null for a graph opened from a file. Set when the page starts a graph. */
  readonly chapter: string | null;
  /** Build mode's exercise (kept while other modes are shown, so coming back resumes it). */
  readonly exercise: ExerciseChoice;
}

export const DEFAULT_FILTERS: Filters = Object.freeze({
  hiddenNodeKinds: Object.freeze([]) as readonly string[],
  hiddenEdgeKinds: Object.freeze([]) as readonly string[],
  hiddenSections: Object.freeze([]) as readonly string[],
  slideRange: null,
});

const DEFAULT_FOCUS: Focus = Object.freeze({ depth: 0, direction: 'both' });

export const NO_PATH: PathEnds = Object.freeze({ from: null, to: null });

/**
 * The state of a first visit. `lang` here is the source's script; the app replaces it with the
 * browser's or the remembered choice (see `langFromLocales`).
 */
export const DEFAULT_STATE: AppState = Object.freeze({
  view: 'network',
  mode: 'explore',
  lang: 'zh-Hant',
  selected: null,
  hovered: null,
  query: '',
  filters: DEFAULT_FILTERS,
  focus: DEFAULT_FOCUS,
  path: NO_PATH,
  slide: null,
  embed: false,
  camera: null,
  chapter: null,
  exercise: DEFAULT_EXERCISE,
});
