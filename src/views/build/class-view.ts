/**
 * The class overview, for the lecturer: students' hand-in files dropped on the page (or chosen)
 * are read on this device, validated like any import (limits, located errors, text kept as text),
 * scored again against the chapter's map, and shown as the chapter's map with each link drawn
 * thicker and darker the more students made it right, the links most often made that the map does
 * not have, and a table of every student's figures.
 */
import { scaleLinear } from 'd3-scale';
import { el } from '../../dom';
import { tb } from '../../i18n/build';
import { MAX_HANDIN_BYTES, parseHandin, type Handin } from '../../io/handin';
import { formatBytes } from '../../io/limits';
import { classOverview, type ClassOverview } from '../../model/build/class';
import { chapterPlaces } from '../../model/build/exercise';
import { parseScope, scopeContent } from '../../model/build/scope';
import type { ExpertProposition, SheetLink } from '../../model/build/types';
import { mapName, nodeLabel, type Lang } from '../../model/sentence';
import { pick } from '../../i18n/strings';
import type { AppContext } from '../registry';
import { studentText } from './results';
import { scopeName } from './scope-name';
import { mountSheet } from './sheet-view';

/** Most hand-ins read at once (a large class's files, with room). */
export const MAX_HANDINS = 500;

const pct = (v: number): string => `${Math.round(v * 100)}%`;

