/**
 * Labels and linking phrases in the reader's script, and every edge read as a sentence
 * (`source <phrase> target`, or `source <before> target <after>` when the phrase holds `…`).
 */
import type { EdgeAttrs, LinkageGraph, NodeAttrs } from './types';

/** The three scripts the app speaks, in menu order. */
export const LANGS = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** True when `value` is one of {@link LANGS}. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The mark in a linking phrase where the target goes (`是…的弊端`). */
export const TARGET_MARK = '…';

type LabelFields = Pick<NodeAttrs, 'label' | 'labelHans' | 'labelEn'>;
type PhraseFields = Pick<EdgeAttrs, 'kind' | 'labelZh' | 'labelHans' | 'labelEn'>;

function firstText(a: unknown, b: unknown, c: unknown): string {
  if (typeof a === 'string' && a !== '') return a;
  if (typeof b === 'string' && b !== '') return b;
  if (typeof c === 'string' && c !== '') return c;
  return '';
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
  /** Source label in the sentence's language. */
  readonly source: string;
  /** The linking phrase as stored (may contain `…`). */
  readonly phrase: string;
  /** Target label in the sentence's language. */
  readonly target: string;
  /** The whole sentence; equals the concatenated `parts` texts. */
  readonly text: string;
  /** The sentence in pieces, so a view can render source and target as links. */
  readonly parts: readonly SentencePart[];
  readonly slides: readonly number[];
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

/** Joins zh pieces without spaces, except between two non-CJK runs (`A` + `B` → `A B`). */
function zhGlue(left: string, right: string): string {
  if (left === '' || right === '') return '';
  const a = left[left.length - 1] ?? '';
  const b = right[0] ?? '';
  if (/\s/.test(a) || /\s/.test(b)) return '';
  return CJK.test(a) || CJK.test(b) ? '' : ' ';
}

/**
 * The parts of the sentence `source <phrase> target` in `lang`. In zh the pieces join without
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
  const mark = phraseText.indexOf(TARGET_MARK);
  const before = (mark < 0 ? phraseText : phraseText.slice(0, mark)).trim();
  const after = mark < 0 ? '' : phraseText.slice(mark + TARGET_MARK.length).trim();
  const pieces: SentencePart[] = [{ node: sourceKey, role: 'source', text: sourceLabel }];
  if (before !== '') pieces.push({ text: before });
  pieces.push({ node: targetKey, role: 'target', text: targetLabel });
  if (after !== '') pieces.push({ text: after });
  const out: SentencePart[] = [];
  let prev = '';
  for (const piece of pieces) {
    const glue = lang === 'en' ? (prev === '' || piece.text === '' ? '' : ' ') : zhGlue(prev, piece.text);
    const last = out[out.length - 1];
    if (glue === '') out.push(piece);
    else if (last !== undefined && !('node' in last)) {
      out[out.length - 1] = { text: last.text + glue };
      out.push(piece);
    } else if (!('node' in piece)) out.push({ text: glue + piece.text });
    else out.push({ text: glue }, piece);
    if (piece.text !== '') prev = piece.text;
  }
  return out;
}

/** Reads one edge of `graph` as a sentence in `lang`. Throws when the edge does not exist. */
export function edgeSentence(graph: LinkageGraph, edgeKey: string, lang: Lang): EdgeSentence {
  if (!graph.hasEdge(edgeKey)) {
    throw new Error(`linkage/sentence: no edge "${edgeKey}" in the graph.`);
  }
  const attrs = graph.getEdgeAttributes(edgeKey);
  const sourceKey = graph.source(edgeKey);
  const targetKey = graph.target(edgeKey);
  const source = nodeLabel(graph.getNodeAttributes(sourceKey), lang) || sourceKey;
  const target = nodeLabel(graph.getNodeAttributes(targetKey), lang) || targetKey;
  const phraseText = phrase(attrs, lang);
  const parts = sentenceParts(sourceKey, source, phraseText, targetKey, target, lang);
  let text = '';
  for (const part of parts) text += part.text;
  return {
    edge: edgeKey,
    sourceKey,
    targetKey,
    source,
    phrase: phraseText,
    target,
    text,
    parts,
    slides: Array.isArray(attrs.slides) ? attrs.slides : [],
  };
}
