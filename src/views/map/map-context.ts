/**
 * What the parts of one mounted map share: where it is drawn, whether it is drawn for speed, and
 * what it last saw of the state. network.ts makes one per mount and keeps it up to date; the
 * parts (reducers, names, veil, camera, events, redraw) read it.
 */
import type Sigma from 'sigma';
import type { EdgeAttrs, LinkageGraph, NodeAttrs } from '../../model/types';
import type { Derived } from '../../state/derive';
import type { Session } from '../../state/session';
import type { AppState } from '../../state/types';
import type { Rect } from './cover';
import type { MapOverlay } from './looks';

/** The map's sigma renderer. */
export type MapRenderer = Sigma<NodeAttrs, EdgeAttrs>;

export interface MapContext {
  readonly session: Session;
  readonly graph: LinkageGraph;
  readonly container: HTMLElement;
  /** More nodes + edges than LARGE_GRAPH: the map is drawn for speed. */
  readonly large: boolean;
  /** The state and its derived Sets, as of the last change the map saw. */
  state: AppState;
  derived: Derived;
  /** Rings around nodes (e.g. revision progress), or null. */
  overlay: MapOverlay | null;
  /** The part of the map another element floats over (the details panel), in map pixels, or null. */
  cover: Rect | null;
  /** Node sizes are screen pixels: shrunk on small maps so the chapter still reads. */
  sizeScale: number;
}