export function mountClassView(host: HTMLElement, ctx: AppContext, onBack: () => void): { render(): void; dispose(): void } {
  const { session } = ctx;
  const graph = session.graph;
  const lang = (): Lang => session.state().lang;
  const handins: Handin[] = [];
  const refused: string[] = [];

  const back = el('button', { type: 'button', class: 'build-tool', onclick: onBack });
  const heading = el('h2', { class: 'build-title', id: 'class-heading', tabindex: -1 });
  const input = el('input', { type: 'file', accept: '.json,application/json', multiple: true, class: 'visually-hidden', id: 'class-files', onchange: () => void read([...(input.files ?? [])]) });
  const chooseLabel = el('label', { for: 'class-files', class: 'build-tool choose-files', tabindex: 0, role: 'button', onkeydown: (e: Event) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter' || k === ' ') {
      e.preventDefault();
      input.click();
    }
  } });
  const dropText = el('span');
  const privacy = el('p', { class: 'muted' });
  const clear = el('button', { type: 'button', class: 'build-tool', onclick: () => {
    handins.length = 0;
    refused.length = 0;
    render();
  } });
  const drop = el('div', { class: 'class-drop' }, dropText, ' ', chooseLabel, input, privacy);
  const summary = el('div', { class: 'class-summary' });
  // Scrollable, so it takes the focus itself (it holds nothing else focusable): the keyboard can scroll it.
  const mapHost = el('div', { class: 'sheet-host class-map', tabindex: 0, role: 'region', 'aria-labelledby': 'class-heading' });
  const root = el('section', { class: 'class-view', 'aria-labelledby': 'class-heading' },
    el('header', { class: 'build-head' }, heading, el('div', { class: 'build-tools-row' }, clear, back)),
    el('div', { class: 'class-body' }, el('div', { class: 'class-side' }, drop, summary), mapHost));
  host.append(root);
  const sheet = mountSheet(mapHost, { activate() {}, move() {}, draw() {}, removeConcept() {}, removeLink() {}, reverse() {}, retype() {} });

  // Files dropped anywhere on the overview.
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    root.classList.add('dragging');
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    root.classList.remove('dragging');
    void read([...(e.dataTransfer?.files ?? [])]);
  };
  root.addEventListener('dragover', onDragOver);
  root.addEventListener('dragleave', () => root.classList.remove('dragging'));
  root.addEventListener('drop', onDrop);

  async function read(files: File[]): Promise<void> {
    for (const file of files) {
      if (handins.length >= MAX_HANDINS) {
        refused.push(`${file.name}: more than ${MAX_HANDINS} hand-ins at once; clear some first`);
        continue;
      }
      // Too large to be a hand-in: refused before it is read.
      if (file.size > MAX_HANDIN_BYTES) {
        refused.push(`${file.name}: the file is ${formatBytes(file.size)}; a hand-in is at most ${formatBytes(MAX_HANDIN_BYTES)}`);
        continue;
      }
      const r = parseHandin(await file.text(), file.name, graph);
      if (r.ok) handins.push(r.handin);
      else refused.push(r.error.text);
    }
    input.value = '';
    render();
  }

  const scopeOf = (text: string, l: Lang): string => {
    const scope = parseScope(text);
    return scope ? scopeName(graph, scope, l) : text;
  };

  function table(o: ClassOverview, l: Lang): HTMLElement {
    const head = [tb(l, 'student'), tb(l, 'exercise'), tb(l, 'scope'), tb(l, 'convergence'), tb(l, 'salience'), 'N–G', tb(l, 'closeness'), tb(l, 'right'), tb(l, 'partly'), tb(l, 'extra'), tb(l, 'missing')];
    const rows = o.students.map((s) =>
      el('tr', {}, el('th', { scope: 'row' }, s.name), el('td', {}, tb(l, `ex-${s.type}`)), el('td', {}, scopeOf(s.scope, l)), el('td', {}, pct(s.convergence)), el('td', {}, pct(s.salience)), el('td', {}, String(s.structural)), el('td', {}, s.closeness.toFixed(2)), el('td', {}, String(s.right)), el('td', {}, String(s.partly)), el('td', {}, String(s.extra)), el('td', {}, String(s.missing))),
    );
    const m = o.means;
    const mean = el('tr', { class: 'class-mean' }, el('th', { scope: 'row' }, tb(l, 'classMean')), el('td'), el('td'), el('td', {}, pct(m.convergence)), el('td', {}, pct(m.salience)), el('td', {}, m.structural.toFixed(1)), el('td', {}, m.closeness.toFixed(2)), el('td'), el('td'), el('td'), el('td'));
    return el('div', { class: 'class-table-wrap', tabindex: 0, role: 'region', 'aria-label': tb(l, 'student') }, el('table', { class: 'class-table' }, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...rows, ...(rows.length > 1 ? [mean] : []))));
  }

  function render(): void {
    const l = lang();
    heading.textContent = tb(l, 'classOverview');
    back.textContent = tb(l, 'backToExercise');
    clear.textContent = tb(l, 'clearClass');
    clear.hidden = handins.length === 0 && refused.length === 0;
    dropText.textContent = tb(l, 'dropHandins');
    chooseLabel.textContent = tb(l, 'chooseFiles');
    privacy.textContent = tb(l, 'nothingLeaves');
    const o = classOverview(graph, handins);
    const parts: HTMLElement[] = [el('p', { class: 'class-count' }, tb(l, 'handinCount', { n: o.count }))];
    if (o.students.length > 0) parts.push(el('p', { class: 'muted' }, tb(l, 'linkCountLegend')));
    if (refused.length > 0) parts.push(el('div', { class: 'class-refused', role: 'alert' }, el('strong', {}, tb(l, 'refused')), el('ul', {}, ...refused.map((r) => el('li', {}, r)))));
    if (o.duplicateNames.length > 0) parts.push(el('p', { class: 'due-note' }, tb(l, 'sameName', { names: o.duplicateNames.join(', ') })));
    if (o.students.length > 0) {
      parts.push(table(o, l));
      parts.push(el('h3', {}, tb(l, 'commonExtras')), o.extras.length === 0 ? el('p', { class: 'muted' }, tb(l, 'noExtras')) : el('ol', { class: 'class-extras' }, ...o.extras.map((x) => el('li', {}, studentText(graph, x, l), el('span', { class: 'muted' }, ` — ${tb(l, 'madeBy', { n: x.count })}`)))));
    }
    summary.replaceChildren(...parts);

    // The chapter's map over the hand-ins' scopes: each link as thick and dark as its count.
    const propositions = new Map<string, ExpertProposition>();
    const concepts = new Set<string>();
    for (const h of handins) {
      const scope = parseScope(h.scope);
      if (!scope) continue;
      const c = scopeContent(graph, scope);
      for (const k of c.concepts) concepts.add(k);
      for (const p of c.propositions) propositions.set(p.edge, p);
    }
    mapHost.hidden = concepts.size === 0;
    if (concepts.size === 0) return;
    const n = Math.max(1, o.students.length);
    const color = scaleLinear<string>().domain([0, n]).range(['#c7c9d9', '#332288']);
    const links: SheetLink[] = [...propositions.values()].map((p) => ({ id: p.edge, source: p.source, target: p.target, kind: p.kind }));
    sheet.render({
      sheet: { placed: chapterPlaces(graph, [...concepts]), links, next: 1 },
      name: (k) => mapName(graph.getNodeAttributes(k), l) || k,
      color: (k) => graph.getNodeAttribute(k, 'color') ?? '#777777',
      anchors: new Set(),
      // Only the links someone made carry their phrase and count; the others stay thin and quiet.
      phrase: (link) => {
        const count = o.edgeCounts.get(link.id) ?? 0;
        return count === 0 ? '' : `${pick(l, graph.getEdgeAttribute(link.id, 'labelZh'), graph.getEdgeAttribute(link.id, 'labelHans'), graph.getEdgeAttribute(link.id, 'labelEn'))} · ${count}`;
      },
      arrow: () => false,
      verdicts: null,
      ghosts: [],
      picked: null,
      conceptLabel: (k) => nodeLabel(graph.getNodeAttributes(k), l) || k,
      linkLabel: (link) => `${studentText(graph, link, l)}: ${tb(l, 'madeBy', { n: o.edgeCounts.get(link.id) ?? 0 })}`,
      sheetLabel: tb(l, 'linkCountLegend'),
      readonly: true,
      linkStroke: (id) => {
        const count = o.edgeCounts.get(id) ?? 0;
        return { color: color(count), width: 1 + (7 * count) / n };
      },
    });
  }

  render();
  return {
    render,
    dispose() {
      sheet.dispose();
      root.remove();
    },
  };
}
