/**
 * The scope of an exercise: which concepts and links of the chapter it covers. Every scope is a
 * slide range (a section's are its slides): its links are the edges resting on a slide in the
 * range, its concepts the nodes resting on one plus the ends of those links. `all` is the whole
 * graph (the only scope of a graph without slides). Also the scope's form in the URL. No DOM.
 */
import type { LinkageGraph } from '../types';
import type { ExpertProposition, Scope } from './types';

export const ALL: Scope = Object.freeze({ kind: 'all' });

/** The slide range a scope covers, or null for the whole graph. */
export function scopeSlides(graph: LinkageGraph, scope: Scope): readonly [number, number] | null {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'slides') return [scope.first, scope.last];
  const section = (graph.getAttribute('sections') ?? []).find((s) => s.id === scope.id);
  return section ? section.slides : null;
}

/** True when `scope` names slides or a section the graph has. */
export function scopeExists(graph: LinkageGraph, scope: Scope): boolean {
  if (scope.kind === 'all') return true;
  const count = graph.getAttribute('slideCount') ?? 0;
  if (scope.kind === 'slides') return Number.isInteger(scope.first) && Number.isInteger(scope.last) && scope.first >= 1 && scope.first <= scope.last && scope.last <= count;
  return (graph.getAttribute('sections') ?? []).some((s) => s.id === scope.id);
}

const onSlides = (slides: readonly number[] | undefined, range: readonly [number, number] | null): boolean =>
  range === null || (slides ?? []).some((n) => n >= range[0] && n <= range[1]);

/** The link kinds that read the same both ways, from the graph's vocabulary. */
export function symmetricKinds(graph: LinkageGraph): ReadonlySet<string> {
  return new Set((graph.getAttribute('edgeKinds') ?? []).filter((k) => k.symmetric).map((k) => k.id));
}

/** A proposition as one key, symmetric ones in a canonical direction (so both ways read as one). */
export function propositionKey(p: { source: string; kind: string; target: string }, symmetric: boolean): string {
  return JSON.stringify(symmetric && p.target < p.source ? [p.target, p.kind, p.source] : [p.source, p.kind, p.target]);
}

/** Every edge of the graph as a proposition, in graph order. */
export function expertPropositions(graph: LinkageGraph): ExpertProposition[] {
  const symmetric = symmetricKinds(graph);
  const out: ExpertProposition[] = [];
  graph.forEachEdge((edge, attrs, source, target) => {
    out.push({ edge, source, target, kind: attrs.kind, symmetric: symmetric.has(attrs.kind) || attrs.undirected === true });
  });
  return out;
}

export interface ScopeContent {
  /** The scope's concepts, in graph order. */
  readonly concepts: readonly string[];
  /** The scope's links, in graph order. */
  readonly propositions: readonly ExpertProposition[];
}

/** The concepts and links a scope covers. */
export function scopeContent(graph: LinkageGraph, scope: Scope): ScopeContent {
  const range = scopeSlides(graph, scope);
  const propositions = expertPropositions(graph).filter((p) => onSlides(graph.getEdgeAttribute(p.edge, 'slides'), range));
  const ends = new Set<string>();
  for (const p of propositions) ends.add(p.source).add(p.target);
  const concepts = graph.filterNodes((key, attrs) => ends.has(key) || onSlides(attrs.slides, range));
  return { concepts, propositions };
}

/** The scope an exercise opens on when none is asked for: the first section, else the whole graph. */
export function defaultScope(graph: LinkageGraph): Scope {
  const first = (graph.getAttribute('sections') ?? [])[0];
  return first ? { kind: 'section', id: first.id } : ALL;
}

export function sameScope(a: Scope, b: Scope): boolean {
  if (a.kind === 'all' || b.kind === 'all') return a.kind === b.kind;
  if (a.kind === 'slides') return b.kind === 'slides' && a.first === b.first && a.last === b.last;
  return b.kind === 'section' && a.id === b.id;
}

/** The scope as text: `all`, `slides:6-13` (`slides:9` for one slide), `section:2-1`. */
export function formatScope(scope: Scope): string {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'slides') return scope.first === scope.last ? `slides:${scope.first}` : `slides:${scope.first}-${scope.last}`;
  return `section:${scope.id}`;
}

/** Reads {@link formatScope}'s text; null when it is not a scope (its existence is not checked). */
export function parseScope(text: string): Scope | null {
  if (text === 'all') return ALL;
  const slides = /^slides:(\d{1,6})(?:-(\d{1,6}))?$/.exec(text);
  if (slides) {
    const a = Number(slides[1]);
    const b = slides[2] === undefined ? a : Number(slides[2]);
    return { kind: 'slides', first: Math.min(a, b), last: Math.max(a, b) };
  }
  if (text.startsWith('section:') && text.length > 'section:'.length && text.length <= 208) return { kind: 'section', id: text.slice('section:'.length) };
  return null;
}
