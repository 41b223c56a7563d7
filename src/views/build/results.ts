/**
 * What "Check" says: the four figures (with their formulas), the counts, and every proposition
 * as right, partly right (and why), extra or missing, each with the slides and the quote it rests
 * on. Signs and words as well as colours, so no verdict rests on colour alone.
 */
import { el } from '../../dom';
import { tb, type BuildStringKey } from '../../i18n/build';
import { slideLabel } from '../../i18n/strings';
import type { ScoreResult, Verdict } from '../../model/build/score';
import type { ExpertProposition, StudentProposition } from '../../model/build/types';
import { edgeSentence, nodeLabel, type Lang } from '../../model/sentence';
import type { LinkageGraph } from '../../model/types';
import { kindIndex, kindName } from '../common';
import { VERDICT_STYLE } from './sheet-view';

const pct = (v: number): string => `${Math.round(v * 100)}%`;

/**
 * The transcript's sentence a link rests on: on the link's slides, the first sentence quoting
 * both its concepts, else the first quoting the longer of their quotes (the more specific one:
 * a heading that names a broad concept is rarely where the link is said).
 */
function restingQuote(graph: LinkageGraph, p: ExpertProposition, slides: readonly number[], lang: Lang): string {
  const hans = lang === 'zh-Hans';
  const quoteOf = (k: string) => (hans ? graph.getNodeAttribute(k, 'quoteHans') : graph.getNodeAttribute(k, 'quote')) ?? '';
  const quotes = [quoteOf(p.source), quoteOf(p.target)].filter((q) => q !== '').sort((a, b) => b.length - a.length);
  if (quotes.length === 0) return '';
  const texts = graph.getAttribute('slideTexts') ?? [];
  const sentences = slides.flatMap((n) => {
    const slide = texts.find((t) => t.n === n);
    return slide ? (hans ? slide.zhHans : slide.zh).split(/(?<=[。;;!?!?\n])/u).map((x) => x.trim()).filter((x) => x !== '') : [];
  });
  return sentences.find((x) => quotes.every((q) => x.includes(q))) ?? sentences.find((x) => x.includes(quotes[0]!)) ?? '';
}

/** The sentence of a chapter link, its slides and the transcript's sentence it rests on. */
function expertItem(graph: LinkageGraph, p: ExpertProposition, lang: Lang): HTMLElement[] {
  const s = edgeSentence(graph, p.edge, lang);
  const slides = graph.getEdgeAttribute(p.edge, 'slides') ?? [];
  const quote = restingQuote(graph, p, slides, lang);
  return [
    el('span', { class: 'sentence', lang }, s.text),
    ...(slides.length ? [el('span', { class: 'cite' }, ` (${slideLabel(lang, slides)})`)] : []),
    ...(quote ? [el('q', { class: 'quote', lang: lang === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant' }, quote)] : []),
  ];
}

/** A student's proposition as text: "A —kind→ B". */
export function studentText(graph: LinkageGraph, p: StudentProposition, lang: Lang): string {
  const kinds = kindIndex(graph, 'edgeKinds');
  const name = (k: string) => (graph.hasNode(k) ? nodeLabel(graph.getNodeAttributes(k), lang) || k : k);
  return `${name(p.source)} —${kindName(kinds.get(p.kind), lang, p.kind)}→ ${name(p.target)}`;
}

function verdictItem(graph: LinkageGraph, v: Verdict, lang: Lang): HTMLLIElement {
  const style = VERDICT_STYLE[v.status];
  const li = el('li', { class: `verdict verdict-${v.status}` }, el('span', { class: 'sign', 'aria-hidden': 'true' }, style.sign), el('span', { class: 'mine' }, studentText(graph, v.proposition, lang)));
  if (v.status === 'partly') li.append(el('span', { class: 'why' }, ` — ${v.reasons.map((r) => tb(lang, `reason-${r}` as BuildStringKey)).join(', ')}`));
  if (v.status === 'extra' && v.reason === 'duplicate') li.append(el('span', { class: 'why' }, ` — ${tb(lang, 'reason-duplicate')}`));
  if (v.status !== 'extra') {
    li.append(el('div', { class: 'expected' }, v.status === 'partly' ? tb(lang, 'expected') : '', ...expertItem(graph, v.expected, lang)));
    if (!v.inScope) li.append(el('div', { class: 'muted' }, tb(lang, 'outsideScope')));
  }
  return li;
}

function group(lang: Lang, key: 'right' | 'partly' | 'extra' | 'missing', items: HTMLLIElement[]): HTMLElement {
  const style = VERDICT_STYLE[key];
  return el('details', { class: `result-group result-${key}`, open: key !== 'right' || items.length <= 8 },
    el('summary', {}, el('span', { class: 'sign', 'aria-hidden': 'true' }, style.sign), ` ${tb(lang, key)} (${items.length})`),
    el('ul', {}, ...items));
}

/**
 * The results panel of a check. `due`: how many missed propositions became due in revision;
 * `ghosts`: whether the sheet shows the missing links, and how to change that.
 */
export function resultsElement(graph: LinkageGraph, r: ScoreResult, lang: Lang, due: number, ghosts: { shown: boolean; toggle(shown: boolean): void }): HTMLElement {
  const toggle = el('input', { type: 'checkbox', class: 'show-missing', checked: ghosts.shown, onchange: () => ghosts.toggle(toggle.checked) });
  const figure = (label: BuildStringKey, value: string, help: string) =>
    el('div', { class: 'figure' }, el('dt', {}, tb(lang, label)), el('dd', {}, el('strong', {}, value), el('span', { class: 'formula' }, help)));
  const c = r.counts;
  const by = (s: Verdict['status']) => r.verdicts.filter((v) => v.status === s).map((v) => verdictItem(graph, v, lang));
  const missing = r.missing.map((p) => el('li', { class: 'verdict verdict-missing' }, el('span', { class: 'sign', 'aria-hidden': 'true' }, VERDICT_STYLE.missing.sign), ...expertItem(graph, p, lang)));
  return el('section', { class: 'build-results', 'aria-labelledby': 'build-results-heading' },
    el('h3', { id: 'build-results-heading' }, tb(lang, 'results')),
    el('dl', { class: 'figures' },
      figure('convergence', pct(r.convergence), tb(lang, 'convergenceHelp')),
      figure('salience', pct(r.salience), tb(lang, 'salienceHelp')),
      figure('structural', `${r.structural.total} / ${r.expertStructural.total}`, tb(lang, 'structuralHelp', { expert: r.expertStructural.total })),
      figure('closeness', r.closeness.mean.toFixed(2), tb(lang, 'closenessHelp')),
    ),
    el('p', { class: 'counts' }, tb(lang, 'countLine', { right: c.rightAll, partly: c.partlyAll, extra: c.extra, missing: c.missing })),
    ...(due > 0 ? [el('p', { class: 'due-note' }, tb(lang, 'dueInRevision', { n: due }))] : []),
    ...(r.missing.length > 0 ? [el('label', { class: 'missing-toggle' }, toggle, ` ${tb(lang, 'showMissing')}`)] : []),
    group(lang, 'right', by('right')),
    group(lang, 'partly', by('partly')),
    group(lang, 'extra', by('extra')),
    group(lang, 'missing', missing),
  );
}
