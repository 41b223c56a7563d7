/**
 * Lint: what a valid chapter may still get wrong as teaching material — one-way phrases on
 * symmetric links, links between labels that hold each other, nodes no link uses, English labels
 * that are not noun phrases, sentences the realiser cannot build. Located warnings, like errors.
 */
import type { AuthoredEdge, AuthoredNode, ParsedFile } from './authored';
import { formatPath, type GraphError } from './errors';
import { notNounPhrase } from './lint-label';
import { isPluralLabel, realise, type Concept } from './realise';
import { SHORT_MAX } from './validate';
import { SHARED_VOCABULARY, type Vocabulary } from './vocabulary';

/** The lint rules, in the order graph/README.md lists them. */
export const LINT_RULES = ['symmetric-phrase', 'contained-label', 'unused-node', 'not-noun-phrase', 'sentence', 'map-name'] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** A located warning, formatted like an error (`formatError`), with what it is about. */
export interface LintWarning extends GraphError {
  rule: LintRule;
  /** The node id or edge index the warning is about. */
  node?: string;
  edge?: number;
}

/** A zh phrase for a symmetric kind: comitative 與/和/同/跟 + target + reciprocal 相/互/彼此 (`與…相呼應`). */
const RECIPROCAL_ZH = /^(與|与|和|同|跟)…(相|互|彼此)/u;
/** English verbs that read the same both ways without `with`. */
const RECIPROCAL_EN = new Set(['echoes', 'mirrors', 'parallels', 'matches', 'resembles', 'complements', 'corresponds to', 'is akin to', 'is the counterpart of']);

/** The English form of an authored node as the realiser sees it (the compiled `enName` / `enPlural`). */
export function authoredConcept(n: AuthoredNode, lang: 'zh-Hant' | 'en'): Concept {
  if (lang !== 'en') return { key: n.id, label: n.label };
  return { key: n.id, label: n.en, name: n.name === true, plural: isPluralLabel(n.en, n.name === true, n.number) };
}

/** An authored edge's phrase in zh-Hant or English: its override or its kind's default. */
export function authoredPhrase(e: AuthoredEdge, lang: 'zh-Hant' | 'en', vocabulary: Vocabulary = SHARED_VOCABULARY): string {
  const phrase = vocabulary.edgeKinds[e.kind]!.phrase;
  return lang === 'en' ? (e.en ?? phrase.en) : (e.zh ?? phrase.zh);
}

/** The English phrase after a plural subject when the vocabulary gives it (the kind's default phrase). */
export function authoredPlural(e: AuthoredEdge, vocabulary: Vocabulary = SHARED_VOCABULARY): string | undefined {
  return e.en === undefined ? vocabulary.edgeKinds[e.kind]!.phrase.enPlural : undefined;
}

/** The directed kind whose default phrase a one-way phrase matches (沖擊 → impacts). */
function directedKindFor(phrase: string, lang: 'zh' | 'en', vocabulary: Vocabulary): string | null {
  const p = phrase.replace(/了$/u, '').trim().toLowerCase();
  const hit = Object.entries(vocabulary.edgeKinds).find(([, k]) => !k.symmetric && !k.vague && k.phrase[lang].toLowerCase() === p);
  return hit ? hit[0] : null;
}

/** Lower-case words of an English label without a leading article. */
function enWords(label: string): string[] {
  const w = label.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter((x) => x !== '');
  return w[0] === 'the' || w[0] === 'a' || w[0] === 'an' ? w.slice(1) : w;
}

/** True when the word sequence `inner` stands inside `outer`. */
function holdsWords(outer: string[], inner: string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((w, j) => outer[i + j] === w)) return true;
  return false;
}

/**
 * Lints a parsed file that `validateGraph` accepted (call it only then). Returns warnings sorted
 * by line; never throws.
 */
