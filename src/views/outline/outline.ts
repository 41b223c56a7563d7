/**
 * The outline view (HTML): the chapter by section and slide, every concept and every relation
 * as a sentence with a link to the other concept. Headings and lists for screen readers; arrow
 * keys move concept by concept (one tab stop), Tab walks the links; prints as a handout.
 */
import { el, replaceChildren } from '../../dom';
import { graphTitle, slideLabel, t } from '../../i18n/strings';
import { vcount, vt } from '../../i18n/views';
import { buildOutline, type OutlineConcept, type OutlineSlide } from '../../model/outline';
import { nodeLabel, type Lang } from '../../model/sentence';
import { resetFilters, select } from '../../state/actions';
import { chip, kindIndex, kindName, sentenceElement } from '../common';
import type { AppContext } from '../registry';
import './outline.css';

/** A DOM id for a node key (keys are ASCII slugs, but imported graphs may hold anything). */
function domId(prefix: string, key: string): string {
  return `${prefix}-${[...key].map((c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('')}`;
}

export function mount(container: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  const { graph } = session;
  const nodeKinds = kindIndex(graph, 'nodeKinds');

  const title = el('h2', { id: 'outline-title' });
  const summary = el('p', { class: 'outline-summary' });
  const keys = el('p', { class: 'outline-keys', id: 'outline-keys' });
  const printButton = el('button', { type: 'button', id: 'outline-print', onclick: () => window.print() });
  const toc = el('nav', { class: 'outline-toc' });
  const body = el('div', { class: 'outline-body' });
  const root = el(
    'article',
    { class: 'outline-view', 'aria-labelledby': 'outline-title' },
    el('header', { class: 'outline-head' }, el('div', {}, title, summary, keys), printButton),
    toc,
    body,
  );
  container.append(root);

  /** Concept headings in reading order (the arrow keys' path). */
  let heads: HTMLElement[] = [];
  let current = 0;

  const headOf = (key: string) => document.getElementById(domId('oc', key));

  /** Moves the roving tab stop (and optionally keyboard focus) to concept heading `i`. */
  const moveTo = (i: number, focus = true) => {
    if (heads.length === 0) return;
    const next = Math.max(0, Math.min(heads.length - 1, i));
    heads[current]?.setAttribute('tabindex', '-1');
    current = next;
    const h = heads[current]!;
    h.setAttribute('tabindex', '0');
    if (focus) {
      h.focus({ preventScroll: true });
      h.scrollIntoView({ block: 'nearest' });
    }
  };

  /** Selects a concept in the shared state and brings its entry here into view and focus. */
  const goTo = (key: string) => {
    session.update((s) => select(s, key));
    const h = headOf(key);
    const i = h ? heads.indexOf(h) : -1;
    if (i >= 0) {
      moveTo(i);
      h!.scrollIntoView({ block: 'start' });
    }
  };

  function conceptItem(c: OutlineConcept, lang: Lang): HTMLLIElement {
    const info = nodeKinds.get(c.kind);
    const head = el(
      'h5',
      { class: 'concept-head', id: domId('oc', c.key), tabindex: -1, 'data-node': c.key, lang },
      chip(info?.color ?? graph.getNodeAttribute(c.key, 'color') ?? '#999'),
      el('span', { class: 'concept-label' }, c.label),
      el('span', { class: 'concept-kind' }, kindName(info, lang, c.kind)),
      c.slides.length ? el('span', { class: 'cite' }, slideLabel(lang, c.slides)) : null,
    );
    const li = el('li', { class: 'concept', 'data-node': c.key }, head);
    if (c.relations.length === 0) li.append(el('p', { class: 'muted no-relations' }, vt(lang, 'noRelationsShown')));
    else {
      li.append(
        el(
          'ul',
          { class: 'relations', 'aria-label': `${c.label}: ${t(lang, 'relations')}` },
          ...c.relations.map((r) => el('li', { 'data-edge': r.edge }, sentenceElement(r.sentence.parts, r.sentence.slides, lang, goTo, c.key))),
        ),
      );
    }
    return li;
  }

  function slideBlock(sl: OutlineSlide, lang: Lang): HTMLElement {
    const label = sl.slide === null ? vt(lang, 'noSlide') : slideLabel(lang, [sl.slide]);
    const name = label.charAt(0).toUpperCase() + label.slice(1);
    const id = sl.slide === null ? 'os-none' : `os-${sl.slide}`;
    const block = el(
      'section',
      { class: 'slide', 'aria-labelledby': id, 'data-slide': sl.slide ?? '' },
      el('h4', { id, tabindex: -1, class: 'slide-head' }, name),
    );
    if (sl.concepts.length) block.append(el('ul', { class: 'concepts' }, ...sl.concepts.map((c) => conceptItem(c, lang))));
    if (sl.also.length) {
      block.append(
        el(
          'p',
          { class: 'also' },
          el('span', { class: 'also-label' }, vt(lang, 'alsoHere')),
          ...sl.also.map((k) =>
            el('button', { type: 'button', class: 'concept-link', 'data-node': k, onclick: () => goTo(k) }, nodeLabel(graph.getNodeAttributes(k), lang) || k),
          ),
        ),
      );
    }
    return block;
  }

  function render(): void {
    const state = session.state();
    const lang = state.lang;
    const d = session.derived();
    const outline = buildOutline(graph, lang, { nodes: d.filteredNodes, edges: d.filteredEdges });
    const chapter = graphTitle(graph, lang);
    title.textContent = chapter ? `${chapter} · ${vt(lang, 'outlineTitle')}` : vt(lang, 'outlineTitle');
    summary.textContent = `${vcount(lang, outline.conceptCount, 'concepts')} · ${vcount(lang, outline.relationCount, 'relationsCount')}`;
    keys.textContent = vt(lang, 'outlineKeys');
    printButton.textContent = vt(lang, 'print');
    toc.setAttribute('aria-label', vt(lang, 'contents'));

    if (outline.conceptCount === 0) {
      replaceChildren(toc);
      replaceChildren(
        body,
        el('p', { role: 'status', class: 'outline-empty' }, vt(lang, 'emptyOutline')),
        el('button', { type: 'button', class: 'outline-reset', onclick: () => session.update(resetFilters) }, vt(lang, 'resetFilters')),
      );
      heads = [];
      return;
    }

    const sectionName = (id: string | null, secTitle: string) => (id ? `§${id} ${secTitle}` : vt(lang, 'chapterPart'));
    const onlyLoose = outline.sections.length === 1 && outline.sections[0]!.slides[0]?.slide === null;
    replaceChildren(
      toc,
      el(
        'ol',
        {},
        ...outline.sections.map((sec) =>
          el(
            'li',
            {},
            sec.id === null && onlyLoose ? vt(lang, 'noSlide') : sectionName(sec.id, sec.title),
            el(
              'ol',
              { class: 'toc-slides' },
              ...sec.slides
                .filter((sl) => sl.slide !== null)
                .map((sl) =>
                  el(
                    'li',
                    {},
                    el(
                      'button',
                      {
                        type: 'button',
                        class: 'link-button',
                        onclick: () => {
                          const h = document.getElementById(`os-${sl.slide}`);
                          h?.scrollIntoView({ block: 'start' });
                          h?.focus({ preventScroll: true });
                        },
                      },
                      String(sl.slide),
                    ),
                  ),
                ),
            ),
          ),
        ),
      ),
    );
    replaceChildren(
      body,
      ...outline.sections.map((sec, i) =>
        el(
          'section',
          { class: 'outline-section', 'aria-labelledby': `osec-${i}`, 'data-section': sec.id ?? '' },
          el('h3', { id: `osec-${i}` }, sec.id === null && sec.slides[0]?.slide === null ? vt(lang, 'noSlide') : sectionName(sec.id, sec.title)),
          ...sec.slides.map((sl) => slideBlock(sl, lang)),
        ),
      ),
    );
    heads = [...body.querySelectorAll<HTMLElement>('.concept-head')];
    const keep = heads.findIndex((h) => h.dataset.node === state.selected);
    current = 0;
    moveTo(keep >= 0 ? keep : 0, false);
    markSelected(state.selected, false);
  }

  /** Marks the selected concept's entry and, when asked, scrolls it into view. */
  function markSelected(key: string | null, scroll: boolean): void {
    for (const li of body.querySelectorAll('.concept[aria-current]')) li.removeAttribute('aria-current');
    if (key === null) return;
    const h = headOf(key);
    if (!h) return;
    h.parentElement?.setAttribute('aria-current', 'true');
    const i = heads.indexOf(h);
    if (i >= 0 && !root.contains(document.activeElement)) moveTo(i, false);
    if (scroll) h.scrollIntoView({ block: 'center' });
  }

  // Keys: concept by concept on the headings; into and out of a concept's links.
  body.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.classList.contains('concept-head')) {
      const i = heads.indexOf(target);
      const slideOf = (k: number) => heads[k]?.closest('section.slide');
      let next: number | null = null;
      switch (ev.key) {
        case 'ArrowDown':
          next = i + 1;
          break;
        case 'ArrowUp':
          next = i - 1;
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = heads.length - 1;
          break;
        case 'PageDown': {
          const here = slideOf(i);
          let k = i;
          while (k < heads.length - 1 && slideOf(k) === here) k++;
          next = k;
          break;
        }
        case 'PageUp': {
          // To the first concept of this slide, or of the previous slide when already there.
          let k = i;
          if (k > 0 && slideOf(k - 1) !== slideOf(k)) k--;
          const here = slideOf(k);
          while (k > 0 && slideOf(k - 1) === here) k--;
          next = k;
          break;
        }
        case 'ArrowRight': {
          const first = target.parentElement?.querySelector<HTMLElement>('.relations button');
          if (first) {
            ev.preventDefault();
            first.focus();
          }
          return;
        }
        case 'Enter':
        case ' ':
          ev.preventDefault();
          if (target.dataset.node) session.update((s) => select(s, target.dataset.node!));
          return;
        default:
          return;
      }
      ev.preventDefault();
      moveTo(next);
      return;
    }
    // On a relation link: ← back to its concept, ↑ ↓ along the concept's links.
    const concept = target.closest('li.concept');
    if (!concept || target.tagName !== 'BUTTON') return;
    const links = [...concept.querySelectorAll<HTMLElement>('.relations button')];
    const j = links.indexOf(target);
    if (ev.key === 'ArrowLeft') {
      ev.preventDefault();
      const h = concept.querySelector<HTMLElement>('.concept-head');
      if (h) moveTo(heads.indexOf(h));
    } else if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && j >= 0) {
      ev.preventDefault();
      const k = j + (ev.key === 'ArrowDown' ? 1 : -1);
      if (k >= 0 && k < links.length) links[k]!.focus();
      else {
        const h = concept.querySelector<HTMLElement>('.concept-head');
        const hi = h ? heads.indexOf(h) : -1;
        moveTo(k < 0 ? hi : hi + 1);
      }
    }
  });
  body.addEventListener('focusin', (ev) => {
    const h = (ev.target as HTMLElement).closest('.concept-head') as HTMLElement | null;
    const i = h ? heads.indexOf(h) : -1;
    if (i >= 0 && i !== current) moveTo(i, false);
  });

  render();
  if (session.state().selected) markSelected(session.state().selected, true);
  let lastFiltered = { nodes: session.derived().filteredNodes, edges: session.derived().filteredEdges };
  const unsubscribe = session.subscribe((s, d, prev) => {
    const filtered = d.filteredNodes !== lastFiltered.nodes || d.filteredEdges !== lastFiltered.edges;
    lastFiltered = { nodes: d.filteredNodes, edges: d.filteredEdges };
    if (filtered || s.lang !== prev.lang) render();
    else if (s.selected !== prev.selected) markSelected(s.selected, !root.contains(document.activeElement));
  });
  return () => {
    unsubscribe();
    root.remove();
  };
}
