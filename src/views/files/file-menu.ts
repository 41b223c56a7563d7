/**
 * The file menu in the top bar: Open… (a file picker; files may also be dropped on the map) and
 * Export ▾ (PNG of the network at 1× and 2×, SVG of the transformations, GEXF, GraphML, graphology
 * JSON, CSV of propositions). Import progress (with Cancel) and import errors show over the map;
 * a failed or cancelled import keeps the graph shown. The import and export code is loaded on
 * first use, so this module stays small.
 */
import { el, replaceChildren } from '../../dom';
import { ioText, openedMessage, type IoStringKey } from '../../i18n/io';
import { EXPORT_FORMATS, IMPORT_EXTENSIONS } from '../../io/formats';
import type { ImportInput, ImportReport } from '../../io/import';
import { formatCount } from '../../io/limits';
import type { ImportProgress } from '../../io/import';
import { formatProblem, GraphImportError, printable, type ImportErrorCode, type ImportProblem } from '../../io/problems';
import type { Lang } from '../../model/sentence';
import { runStepsAcrossTasks } from '../../model/steps';
import type { LinkageGraph } from '../../model/types';
import { setView } from '../../state/actions';
import { graphIndexSteps } from '../../state/derive';
import { holdQuiet } from '../../util/quiet';
import './file-menu.css';
import type { AppContext } from '../registry';

/** Export menu entries, in menu order. */
export const EXPORT_ITEMS = ['png1', 'png2', 'svg', ...EXPORT_FORMATS] as const;
export type ExportItem = (typeof EXPORT_ITEMS)[number];

/** The file names ending the picker offers (the importer also sniffs the content). */
const ACCEPT = IMPORT_EXTENSIONS.join(',');

/** The last import, kept across the remount that shows it, for "node kinds from". */
let lastImport: { input: File | ImportInput; report: ImportReport; graph: LinkageGraph } | null = null;

/** Pixels of a drag that mean "a file is coming" (vs. text or a link). */
const hasFiles = (ev: DragEvent): boolean => Array.from(ev.dataTransfer?.types ?? []).includes('Files');

