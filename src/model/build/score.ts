/**
 * Scoring a student's concept map against the chapter's (Build mode). Pure: no DOM, no state.
 *
 * Each student proposition (source, kind, target) is matched one-to-one to an edge of the
 * chapter's map between the same two concepts:
 * - `right`: same two concepts, same kind, same direction (either direction for a symmetric kind);
 * - `partly`: the right pair of concepts, but another kind (`kind`) and/or reversed (`direction`);
 * - `extra`: no edge of the chapter joins the two concepts (or they are all taken), or the
 *   proposition repeats an earlier one of the student's (`duplicate`).
 * A match with an edge outside the exercise's scope is judged the same (`inScope: false`): it is
 * not an error, but it earns no convergence.
 *
 * Figures (after Ruiz-Primo & colleagues' convergence and salience; a partly right proposition
 * weighs ½), with R, P the right and partly matches to scope edges and R_all, P_all those to any
 * chapter edge:
 *
 *     convergence = (R + ½·P) / |scope|        (1 when the scope is empty: nothing asked is missing)
 *     salience    = (R_all + ½·P_all) / |student|   (0 when the student made no proposition)
 *
 * Structural score (after Novak & Gowin), counted over right propositions (chapter-wide):
 *
 *     structural = 1 × valid propositions + 5 × hierarchy levels + 10 × valid cross-links
 *
 * where the hierarchy levels are the links of the longest chain broader → narrower along kinds
 * with a `hierarchy` flag, and a cross-link joins concepts of two different (non-null) sections.
 *
 * Closeness (Goldsmith, Johnson & Acton 1991), with N_s(c), N_e(c) the undirected neighbours of
 * concept c in the student's map and in the scope's map:
 *
 *     C(c) = |N_s(c) ∩ N_e(c)| / |N_s(c) ∪ N_e(c)|,   closeness = mean of C over the concepts of
 *     either map that have a neighbour in one of them (0 when there are none).
 */
import type { LinkageGraph } from '../types';
import { expertPropositions, propositionKey, symmetricKinds } from './scope';
import type { ExpertProposition, StudentProposition } from './types';

/** Why a proposition on the right pair of concepts is only partly right. */
export type PartlyReason = 'kind' | 'direction';

export type Verdict =
  | { readonly status: 'right'; readonly proposition: StudentProposition; readonly expected: ExpertProposition; readonly inScope: boolean }
  | {
      readonly status: 'partly';
      readonly proposition: StudentProposition;
      readonly expected: ExpertProposition;
      readonly inScope: boolean;
      readonly reasons: readonly PartlyReason[];
    }
  /** `not-in-map`: no chapter edge left for it; `duplicate`: the student stated it already. */
  | { readonly status: 'extra'; readonly proposition: StudentProposition; readonly reason: 'not-in-map' | 'duplicate' };

/** Novak & Gowin's structural score of a map, part by part. */
export interface StructuralScore {
  /** Valid (right) propositions, 1 point each. */
  readonly propositions: number;
  /** Links of the longest broader → narrower chain, 5 points each. */
  readonly levels: number;
  /** Valid links between concepts of two different sections, 10 points each. */
  readonly crossLinks: number;
  /** propositions + 5 × levels + 10 × crossLinks. */
  readonly total: number;
}

export interface Closeness {
  /** C(c) per concept, for the concepts with a neighbour in either map, first seen first. */
  readonly concepts: ReadonlyMap<string, number>;
  /** Their mean, in [0, 1]; 0 when there are none. */
  readonly mean: number;
}

export interface ScoreCounts {
  /** Right / partly matches to scope propositions (R, P). */
  readonly right: number;
  readonly partly: number;
  /** Right / partly matches to any chapter edge (R_all, P_all). */
  readonly rightAll: number;
  readonly partlyAll: number;
  /** Extra propositions, duplicates included, and the duplicates alone. */
  readonly extra: number;
  readonly duplicates: number;
  /** Scope propositions not matched. */
  readonly missing: number;
  /** |scope| and |student|. */
  readonly scope: number;
  readonly student: number;
}

