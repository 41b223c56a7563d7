/**
 * The class overview (Build mode, for the lecturer): a set of hand-ins scored again against the
 * chapter's map — the scores a file carries are only what the student's page showed — with one
 * row per hand-in, how many students got each link of the chapter right or partly right, the
 * links most often made that the chapter does not have, and the class means. Pure: no DOM.
 */
import type { LinkageGraph } from '../types';
import { scoreMap, type ScoreResult } from './score';
import { expertPropositions, parseScope, propositionKey, scopeContent, scopeExists, symmetricKinds } from './scope';
import type { ExerciseType, ExpertProposition, SheetLink, StudentProposition } from './types';

/** What the overview reads of a hand-in: io/handin's `Handin` (read with parseHandin) has it all. */
export interface ClassHandin {
  readonly student: string;
  /** The file it came from, if any. */
  readonly file?: string;
  readonly type: ExerciseType;
  /** The scope as formatScope writes it. */
  readonly scope: string;
  /** The sheet's links; those `given` with a skeleton are not the student's. */
  readonly links: readonly SheetLink[];
}

/** How many of the most often made extra links the overview lists. */
export const TOP_EXTRAS = 20;

/** A link not in the chapter's map, and how many hand-ins made it. */
export interface ExtraLink {
  readonly source: string;
  readonly kind: string;
  readonly target: string;
  readonly count: number;
}

/** One hand-in's figures, scored again. */
export interface StudentRow {
  readonly name: string;
  readonly file?: string;
  readonly type: ExerciseType;
  readonly scope: string;
  readonly convergence: number;
  readonly salience: number;
  /** Novak & Gowin's total. */
  readonly structural: number;
  /** The mean closeness. */
  readonly closeness: number;
  /** Right and partly right propositions, chapter-wide (R_all, P_all); extras, duplicates included. */
  readonly right: number;
  readonly partly: number;
  readonly extra: number;
  /** Propositions of the scope the student did not make. */
  readonly missing: number;
}

export interface ClassMeans {
  readonly convergence: number;
  readonly salience: number;
  readonly structural: number;
  readonly closeness: number;
}

/** A hand-in that could not be scored: its scope is not one of this graph's. */
export interface Unscored {
  readonly name: string;
  readonly file?: string;
  readonly scope: string;
}

export interface ClassOverview {
  /** Hand-ins given, scored or not. */
  readonly count: number;
  /** One row per scored hand-in, in the order given. */
  readonly students: readonly StudentRow[];
  readonly unscored: readonly Unscored[];
  /** Per chapter edge (every one, 0 included): how many students have it right. */
  readonly edgeCounts: ReadonlyMap<string, number>;
  /** Per chapter edge: how many have it partly right. */
  readonly partlyCounts: ReadonlyMap<string, number>;
  /** The {@link TOP_EXTRAS} extra links most often made, most first (ties in order of first appearance). */
  readonly extras: readonly ExtraLink[];
  /** Means over the scored hand-ins (0 when there are none). */
  readonly means: ClassMeans;
  /** Names handed in more than once (both hand-ins are kept), as first written; case and Unicode form aside. */
  readonly duplicateNames: readonly string[];
}

/**
 * Scores a hand-in again over its own scope: the scope's propositions less those given with a
 * skeleton (given links are not the student's and are not asked for). Null when the scope is not
 * one of the graph's. `chapter` saves computing the graph's propositions for every hand-in.
 */
export function scoreHandin(graph: LinkageGraph, handin: ClassHandin, chapter: readonly ExpertProposition[] = expertPropositions(graph)): ScoreResult | null {
  const scope = parseScope(handin.scope);
  if (!scope || !scopeExists(graph, scope)) return null;
  const symmetric = symmetricKinds(graph);
  const given = new Set(handin.links.filter((l) => l.given).map((l) => propositionKey(l, symmetric.has(l.kind))));
  const isGiven = (p: ExpertProposition) => given.has(propositionKey(p, false)) || (p.symmetric && given.has(propositionKey({ source: p.target, kind: p.kind, target: p.source }, false)));
  const asked = scopeContent(graph, scope).propositions.filter((p) => !isGiven(p));
  const student: StudentProposition[] = handin.links.filter((l) => !l.given).map((l) => ({ source: l.source, kind: l.kind, target: l.target }));
  return scoreMap({ graph, scope: asked, chapter, student });
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((t, x) => t + x, 0) / xs.length);

/** The class overview of `handins` (see the module's comment). */
export function classOverview(graph: LinkageGraph, handins: readonly ClassHandin[]): ClassOverview {
  const chapter = expertPropositions(graph);
  const symmetric = symmetricKinds(graph);
  const edgeCounts = new Map(chapter.map((p) => [p.edge, 0]));
  const partlyCounts = new Map(chapter.map((p) => [p.edge, 0]));
  const extras = new Map<string, { source: string; kind: string; target: string; count: number }>();
  const students: StudentRow[] = [];
  const unscored: Unscored[] = [];
  const names = new Map<string, { first: string; count: number }>();

  for (const h of handins) {
    const folded = h.student.normalize('NFC').toLowerCase();
    const seen = names.get(folded) ?? { first: h.student, count: 0 };
    names.set(folded, { ...seen, count: seen.count + 1 });
    const file = h.file !== undefined ? { file: h.file } : {};
    const r = scoreHandin(graph, h, chapter);
    if (!r) {
      unscored.push({ name: h.student, ...file, scope: h.scope });
      continue;
    }
    const made = new Set<string>();
    for (const v of r.verdicts) {
      if (v.status === 'right') edgeCounts.set(v.expected.edge, (edgeCounts.get(v.expected.edge) ?? 0) + 1);
      else if (v.status === 'partly') partlyCounts.set(v.expected.edge, (partlyCounts.get(v.expected.edge) ?? 0) + 1);
      else if (v.reason === 'not-in-map') {
        const { source, kind, target } = v.proposition;
        const key = propositionKey(v.proposition, symmetric.has(kind));
        if (made.has(key)) continue;
        made.add(key);
        const known = extras.get(key);
        if (known) known.count++;
        else extras.set(key, { source, kind, target, count: 1 });
      }
    }
    const c = r.counts;
    students.push({
      name: h.student,
      ...file,
      type: h.type,
      scope: h.scope,
      convergence: r.convergence,
      salience: r.salience,
      structural: r.structural.total,
      closeness: r.closeness.mean,
      right: c.rightAll,
      partly: c.partlyAll,
      extra: c.extra,
      missing: c.missing,
    });
  }

  return {
    count: handins.length,
    students,
    unscored,
    edgeCounts,
    partlyCounts,
    // Array.prototype.sort is stable: equal counts keep the order links were first made in.
    extras: [...extras.values()].sort((a, b) => b.count - a.count).slice(0, TOP_EXTRAS),
    means: {
      convergence: mean(students.map((s) => s.convergence)),
      salience: mean(students.map((s) => s.salience)),
      structural: mean(students.map((s) => s.structural)),
      closeness: mean(students.map((s) => s.closeness)),
    },
    duplicateNames: [...names.values()].filter((n) => n.count > 1).map((n) => n.first),
  };
}
