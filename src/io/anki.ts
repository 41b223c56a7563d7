/**
 * Flashcards for Anki: one card per revision question, written as CSV with Anki's file headers
 * (comma separator, HTML fields, tags in column 3), so File → Import maps Front, Back and Tags
 * without questions. Graph text is HTML-escaped: it shows as text in Anki, never as markup.
 */
import { slideLabel } from '../i18n/strings';
import { tm, type ModeStringKey } from '../i18n/modes';
import { answerSentences, optionLabel, promptParts, promptText, type Question } from '../model/quiz';
import type { Lang } from '../model/sentence';
import type { LinkageGraph } from '../model/types';
import { toCsv } from './csv';

export interface AnkiCard {
  /** Front and back as Anki HTML (text escaped, line breaks as `<br>`). */
  readonly front: string;
  readonly back: string;
  /** Anki tags (no spaces inside a tag). */
  readonly tags: readonly string[];
}

/** The header lines Anki (2.1.55+) reads before the cards. */
export const ANKI_HEADER = ['#separator:Comma', '#html:true', '#tags column:3'] as const;

const LETTERS = 'ABCDEFGHIJ';

/** Text as Anki HTML: `& < >` escaped, each line break a `<br>`. */
export function ankiHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r\n|\r|\n/g, '<br>');
}

/** A tag Anki keeps whole: whitespace becomes `_`. */
function tag(text: string): string {
  return text.trim().replace(/\s+/g, '_') || '_';
}

/**
 * One card per question, in `lang`. Multiple-choice questions keep their options on the front
 * (a "which of these…" question has one right answer only among its options); the back gives
 * the answer, the sentence(s) that state it, and the slides.
 */
export function ankiCards(graph: LinkageGraph, questions: readonly Question[], lang: Lang, deckTag: string): AnkiCard[] {
  return questions.map((q) => {
    const sentences = answerSentences(graph, q, lang)
      .map((s) => s.text)
      .join('\n');
    const cite = q.slides.length > 0 ? `(${slideLabel(lang, q.slides)})` : '';
    const tags = ['linkage', `linkage::${tag(deckTag)}`, `type::${q.type}`, ...q.slides.map((n) => `slide::${n}`)];
    if (q.type === 'path') {
      const from = optionLabel(graph, q.from, lang);
      const to = optionLabel(graph, q.to, lang);
      const front = `${tm(lang, 'q-path')}\n\n${tm(lang, 'pathPrompt', { from, to })} ${tm(lang, 'pathSteps', { n: q.chain.steps.length })}`;
      const back = [q.chain.nodes.map((n) => optionLabel(graph, n, lang)).join(' → '), '', sentences, cite].filter((l, i) => i !== 3 || l !== '').join('\n');
      return { front: ankiHtml(front), back: ankiHtml(back), tags };
    }
    const options = q.options.map((o, i) => `${LETTERS[i] ?? '?'}. ${optionLabel(graph, o, lang)}`);
    const letter = LETTERS[q.options.indexOf(q.answer)] ?? '?';
    const instruction = tm(lang, `q-${q.type}` as ModeStringKey);
    const front = `${instruction}\n\n${promptText(promptParts(graph, q, lang), lang)}\n\n${options.join('\n')}`;
    const back = [`${letter}. ${optionLabel(graph, q.answer, lang)}`, '', sentences, cite].filter((l, i) => i !== 3 || l !== '').join('\n');
    return { front: ankiHtml(front), back: ankiHtml(back), tags };
  });
}

/** The CSV file Anki imports: its header lines, then Front, Back, Tags per card (CRLF line ends). */
export function toAnkiCsv(cards: readonly AnkiCard[]): string {
  return `${ANKI_HEADER.join('\r\n')}\r\n${toCsv(cards.map((c) => [c.front, c.back, c.tags.join(' ')]))}`;
}

/** A file name for the cards of `deckTag` in `lang`: `linkage-chapter-02-zh-Hant-anki.csv`. */
export function ankiFileName(deckTag: string, lang: Lang): string {
  const safe = deckTag.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
  return `linkage-${safe}-${lang}-anki.csv`;
}