export interface ScoreResult {
  /** One per student proposition, in input order. */
  readonly verdicts: readonly Verdict[];
  /** Scope propositions no student proposition matched, in scope order. */
  readonly missing: readonly ExpertProposition[];
  readonly counts: ScoreCounts;
  readonly convergence: number;
  readonly salience: number;
  readonly structural: StructuralScore;
  /** The structural score of the scope's own map (every scope proposition right): "12 of 40". */
  readonly expertStructural: StructuralScore;
  readonly closeness: Closeness;
}

export interface ScoreInput {
  readonly graph: LinkageGraph;
  /** The propositions the exercise asks for (the scope's, less any given with a skeleton). */
  readonly scope: readonly ExpertProposition[];
  /** Every edge of the chapter's map; default {@link expertPropositions}(graph). */
  readonly chapter?: readonly ExpertProposition[];
  readonly student: readonly StudentProposition[];
}

/** An unordered pair of concepts as one key. */
const pairKey = (a: string, b: string): string => JSON.stringify(a < b ? [a, b] : [b, a]);

/** Why `s` is not right about `e` (same unordered pair assumed); empty when it is right. */
function reasonsFor(s: StudentProposition, e: ExpertProposition, studentSymmetric: boolean): PartlyReason[] {
  const reasons: PartlyReason[] = [];
  if (s.kind !== e.kind) reasons.push('kind');
  const reversed = s.source !== e.source || s.target !== e.target;
  if (reversed && !e.symmetric && !studentSymmetric) reasons.push('direction');
  return reasons;
}

/**
 * The right matches on one pair of concepts: a maximum matching by augmenting paths (a pair holds
 * a handful of links), edges tried in the order given. Returns the edge index per student index.
 */
function rightMatches(students: readonly number[], experts: readonly ExpertProposition[], isRight: (i: number, e: ExpertProposition) => boolean): Map<number, number> {
  const owner: number[] = experts.map(() => -1);
  const claim = (i: number, tried: Set<number>): boolean => {
    for (let k = 0; k < experts.length; k++) {
      if (tried.has(k) || !isRight(i, experts[k]!)) continue;
      tried.add(k);
      if (owner[k]! < 0 || claim(owner[k]!, tried)) {
        owner[k] = i;
        return true;
      }
    }
    return false;
  };
  for (const i of students) claim(i, new Set());
  return new Map(owner.flatMap((i, k) => (i < 0 ? [] : [[i, k] as const])));
}

/**
 * Matches the student's propositions to the chapter's, one-to-one, pair of concepts by pair.
 * Duplicates are set aside first. On each pair the right matches are a maximum matching; any
 * proposition on a pair is at least partly right about any edge on it, so pairing the rest with
 * the edges left maximises the partly count next. Edges in the scope are tried first (they earn
 * convergence); the partly pairs go, edge by edge, to the proposition with the fewest reasons,
 * then the earlier one.
 */
