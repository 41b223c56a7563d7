/**
 * The views and modes beyond the network, loaded lazily when first opened (each is its own
 * chunk). A module exports `mount(el, ctx) → dispose`; adding one is one line here.
 */
import type { LinkageGraph } from '../model/types';
import type { GraphIndex } from '../state/derive';
import type { Session } from '../state/session';
import type { Mode, View } from '../state/types';
import type { NetworkHandle } from './map/network';

/** What a lazily loaded view or mode receives. */
export interface AppContext {
  readonly session: Session;
  readonly net: NetworkHandle;
  /** Shows a short message to the reader. */
  notify(text: string): void;
  /**
   * Replaces the graph the whole app shows (after an import): every view is remounted on a new
   * session over `graph`; `message` is shown to the reader.
   */
  openGraph(graph: LinkageGraph, message: string, index?: GraphIndex): void;
}

/** Mounts into `el` and returns the cleanup. */
export type Mount = (el: HTMLElement, ctx: AppContext) => () => void;
export type Loader = () => Promise<{ mount: Mount }>;

/** Views that replace the map in the stage. */
export const VIEW_LOADERS: Partial<Record<View, Loader>> = {
  transformations: () => import('./ladder/transformations'),
  outline: () => import('./outline/outline'),
};

/** Modes that add a pane beside the map (the map stays, driven by the same state). */
export const MODE_LOADERS: Partial<Record<Mode, Loader>> = {
  lecture: () => import('./lecture/lecture'),
  revision: () => import('./revision/revision'),
  build: () => import('./build/build'),
};
