/** The caption below the ladder: the active row's transformation, its quote, and how each item links. */
import { el, replaceChildren } from '../../dom';
import { slideLabel } from '../../i18n/strings';
import { vt } from '../../i18n/views';
import type { LadderRow } from '../../model/ladder';
import { edgeSentence, nodeLabel, type Lang } from '../../model/sentence';
import type { LinkageGraph } from '../../model/types';
import { sentenceElement } from '../common';

/**
 * Below the figure: the active row's transformation, its quote, and how each item links.
 * `active` is the row's index among the rows shown (its number is one more), or null.
 */
export function renderCaption(
  caption: HTMLElement,
  graph: LinkageGraph,
  shown: readonly LadderRow[],
  active: number | null,
  items: readonly { key: string; edge: string; via: string }[],
  lang: Lang,
  goTo: (key: string) => void,
): void {
  if (active === null) {
    replaceChildren(caption, el('h3', { id: 'ladder-caption-title', class: 'visually-hidden' }, vt(lang, 'captionLinks')));
    return;
  }
  const row = shown[active]!;
  const a = graph.getNodeAttributes(row.key);
  const quote = lang === 'zh-Hans' && a.quoteHans ? a.quoteHans : a.quote;
  const list = el('ul', { class: 'relations' });
  const seen = new Set<string>();
  for (const e of [...row.edges, ...items.map((it) => it.edge)]) {
    if (seen.has(e) || !graph.hasEdge(e)) continue;
    seen.add(e);
    const s = edgeSentence(graph, e, lang);
    list.append(el('li', { 'data-edge': e }, sentenceElement(s.parts, s.slides, lang, goTo)));
  }
  replaceChildren(
    caption,
    el('h3', { id: 'ladder-caption-title' }, `${active + 1}. ${nodeLabel(a, lang)}`, ' ', el('span', { class: 'cite' }, slideLabel(lang, row.slides))),
    quote ? el('blockquote', { lang: lang === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant' }, `${vt(lang, 'source')}: ${quote}`) : null,
    el('h4', {}, vt(lang, 'captionLinks')),
    list,
  );
}
