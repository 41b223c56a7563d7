/**
 * What the harness and the pages agree on: the six timed updates, their arguments, the
 * interface each renderer implements for the probe, and what `window.bench` returns. No DOM
 * here, so the Node side can import it.
 */

/** The six updates timed on every renderer. */
export const OPS = ['search', 'hover', 'select', 'focus', 'path', 'filter'] as const;
export type OpName = (typeof OPS)[number];

/** The nodes and texts the updates use, chosen by the harness for each graph. */
export interface OpArgs {
  hover: string;
  select: string;
  pathFrom: string;
  pathTo: string;
  /** The search text before the keystroke, and after it (one more character). */
  queryBefore: string;
  queryAfter: string;
  /** Sections hidden by the filter change (about half the nodes). */
  hiddenSections: string[];
}

/** A renderer under test. Every method but `load` is synchronous. */
export interface Target {
  /**
   * Untimed preparation of a load: e.g. wrapping the text in a File, as a picker hands it, and
   * what a reader does before the file is chosen (opening the menu that offers the picker).
   */
  beforeLoad?(text: string, name: string): void | Promise<void>;
  /**
   * Parses the serialized graph, builds the renderer and issues its first draw. May resolve to
   * the time (performance.now) its synchronous part ended, when that is not the time it resolves.
   */
  load(text: string, name: string): Promise<number | void>;
  /** Resolves once the page is whole after a load (the app builds part of it after its first frame); untimed. */
  ready?(): Promise<void>;
  /** Puts the renderer in the state `op` starts from (untimed). */
  prepare(op: OpName, args: OpArgs): void;
  /** The timed change. */
  apply(op: OpName, args: OpArgs): void;
  /** Back to nothing hovered, selected, searched, focused or filtered. */
  reset(): void;
  /** The element that receives the pan/zoom input. */
  stage(): HTMLElement;
  /** Nodes currently drawn (a sanity check that an update did what it says). */
  visibleNodes(): number;
  /** Total ms spent inside the renderer's own draw call so far, when it can be read (sigma). */
  renderMs?(): number;
}


export interface LoadResult {
  /** From the start to the end of the first draw call: parse, build, draw (ms). */
  drawnMs: number;
  /** From the start to the first painted frame with the graph drawn (ms). */
  firstRenderMs: number;
  /** Longest main-thread task inside that window (ms; 0 when none exceeded 50 ms). */
  longestTaskMs: number;
  /**
   * Longest main-thread task before the first draw call ended (ms): parsing, building and the
   * first indexation, without the first frame's rasterisation that follows it.
   */
  longestTaskToDrawnMs: number;
  longTasks: number;
  /** The task that issued the first draw (app: openGraph, with sigma's first indexation), ms; 0 when under 50 ms. */
  drawTaskMs: number;
  /**
   * sigma's construction and its first indexation and draw inside that task, when the page marks
   * them (`linkage:sigma` and `linkage:sigma-draw` measures; app only), else 0.
   */
  sigmaConstructMs: number;
  /** Longest task before the draw task (parsing, building the graph on the page), ms. */
  longestTaskBeforeDrawMs: number;
  /** Longest task after the draw call until the first painted frame (rasterisation), ms. */
  longestTaskAfterDrawMs: number;
  /** Nodes drawn. */
  visible: number;
}

export interface OpResult {
  /** The synchronous state change and redraw (ms). */
  js: number;
  /** `js` plus every page callback until the change was painted (ms). */
  jsTotal: number;
  /** From the start of the change to the next painted frame (ms). */
  frame: number;
  /** Inside the renderer's draw call, when readable (ms). */
  render: number;
  /** Nodes drawn after the change. */
  visible: number;
}

export interface StepResult {
  /** All page callbacks run between the input and its painted frame (ms). */
  js: number;
  /** Inside the renderer's draw calls (sigma only; 0 otherwise). */
  render: number;
  /** From the input event to the next painted frame (ms). */
  frame: number;
}

export type Bench = {
  load(url: string, name: string): Promise<LoadResult>;
  op(name: OpName, args: OpArgs): Promise<OpResult>;
  stepBegin(): void;
  stepEnd(): Promise<StepResult>;
  reset(): Promise<void>;
  settle(): Promise<void>;
  stageBox(): { x: number; y: number; width: number; height: number };
  heapUsed(): number;
};