export function lintGraph(parsed: ParsedFile, vocabulary: Vocabulary = SHARED_VOCABULARY): LintWarning[] {
  const out: LintWarning[] = [];
  const { nodes, edges } = parsed.graph;
  const locate = (path: Array<string | number>) => {
    try {
      const { line, col } = parsed.locate(path);
      return { line: Math.max(1, line | 0), col: Math.max(1, col | 0) };
    } catch {
      return { line: 1, col: 1 };
    }
  };
  const warn = (rule: LintRule, path: Array<string | number>, message: string, about: { node?: string; edge?: number }) => {
    out.push({ file: parsed.file, ...locate(path), path: formatPath(path), message, rule, ...about });
  };
  const byId = new Map(nodes.map((n) => [n.id, n]));

  edges.forEach((e, i) => {
    const def = vocabulary.edgeKinds[e.kind];
    if (!def) return;
    const kind = e.kind;
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) return;

    // (a) A symmetric kind whose own phrase reads one way.
    if (def.symmetric) {
      if (e.zh !== undefined && !RECIPROCAL_ZH.test(e.zh.trim())) {
        const other = directedKindFor(e.zh, 'zh', vocabulary);
        const ab = realise(authoredConcept(s, 'zh-Hant'), e.zh, authoredConcept(t, 'zh-Hant'), 'zh-Hant').text;
        const ba = realise(authoredConcept(t, 'zh-Hant'), e.zh, authoredConcept(s, 'zh-Hant'), 'zh-Hant').text;
        warn('symmetric-phrase', ['edges', i, 'zh'], `"${kind}" reads both ways, but the phrase "${e.zh}" reads one way (「${ab}」 is not 「${ba}」): ${other ? `use the directed kind ${other} (${vocabulary.edgeKinds[other]!.phrase.zh})` : 'use a directed kind'}, or a reciprocal phrase 與…相X`, { edge: i });
      }
      if (e.en !== undefined && !/\bwith$/i.test(e.en.trim()) && !RECIPROCAL_EN.has(e.en.trim().toLowerCase())) {
        const other = directedKindFor(e.en, 'en', vocabulary);
        warn('symmetric-phrase', ['edges', i, 'en'], `"${kind}" reads both ways, but the phrase "${e.en}" reads one way: ${other ? `use the directed kind ${other} ("${vocabulary.edgeKinds[other]!.phrase.en}")` : 'use a directed kind'}, or a reciprocal phrase ending in "with"`, { edge: i });
      }
    }

    // (b) Labels that hold each other, under a vague kind.
    if (def.vague) {
      const where: string[] = [];
      if (s.label.includes(t.label) || t.label.includes(s.label)) where.push(`「${s.label.length >= t.label.length ? t.label : s.label}」 in 「${s.label.length >= t.label.length ? s.label : t.label}」`);
      const sw = enWords(s.en);
      const tw = enWords(t.en);
      if (holdsWords(sw, tw) || holdsWords(tw, sw)) where.push(`"${sw.length >= tw.length ? t.en : s.en}" in "${sw.length >= tw.length ? s.en : t.en}"`);
      if (where.length > 0) {
        warn('contained-label', ['edges', i], `${e.source} -${kind}-> ${e.target}: one label holds the other (${where.join('; ')}), so under the vague kind "${kind}" (${def.phrase.zh}) the link says nothing the labels do not; relabel a node, use a kind that states the relation, or drop the link`, { edge: i });
      }
    }

    // (e) Sentences the realiser cannot build.
    for (const lang of ['zh-Hant', 'en'] as const) {
      const r = realise(authoredConcept(s, lang), authoredPhrase(e, lang, vocabulary), authoredConcept(t, lang), lang, lang === 'en' ? authoredPlural(e, vocabulary) : undefined);
      for (const issue of r.issues) {
        warn('sentence', ['edges', i], `${lang === 'en' ? 'English' : '繁體'} sentence "${r.text}": ${issue.message}`, { edge: i });
      }
    }
  });

  // (c) Nodes no link uses: no edge at all, or only the `contains` of a chapter or section.
  const structural = (id: string) => {
    const k = byId.get(id)?.kind;
    return k === 'chapter' || k === 'section';
  };
  const used = new Set<string>();
  const holders = new Map<string, string[]>();
  for (const e of edges) {
    if (e.kind === 'contains' && structural(e.source)) {
      holders.set(e.target, [...(holders.get(e.target) ?? []), e.source]);
      used.add(e.source);
      continue;
    }
    used.add(e.source);
    used.add(e.target);
  }
  nodes.forEach((n, i) => {
    if (used.has(n.id) || structural(n.id)) return;
    const by = holders.get(n.id);
    warn('unused-node', ['nodes', i], by ? `node "${n.id}" is used by no link: only ${by.join(', ')} contains it; link it to what the text says about it, or drop it` : `node "${n.id}" is used by no link; link it to what the text says about it, or drop it`, { node: n.id });
  });

  // (d) English labels that are not noun phrases (names are left alone).
  nodes.forEach((n, i) => {
    if (n.name === true) return;
    const why = notNounPhrase(n.en);
    if (why) warn('not-noun-phrase', ['nodes', i, 'en'], `English label "${n.en}" is not a noun phrase: ${why}; a sentence uses it as a subject or object, so name the thing (rewrite it as a noun phrase)`, { node: n.id });
  });

  // (f) Names the map cannot draw well: an English name too long for two lines, or one name for two concepts.
  nodes.forEach((n, i) => {
    if (n.short === undefined && [...n.en].length > SHORT_MAX) {
      warn('map-name', ['nodes', i, 'en'], `English label "${n.en}" is ${[...n.en].length} characters long: the map draws at most ${SHORT_MAX} (two lines); give the node a short: name for the map`, { node: n.id });
    }
  });
  for (const [field, name] of [['label', (n: AuthoredNode) => n.label], ['short', (n: AuthoredNode) => n.short ?? n.en]] as const) {
    const first = new Map<string, string>();
    nodes.forEach((n, i) => {
      const drawn = name(n).trim().toLowerCase();
      const other = first.get(drawn);
      if (other === undefined) first.set(drawn, n.id);
      else warn('map-name', ['nodes', i, field === 'short' && n.short === undefined ? 'en' : field], `the map draws "${name(n)}" for both "${other}" and "${n.id}": give one of them another ${field === 'label' ? 'label' : 'English map name (short:)'}`, { node: n.id });
    });
  }

  return out
    .map((w, k) => ({ w, k }))
    .sort((a, b) => a.w.line - b.w.line || (a.w.col ?? 0) - (b.w.col ?? 0) || a.k - b.k)
    .map(({ w }) => w);
}
