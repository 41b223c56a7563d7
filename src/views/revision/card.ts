/**
 * The question card: between rounds, the score and the way on; during a round, the question
 * (a prompt with a blank, or a path built step by step), its numbered options, and once
 * answered the feedback (right or wrong, the answer's sentences, the slides it rests on).
 */
import { el, replaceChildren } from '../../dom';
import { slideLabel } from '../../i18n/strings';
import { tm, type ModeStringKey } from '../../i18n/modes';
import { nextDue } from '../../model/leitner';
import { answerSentences, blankText, optionLabel, promptParts, type Choice, type PathQuestion, type PromptPart, type Question } from '../../model/quiz';
import type { Lang } from '../../model/sentence';
import type { LinkageGraph } from '../../model/types';
import { sentenceElement } from '../common';
import { drawRound, type Asking, type Deck, type Round } from './deck';

/** What the card's buttons and links do. */
export interface CardActions {
  /** Answers the question (or one step of a path) with `option`. */
  choose(option: string): void;
  /** Goes on to the next question once this one is answered. */
  next(): void;
  startRound(practice: boolean): void;
  /** Selects a concept named in the feedback. */
  goTo(key: string): void;
}

const promptElement = (parts: readonly PromptPart[], l: Lang): HTMLElement =>
  el('p', { class: 'question-prompt', lang: l }, ...parts.map((p) => ('blank' in p ? el('span', { class: 'blank' }, el('span', { class: 'visually-hidden' }, blankText(l))) : p.text)));

function optionsElement(graph: LinkageGraph, asking: Asking, choice: Choice, q: Question, l: Lang, choose: (option: string) => void): HTMLElement {
  const answered = asking.result;
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
}

function feedbackElement(graph: LinkageGraph, asking: Asking, q: Question, l: Lang, act: CardActions): HTMLElement {
  const result = asking.result!;
  const sentences = answerSentences(graph, q, l);
  const list = el('ol', { class: 'feedback-sentences' }, ...sentences.map((s) => el('li', {}, sentenceElement(s.parts, [], l, act.goTo))));
  return el(
    'div',
    { class: `feedback ${result.correct ? 'is-right' : 'is-wrong'}`, role: 'status', id: 'revision-feedback' },
    el('p', { class: 'feedback-verdict' }, result.correct ? `✓ ${tm(l, 'right')}` : `✗ ${tm(l, 'wrong')}`),
    q.type === 'path' ? null : el('p', { class: 'feedback-answer' }, tm(l, 'answerIs'), el('strong', {}, optionLabel(graph, q.answer, l))),
    list,
    q.slides.length > 0 ? el('p', { class: 'feedback-cite' }, `${tm(l, 'because')}: ${slideLabel(l, q.slides)}`) : null,
    el('button', { type: 'button', class: 'revision-next', onclick: () => act.next() }, `${tm(l, 'nextQuestion')} →`),
  );
}

function pathBody(graph: LinkageGraph, asking: Asking, q: PathQuestion, l: Lang): HTMLElement[] {
  const from = optionLabel(graph, q.from, l);
  const to = optionLabel(graph, q.to, l);
  // The chain so far, then the blank to fill; once answered, the whole chain.
  const done = Boolean(asking.result);
  const built = done ? q.chain.nodes : q.chain.nodes.slice(0, asking.step + 1);
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
  if (!asking.result) parts.push(el('p', { class: 'path-step' }, tm(l, 'pathStep', { i: asking.step + 1, n: q.steps.length })));
  return parts;
}

/** Fills the card for the round's state, in `l`. */
export function renderCard(card: HTMLElement, graph: LinkageGraph, deck: Deck, round: Round, l: Lang, act: CardActions): void {
  if (deck.questions.length === 0) {
    replaceChildren(card, el('p', { class: 'revision-empty', id: 'revision-empty' }, tm(l, 'nothingToAsk')));
    return;
  }
  const { asking } = round;
  if (!asking) {
    // Between rounds: the score, what is due next, and the way on.
    const cards = deck.store.get().cards;
    const due = nextDue(deck.ids, cards, Date.now());
    const finished = round.ids.length > 0;
    const newRound = drawRound(deck, false).length > 0;
    replaceChildren(
      card,
      finished ? el('h3', { class: 'round-done' }, tm(l, 'roundDone')) : null,
      finished ? el('p', { class: 'round-score', id: 'round-score' }, tm(l, 'roundScore', round.score)) : null,
      newRound ? null : el('p', {}, due !== null ? tm(l, 'nothingDue', { date: new Date(due).toLocaleString(l) }) : tm(l, 'allDone')),
      el(
        'p',
        { class: 'round-actions' },
        newRound ? el('button', { type: 'button', class: 'revision-start', id: 'revision-start', onclick: () => act.startRound(false) }, tm(l, 'newRound')) : null,
        Object.keys(cards).length > 0 ? el('button', { type: 'button', class: 'revision-practise', onclick: () => act.startRound(true) }, tm(l, 'practise')) : null,
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
    el('p', { class: 'question-count' }, tm(l, 'questionOf', { i: round.index + 1, n: round.ids.length })),
    el('p', { class: 'question-instruction', id: `q-${q.type}` }, tm(l, `q-${q.type}` as ModeStringKey)),
  ];
  if (q.type === 'path') {
    const choice = q.steps[Math.min(asking.step, q.steps.length - 1)]!;
    replaceChildren(card, ...head, ...pathBody(graph, asking, q, l), optionsElement(graph, asking, choice, q, l, act.choose), asking.result ? feedbackElement(graph, asking, q, l, act) : null);
  } else {
    replaceChildren(card, ...head, promptElement(promptParts(graph, q, l), l), optionsElement(graph, asking, q, q, l, act.choose), asking.result ? feedbackElement(graph, asking, q, l, act) : null);
  }
}
