/**
 * Small pieces shared by the HTML views: kind names, a sentence rendered with its concepts as
 * buttons that select them, the colour chip of a kind, and the note of a search that matches
 * more than the map raises.
 */
import { el } from '../dom';
import { matchesCapped, pick, slideLabel } from '../i18n/strings';
import type { Lang, SentencePart } from '../model/sentence';
import type { KindInfo, LinkageGraph, NodeBorder } from '../model/types';
import { MAX_MATCHES } from '../state/derive';
import type { Session } from '../state/session';

/** When the search matches more concepts than the map raises ({@link MAX_MATCHES}): says so and asks to narrow it; else null. */
export function searchCapNote(session: Session): string | null {
  const total = session.derived().matchTotal;
  return total > MAX_MATCHES ? matchesCapped(session.state().lang, total, MAX_MATCHES) : null;
}

/** Name of a kind in `lang`; the id when the graph does not describe it. */
export function kindName(info: KindInfo | undefined, lang: Lang, fallback: string): string {
  return info ? pick(lang, info.zh, info.zhHans, info.en) : fallback;
}

export function kindIndex(graph: LinkageGraph, which: 'nodeKinds' | 'edgeKinds'): Map<string, KindInfo> {
  return new Map((graph.getAttribute(which) ?? []).map((k) => [k.id, k]));
}

/** A round colour chip. */
export function chip(color: string, shape: 'dot' | 'line' = 'dot', border: NodeBorder = 'plain'): HTMLSpanElement {
  const c = el('span', { class: `chip chip-${shape} chip-${border}`, 'aria-hidden': 'true' });
  c.style.setProperty('--chip', color);
  return c;
}

/**
 * A sentence as inline content: each concept a button calling `onNode(key)` (except `self`,
 * shown as plain emphasised text), the linking words as text; slides cited after it.
 */
export function sentenceElement(
  parts: readonly SentencePart[],
  slides: readonly number[],
  lang: Lang,
  onNode: (key: string) => void,
  self?: string,
): HTMLSpanElement {
  const span = el('span', { class: 'sentence', lang: lang });
  for (const p of parts) {
    if ('node' in p) {
      if (p.node === self) span.append(el('strong', {}, p.text));
      else span.append(el('button', { type: 'button', class: 'concept-link', 'data-node': p.node, onclick: () => onNode(p.node) }, p.text));
    } else span.append(document.createTextNode(p.text));
  }
  if (slides.length) span.append(' ', el('span', { class: 'cite' }, `(${slideLabel(lang, slides)})`));
  return span;
}
