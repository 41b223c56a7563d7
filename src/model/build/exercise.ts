/**
 * What an exercise gives the student, from the chapter's map and a scope:
 * - kit: every concept of the scope, laid out in a shuffled grid, and a tray of link cards, one
 *   per link of the scope's map (its phrase only), so the map can be rebuilt from its own parts;
 * - skeleton: the scope's most important concepts (anchors) at their places on the chapter's map
 *   with the links between them given; the other concepts wait in a parking lot;
 * - free: an empty sheet; concepts come from search, links are typed by choosing a kind.
 * Deterministic under a seed. No DOM.
 */
import { createRandom } from '../random';
import type { LinkageGraph } from '../types';
import { conceptBox, separate } from './geometry';
import { scopeContent } from './scope';
import type { ExerciseType, ExpertProposition, PlacedConcept, Scope, Sheet, SheetLink } from './types';

/** A kit's link card: the phrase of one link of the scope's map, without its ends. */
export interface LinkCard {
  readonly id: string;
  readonly kind: string;
  /** The phrase, zh-Hant / zh-Hans / English (as the map reads it; `…` marks the target). */
  readonly zh: string;
  readonly zhHans: string;
  readonly en: string;
}

export interface Exercise {
  readonly type: ExerciseType;
  readonly scope: Scope;
  /** The concepts the exercise offers (free: the scope's, as a hint; any concept may be added). */
  readonly concepts: readonly string[];
  /** The links the student is asked to make (the scope's map without the given ones). */
  readonly propositions: readonly ExpertProposition[];
  /** Skeleton: the anchors, placed at the start. */
  readonly anchors: readonly string[];
  /** Skeleton: the links between anchors, given and fixed. */
  readonly given: readonly SheetLink[];
  /** Kit: the link cards, sorted by phrase. */
  readonly cards: readonly LinkCard[];
  /** Skeleton and free: the link kinds to choose from (the graph's, in vocabulary order). */
  readonly kinds: readonly string[];
  /** The sheet the student starts from. */
  readonly initial: Sheet;
}

/** Sheet spacing: a concept box is about 180 × 56 units; grid cells leave room for link phrases. */
export const CELL_W = 210;
export const CELL_H = 110;
/** Most grid columns: a row of the grid fits the sheet of a laptop screen at full size. */
const MAX_COLS = 5;
/** Share of a skeleton's concepts given as anchors (at least two when there are two). */
const ANCHOR_SHARE = 0.3;

/** Places `keys` on a grid about 1.6 times wider than high (at most {@link MAX_COLS} wide), row by row. */
export function gridPlaces(keys: readonly string[], originX = 0, originY = 0): PlacedConcept[] {
  const cols = Math.max(1, Math.min(MAX_COLS, Math.ceil(Math.sqrt(keys.length * 1.6))));
  return keys.map((key, i) => ({ key, x: originX + (i % cols) * CELL_W, y: originY + Math.floor(i / cols) * CELL_H }));
}

/**
 * Concepts at their places on the chapter's map, scaled evenly so that the extent they span
 * gives each about one and a half grid cells of room, then moved apart until their boxes (at the widest of the
 * three languages) do not overlap.
 */
export function chapterPlaces(graph: LinkageGraph, keys: readonly string[]): PlacedConcept[] {
  if (keys.length === 0) return [];
  const pts = keys.map((k) => ({ key: k, x: graph.getNodeAttribute(k, 'x') ?? 0, y: graph.getNodeAttribute(k, 'y') ?? 0 }));
  const w = Math.max(...pts.map((p) => p.x)) - Math.min(...pts.map((p) => p.x));
  const h = Math.max(...pts.map((p) => p.y)) - Math.min(...pts.map((p) => p.y));
  const scale = Math.sqrt((keys.length * CELL_W * CELL_H * 1.6) / Math.max(1e-9, Math.max(w, 1e-3) * Math.max(h, 1e-3)));
  const boxes = pts.map((p) => {
    const a = graph.getNodeAttributes(p.key);
    const sizes = [a.label, a.labelHans, a.mapEn ?? a.labelEn].map((name) => conceptBox(name || p.key, 0, 0));
    // The graph's y grows upwards; the sheet's downwards.
    return { key: p.key, x: p.x * scale, y: -p.y * scale, w: Math.max(...sizes.map((b) => b.w)), h: Math.max(...sizes.map((b) => b.h)) };
  });
  return separate(boxes, 30).map((b) => ({ key: b.key, x: Math.round(b.x), y: Math.round(b.y) }));
}

/** The link cards of a kit: one per proposition, sorted by phrase (the map's order gives nothing away). */
function cardsOf(graph: LinkageGraph, propositions: readonly ExpertProposition[]): LinkCard[] {
  const cards = propositions.map((p) => {
    const a = graph.getEdgeAttributes(p.edge);
    return { kind: p.kind, zh: a.labelZh, zhHans: a.labelHans, en: a.labelEn };
  });
  cards.sort((a, b) => (a.zh < b.zh ? -1 : a.zh > b.zh ? 1 : a.en < b.en ? -1 : a.en > b.en ? 1 : 0));
  return cards.map((c, i) => ({ id: `c${i + 1}`, ...c }));
}

/** The exercise of `type` over `scope`. */
export function makeExercise(graph: LinkageGraph, type: ExerciseType, scope: Scope, seed = 1): Exercise {
  const { concepts, propositions } = scopeContent(graph, scope);
  const kinds = (graph.getAttribute('edgeKinds') ?? []).map((k) => k.id);
  const base = { type, scope, concepts, kinds, anchors: [] as string[], given: [] as SheetLink[], cards: [] as LinkCard[] };
  if (type === 'kit') {
    const order = createRandom(seed).shuffle([...concepts]);
    return { ...base, propositions, cards: cardsOf(graph, propositions), initial: { placed: gridPlaces(order), links: [], next: 1 } };
  }
  if (type === 'skeleton') {
    const count = concepts.length <= 2 ? concepts.length : Math.max(2, Math.round(concepts.length * ANCHOR_SHARE));
    const ranked = [...concepts].sort((a, b) => (graph.getNodeAttribute(b, 'importance') ?? 0) - (graph.getNodeAttribute(a, 'importance') ?? 0));
    const anchorSet = new Set(ranked.slice(0, count));
    const anchors = concepts.filter((k) => anchorSet.has(k));
    const givenProps = propositions.filter((p) => anchorSet.has(p.source) && anchorSet.has(p.target));
    const given: SheetLink[] = givenProps.map((p, i) => ({ id: `g${i + 1}`, source: p.source, target: p.target, kind: p.kind, given: true }));
    const givenEdges = new Set(givenProps.map((p) => p.edge));
    return {
      ...base,
      anchors,
      given,
      propositions: propositions.filter((p) => !givenEdges.has(p.edge)),
      initial: { placed: chapterPlaces(graph, anchors), links: given, next: 1 },
    };
  }
  return { ...base, propositions, initial: { placed: [], links: [], next: 1 } };
}
