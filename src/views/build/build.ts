/**
 * Build mode (構圖): the student builds the map of a scope of the chapter — from the kit of its
 * own concepts and link cards, from a skeleton, or from an empty sheet — by mouse, touch or
 * keyboard, with undo and redo; the work is kept on the device. "Check" scores it against the
 * chapter's map, marks every link on the sheet, makes the missed propositions due in revision and
 * tells whoever reports results (the LMS). The hand-in and the class overview sit beside it.
 */
import { el } from '../../dom';
import { tb, type BuildStringKey } from '../../i18n/build';
import { pick } from '../../i18n/strings';
import { makeExercise, CELL_H, CELL_W, type Exercise } from '../../model/build/exercise';
import { freeSpot } from '../../model/build/geometry';
import { defaultScope, formatScope, scopeExists } from '../../model/build/scope';
import { scoreMap, type ScoreResult } from '../../model/build/score';
import * as S from '../../model/build/sheet';
import { EXERCISE_TYPES, type ExerciseType, type Scope, type Sheet, type SheetLink } from '../../model/build/types';
import { mapName, nodeLabel, type Lang } from '../../model/sentence';
import { setExercise } from '../../state/actions';
import { publishActivity } from '../../state/activity';
import { addLinked, parseWork, readStored, serializeWork, workKey, writeStored } from '../../state/build-work';
import { deviceStorage } from '../../state/device-storage';
import { graphKeyOf } from '../../state/progress';
import { kindIndex, kindName } from '../common';
import type { AppContext } from '../registry';
import { mountClassView } from './class-view';
import { mountHandin } from './handin-panel';
import { dueMissed } from './due';
import { resultsElement } from './results';
import { scopeName } from './scope-name';
import { cardGroups, cardText, kindChoices, mountSide, type Choice } from './side';
import { mountSheet, type SheetScene, type Verdict } from './sheet-view';
import './build.css';

/** A link being made: its ends, or the link whose phrase is being changed. */
interface Making {
  source: string;
  target: string;
  retype: string | null;
}

