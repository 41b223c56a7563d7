/**
 * Revision questions generated from the typed edges of a graph: the missing pole of a
 * transformation, the reform a measure realises, a drawback / feature / aspect among look-alikes,
 * the idea an item echoes or stands against, and "how are X and Y linked?" built step by step.
 * Multiple choice with distractors of the answer's kind, chosen so that no distractor is also a
 * right answer. Deterministic under a seed; no DOM.
 */
import { buildPathIndex, pathSentences, shortestPaths, type PathChain, type PathIndex, type PathSentence } from './paths';
import { createRandom, type Random } from './random';
import { enCase } from './realise';
import { edgeSentence, LANGS, nodeLabel, type EdgeSentence, type Lang } from './sentence';
import type { KindInfo, LinkageGraph } from './types';
import type { Blank, RelationType } from './vocabulary';

export type { Blank, RelationType } from './vocabulary';

/** The question types, in the order a deck lists them before shuffling. */
export const QUESTION_TYPES = ['pole', 'reform', 'drawback', 'feature', 'aspect', 'echo', 'tension', 'path'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One multiple choice: the answer and the options (the answer among them), node keys. */
export interface Choice {
  readonly answer: string;
  readonly options: readonly string[];
}

interface QuestionBase {
  /** Stable id (independent of the seed): the progress of a card is kept under it. */
  readonly id: string;
  readonly type: QuestionType;
  /** Slides the tested links rest on, ascending. */
  readonly slides: readonly number[];
  /** The concepts the question is about (marked visited / mastered on the map). */
  readonly nodes: readonly string[];
}

/** A question on one edge: the `blank` end is asked for, the other end (`subject`) is shown. */
export interface RelationQuestion extends QuestionBase, Choice {
  readonly type: RelationType;
  readonly edge: string;
  readonly kind: string;
  readonly subject: string;
  readonly blank: Blank;
}

/** "How are `from` and `to` linked?": the unique shortest chain, one choice per inner concept. */
export interface PathQuestion extends QuestionBase {
  readonly type: 'path';
  readonly from: string;
  readonly to: string;
  readonly chain: PathChain;
  /** steps[i] asks for chain.nodes[i + 1]. */
  readonly steps: readonly Choice[];
}

export type Question = RelationQuestion | PathQuestion;

export interface QuizOptions {
  /** Seed of the random choices (distractors, option order, path pairs, deck order). Default 1. */
  seed?: number | string;
  /** Most options per choice, answer included; default 4 (at least 3 are always required). */
  maxOptions?: number;
  /** Most path questions; default 12. */
  maxPaths?: number;
  /** Only these types; default all. */
  types?: readonly QuestionType[];
}

const DEFAULTS = { seed: 1, maxOptions: 4, maxPaths: 12 } as const;
/** A choice needs the answer and at least two distractors. */
const MIN_OPTIONS = 3;
/** Without sides, a distractor lies at least this many links of likeness from subject and answer. */
const FAR = 3;
/** A node is on a side when at most this many links of likeness from it… */
const CAMP_NEAR = 3;
/** …and nearer to it than to the other side by at least this many. */
const CAMP_MARGIN = 2;

/** Question types that ask for a judgement ("which of these is a drawback of X?"), not a definition. */
const SEMANTIC = new Set<RelationType>(['feature', 'aspect', 'drawback', 'echo', 'tension']);
/** The blank shown in prompts: full-width in Chinese text, underscores in English. */
export function blankText(lang: Lang): string {
  return lang === 'en' ? '_____' : '＿＿＿';
}

interface Link {
  readonly edge: string;
  readonly other: string;
  readonly kind: string;
  /** True when the node is the edge's source. */
  readonly out: boolean;
}

/** Per-graph lookups built once per deck: links by node, nodes by kind, labels. */
class Facts {
  private readonly linksOf = new Map<string, Link[]>();
  readonly byKind = new Map<string, string[]>();

  /** What the graph's vocabulary says of its kinds (compiled chapters and imports alike). */
  readonly edgeKinds: ReadonlyMap<string, KindInfo>;
  private readonly nodeKinds: ReadonlyMap<string, KindInfo>;

  constructor(readonly graph: LinkageGraph) {
    const kinds = (list: unknown) => new Map((Array.isArray(list) ? (list as KindInfo[]) : []).map((k) => [k.id, k]));
    this.edgeKinds = kinds(graph.getAttribute('edgeKinds'));
    this.nodeKinds = kinds(graph.getAttribute('nodeKinds'));
    graph.forEachNode((key, attrs) => {
      this.linksOf.set(key, []);
      const kind = typeof attrs.kind === 'string' ? attrs.kind : '';
      const list = this.byKind.get(kind);
      if (list) list.push(key);
      else this.byKind.set(kind, [key]);
    });
    graph.forEachEdge((edge, attrs, source, target) => {
      if (source === target) return;
      const kind = typeof attrs.kind === 'string' ? attrs.kind : '';
      this.linksOf.get(source)!.push({ edge, other: target, kind, out: true });
      this.linksOf.get(target)!.push({ edge, other: source, kind, out: false });
    });
  }

  links(node: string): readonly Link[] {
    return this.linksOf.get(node) ?? [];
  }

  kind(node: string): string {
    const k = this.graph.getNodeAttribute(node, 'kind');
    return typeof k === 'string' ? k : '';
  }

  /** Structure, not content (the chapter, its sections): path questions avoid it. */
  structural(node: string): boolean {
    return this.nodeKinds.get(this.kind(node))?.structural === true;
  }

  /** A catch-all kind whose members are not safe look-alikes. */
  broad(kind: string): boolean {
    return this.nodeKinds.get(kind)?.broad === true;
  }

  /** True when links of `kind` read the same both ways. */
  symmetric(kind: string): boolean {
    return this.edgeKinds.get(kind)?.symmetric === true;
  }

  /** Nodes linked to `node` by `kind`; `out` true: `node` is the source, false: the target, null: either. */
  related(node: string, kind: string, out: boolean | null): string[] {
    const result: string[] = [];
    for (const l of this.links(node)) if (l.kind === kind && (out === null || l.out === out)) result.push(l.other);
    return result;
  }

  /** Every neighbour of `node` except through `contrasts` links (an opposite is no synonym). */
  closeNeighbours(node: string): string[] {
    return this.links(node)
      .filter((l) => l.kind !== 'contrasts')
      .map((l) => l.other);
  }

  /**
   * What `node` stands against: its `contrasts` neighbours and, when it is a pole of a
   * transformation, the transformation's other pole(s).
   */
  opposites(node: string): Set<string> {
    const out = new Set(this.related(node, 'contrasts', null));
    for (const l of this.links(node)) {
      if (l.out || (l.kind !== 'from' && l.kind !== 'to')) continue;
      for (const pole of [...this.related(l.other, 'from', true), ...this.related(l.other, 'to', true)]) {
        if (pole !== node) out.add(pole);
      }
    }
    return out;
  }

  /**
   * Undirected distances from `start` over links of likeness (kinds not marked `likeness: false`),
   * never through structural nodes. Unreached nodes are absent.
   */
  distances(start: string): Map<string, number> {
    const dist = new Map<string, number>([[start, 0]]);
    let layer = [start];
    for (let d = 1; layer.length > 0; d++) {
      const next: string[] = [];
      for (const u of layer) {
        for (const l of this.links(u)) {
          if (this.edgeKinds.get(l.kind)?.likeness === false || dist.has(l.other) || this.structural(l.other)) continue;
          dist.set(l.other, d);
          next.push(l.other);
        }
      }
      layer = next;
    }
    return dist;
  }

  private campOf: Map<string, 1 | -1> | null = null;

  /**
   * The side of the graph's main opposition a node stands on (1 or -1; 0 when neither or both).
   * The main opposition is the `contrasts` or `impacts` link between the best-linked pair
   * (電子政務 沖擊 傳統行政 in the chapter); a node is on the side it is nearer to by links of likeness.
   */
  camp(node: string): 1 | -1 | 0 {
    if (this.campOf === null) {
      this.campOf = new Map();
      let best: [string, string] | null = null;
      let bestDegree = -1;
      this.graph.forEachEdge((_e, attrs, source, target) => {
        if (this.edgeKinds.get(attrs.kind)?.opposing !== true || source === target) return;
        const degree = this.links(source).length + this.links(target).length;
        if (degree > bestDegree) {
          bestDegree = degree;
          best = [source, target];
        }
      });
      if (best !== null) {
        const [a, b] = best as [string, string];
        const da = this.distances(a);
        const db = this.distances(b);
        // Clearly on one side: near it (≤ CAMP_NEAR links) and nearer to it by CAMP_MARGIN.
        for (const key of new Set([...da.keys(), ...db.keys()])) {
          const d = da.get(key) ?? Infinity;
          const e = db.get(key) ?? Infinity;
          if (Math.min(d, e) > CAMP_NEAR || Math.abs(d - e) < CAMP_MARGIN) continue;
          this.campOf.set(key, d < e ? 1 : -1);
        }
      }
    }
    return this.campOf.get(node) ?? 0;
  }

  /** True when the graph has a main opposition, so that sides can be told. */
  hasCamps(): boolean {
    this.camp('');
    return (this.campOf?.size ?? 0) > 0;
  }

  /** The node's labels in the three scripts (lower-cased, trimmed), for telling options apart. */
  labels(node: string): string[] {
    const attrs = this.graph.getNodeAttributes(node);
    return LANGS.map((lang) => (nodeLabel(attrs, lang) || node).trim().toLowerCase());
  }
}

/** True when two nodes read differently in every script. */
function distinctLabels(facts: Facts, a: string, b: string): boolean {
  const la = facts.labels(a);
  const lb = facts.labels(b);
  return la.every((l, i) => l !== lb[i]);
}

/**
 * Picks up to `count` distractors: first from `preferred` (plausible ones), then from `rest`,
 * each shuffled; every pick reads differently from the answer and from the other picks.
 */
function pickDistractors(facts: Facts, rnd: Random, answer: string, preferred: string[], rest: string[], count: number): string[] {
  const picked: string[] = [];
  for (const pool of [rnd.shuffle(preferred), rnd.shuffle(rest)]) {
    for (const d of pool) {
      if (picked.length >= count) return picked;
      if (distinctLabels(facts, d, answer) && picked.every((p) => distinctLabels(facts, p, d))) picked.push(d);
    }
  }
  return picked;
}

/**
 * The nodes that would answer a relation question on `subject` correctly: those linked to it by
 * `kind` in the asked direction (either direction for symmetric kinds).
 */
function correctOf(facts: Facts, subject: string, kind: string, blank: Blank): Set<string> {
  // blank 'target': subject —kind→ answer, so the subject is the source (out = true).
  return new Set(facts.related(subject, kind, facts.symmetric(kind) ? null : blank === 'target'));
}

/**
 * Everything that a careful reader could defend as right, beyond the strict answers: what the
 * subject's equivalents (its echoes, its genus and species via `instance-of`) relate to in the
 * same way, members (`contains`) of those, and the echoes of every one of them.
 */
function nearCorrect(facts: Facts, subject: string, kind: string, blank: Blank, correct: Set<string>): Set<string> {
  const near = new Set(correct);
  const equivalents = new Set([subject, ...facts.related(subject, 'echoes', null), ...facts.related(subject, 'instance-of', null)]);
  for (const e of equivalents) {
    for (const x of correctOf(facts, e, kind, blank)) {
      near.add(x);
      for (const member of facts.related(x, 'contains', true)) near.add(member);
    }
  }
  for (const x of [...near]) for (const echo of facts.related(x, 'echoes', null)) near.add(echo);
  near.delete(subject);
  return near;
}

/** Builds one relation question, or null when not enough safe distractors exist. */
function relationQuestion(
  facts: Facts,
  rnd: Random,
  type: RelationType,
  edge: string,
  blank: Blank,
  maxOptions: number,
): RelationQuestion | null {
  const { graph } = facts;
  const source = graph.source(edge);
  const target = graph.target(edge);
  if (source === target) return null;
  const kind = graph.getEdgeAttribute(edge, 'kind');
  const subject = blank === 'target' ? source : target;
  const answer = blank === 'target' ? target : source;
  const answerKind = facts.kind(answer);
  const symmetric = facts.symmetric(kind);

  // 1. What must never be offered: right answers, near-right ones, neighbours of either.
  const correct = correctOf(facts, subject, kind, blank);
  const banned = nearCorrect(facts, subject, kind, blank, correct);
  banned.add(subject);
  for (const n of facts.closeNeighbours(subject)) banned.add(n);
  for (const c of correct) for (const n of facts.closeNeighbours(c)) banned.add(n);
  if (type === 'pole') {
    // The other pole is in the prompt already.
    for (const p of [...facts.related(subject, 'from', true), ...facts.related(subject, 'to', true)]) banned.add(p);
  }
  const opposites = facts.opposites(subject);
  // 2. A "which of these is a … of X" question offers nothing that is a … of anything else
  //    (other than X's opposites): a drawback of a neighbouring system is too close to call.
  const strict = blank === 'source' && !symmetric;

  // 3. A judgement among varied items needs distractors that are plainly on the other side:
  //    for "which is a … of X" and "what does X echo", the side opposite X; for "what stands
  //    against X", X's own side. In a graph without sides, only items far from both X and the
  //    answer.
  const judged = SEMANTIC.has(type) && (type === 'tension' || facts.broad(answerKind));
  const side = facts.camp(subject);
  // A judgement about an item on neither side of a graph that has sides is too close to call.
  if (judged && side === 0 && facts.hasCamps()) return null;
  let far: ((d: string) => boolean) | null = null;
  if (judged && side === 0) {
    const fromSubject = facts.distances(subject);
    const fromAnswer = facts.distances(answer);
    far = (d) => (fromSubject.get(d) ?? Infinity) >= FAR && (fromAnswer.get(d) ?? Infinity) >= FAR;
  }
  const sideOk = (d: string): boolean => {
    if (!judged) return true;
    if (far) return far(d);
    return type === 'tension' ? facts.camp(d) === side : facts.camp(d) === -side;
  };

  // 4. Candidates of the answer's kind; plausible ones first.
  const preferred: string[] = [];
  const rest: string[] = [];
  const nearOpposite = new Set<string>();
  for (const o of opposites) for (const n of facts.links(o)) nearOpposite.add(n.other);
  for (const d of facts.byKind.get(answerKind) ?? []) {
    if (d === answer || banned.has(d) || !sideOk(d)) continue;
    const ownLinks = facts.related(d, kind, symmetric ? null : blank === 'source');
    if (strict && ownLinks.some((x) => !opposites.has(x))) continue;
    const plausible = strict ? nearOpposite.has(d) || ownLinks.length > 0 : ownLinks.length > 0;
    (plausible ? preferred : rest).push(d);
  }
  const distractors = pickDistractors(facts, rnd, answer, preferred, rest, maxOptions - 1);
  if (distractors.length < MIN_OPTIONS - 1) return null;
  const slides = graph.getEdgeAttribute(edge, 'slides');
  return {
    id: `${type}:${edge}:${blank}`,
    type,
    edge,
    kind,
    subject,
    blank,
    answer,
    options: rnd.shuffle([answer, ...distractors]),
    slides: Array.isArray(slides) ? [...slides].sort((a, b) => a - b) : [],
    nodes: [subject, answer],
  };
}

/** Breadth-first distances from `start` over undirected links, and the number of shortest node chains (capped at 2). */
function bfsCounts(facts: Facts, index: PathIndex, start: string): { dist: Int32Array; count: Uint8Array } {
  const n = index.nodeKeys.length;
  const dist = new Int32Array(n).fill(-1);
  const count = new Uint8Array(n);
  const s = index.nodeOrdinals.get(start)!;
  dist[s] = 0;
  count[s] = 1;
  let layer = [s];
  while (layer.length > 0) {
    const next: number[] = [];
    for (const u of layer) {
      const seen = new Set<number>();
      for (const l of facts.links(index.nodeKeys[u]!)) {
        const v = index.nodeOrdinals.get(l.other)!;
        if (seen.has(v)) continue; // parallel edges: one neighbour
        seen.add(v);
        if (dist[v] === -1) {
          dist[v] = dist[u]! + 1;
          next.push(v);
        }
        if (dist[v] === dist[u]! + 1) count[v] = Math.min(2, count[v]! + count[u]!);
      }
    }
    layer = next;
  }
  return { dist, count };
}

/** Path questions: pairs 2–3 steps apart joined by exactly one shortest chain, away from structural hubs. */
function pathQuestions(facts: Facts, rnd: Random, maxPaths: number, maxOptions: number): PathQuestion[] {
  const { graph } = facts;
  if (maxPaths < 1 || graph.order < 3) return [];
  const index = buildPathIndex(graph);
  const starts = rnd.shuffle(index.nodeKeys.filter((k) => !facts.structural(k) && facts.links(k).length > 0));
  const attempts = Math.min(starts.length, maxPaths * 4);
  const used = new Set<string>();
  const out: PathQuestion[] = [];
  for (let a = 0; a < attempts && out.length < maxPaths; a++) {
    const from = starts[a]!;
    const { dist, count } = bfsCounts(facts, index, from);
    const ends: string[] = [];
    const crossSection: string[] = [];
    const fromSection = graph.getNodeAttribute(from, 'section');
    index.nodeKeys.forEach((key, i) => {
      const d = dist[i]!;
      if ((d !== 2 && d !== 3) || count[i] !== 1 || facts.structural(key)) return;
      if (used.has(`${from}~${key}`) || used.has(`${key}~${from}`)) return;
      ends.push(key);
      const section = graph.getNodeAttribute(key, 'section');
      if (fromSection && section && section !== fromSection) crossSection.push(key);
    });
    // Prefer ends in another section: linking across sections is what revision by linkage is for.
    for (const to of [...rnd.shuffle(crossSection), ...rnd.shuffle(ends)]) {
      const chains = shortestPaths(graph, from, to, { max: 2, index });
      if (chains.length !== 1) continue;
      const chain = chains[0]!;
      if (chain.nodes.slice(1, -1).some((k) => facts.structural(k))) continue;
      const q = pathQuestion(facts, rnd, index, chain, maxOptions);
      if (!q) continue;
      used.add(`${from}~${to}`);
      out.push(q);
      break;
    }
  }
  return out;
}

function pathQuestion(facts: Facts, rnd: Random, index: PathIndex, chain: PathChain, maxOptions: number): PathQuestion | null {
  const { graph } = facts;
  const from = chain.nodes[0]!;
  const to = chain.nodes[chain.nodes.length - 1]!;
  const toDist = bfsCounts(facts, index, to).dist;
  const steps: Choice[] = [];
  for (let i = 1; i < chain.nodes.length - 1; i++) {
    const answer = chain.nodes[i]!;
    const prev = chain.nodes[i - 1]!;
    const remaining = chain.nodes.length - 1 - i;
    const onChain = new Set(chain.nodes);
    // A wrong next step: not on the chain, and not a neighbour of `prev` as close to `to` (that
    // would be another shortest chain, which the pair was chosen not to have).
    const wrong = (d: string): boolean => {
      if (onChain.has(d)) return false;
      const adjacent = facts.links(prev).some((l) => l.other === d);
      return !(adjacent && toDist[index.nodeOrdinals.get(d)!] === remaining);
    };
    const kind = facts.kind(answer);
    const neighbours = [...new Set(facts.links(prev).map((l) => l.other))].filter((d) => facts.kind(d) === kind && wrong(d));
    const near = new Set(neighbours);
    const others = (facts.byKind.get(kind) ?? []).filter((d) => !near.has(d) && wrong(d));
    const distractors = pickDistractors(facts, rnd, answer, neighbours, others, maxOptions - 1);
    if (distractors.length < MIN_OPTIONS - 1) return null;
    steps.push({ answer, options: rnd.shuffle([answer, ...distractors]) });
  }
  const slides = new Set<number>();
  for (const step of chain.steps) {
    const s = graph.getEdgeAttribute(step.edge, 'slides');
    if (Array.isArray(s)) for (const n of s) slides.add(n);
  }
  return {
    id: `path:${from}~${to}`,
    type: 'path',
    from,
    to,
    chain,
    steps,
    slides: [...slides].sort((a, b) => a - b),
    nodes: [...chain.nodes],
  };
}

/**
 * Every question the graph supports, in a seeded order (same graph and seed: same deck).
 * Graphs without the typed edge kinds still get path questions; an empty result means nothing
 * can be asked.
 */
export function generateQuestions(graph: LinkageGraph, options: QuizOptions = {}): Question[] {
  const seed = options.seed ?? DEFAULTS.seed;
  const maxOptions = Math.max(MIN_OPTIONS, Math.floor(options.maxOptions ?? DEFAULTS.maxOptions));
  const types = new Set(options.types ?? QUESTION_TYPES);
  const facts = new Facts(graph);
  const rnd = createRandom(typeof seed === 'number' ? seed : String(seed));
  const questions: Question[] = [];

  // 1. One question per typed edge (and per end for symmetric kinds), in graph order.
  graph.forEachEdge((edge, attrs, source) => {
    const rule = facts.edgeKinds.get(attrs.kind)?.question;
    if (!rule || !types.has(rule.type)) return;
    // A pole question needs a transformation: one `from` and one `to` edge.
    if (rule.type === 'pole' && (facts.related(source, 'from', true).length !== 1 || facts.related(source, 'to', true).length !== 1)) return;
    for (const blank of rule.ask) {
      const q = relationQuestion(facts, rnd, rule.type, edge, blank, maxOptions);
      if (q) questions.push(q);
    }
  });
  // 2. Path questions.
  if (types.has('path')) questions.push(...pathQuestions(facts, rnd, Math.floor(options.maxPaths ?? DEFAULTS.maxPaths), maxOptions));
  // 3. A seeded order, so that a round mixes the types.
  return rnd.shuffle(questions);
}

/** How many questions of each type a deck holds. */
export function countByType(questions: readonly Question[]): Record<QuestionType, number> {
  const counts = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  for (const q of questions) counts[q.type] += 1;
  return counts;
}

/** A piece of a prompt: text, a named concept, or the blank to fill. */
export type PromptPart = { readonly text: string } | { readonly node: string; readonly text: string } | { readonly blank: true };

function label(graph: LinkageGraph, key: string, lang: Lang): string {
  return nodeLabel(graph.getNodeAttributes(key), lang) || key;
}

/** Label of a node in `lang` (the key when it has none). */
export function optionLabel(graph: LinkageGraph, key: string, lang: Lang): string {
  return graph.hasNode(key) ? label(graph, key, lang) : key;
}

/**
 * The prompt of a relation question in `lang`: the tested edge read as a sentence with the
 * asked end blanked. A transformation's pole is blanked inside its own name when the name holds
 * it (`行政過程由＿＿＿向行政公開轉化`); in English, the transformation's dimension frames it.
 */
export function promptParts(graph: LinkageGraph, q: RelationQuestion, lang: Lang): PromptPart[] {
  if (q.type === 'pole') {
    const pole = polePrompt(graph, q, lang);
    if (pole) return pole;
  }
  // The realised sentence (case, agreement, zh tails), then the asked end blanked.
  const parts = edgeSentence(graph, q.edge, lang).parts;
  const hidden = q.blank === 'source' ? 'source' : 'target';
  return parts.map((p) => ('node' in p ? (p.role === hidden ? { blank: true as const } : { node: p.node, text: p.text }) : { text: p.text }));
}

/** A node's English label in its sentence case form (as written for imported graphs). */
function enLabel(graph: LinkageGraph, key: string, at: 'start' | 'inside'): string {
  const attrs = graph.getNodeAttributes(key);
  const text = label(graph, key, 'en');
  return text === attrs.labelEn ? enCase(text, attrs.enName, at) : text;
}

function polePrompt(graph: LinkageGraph, q: RelationQuestion, lang: Lang): PromptPart[] | null {
  const name = label(graph, q.subject, lang);
  const answer = label(graph, q.answer, lang);
  const at = name.indexOf(answer);
  if (lang !== 'en' && answer !== '' && at >= 0 && name.indexOf(answer, at + 1) < 0) {
    const parts: PromptPart[] = [];
    if (at > 0) parts.push({ text: name.slice(0, at) });
    parts.push({ blank: true });
    if (at + answer.length < name.length) parts.push({ text: name.slice(at + answer.length) });
    return parts;
  }
  if (lang === 'en') {
    const dims = graph.filterInEdges(q.subject, (_e, a) => a.kind === 'dimension-of').map((e) => graph.source(e));
    const from = graph.filterOutEdges(q.subject, (_e, a) => a.kind === 'from').map((e) => graph.target(e));
    const to = graph.filterOutEdges(q.subject, (_e, a) => a.kind === 'to').map((e) => graph.target(e));
    if (dims.length === 1 && from.length === 1 && to.length === 1) {
      const dim = dims[0]!;
      const asked = q.kind === 'from' ? 'from' : 'to';
      const other = asked === 'from' ? to[0]! : from[0]!;
      const otherPart: PromptPart = { node: other, text: enLabel(graph, other, 'inside') };
      const dimPart: PromptPart = { node: dim, text: enLabel(graph, dim, 'start') };
      return asked === 'from'
        ? [dimPart, { text: ': from ' }, { blank: true }, { text: ' to ' }, otherPart]
        : [dimPart, { text: ': from ' }, otherPart, { text: ' to ' }, { blank: true }];
    }
  }
  return null;
}

/** A prompt as plain text in `lang`, the blank shown as {@link blankText}. */
export function promptText(parts: readonly PromptPart[], lang: Lang): string {
  return parts.map((p) => ('blank' in p ? blankText(lang) : p.text)).join('');
}

/** The sentences that answer a question: the tested edge, or each step of the chain. */
export function answerSentences(graph: LinkageGraph, q: Question, lang: Lang): Array<EdgeSentence | PathSentence> {
  return q.type === 'path' ? pathSentences(graph, q.chain, lang) : [edgeSentence(graph, q.edge, lang)];
}
