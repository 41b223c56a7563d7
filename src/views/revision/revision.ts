/**
 * Revision mode: rounds of questions generated from the loaded graph's typed links, scheduled
 * by Leitner boxes kept on this device. Feedback shows the answer on the map (as a path) and
 * cites the slide; the map rings what has been visited and mastered. Flashcards export to Anki.
 */
import { download } from '../../io/download';
import { prefersReducedMotion } from '../../util/motion';
import { el, replaceChildren } from '../../dom';
import { slideLabel } from '../../i18n/strings';
import { tm, type ModeStringKey } from '../../i18n/modes';
import { ankiCards, ankiFileName, toAnkiCsv } from '../../io/anki';
import { boxCounts, isMastered, nextDue, pickRound, practiceRound } from '../../model/leitner';
import { answerSentences, blankText, generateQuestions, optionLabel, promptParts, QUESTION_TYPES, type Choice, type PathQuestion, type PromptPart, type Question } from '../../model/quiz';
import type { Lang } from '../../model/sentence';
import { clearPath, select, setPathEnd, setView } from '../../state/actions';
import { graphKeyOf, openProgress, overlayOf, storageKey, type ProgressProblem } from '../../state/progress';
import { sentenceElement } from '../common';
import { OVERLAY_COLORS } from '../map/network';
import type { AppContext } from '../registry';
import './revision.css';

const ROUND_SIZE = 10;
/** Closest zoom when showing an answer: two neighbouring concepts and their labels, with room. */
const MIN_FRAME = 0.3;
const PROBLEM_TEXT: Record<ProgressProblem, ModeStringKey> = {
  corrupt: 'progressCorrupt',
  foreign: 'progressForeign',
  partial: 'progressPartial',
  unavailable: 'progressUnavailable',
};

