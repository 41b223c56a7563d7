/**
 * Colours of node and edge kinds. Node kinds use a colour-blind-safe set (Paul Tol's
 * "muted" and "bright" schemes, Okabe–Ito orange); kinds that share a hue family are
 * told apart by the node border drawn by the network view.
 */
import type { EdgeKind, NodeKind } from './schema';
import type { NodeBorder } from './types';

export const NODE_KIND_COLORS: Record<NodeKind, string> = {
  chapter: '#222222',
  section: '#5a5a5a',
  paradigm: '#882255',
  dimension: '#999933',
  transformation: '#332288',
  state: '#88ccee',
  reform: '#117733',
  measure: '#44aa99',
  feature: '#ddcc77',
  'decision-mode': '#cc6677',
  trait: '#aa4499',
  actor: '#e69f00',
  technology: '#0077bb',
  concept: '#a5a5a5',
};

/**
 * Outline of each node kind. Within each family of hues that colour-blind readers may confuse
 * (greens, reds and purples, blues, greys, yellows) every kind has a different outline.
 */
export const NODE_KIND_BORDERS: Record<NodeKind, NodeBorder> = {
  chapter: 'thick',
  section: 'ring',
  concept: 'plain',
  paradigm: 'thick',
  'decision-mode': 'ring',
  trait: 'plain',
  transformation: 'thick',
  state: 'ring',
  technology: 'plain',
  reform: 'thick',
  dimension: 'ring',
  measure: 'plain',
  feature: 'ring',
  actor: 'plain',
};

export const EDGE_KIND_COLORS: Record<EdgeKind, string> = {
  contains: '#b8b8b8',
  from: '#6f8fb3',
  to: '#332288',
  'dimension-of': '#999933',
  characterizes: '#c9a0c0',
  realizes: '#44aa99',
  enables: '#0077bb',
  causes: '#ee7733',
  'drawback-of': '#cc3311',
  'aspect-of': '#aa4499',
  'instance-of': '#8c8c8c',
  defines: '#555555',
  'aims-at': '#66ccee',
  promotes: '#228833',
  requires: '#ccbb44',
  impacts: '#882255',
  becomes: '#4477aa',
  curbs: '#aa3377',
  contrasts: '#cc3311',
  echoes: '#009988',
  involves: '#c8b060',
};

/**
 * Fallback palette for kinds the vocabulary does not know (imported graphs):
 * Tol's "bright" then "muted", cycled in order of first appearance.
 */
export const FALLBACK_COLORS = [
  '#4477aa', '#ee6677', '#228833', '#ccbb44', '#66ccee', '#aa3377', '#bbbbbb',
  '#332288', '#88ccee', '#44aa99', '#117733', '#999933', '#ddcc77', '#cc6677', '#882255',
] as const;
