/**
 * The hand-in: the student's name (remembered on this device), and the map downloaded as a small
 * JSON file (scope, propositions, scores) for the lecturer's class overview, or as a PNG picture.
 */
import { el } from '../../dom';
import { tb } from '../../i18n/build';
import { download } from '../../io/download';
import { serializeHandin, type Handin } from '../../io/handin';
import { svgToPng } from '../../io/transformations-svg';
import type { Exercise } from '../../model/build/exercise';
import { formatScope } from '../../model/build/scope';
import { scoreMap } from '../../model/build/score';
import { studentPropositions } from '../../model/build/sheet';
import type { Sheet } from '../../model/build/types';
import { readName, writeName } from '../../state/build-work';
import { deviceStorage } from '../../state/device-storage';
import { graphKeyOf } from '../../state/progress';
import type { AppContext } from '../registry';

export interface HandinSource {
  exercise(): Exercise;
  sheet(): Sheet;
  /** The sheet as an SVG document. */
  svg(): string;
}

/** A file name from the student's name and the scope: letters, digits and CJK kept. */
export function handinFileName(student: string, exercise: Pick<Exercise, 'type' | 'scope'>, ext: string): string {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${safe(student) || 'student'}-${exercise.type}-${safe(formatScope(exercise.scope))}.${ext}`;
}

/** The hand-in of a sheet (scores computed now). */
export function handinOf(ctx: AppContext, student: string, exercise: Exercise, sheet: Sheet, now = new Date()): Handin {
  const graph = ctx.session.graph;
  const r = scoreMap({ graph, scope: exercise.propositions, student: studentPropositions(sheet) });
  return {
    graph: graphKeyOf(graph),
    title: graph.getAttribute('title') ?? '',
    student,
    type: exercise.type,
    scope: formatScope(exercise.scope),
    concepts: sheet.placed,
    links: sheet.links,
    scores: { convergence: r.convergence, salience: r.salience, structural: r.structural.total, closeness: r.closeness.mean },
    savedAt: now.toISOString(),
  };
}

export function mountHandin(ctx: AppContext, source: HandinSource): { element: HTMLElement; render(): void; dispose(): void } {
  const storage = deviceStorage();
  const lang = () => ctx.session.state().lang;
  const heading = el('h3', { id: 'build-handin-heading' });
  const nameInput = el('input', { type: 'text', class: 'handin-name', maxlength: 80, autocomplete: 'name', value: readName(storage), onchange: () => writeName(storage, nameInput.value.trim()) });
  const nameLabel = el('label', { class: 'handin-label' }, el('span', {}), nameInput);
  const student = (): string | null => {
    const name = nameInput.value.trim();
    if (name !== '') return name;
    ctx.notify(tb(lang(), 'nameNeeded'));
    nameInput.focus();
    return null;
  };
  const jsonButton = el('button', {
    type: 'button',
    class: 'build-tool',
    'data-tool': 'handin-json',
    onclick: () => {
      const name = student();
      if (name === null) return;
      writeName(storage, name);
      const h = handinOf(ctx, name, source.exercise(), source.sheet());
      download(serializeHandin(h), handinFileName(name, source.exercise(), 'json'), 'application/json');
    },
  });
  const pngButton = el('button', {
    type: 'button',
    class: 'build-tool',
    'data-tool': 'handin-png',
    onclick: async () => {
      const name = nameInput.value.trim();
      try {
        download(await svgToPng(source.svg(), 2), handinFileName(name, source.exercise(), 'png'), 'image/png');
      } catch (err) {
        ctx.notify(String(err instanceof Error ? err.message : err));
      }
    },
  });
  const element = el('section', { class: 'build-handin', 'aria-labelledby': 'build-handin-heading' }, heading, nameLabel, el('div', { class: 'handin-buttons' }, jsonButton, pngButton));
  return {
    element,
    render() {
      const l = lang();
      heading.textContent = tb(l, 'handIn');
      (nameLabel.firstChild as HTMLElement).textContent = tb(l, 'yourName');
      jsonButton.textContent = tb(l, 'downloadHandin');
      pngButton.textContent = tb(l, 'downloadPng');
    },
    dispose() {
      element.remove();
    },
  };
}