function match(student: readonly StudentProposition[], pool: readonly ExpertProposition[], inScope: ReadonlySet<string>, symmetric: ReadonlySet<string>): Verdict[] {
  const verdicts: Array<Verdict | undefined> = new Array(student.length);
  const byPair = new Map<string, { students: number[]; experts: ExpertProposition[] }>();
  const seen = new Set<string>();
  student.forEach((s, i) => {
    const key = propositionKey(s, symmetric.has(s.kind));
    if (seen.has(key)) {
      verdicts[i] = { status: 'extra', proposition: s, reason: 'duplicate' };
      return;
    }
    seen.add(key);
    const pair = pairKey(s.source, s.target);
    const group = byPair.get(pair) ?? { students: [], experts: [] };
    group.students.push(i);
    byPair.set(pair, group);
  });
  for (const e of pool) byPair.get(pairKey(e.source, e.target))?.experts.push(e);
  const reasons = (i: number, e: ExpertProposition) => reasonsFor(student[i]!, e, symmetric.has(student[i]!.kind));

  for (const group of byPair.values()) {
    // Stable sort: graph order within the scope's edges and within the others.
    const experts = [...group.experts].sort((a, b) => Number(inScope.has(b.edge)) - Number(inScope.has(a.edge)));
    const right = rightMatches(group.students, experts, (i, e) => reasons(i, e).length === 0);
    const taken = new Set(right.values());
    const rest = group.students.filter((i) => !right.has(i));
    for (const [i, k] of right) verdicts[i] = { status: 'right', proposition: student[i]!, expected: experts[k]!, inScope: inScope.has(experts[k]!.edge) };
    for (const [k, e] of experts.entries()) {
      if (rest.length === 0) break;
      if (taken.has(k)) continue;
      let best = 0;
      rest.forEach((i, at) => {
        if (reasons(i, e).length < reasons(rest[best]!, e).length) best = at;
      });
      const i = rest.splice(best, 1)[0]!;
      verdicts[i] = { status: 'partly', proposition: student[i]!, expected: e, inScope: inScope.has(e.edge), reasons: reasons(i, e) };
    }
    for (const i of rest) verdicts[i] = { status: 'extra', proposition: student[i]!, reason: 'not-in-map' };
  }
  return verdicts.map((v, i) => v ?? { status: 'extra', proposition: student[i]!, reason: 'not-in-map' });
}

/** Most links the chain search follows: enough for any map drawn of a chapter (a map without cycles takes one step per link). */
const CHAIN_STEPS = 200_000;

/**
 * Links of the longest chain along `narrower` (broader → narrower) that never revisits a concept.
 * Depth first with an explicit stack; a concept's depth is remembered only when no link back to
 * the chain was skipped below it (it then does not depend on the chain that led there), so the
 * answer is exact, and linear on a map without cycles. A tangle of cycles that needs more than
 * {@link CHAIN_STEPS} steps gives the longest chain found by then.
 */
function longestChain(narrower: ReadonlyMap<string, readonly string[]>): number {
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  type Frame = { concept: string; next: number; depth: number; cut: boolean };
  let steps = 0;
  let longest = 0;
  for (const root of narrower.keys()) {
    if (memo.has(root)) continue;
    const stack: Frame[] = [{ concept: root, next: 0, depth: 0, cut: false }];
    onPath.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const below = narrower.get(top.concept) ?? [];
      if (top.next < below.length && steps < CHAIN_STEPS) {
        const n = below[top.next++]!;
        steps++;
        const known = memo.get(n);
        if (onPath.has(n)) top.cut = true;
        else if (known !== undefined) top.depth = Math.max(top.depth, 1 + known);
        else {
          onPath.add(n);
          stack.push({ concept: n, next: 0, depth: 0, cut: false });
        }
        continue;
      }
      if (top.next < below.length) top.cut = true;
      stack.pop();
      onPath.delete(top.concept);
      if (!top.cut) memo.set(top.concept, top.depth);
      longest = Math.max(longest, top.depth);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.depth = Math.max(parent.depth, 1 + top.depth);
        parent.cut ||= top.cut;
      }
    }
  }
  return longest;
}

/**
 * Novak & Gowin's structural score of `valid` propositions (edges of the graph, taken as right):
 * 1 per proposition, 5 per hierarchy level, 10 per cross-link (see the module's comment). A
 * cycle of hierarchical links (A contains B contains A) is followed once round, never again.
 */
