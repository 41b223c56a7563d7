/**
 * Labels and linking phrases in the reader's script, and every edge read as a sentence
 * (`source <phrase> target`, or `source <before> target <after>` when the phrase holds `…`),
 * through the sentence realiser (realise.ts): the one way the app reads an edge.
 */
import { realise, type Concept, type RealiseIssue } from './realise';
import type { EdgeAttrs, LinkageGraph, NodeAttrs } from './types';

export { TARGET_MARK } from './realise';

/** The three scripts the app speaks, in menu order. */
export const LANGS = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** True when `value` is one of {@link LANGS}. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

type LabelFields = Pick<NodeAttrs, 'label' | 'labelHans' | 'labelEn'>;
type PhraseFields = Pick<EdgeAttrs, 'kind' | 'labelZh' | 'labelHans' | 'labelEn'>;

function firstText(a: unknown, b: unknown, c: unknown): string {
  if (typeof a === 'string' && a !== '') return a;
  if (typeof b === 'string' && b !== '') return b;
  if (typeof c === 'string' && c !== '') return c;
  return '';
}

/**
 * The name the map draws for a node in `lang`: its label, or in English the shorter map name
 * when the chapter gives one (`short:`, compiled `mapEn`).
 */
export function mapName(attrs: Partial<LabelFields> & { mapEn?: unknown }, lang: Lang): string {
  if (lang === 'en' && typeof attrs.mapEn === 'string' && attrs.mapEn !== '') return attrs.mapEn;
  return nodeLabel(attrs, lang);
}

/**
 * A node's label in `lang`, falling back to another script when that one is missing
 * (imported graphs often carry one label only). Returns '' when the node has no label at all.
 */
export function nodeLabel(attrs: Partial<LabelFields>, lang: Lang): string {
  switch (lang) {
    case 'zh-Hant':
      return firstText(attrs.label, attrs.labelHans, attrs.labelEn);
    case 'zh-Hans':
      return firstText(attrs.labelHans, attrs.label, attrs.labelEn);
    case 'en':
      return firstText(attrs.labelEn, attrs.label, attrs.labelHans);
  }
}

/**
 * An edge's linking phrase in `lang` (may contain {@link TARGET_MARK}), falling back to another
 * script, then to the edge kind, then to `→`.
 */
export function phrase(attrs: Partial<PhraseFields>, lang: Lang): string {
  let text: string;
  switch (lang) {
    case 'zh-Hant':
      text = firstText(attrs.labelZh, attrs.labelHans, attrs.labelEn);
      break;
    case 'zh-Hans':
      text = firstText(attrs.labelHans, attrs.labelZh, attrs.labelEn);
      break;
    case 'en':
      text = firstText(attrs.labelEn, attrs.labelZh, attrs.labelHans);
      break;
  }
  return text !== '' ? text : firstText(attrs.kind, '→', '');
}

/** One piece of a sentence: plain text, or a node the view may render as a link. */
export type SentencePart =
  | { readonly text: string }
  | { readonly node: string; readonly role: 'source' | 'target'; readonly text: string };

/** An edge read as a sentence. */
export interface EdgeSentence {
  readonly edge: string;
  readonly sourceKey: string;
  readonly targetKey: string;
  /** Source label as it stands in the sentence (English: capital first, unless imported). */
  readonly source: string;
  /** The linking phrase as stored (may contain `…`; English in the singular form). */
  readonly phrase: string;
  /** Target label as it stands in the sentence (English: lower-cased unless a name, unless imported). */
  readonly target: string;
  /** Source and target labels as written, in the sentence's language. */
  readonly sourceLabel: string;
  readonly targetLabel: string;
  /** The whole sentence; equals the concatenated `parts` texts. */
  readonly text: string;
  /** The sentence in pieces, so a view can render source and target as links. */
  readonly parts: readonly SentencePart[];
  readonly slides: readonly number[];
  /** What the realiser could not build as its rules want (the lint reports these). */
  readonly issues: readonly RealiseIssue[];
}

/**
 * The parts of the sentence `source <phrase> target` in `lang`, the labels taken as written (no
 * case or agreement: use {@link edgeSentence} for a graph's edge). In zh the pieces join without
 * spaces (`A是B的弊端`, `A包含B`); in English with single spaces.
 */
export function sentenceParts(
  sourceKey: string,
  sourceLabel: string,
  phraseText: string,
  targetKey: string,
  targetLabel: string,
  lang: Lang,
): SentencePart[] {
  return realise({ key: sourceKey, label: sourceLabel }, phraseText, { key: targetKey, label: targetLabel }, lang).parts;
}

/**
 * A node as the realiser sees it. English grammar only for nodes of a compiled Linkage chapter,
 * which carry `enName` and `enPlural`; an imported node's label stays as written.
 */
function conceptOf(key: string, attrs: Partial<NodeAttrs>, lang: Lang): Concept {
  const label = nodeLabel(attrs, lang) || key;
  if (lang !== 'en' || typeof attrs.enName !== 'boolean' || label !== attrs.labelEn) return { key, label };
  return { key, label, name: attrs.enName, plural: attrs.enPlural === true };
}

/** Reads one edge of `graph` as a sentence in `lang`. Throws when the edge does not exist. */
export function edgeSentence(graph: LinkageGraph, edgeKey: string, lang: Lang): EdgeSentence {
  if (!graph.hasEdge(edgeKey)) {
    throw new Error(`linkage/sentence: no edge "${edgeKey}" in the graph.`);
  }
  const attrs = graph.getEdgeAttributes(edgeKey);
  const sourceKey = graph.source(edgeKey);
  const targetKey = graph.target(edgeKey);
  const source = conceptOf(sourceKey, graph.getNodeAttributes(sourceKey), lang);
  const target = conceptOf(targetKey, graph.getNodeAttributes(targetKey), lang);
  const phraseText = phrase(attrs, lang);
  const r = realise(source, phraseText, target, lang, lang === 'en' && phraseText === attrs.labelEn ? attrs.labelEnPlural : undefined);
  return {
    edge: edgeKey,
    sourceKey,
    targetKey,
    source: r.source,
    phrase: phraseText,
    target: r.target,
    sourceLabel: source.label,
    targetLabel: target.label,
    text: r.text,
    parts: r.parts,
    slides: Array.isArray(attrs.slides) ? attrs.slides : [],
    issues: r.issues,
  };
}