export function mountFileMenu(stage: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  if (session.state().embed) return () => {};
  const lang = (): Lang => session.state().lang;
  const tx = (key: IoStringKey) => ioText(lang(), key);

  // 1. One button in the top bar opens the file menu: Open…, the kinds of an imported graph,
  //    and the exports.
  const input = el('input', { type: 'file', accept: ACCEPT, hidden: true, id: 'file-input', 'aria-hidden': 'true', tabindex: '-1' });
  const fileButton = el('button', { type: 'button', id: 'file-button', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': 'file-popup' });
  const openButton = el('button', { type: 'button', id: 'open-file', class: 'file-item', onclick: () => { setMenu(false); input.click(); } });
  const openHint = el('p', { class: 'file-hint' });
  const items = EXPORT_ITEMS.map((item) => el('button', { type: 'button', class: 'file-item', 'data-export': item, onclick: () => void runExport(item) }));
  const exportHeading = el('h3', { id: 'export-heading' });
  const exportGroup = el('div', { role: 'group', 'aria-labelledby': 'export-heading', class: 'export-group' }, exportHeading, ...items);
  const kindsSelect = el('select', { id: 'kinds-from' });
  const kindsLabel = el('label', { class: 'kinds-from', for: 'kinds-from', hidden: true }, el('span', {}), kindsSelect);
  const popup = el('div', { class: 'file-popup', id: 'file-popup', hidden: true }, openButton, openHint, kindsLabel, exportGroup);
  const box = el('div', { class: 'file-menu' }, fileButton, popup, input);
  const topbar = document.querySelector('.topbar');
  const anchor = topbar?.querySelector('.lang-switch');
  if (anchor) anchor.before(box);
  else (topbar ?? stage).append(box);

  // 2. Overlays on the map: drop target, progress, errors.
  const dropOverlay = el('div', { class: 'io-drop', hidden: true, 'aria-hidden': 'true' }, el('span', {}));
  const progressText = el('span', { class: 'io-progress-text' });
  const progressStage = el('span', { class: 'io-progress-stage' });
  const progressBar = el('progress', { max: '1' });
  const cancelButton = el('button', { type: 'button', class: 'io-cancel', onclick: () => controller?.abort() });
  const progressBox = el('div', { class: 'io-progress', role: 'status', 'aria-live': 'polite', hidden: true }, progressText, progressStage, progressBar, cancelButton);
  const errorBox = el('div', { class: 'io-error', role: 'alert', hidden: true });
  stage.append(dropOverlay, progressBox, errorBox);

  let controller: AbortController | null = null;
  /**
   * A reader about to open a file (the menu opened, a file dragged over the map): the import's
   * code and its worker are loaded meanwhile, while the picker is open or the file is carried,
   * so the import starts at once, and the map has the GPU ready what a large graph draws with.
   * Readers who never open a file load neither.
   */
  const prepareImport = () => {
    void import('../../io/import-file').then((m) => m.prepareImportWorker());
    ctx.net?.prepareForGraph();
  };
  let lastProgress: ImportProgress | null = null;
  let openingName = '';

  function renderProgress(): void {
    if (progressBox.hidden) return;
    progressText.textContent = `${tx('opening')} ${openingName}…`;
    const p = lastProgress;
    progressStage.textContent = p ? `${tx(`stage-${p.stage}`)}${p.stage === 'layout' ? ` ${Math.round(p.fraction * 100)}%` : ''}` : '';
    if (p?.stage === 'layout') progressBar.value = p.fraction;
    else progressBar.removeAttribute('value');
    cancelButton.textContent = tx('cancel');
  }

  function showError(name: string, problems: readonly ImportProblem[], total: number, format: (p: ImportProblem) => string): void {
    const shown = problems.slice(0, 8);
    const more = total - shown.length;
    replaceChildren(
      errorBox,
      el('p', { class: 'io-error-title' }, `${tx('cannotOpen')} ${printable(name)}`),
      el('ul', {}, ...shown.map((p) => el('li', {}, format(p)))),
      more > 0 ? el('p', { class: 'muted' }, `+${formatCount(more)} ${tx('moreProblems')}`) : null,
      el('p', { class: 'muted' }, tx('keptGraph')),
      el('button', { type: 'button', class: 'io-dismiss', onclick: () => (errorBox.hidden = true) }, tx('dismiss')),
    );
    errorBox.hidden = false;
  }

  /** Imports `file` and, when it works, shows it in the whole app. */
  async function openFile(file: File | ImportInput, options: { kindAttribute?: string | null } = {}): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    errorBox.hidden = true;
    openingName = printable(file.name);
    lastProgress = null;
    progressBox.hidden = false;
    renderProgress();
    // Opening a file keeps the page busy: background work waits (util/quiet.ts).
    const release = holdQuiet();
    try {
      const { importGraphFile } = await import('../../io/import-file');
      const result = await importGraphFile(file, {
        ...options,
        signal: mine.signal,
        onProgress: (p) => {
          if (controller !== mine) return;
          lastProgress = p;
          renderProgress();
        },
      });
      if (controller !== mine) return;
      // The session's index of a large graph is built a chunk per task (the page stays responsive).
      const index = await runStepsAcrossTasks(graphIndexSteps(result.graph), () => controller !== mine);
      if (index === null) return;
      lastImport = { input: file, report: result.report, graph: result.graph };
      const r = result.report;
      const message = openedMessage(lang(), printable(file.name), r.nodes, r.edges, r.positions === 'layout' && r.format !== 'yaml');
      progressBox.hidden = true;
      controller = null;
      ctx.openGraph(result.graph, message, index);
    } catch (err) {
      if (controller !== mine) return;
      controller = null;
      progressBox.hidden = true;
      const e = err instanceof GraphImportError ? err : null;
      const code: ImportErrorCode = e?.code ?? 'internal';
      if (code === 'cancelled') ctx.notify(tx('cancelled'));
      else showError(file.name, e?.problems ?? [{ file: file.name, message: String(err) }], e?.total ?? 1, formatProblem);
    } finally {
      release();
    }
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void openFile(file);
  });

  // 3. Drag and drop onto the map; a file dropped anywhere else must not replace the page.
  let dragDepth = 0;
  const onDragEnter = (ev: DragEvent) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    if (dragDepth === 0) prepareImport();
    dragDepth++;
    dropOverlay.hidden = false;
  };
  const onDragOver = (ev: DragEvent) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) dropOverlay.hidden = true;
  };
  const onDrop = (ev: DragEvent) => {
    ev.preventDefault();
    dragDepth = 0;
    dropOverlay.hidden = true;
    const file = ev.dataTransfer?.files?.[0];
    if (file) void openFile(file);
  };
  const refuseElsewhere = (ev: DragEvent) => {
    if (!hasFiles(ev) || stage.contains(ev.target as Node)) return;
    ev.preventDefault();
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'none';
  };
  stage.addEventListener('dragenter', onDragEnter);
  stage.addEventListener('dragover', onDragOver);
  stage.addEventListener('dragleave', onDragLeave);
  stage.addEventListener('drop', onDrop);
  window.addEventListener('dragover', refuseElsewhere);
  window.addEventListener('drop', refuseElsewhere);

  // 4. The popup: opened by the button, closed by Escape, a click outside or a choice.
  const focusables = () => [openButton, ...(kindsLabel.hidden ? [] : [kindsSelect]), ...items];
  function setMenu(open: boolean): void {
    if (open) prepareImport();
    popup.hidden = !open;
    fileButton.setAttribute('aria-expanded', String(open));
    if (open) openButton.focus();
  }
  fileButton.addEventListener('click', () => setMenu(popup.hidden));
  popup.addEventListener('keydown', (ev) => {
    const list = focusables();
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === 'Escape') {
      ev.stopPropagation();
      setMenu(false);
      fileButton.focus();
    } else if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && document.activeElement !== kindsSelect) {
      ev.preventDefault();
      const next = (i + (ev.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length;
      list[next]?.focus();
    }
  });
  const onOutside = (ev: MouseEvent) => {
    if (!popup.hidden && !box.contains(ev.target as Node)) setMenu(false);
  };
  document.addEventListener('click', onOutside);

  async function runExport(item: ExportItem): Promise<void> {
    setMenu(false);
    fileButton.focus();
    const graph = session.graph;
    const l = lang();
    const id = graph.getAttribute('id') || 'graph';
    try {
      const { download } = await import('../../io/download');
      if (item === 'png1' || item === 'png2') {
        if (session.state().view !== 'network') {
          session.update((s) => setView(s, 'network'));
          await new Promise((r) => requestAnimationFrame(() => r(null)));
        }
        const { networkPng } = await import('../../io/png');
        const counts = session.derived().counts.nodeKinds;
        const kinds = (graph.getAttribute('nodeKinds') ?? []).filter((k) => (counts[k.id] ?? 0) > 0);
        const blob = await networkPng(ctx.net.renderer, graph, { scale: item === 'png2' ? 2 : 1, lang: l, kinds });
        download(blob, item === 'png2' ? `${id}@2x.png` : `${id}.png`);
      } else if (item === 'svg') {
        if (!graph.someNode((_n, a) => a.kind === 'transformation')) {
          ctx.notify(tx('noTransformations'));
          return;
        }
        const { transformationsSvg } = await import('../../io/transformations-svg');
        download(transformationsSvg(graph, l), `${id}-transformations.svg`, 'image/svg+xml');
      } else {
        const { exportGraph, EXPORT_FILE } = await import('../../io/export');
        download(exportGraph(graph, item, l), `${id}${EXPORT_FILE[item].ext}`, EXPORT_FILE[item].mime);
      }
    } catch (err) {
      ctx.notify(`${tx('exportFailed')} ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // 5. "Node kinds from": for a graph just imported, pick the attribute that gives the kinds.
  const imported = lastImport !== null && lastImport.graph === session.graph ? lastImport : null;
  if (imported && imported.report.format !== 'yaml' && imported.report.kindCandidates.length > 0) {
    kindsLabel.hidden = false;
    kindsSelect.addEventListener('change', () => {
      const v = kindsSelect.value;
      setMenu(false);
      void openFile(imported.input, { kindAttribute: v === '' ? null : v });
    });
  }

  // 6. Words in the reader's language.
  const render = () => {
    fileButton.textContent = `${tx('file')} ▾`;
    openButton.textContent = tx('open');
    openHint.textContent = tx('openHint');
    exportHeading.textContent = tx('export');
    items.forEach((b, i) => (b.textContent = tx(`export-${EXPORT_ITEMS[i]!}`)));
    (dropOverlay.firstChild as HTMLElement).textContent = tx('dropHere');
    if (imported) {
      (kindsLabel.firstChild as HTMLElement).textContent = tx('kindsFrom');
      const current = imported.report.kindAttribute ?? '';
      replaceChildren(
        kindsSelect,
        el('option', { value: '', selected: current === '' }, tx('oneKind')),
        ...imported.report.kindCandidates.map((c) => el('option', { value: c.name, selected: c.name === current }, `${c.name} (${c.values} ${tx('values')})`)),
      );
    }
    renderProgress();
  };
  render();
  const unsubscribe = session.subscribe((s, _d, prev) => {
    if (s.lang !== prev.lang) render();
  });

  return () => {
    unsubscribe();
    controller?.abort();
    stage.removeEventListener('dragenter', onDragEnter);
    stage.removeEventListener('dragover', onDragOver);
    stage.removeEventListener('dragleave', onDragLeave);
    stage.removeEventListener('drop', onDrop);
    window.removeEventListener('dragover', refuseElsewhere);
    window.removeEventListener('drop', refuseElsewhere);
    document.removeEventListener('click', onOutside);
    box.remove();
    dropOverlay.remove();
    progressBox.remove();
    errorBox.remove();
  };
}