export function structuralScore(graph: LinkageGraph, valid: readonly ExpertProposition[]): StructuralScore {
  const hierarchy = new Map((graph.getAttribute('edgeKinds') ?? []).filter((k) => k.hierarchy && !k.symmetric).map((k) => [k.id, k.hierarchy]));
  const narrower = new Map<string, string[]>();
  let crossLinks = 0;
  const section = (key: string): string | null => (graph.hasNode(key) ? graph.getNodeAttribute(key, 'section') ?? null : null);
  for (const p of valid) {
    const h = p.symmetric ? undefined : hierarchy.get(p.kind);
    if (h && p.source !== p.target) {
      const [broad, narrow] = h === 'down' ? [p.source, p.target] : [p.target, p.source];
      narrower.set(broad, [...(narrower.get(broad) ?? []), narrow]);
    }
    const a = section(p.source);
    const b = section(p.target);
    if (a !== null && b !== null && a !== b) crossLinks++;
  }
  const levels = longestChain(narrower);
  return { propositions: valid.length, levels, crossLinks, total: valid.length + 5 * levels + 10 * crossLinks };
}

/** Undirected neighbours of each concept of a map (a link from a concept to itself is left out). */
function neighbours(map: readonly StudentProposition[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => out.set(a, (out.get(a) ?? new Set<string>()).add(b));
  for (const p of map) {
    if (p.source === p.target) continue;
    add(p.source, p.target);
    add(p.target, p.source);
  }
  return out;
}

/** Goldsmith, Johnson & Acton's closeness of two maps (see the module's comment). */
export function closeness(student: readonly StudentProposition[], expert: readonly StudentProposition[]): Closeness {
  const ns = neighbours(student);
  const ne = neighbours(expert);
  const none = new Set<string>();
  const concepts = new Map<string, number>();
  for (const c of new Set([...ns.keys(), ...ne.keys()])) {
    const a = ns.get(c) ?? none;
    const b = ne.get(c) ?? none;
    let both = 0;
    for (const x of a) if (b.has(x)) both++;
    concepts.set(c, both / (a.size + b.size - both));
  }
  // Summed in value order, so the mean does not depend on the order the links came in.
  const sum = [...concepts.values()].sort((x, y) => x - y).reduce((t, x) => t + x, 0);
  return { concepts, mean: concepts.size > 0 ? sum / concepts.size : 0 };
}

/** Scores a student's map: verdicts, what is missing, and every figure (see the module's comment). */
export function scoreMap(input: ScoreInput): ScoreResult {
  const { graph, student } = input;
  const scope = [...new Map(input.scope.map((p) => [p.edge, p])).values()];
  const chapter = input.chapter ?? expertPropositions(graph);
  const inScope = new Set(scope.map((p) => p.edge));
  const inChapter = new Set(chapter.map((p) => p.edge));
  const pool = [...chapter, ...scope.filter((p) => !inChapter.has(p.edge))];
  const verdicts = match(student, pool, inScope, symmetricKinds(graph));

  let right = 0, partly = 0, rightAll = 0, partlyAll = 0, extra = 0, duplicates = 0;
  const matched = new Set<string>();
  const valid: ExpertProposition[] = [];
  for (const v of verdicts) {
    if (v.status === 'extra') {
      extra++;
      if (v.reason === 'duplicate') duplicates++;
      continue;
    }
    matched.add(v.expected.edge);
    if (v.status === 'right') {
      rightAll++;
      if (v.inScope) right++;
      valid.push(v.expected);
    } else {
      partlyAll++;
      if (v.inScope) partly++;
    }
  }
  const missing = scope.filter((p) => !matched.has(p.edge));
  const fraction = (x: number) => Math.min(1, Math.max(0, x));
  return {
    verdicts,
    missing,
    counts: { right, partly, rightAll, partlyAll, extra, duplicates, missing: missing.length, scope: scope.length, student: student.length },
    convergence: scope.length === 0 ? 1 : fraction((right + partly / 2) / scope.length),
    salience: student.length === 0 ? 0 : fraction((rightAll + partlyAll / 2) / student.length),
    structural: structuralScore(graph, valid),
    expertStructural: structuralScore(graph, scope),
    closeness: closeness(student, scope),
  };
}