/** Where the reader is in the current question. */
interface Asking {
  q: Question;
  /** For a path question: how many steps are already built. */
  step: number;
  /** Set once answered. */
  result: { correct: boolean; chosen: string } | null;
}

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Mounts revision mode in `pane`; returns the cleanup. */
export function mount(pane: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  const { graph } = session;
  const graphKey = graphKeyOf(graph);
  const disposers: Array<() => void> = [];
  if (session.state().view !== 'network') session.update((s) => setView(s, 'network'));

  // 1. Progress, then the deck (its seed is this device's, so options stay put between visits).
  const store = openProgress(localStore(), graphKey);
  if (store.problem) ctx.notify(tm(session.state().lang, PROBLEM_TEXT[store.problem]));
  const deck = generateQuestions(graph, { seed: store.get().seed });
  const byId = new Map(deck.map((q) => [q.id, q]));
  const ids = deck.map((q) => q.id);
  const onlyPaths = deck.length > 0 && deck.every((q) => q.type === 'path');

  // 2. The pane.
  const title = el('h2', {});
  const progressLine = el('p', { class: 'revision-progress', id: 'revision-progress' });
  const boxes = el('div', { class: 'revision-boxes', id: 'revision-boxes' });
  const note = el('p', { class: 'revision-note', hidden: true });
  const card = el('div', { class: 'revision-card', id: 'revision-card' });
  const legend = el('p', { class: 'revision-legend' });
  const exportButton = el('button', { type: 'button', id: 'revision-export', onclick: () => exportAnki() });
  const resetButton = el('button', { type: 'button', id: 'revision-reset', onclick: () => confirmReset(true) });
  const confirmBox = el('span', { class: 'revision-confirm', hidden: true });
  const keys = el('p', { class: 'revision-keys' });
  const root = el(
    'section',
    { class: 'revision', id: 'revision' },
    el('header', { class: 'revision-head' }, title, progressLine, boxes),
    note,
    card,
    el('footer', { class: 'revision-tools' }, legend, el('p', { class: 'revision-actions' }, exportButton, resetButton, confirmBox), keys),
  );
  pane.append(root);

  // 3. The round.
  let round: string[] = [];
  let index = 0;
  let score = { right: 0, wrong: 0 };
  let asking: Asking | null = null;
  const lang = (): Lang => session.state().lang;

  /** Shows a question's answer on the map (as a path, framed with its neighbours), or the whole map. */
  const showOnMap = (q: Question | null) => {
    if (q === null) {
      session.update((s) => clearPath(select(s, null)));
      ctx.net.fit();
      return;
    }
    const [from, to] = q.type === 'path' ? [q.from, q.to] : [q.subject, q.answer];
    session.update((s) => setPathEnd(setPathEnd(select(s, null), 'from', from), 'to', to));
    frame(q.nodes);
  };

  /** Centres the camera on `keys`, zoomed in no further than {@link MIN_FRAME} so labels stay apart. */
  const frame = (keys: readonly string[]) => {
    const r = ctx.net.renderer;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const k of keys) {
      const p = r.getNodeDisplayData(k);
      if (!p) continue;
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
    if (!Number.isFinite(x0)) return;
    const ratio = Math.min(1, Math.max(MIN_FRAME, Math.max(x1 - x0, y1 - y0) * 1.4));
    void r.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: prefersReducedMotion() ? 0 : 500 });
  };

  const startRound = (practice: boolean) => {
    const cards = store.get().cards;
    round = practice ? practiceRound(ids, cards, ROUND_SIZE) : pickRound(ids, cards, Date.now(), { size: ROUND_SIZE });
    index = 0;
    score = { right: 0, wrong: 0 };
    asking = round.length > 0 ? { q: byId.get(round[0]!)!, step: 0, result: null } : null;
    showOnMap(null);
    render();
  };

  const choose = (option: string) => {
    if (!asking || asking.result) return;
    const { q } = asking;
    if (q.type === 'path') {
      const choice = q.steps[asking.step]!;
      if (option === choice.answer && asking.step + 1 < q.steps.length) {
        asking.step += 1;
        render();
        return;
      }
      finish(option === choice.answer, option);
      return;
    }
    finish(option === q.answer, option);
  };

  const finish = (correct: boolean, chosen: string) => {
    if (!asking) return;
    asking.result = { correct, chosen };
    if (correct) score.right++;
    else score.wrong++;
    store.record(asking.q.id, correct);
    showOnMap(asking.q);
    render();
    (card.querySelector('.revision-next') as HTMLButtonElement | null)?.focus();
  };

  const next = () => {
    if (!asking?.result) return;
    index++;
    asking = index < round.length ? { q: byId.get(round[index]!)!, step: 0, result: null } : null;
    showOnMap(null);
    render();
    (card.querySelector('.option') as HTMLButtonElement | null)?.focus();
  };

  // 4. Rendering.
  const promptElement = (parts: readonly PromptPart[], l: Lang): HTMLElement =>
    el('p', { class: 'question-prompt', lang: l }, ...parts.map((p) => ('blank' in p ? el('span', { class: 'blank' }, el('span', { class: 'visually-hidden' }, blankText(l))) : p.text)));

  const optionsElement = (choice: Choice, q: Question, l: Lang): HTMLElement => {
    const answered = asking?.result ?? null;
    return el(
      'ol',
      { class: 'options' },
      ...choice.options.map((o, i) => {
        let state = '';
        if (answered) state = o === choice.answer ? 'is-answer' : o === answered.chosen ? 'is-wrong' : 'is-other';
        return el(
          'li',
          {},
          el(
            'button',
            { type: 'button', class: `option ${state}`, 'data-node': o, 'data-key': String(i + 1), disabled: Boolean(answered), onclick: () => choose(o), 'aria-describedby': `q-${q.type}` },
            el('span', { class: 'option-key', 'aria-hidden': 'true' }, String(i + 1)),
            el('span', { class: 'option-label' }, optionLabel(graph, o, l)),
          ),
        );
      }),
    );
  };

  const feedbackElement = (q: Question, l: Lang): HTMLElement => {
    const result = asking!.result!;
    const goTo = (key: string) => session.update((s) => select(s, key));
    const sentences = answerSentences(graph, q, l);
    const list = el('ol', { class: 'feedback-sentences' }, ...sentences.map((s) => el('li', {}, sentenceElement(s.parts, [], l, goTo))));
    return el(
      'div',
      { class: `feedback ${result.correct ? 'is-right' : 'is-wrong'}`, role: 'status', id: 'revision-feedback' },
      el('p', { class: 'feedback-verdict' }, result.correct ? `✓ ${tm(l, 'right')}` : `✗ ${tm(l, 'wrong')}`),
      q.type === 'path' ? null : el('p', { class: 'feedback-answer' }, tm(l, 'answerIs'), el('strong', {}, optionLabel(graph, q.answer, l))),
      list,
      q.slides.length > 0 ? el('p', { class: 'feedback-cite' }, `${tm(l, 'because')}: ${slideLabel(l, q.slides)}`) : null,
      el('button', { type: 'button', class: 'revision-next', onclick: () => next() }, `${tm(l, 'nextQuestion')} →`),
    );
  };

  const pathBody = (q: PathQuestion, l: Lang): HTMLElement[] => {
    const from = optionLabel(graph, q.from, l);
    const to = optionLabel(graph, q.to, l);
    // The chain so far, then the blank to fill; once answered, the whole chain.
    const done = Boolean(asking?.result);
    const built = done ? q.chain.nodes : q.chain.nodes.slice(0, asking!.step + 1);
    const chain = el(
      'p',
      { class: 'path-built', lang: l },
      ...built.flatMap((n, i) => [i > 0 ? el('span', { class: 'arrow' }, ' → ') : null, el('strong', {}, optionLabel(graph, n, l))]),
      done ? null : el('span', { class: 'arrow' }, ' → '),
      done ? null : el('span', { class: 'blank' }, '?'),
      done ? null : el('span', { class: 'arrow' }, ' → … → '),
      done ? null : el('strong', {}, to),
    );
    const parts = [
      el('p', { class: 'question-prompt', lang: l }, tm(l, 'pathPrompt', { from, to }), ' ', el('span', { class: 'muted' }, tm(l, 'pathSteps', { n: q.chain.steps.length }))),
      chain,
    ];
    if (!asking?.result) parts.push(el('p', { class: 'path-step' }, tm(l, 'pathStep', { i: asking!.step + 1, n: q.steps.length })));
    return parts;
  };

  const renderCard = () => {
    const l = lang();
    if (deck.length === 0) {
      replaceChildren(card, el('p', { class: 'revision-empty', id: 'revision-empty' }, tm(l, 'nothingToAsk')));
      return;
    }
    if (!asking) {
      // Between rounds: the score, what is due next, and the way on.
      const cards = store.get().cards;
      const due = nextDue(ids, cards, Date.now());
      const finished = round.length > 0;
      const newRound = pickRound(ids, cards, Date.now(), { size: ROUND_SIZE }).length > 0;
      replaceChildren(
        card,
        finished ? el('h3', { class: 'round-done' }, tm(l, 'roundDone')) : null,
        finished ? el('p', { class: 'round-score', id: 'round-score' }, tm(l, 'roundScore', score)) : null,
        newRound ? null : el('p', {}, due !== null ? tm(l, 'nothingDue', { date: new Date(due).toLocaleString(l) }) : tm(l, 'allDone')),
        el(
          'p',
          { class: 'round-actions' },
          newRound ? el('button', { type: 'button', class: 'revision-start', id: 'revision-start', onclick: () => startRound(false) }, tm(l, 'newRound')) : null,
          Object.keys(cards).length > 0 ? el('button', { type: 'button', class: 'revision-practise', onclick: () => startRound(true) }, tm(l, 'practise')) : null,
        ),
      );
      return;
    }
    const { q } = asking;
    card.dataset.question = q.id;
    card.dataset.type = q.type;
    // For a path question, the concept the chain has reached (the next step starts there).
    if (q.type === 'path') card.dataset.at = q.chain.nodes[asking.step] ?? '';
    else delete card.dataset.at;
    const head = [
      el('p', { class: 'question-count' }, tm(l, 'questionOf', { i: index + 1, n: round.length })),
      el('p', { class: 'question-instruction', id: `q-${q.type}` }, tm(l, `q-${q.type}` as ModeStringKey)),
    ];
    if (q.type === 'path') {
      const choice = q.steps[Math.min(asking.step, q.steps.length - 1)]!;
      replaceChildren(card, ...head, ...pathBody(q, l), optionsElement(choice, q, l), asking.result ? feedbackElement(q, l) : null);
    } else {
      replaceChildren(card, ...head, promptElement(promptParts(graph, q, l), l), optionsElement(q, q, l), asking.result ? feedbackElement(q, l) : null);
    }
  };

  const renderHead = () => {
    const l = lang();
    const cards = store.get().cards;
    const seen = ids.filter((id) => cards[id] !== undefined).length;
    const mastered = ids.filter((id) => isMastered(cards[id])).length;
    title.textContent = tm(l, 'revision');
    progressLine.textContent = tm(l, 'progressLine', { seen, total: deck.length, mastered });
    const counts = boxCounts(ids, cards);
    const max = Math.max(1, ...counts);
    replaceChildren(
      boxes,
      el('span', { class: 'boxes-label' }, tm(l, 'boxes')),
      ...counts.map((c, b) => {
        const bar = el('span', { class: 'box-bar' });
        bar.style.height = `${Math.round((100 * c) / max)}%`;
        return el('span', { class: `box box-${b}`, title: `${b === 0 ? tm(l, 'boxNew') : b}: ${c}`, 'data-box': b, 'data-count': c }, el('span', { class: 'box-track' }, bar), el('span', { class: 'box-name' }, b === 0 ? tm(l, 'boxNew') : String(b)), el('span', { class: 'box-count' }, String(c)));
      }),
    );
    boxes.setAttribute('aria-label', `${tm(l, 'boxes')}: ${counts.map((c, b) => `${b === 0 ? tm(l, 'boxNew') : b} ${c}`).join(', ')}`);
    boxes.hidden = deck.length === 0;
    progressLine.hidden = deck.length === 0;
    note.hidden = !onlyPaths;
    note.textContent = onlyPaths ? tm(l, 'onlyPaths') : '';
    const ring = (color: string, text: string) => {
      const r = el('span', { class: 'ring', 'aria-hidden': 'true' });
      r.style.setProperty('--ring', color);
      return el('span', { class: 'legend-item' }, r, text);
    };
    replaceChildren(legend, ring(OVERLAY_COLORS.visited, tm(l, 'legendVisited')), ring(OVERLAY_COLORS.mastered, tm(l, 'legendMastered')));
    legend.hidden = deck.length === 0;
    exportButton.textContent = tm(l, 'exportAnki');
    exportButton.disabled = deck.length === 0;
    resetButton.textContent = tm(l, 'resetProgress');
    keys.textContent = tm(l, 'revisionKeys');
    keys.hidden = deck.length === 0;
  };

  const render = () => {
    root.lang = lang();
    renderHead();
    renderCard();
  };

  // 5. Tools: Anki export and reset (confirmed inline: no browser dialog).
  const exportAnki = () => {
    const l = lang();
    const order = new Map(QUESTION_TYPES.map((t, i) => [t, i]));
    const sorted = [...deck].sort((a, b) => order.get(a.type)! - order.get(b.type)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const csv = toAnkiCsv(ankiCards(graph, sorted, l, graphKey));
    download(csv, ankiFileName(graphKey, l), 'text/csv');
    ctx.notify(tm(l, 'exported', { n: sorted.length }));
  };
  function confirmReset(show: boolean): void {
    const l = lang();
    resetButton.hidden = show;
    confirmBox.hidden = !show;
    if (!show) return;
    replaceChildren(
      confirmBox,
      el('span', {}, tm(l, 'confirmReset')),
      ' ',
      el('button', { type: 'button', id: 'revision-reset-yes', class: 'danger', onclick: () => doReset() }, tm(l, 'confirmYes')),
      ' ',
      el('button', { type: 'button', onclick: () => confirmReset(false) }, tm(l, 'cancel')),
    );
  }
  const doReset = () => {
    store.reset();
    confirmReset(false);
    ctx.notify(tm(lang(), 'progressCleared'));
    startRound(false);
  };

  // 6. Progress → the head and the map overlay; storage written by another tab → reload.
  const paintOverlay = () => ctx.net.setOverlay(overlayOf(deck, store.get().cards));
  paintOverlay();
  disposers.push(store.subscribe(() => {
    paintOverlay();
    renderHead();
  }));
  disposers.push(() => ctx.net.setOverlay(null));
  const onStorage = (ev: StorageEvent) => {
    if (ev.key === storageKey(graphKey)) store.reload();
  };
  window.addEventListener('storage', onStorage);
  disposers.push(() => window.removeEventListener('storage', onStorage));
  disposers.push(session.subscribe((s, _d, p) => {
    if (s.lang !== p.lang) render();
  }));

  // 7. Keys: 1–9 choose, Enter or → for the next question.
  const onKey = (ev: KeyboardEvent) => {
    const t = ev.target as HTMLElement | null;
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    if (document.querySelector('dialog[open]') || !asking) return;
    if (!asking.result && /^[1-9]$/.test(ev.key)) {
      const b = card.querySelector<HTMLButtonElement>(`button.option[data-key="${ev.key}"]`);
      if (!b) return;
      ev.preventDefault();
      b.click();
    } else if (asking.result && (ev.key === 'ArrowRight' || (ev.key === 'Enter' && t?.tagName !== 'BUTTON'))) {
      ev.preventDefault();
      next();
    }
  };
  document.addEventListener('keydown', onKey);
  disposers.push(() => document.removeEventListener('keydown', onKey));

  startRound(false);
  return () => {
    for (const d of disposers.reverse()) d();
    root.remove();
    // Leave the map as it was before the last answer was shown.
    const path = session.state().path;
    if (asking?.result && path.from !== null) session.update((s) => clearPath(s));
  };
}