export function mount(pane: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  const graph = session.graph;
  const storage = deviceStorage();
  const graphKey = graphKeyOf(graph);
  const kinds = kindIndex(graph, 'edgeKinds');
  const lang = (): Lang => session.state().lang;
  const name = (key: string): string => (graph.hasNode(key) ? mapName(graph.getNodeAttributes(key), lang()) || key : key);
  const fullName = (key: string): string => (graph.hasNode(key) ? nodeLabel(graph.getNodeAttributes(key), lang()) || key : key);

  let exercise: Exercise;
  let history: S.History;
  let picked: string | null = null;
  let armed: string | null = null;
  let making: Making | null = null;
  let result: ScoreResult | null = null;
  let due = 0;
  let showMissing = true;

  // Layout: the head (exercise, scope, tools), the column and the sheet, a live region.
  const title = el('h2', { class: 'build-title' });
  const typeButtons = EXERCISE_TYPES.map((type) =>
    el('button', { type: 'button', 'data-ex': type, onclick: () => session.update((s) => setExercise(s, { type })) }),
  );
  const typeGroup = el('div', { class: 'switch build-types', role: 'group' }, ...typeButtons);
  const scopeSelect = el('select', { class: 'build-scope', onchange: () => chooseScope(scopeSelect.value) });
  const scopeLabel = el('label', { class: 'build-scope-label' }, el('span', {}), scopeSelect);
  // A range of slides: from … to …, applied with the button or Enter.
  const slideCount = graph.getAttribute('slideCount') ?? 0;
  const slideInput = () => el('input', { type: 'number', min: 1, max: slideCount, step: 1, class: 'build-slide', inputmode: 'numeric' });
  const fromInput = slideInput();
  const toInput = slideInput();
  const fromLabel = el('label', {}, el('span', {}), fromInput);
  const toLabel = el('label', {}, el('span', {}), toInput);
  const applyRange = el('button', { type: 'button', class: 'build-tool', 'data-tool': 'range' });
  const rangeForm = el('form', { class: 'build-range', hidden: slideCount === 0, onsubmit: (e: Event) => {
    e.preventDefault();
    const a = Math.round(Number(fromInput.value));
    const b = Math.round(Number(toInput.value || fromInput.value));
    if (!(a >= 1 && b >= 1 && a <= slideCount && b <= slideCount)) return;
    session.update((st) => setExercise(st, { scope: { kind: 'slides', first: Math.min(a, b), last: Math.max(a, b) } }));
  } }, fromLabel, toLabel, applyRange);
  applyRange.setAttribute('type', 'submit');
  const tool = (key: BuildStringKey, onclick: () => void, cls = '') => el('button', { type: 'button', class: `build-tool ${cls}`, 'data-tool': key, onclick });
  const undoButton = tool('undo', () => apply(S.undo(history), 'undone'));
  const redoButton = tool('redo', () => apply(S.redo(history), 'redone'));
  const checkButton = tool('check', () => check(), 'primary');
  const startOverButton = tool('startOver', () => startOver());
  const classButton = tool('classOverview', () => showClass(true));
  // Zoom floats over the sheet's corner, as on the map, so the head keeps to one row.
  const zoomOut = el('button', { type: 'button', class: 'sheet-zoom-button', 'data-tool': 'zoomOut', onclick: () => sheet.zoom(1 / 1.25) }, '−');
  const zoomIn = el('button', { type: 'button', class: 'sheet-zoom-button', 'data-tool': 'zoomIn', onclick: () => sheet.zoom(1.25) }, '+');
  const zoomGroup = el('div', { class: 'sheet-zoom', role: 'group' }, zoomIn, zoomOut);
  const help = el('p', { class: 'build-help' });
  const keys = el('p', { class: 'build-keys muted' });
  const live = el('div', { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
  const head = el('header', { class: 'build-head' }, title, typeGroup, scopeLabel, rangeForm, el('div', { class: 'build-tools-row' }, undoButton, redoButton, checkButton, startOverButton, classButton));
  const sheetHost = el('div', { class: 'sheet-host' });
  const resultsHost = el('div', { class: 'build-results-host' });
  const side = mountSide(() => session.searchIndex, {
    arm: (group) => {
      armed = group;
      render();
      if (group) say(tb(lang(), 'armedCard', { phrase: groupsNow().find((g) => g.id === group)?.text ?? '' }));
    },
    place: (key) => placeConcept(key),
    drop: (key, x, y) => {
      const at = sheet.pointAt(x, y);
      if (at) placeConcept(key, { x: at[0], y: at[1] });
    },
    choose: (value) => chooseLink(value),
    cancelChoice: () => {
      const back = making?.target ?? null;
      making = null;
      render();
      if (back) sheet.focusConcept(back);
    },
  });
  const handin = mountHandin(ctx, {
    exercise: () => exercise,
    sheet: () => history.present,
    svg: () => sheet.markup(),
  });
  side.element.append(resultsHost, handin.element);
  const root = el('div', { class: 'build' }, head, help, el('div', { class: 'build-body' }, side.element, el('div', { class: 'sheet-wrap' }, sheetHost, zoomGroup)), keys, live);
  const classHost = el('div', { class: 'class-host', hidden: true });
  pane.append(root, classHost);
  let classView: { render(): void; dispose(): void } | null = null;
  /** The lecturer's class overview in place of the exercise (mounted when first opened). */
  function showClass(on: boolean): void {
    root.hidden = on;
    classHost.hidden = !on;
    if (on) {
      classView ??= mountClassView(classHost, ctx, () => showClass(false));
      classView.render();
      classHost.querySelector<HTMLElement>('h2')?.focus();
    } else classButton.focus();
  }

  const sheet = mountSheet(sheetHost, {
    activate: (key) => activate(key),
    move: (key, x, y) => {
      commit(S.place(history.present, key, x, y));
      say(tb(lang(), 'moved', { name: fullName(key) }));
    },
    draw: (source, target) => {
      picked = null;
      requestLink(source, target);
    },
    removeConcept: (key) => {
      if (exercise.type === 'kit' || exercise.anchors.includes(key)) return;
      commit(S.unplace(history.present, key));
      say(tb(lang(), 'parked', { name: fullName(key) }));
    },
    removeLink: (id) => {
      const link = history.present.links.find((l) => l.id === id);
      if (!link || link.given) return;
      commit(S.removeLink(history.present, id));
      say(tb(lang(), 'unlinked', { sentence: linkSentence(link) }));
      sheet.focusConcept(link.source);
    },
    reverse: (id) => {
      const next = S.reverseLink(history.present, id);
      commit(next);
      const link = next.links.find((l) => l.id === id);
      if (link) {
        say(tb(lang(), 'reversed', { sentence: linkSentence(link) }));
        sheet.focusLink(id);
      }
    },
    retype: (id) => {
      const link = history.present.links.find((l) => l.id === id);
      if (!link || link.given) return;
      making = { source: link.source, target: link.target, retype: id };
      render();
    },
  });

  const say = (text: string) => {
    live.textContent = '';
    // A new text node each time, so a repeated message is announced again.
    requestAnimationFrame(() => (live.textContent = text));
  };

  const groupsNow = () => cardGroups(exercise.cards, S.usedCards(history.present), lang());

  function phraseOf(link: SheetLink): string {
    if (link.card !== undefined) {
      const card = exercise.cards.find((c) => c.id === link.card);
      if (card) return cardText(card, lang());
    }
    return kindName(kinds.get(link.kind), lang(), link.kind);
  }

  function linkSentence(link: SheetLink): string {
    return tb(lang(), 'linkLabel', { source: fullName(link.source), phrase: phraseOf(link), target: fullName(link.target) });
  }

  /** The exercise the state asks for, with the work stored for it. */
  function load(): void {
    const choice = session.state().exercise;
    const scope = choice.scope !== null && scopeExists(graph, choice.scope) ? choice.scope : defaultScope(graph);
    exercise = makeExercise(graph, choice.type, scope, 1);
    const stored = parseWork(readStored(storage, workKey(graphKey, exercise)), exercise, graph);
    if (stored.corrupt) ctx.notify(tb(lang(), 'workDropped'));
    history = S.historyOf(stored.sheet ?? exercise.initial);
    if (stored.sheet && stored.sheet.links.some((l) => !l.given)) say(tb(lang(), 'restored'));
    picked = null;
    armed = null;
    making = null;
    result = null;
    due = 0;
    fillScopes();
  }

  function save(): void {
    const s = history.present;
    const untouched = s === exercise.initial;
    writeStored(storage, workKey(graphKey, exercise), untouched ? null : serializeWork(s));
  }

  /** Records an edit (checked results no longer hold), saves it and draws it. */
  function commit(next: Sheet): void {
    if (next === history.present) return;
    history = S.commit(history, next);
    result = null;
    save();
    render();
  }

  function apply(next: S.History, message: BuildStringKey): void {
    if (next === history) return;
    history = next;
    result = null;
    save();
    render();
    say(tb(lang(), message));
  }

  function activate(key: string): void {
    if (making) return;
    if (picked === null) {
      picked = key;
      render();
      say(tb(lang(), 'sourcePicked', { name: fullName(key) }));
    } else if (picked === key) {
      picked = null;
      render();
    } else {
      const source = picked;
      picked = null;
      requestLink(source, key);
    }
  }

  function refuse(source: string, target: string, kind: string, card?: string): boolean {
    const why = S.linkRefusal(history.present, source, target, kind, card);
    if (why === null) return false;
    say(tb(lang(), `refuse-${why}` as BuildStringKey));
    render();
    return true;
  }

  function requestLink(source: string, target: string): void {
    // Before any kind is chosen: the ends alone (itself, not on the sheet).
    if (refuse(source, target, '')) return;
    const group = armed ? groupsNow().find((g) => g.id === armed && g.free.length > 0) : undefined;
    if (exercise.type === 'kit' && group) {
      link(source, target, group.kind, group.free[0]!.id);
      if (group.free.length === 1) armed = null;
      render();
      return;
    }
    making = { source, target, retype: null };
    render();
  }

  function link(source: string, target: string, kind: string, card?: string): void {
    if (refuse(source, target, kind, card)) return;
    const next = S.addLink(history.present, source, target, kind, card);
    commit(next);
    const made = next.links[next.links.length - 1];
    if (made) say(tb(lang(), 'linked', { sentence: linkSentence(made) }));
    sheet.focusConcept(target);
  }

  function chooseLink(value: string): void {
    if (!making) return;
    const { source, target, retype } = making;
    making = null;
    let kind = value;
    let card: string | undefined;
    if (exercise.type === 'kit') {
      const group = groupsNow().find((g) => g.id === value);
      const free = group?.free[0];
      if (!group || !free) return render();
      kind = group.kind;
      card = free.id;
    }
    if (retype) {
      commit(S.retypeLink(history.present, retype, kind, card));
      sheet.focusLink(retype);
    } else link(source, target, kind, card);
  }

  /** Puts a concept on the sheet: at `spot`, or the first free place. */
  function placeConcept(key: string, spot: { x: number; y: number } = freeSpot(history.present.placed, CELL_W, CELL_H)): void {
    commit(S.place(history.present, key, spot.x, spot.y));
    say(tb(lang(), 'placed', { name: fullName(key) }));
    sheet.focusConcept(key);
  }

  function startOver(): void {
    if (history.present === exercise.initial) return;
    if (!window.confirm(tb(lang(), 'confirmStartOver'))) return;
    commit(exercise.initial);
    say(tb(lang(), 'startedOver'));
  }

  function check(): void {
    const student = S.studentPropositions(history.present);
    result = scoreMap({ graph, scope: exercise.propositions, student });
    due = dueMissed(graph, graphKey, storage, result.missing.map((p) => p.edge));
    const right = result.verdicts.flatMap((v) => (v.status === 'right' ? [v.proposition.source, v.proposition.target] : []));
    addLinked(storage, graph, graphKey, right);
    publishActivity({ kind: 'exercise-checked', graph: graphKey, type: exercise.type, scope: exercise.scope, convergence: result.convergence, salience: result.salience });
    render();
    const c = result.counts;
    say(`${tb(lang(), 'results')}: ${tb(lang(), 'countLine', { right: c.rightAll, partly: c.partlyAll, extra: c.extra, missing: c.missing })}`);
    resultsHost.querySelector<HTMLElement>('h3')?.scrollIntoView?.({ block: 'nearest' });
  }

  function fillScopes(): void {
    const options: Scope[] = [{ kind: 'all' }, ...(graph.getAttribute('sections') ?? []).map((s) => ({ kind: 'section' as const, id: s.id }))];
    const count = graph.getAttribute('slideCount') ?? 0;
    for (let n = 1; n <= count; n++) options.push({ kind: 'slides', first: n, last: n });
    const current = formatScope(exercise.scope);
    if (!options.some((o) => formatScope(o) === current)) options.push(exercise.scope);
    scopeSelect.replaceChildren(...options.map((o) => el('option', { value: formatScope(o), selected: formatScope(o) === current }, scopeName(graph, o, lang()))));
  }

  function chooseScope(text: string): void {
    const scope = [{ kind: 'all' as const }, ...(graph.getAttribute('sections') ?? []).map((s) => ({ kind: 'section' as const, id: s.id }))].find((o) => formatScope(o) === text);
    const slides = /^slides:(\d+)$/.exec(text);
    const next: Scope | undefined = scope ?? (slides ? { kind: 'slides', first: Number(slides[1]), last: Number(slides[1]) } : undefined);
    if (next) session.update((s) => setExercise(s, { scope: next }));
  }

  function choosing(): { heading: string; choices: readonly Choice[] } | null {
    if (!making) return null;
    const l = lang();
    const heading = tb(l, 'choosePhrase', { source: fullName(making.source), target: fullName(making.target) });
    if (exercise.type === 'kit') {
      const retyped = making.retype ? history.present.links.find((l2) => l2.id === making!.retype)?.card : undefined;
      const choices = cardGroups(exercise.cards, new Set([...S.usedCards(history.present)].filter((c) => c !== retyped)), l)
        .filter((g) => g.free.length > 0)
        .map((g) => ({ value: g.id, label: `${g.text} (${g.free.length})` }));
      return { heading, choices };
    }
    return { heading, choices: kindChoices(exercise.kinds, kinds, l) };
  }

  function render(): void {
    const l = lang();
    const s = history.present;
    title.textContent = tb(l, 'build');
    typeGroup.setAttribute('aria-label', tb(l, 'exercise'));
    for (const b of typeButtons) {
      const type = b.dataset.ex as ExerciseType;
      b.textContent = tb(l, `ex-${type}`);
      b.setAttribute('aria-pressed', String(type === exercise.type));
    }
    (scopeLabel.firstChild as HTMLElement).textContent = tb(l, 'scope');
    (fromLabel.firstChild as HTMLElement).textContent = tb(l, 'slidesFrom');
    (toLabel.firstChild as HTMLElement).textContent = tb(l, 'slidesTo');
    applyRange.textContent = tb(l, 'applyRange');
    const range = exercise.scope.kind === 'slides' ? [exercise.scope.first, exercise.scope.last] : null;
    if (document.activeElement !== fromInput && document.activeElement !== toInput) {
      fromInput.value = range ? String(range[0]) : '';
      toInput.value = range ? String(range[1]) : '';
    }
    for (const o of scopeSelect.options) {
      const match = o.value === formatScope(exercise.scope);
      o.selected = match;
    }
    for (const [button, key] of [[undoButton, 'undo'], [redoButton, 'redo'], [checkButton, 'check'], [startOverButton, 'startOver'], [classButton, 'classOverview']] as const) button.textContent = tb(l, key);
    zoomIn.setAttribute('aria-label', tb(l, 'zoomIn'));
    zoomIn.title = tb(l, 'zoomIn');
    zoomOut.setAttribute('aria-label', tb(l, 'zoomOut'));
    zoomOut.title = tb(l, 'zoomOut');
    zoomGroup.setAttribute('aria-label', tb(l, 'zoom'));
    undoButton.disabled = history.past.length === 0;
    redoButton.disabled = history.future.length === 0;
    help.textContent = exercise.propositions.length === 0 && exercise.type !== 'free' ? tb(l, 'emptyScope') : tb(l, `exHelp-${exercise.type}`);
    keys.textContent = tb(l, 'keys');

    const onSheet = new Set(s.placed.map((p) => p.key));
    side.render({
      lang: l,
      exercise,
      groups: groupsNow(),
      armed,
      parked: exercise.type === 'skeleton' ? exercise.concepts.filter((k) => !onSheet.has(k)) : [],
      onSheet,
      name: fullName,
      choosing: choosing(),
    });

    const verdicts = new Map<string, Verdict>();
    if (result) {
      const mine = s.links.filter((x) => !x.given);
      result.verdicts.forEach((v, i) => {
        const link = mine[i];
        if (link) verdicts.set(link.id, v.status);
      });
    }
    const ghosts = result && showMissing
      ? result.missing
          .filter((p) => onSheet.has(p.source) && onSheet.has(p.target))
          .map((p) => ({ id: `m-${p.edge}`, source: p.source, target: p.target, phrase: pick(l, graph.getEdgeAttribute(p.edge, 'labelZh'), graph.getEdgeAttribute(p.edge, 'labelHans'), graph.getEdgeAttribute(p.edge, 'labelEn')) }))
      : [];
    const scene: SheetScene = {
      sheet: s,
      name,
      color: (key) => graph.getNodeAttribute(key, 'color') ?? '#777777',
      anchors: new Set(exercise.anchors),
      phrase: phraseOf,
      arrow: (kind) => kinds.get(kind)?.symmetric !== true,
      verdicts: result ? verdicts : null,
      ghosts,
      picked,
      conceptLabel: (key) => tb(l, exercise.anchors.includes(key) ? 'givenLabel' : 'conceptLabel', { name: fullName(key) }),
      linkLabel: (link) => `${linkSentence(link)}${link.given ? ` ${tb(l, 'givenLink')}` : ''}`,
      sheetLabel: tb(l, 'sheetLabel', { n: s.placed.length, m: s.links.length }),
    };
    sheet.render(scene);
    resultsHost.replaceChildren(...(result ? [resultsElement(graph, result, l, due, {
      shown: showMissing,
      toggle: (shown) => {
        showMissing = shown;
        render();
        resultsHost.querySelector<HTMLInputElement>('.show-missing')?.focus();
      },
    })] : []));
    handin.render();
  }

  // Undo and redo from anywhere in the pane; Escape cancels a picked source.
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'z' || e.key === 'Z') && !e.shiftKey) apply(S.undo(history), 'undone');
    else if (mod && (e.key === 'y' || ((e.key === 'z' || e.key === 'Z') && e.shiftKey))) apply(S.redo(history), 'redone');
    else if (e.key === 'Escape' && (picked !== null || armed !== null)) {
      picked = null;
      armed = null;
      render();
    } else return;
    e.preventDefault();
  };
  root.addEventListener('keydown', onKey);

  load();
  render();
  const unsubscribe = session.subscribe((s, _d, prev) => {
    if (s.exercise !== prev.exercise) {
      load();
      sheet.zoom('fit');
      render();
    } else if (s.lang !== prev.lang) {
      fillScopes();
      render();
      classView?.render();
    }
  });

  return () => {
    unsubscribe();
    handin.dispose();
    classView?.dispose();
    sheet.dispose();
    root.remove();
  };
}
