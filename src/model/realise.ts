/**
 * The sentence realiser: an edge's source, linking phrase and target made into one sentence.
 * English: a capital at the start, concepts lower-cased inside unless they are names, the verb
 * agreed with a plural subject, no doubled word at a join. Chinese: no spaces, no repeated tail
 * (是…的特征 after a target that already ends in 特征). Pure functions; no DOM. Rules: graph/README.md.
 */
import type { Lang, SentencePart } from './sentence';

/** The mark in a linking phrase where the target goes (`是…的弊端`). */
export const TARGET_MARK = '…';

/** One end of a sentence: a concept with its label in the sentence's language. */
export interface Concept {
  readonly key: string;
  /** The label as written, in the sentence's language ('' when the node has none). */
  readonly label: string;
  /**
   * English: true when the label is a proper name (its capitals are kept), false when it is a
   * common noun phrase. Undefined for imported graphs: the label is left as written and the verb
   * is not agreed (the realiser knows nothing of its grammar).
   */
  readonly name?: boolean;
  /** English: true when the label is grammatically plural. */
  readonly plural?: boolean;
}

/** What kept the realiser from building a sentence as the rules want it. */
export type RealiseIssueCode = 'agreement' | 'doubled-word' | 'zh-repetition' | 'empty-label';

export interface RealiseIssue {
  readonly code: RealiseIssueCode;
  /** What went wrong and how to fix it, for an author. */
  readonly message: string;
}

/** A realised sentence. */
export interface Realised {
  /** The pieces (source and target as nodes, in their case form); their texts make `text`. */
  readonly parts: SentencePart[];
  readonly text: string;
  /** Source and target labels as they stand in the sentence (case form). */
  readonly source: string;
  readonly target: string;
  /** Problems an author should fix; the sentence is built anyway (see each code). */
  readonly issues: RealiseIssue[];
}

// ---------------------------------------------------------------------------------------------
// English: case

/** True when the first word's second character is an upper-case letter (`ICT`, `GIS`, `iPhone`). */
function keepsCase(label: string): boolean {
  const first = label.trimStart().split(/\s/, 1)[0] ?? '';
  const second = Array.from(first)[1] ?? '';
  return /\p{Lu}/u.test(second);
}

/**
 * An English label in its sentence case form. `name` undefined (imported graphs): as written.
 * At the start of a sentence the first letter is upper-cased; inside, a label that is not a name
 * is lower-cased at its first letter, and a name keeps its capitals but for a leading `The`
 * (`the Internet`). Either way a label whose first word's second letter is a capital (`ICT`,
 * `GIS`) keeps its case.
 */
export function enCase(label: string, name: boolean | undefined, at: 'start' | 'inside'): string {
  if (name === undefined || label === '' || keepsCase(label)) return label;
  const [first = '', ...rest] = Array.from(label);
  if (at === 'start') return first.toLocaleUpperCase('en') + rest.join('');
  if (name) return /^The\s/.test(label) ? `t${label.slice(1)}` : label; // the Internet
  return first.toLocaleLowerCase('en') + rest.join('');
}

// ---------------------------------------------------------------------------------------------
// English: number

/** Prepositions that end a label's head phrase (`Separation | of decision and execution`). */
const PREPOSITIONS = new Set([
  'of', 'for', 'in', 'on', 'at', 'by', 'with', 'without', 'within', 'between', 'among', 'from', 'to', 'towards', 'toward',
  'into', 'onto', 'through', 'across', 'against', 'under', 'over', 'about', 'via', 'per', 'as', 'than', 'beyond', 'behind',
]);
/** Words that open a relative clause and end the head phrase. */
const RELATIVES = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when']);
/** Determiners that make the head plural. */
const PLURAL_DETERMINERS = new Set(['many', 'several', 'various', 'multiple', 'few', 'both', 'these', 'those', 'numerous', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
/** Plurals without a final s. */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'data', 'media', 'criteria', 'phenomena', 'police']);
/** Singular nouns with a final s that the suffix rule does not catch. */
const SINGULAR_S = new Set(['news', 'means', 'series', 'species', 'gas', 'lens', 'bias', 'canvas', 'atlas', 'chaos']);
/** Irregular past participles that end the head phrase after a plural noun (`Decisions made …`). */
const PARTICIPLES = new Set(['made', 'given', 'done', 'taken', 'built', 'held', 'led', 'brought', 'shown', 'known', 'seen', 'set', 'bent', 'run']);
/** Adjectives by suffix or by name: a word before `and` that is one coordinates adjectives, not nouns. */
const ADJECTIVE_SUFFIX = /(al|ic|ive|ous|ful|less|able|ible|ed|ent|ant)$/;
const PLAIN_ADJECTIVES = new Set(['fair', 'open', 'free', 'lean', 'clear', 'strict', 'direct', 'new', 'old', 'big', 'small', 'fast', 'slow', 'good', 'high', 'low', 'full', 'wide', 'broad', 'quick', 'just', 'safe', 'sound']);

/** The bare word: letters, digits, `-` and `'` inside, without a possessive `'s`. */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/u, '');
}

/** True when a single word looks plural: `functions`, `ICTs`, `people`; not `process`, `GIS`, `politics`. */
function pluralWord(word: string): boolean {
  const w = bare(word);
  if (w === '') return false;
  const lower = w.toLowerCase();
  if (IRREGULAR_PLURALS.has(lower)) return true;
  if (/^\p{Lu}{2,}s$/u.test(w)) return true; // ICTs
  if (/^[\p{Lu}\p{N}-]+$/u.test(w)) return false; // GIS, GPS
  if (SINGULAR_S.has(lower)) return false;
  if (/(ss|us|is|ics|ness)$/.test(lower)) return false;
  return lower.length > 2 && lower.endsWith('s');
}

/**
 * The words of a label's head phrase: the label up to its first preposition, relative word,
 * punctuation (`,` `:` `;` `(`), or a past participle after a plural-looking word.
 */
function headWords(label: string): string[] {
  const words = label.trim().split(/\s+/).filter((w) => w !== '');
  const head: string[] = [];
  for (const [i, raw] of words.entries()) {
    if (raw.startsWith('(')) break;
    const w = bare(raw).toLowerCase();
    if (i > 0 && (PREPOSITIONS.has(w) || RELATIVES.has(w))) break;
    if (i > 0 && (PARTICIPLES.has(w) || (/ed$/.test(w) && w.length > 4)) && pluralWord(words[i - 1]!)) break;
    head.push(raw);
    if (/[,:;]$/.test(raw)) break;
  }
  return head;
}

/**
 * Guesses whether an English label is grammatically plural (the subject of `are`, not `is`):
 * 1. a plural determiner opens it (many, several, both, these, two…, `too many`);
 * 2. its head phrase (see {@link headWords}) joins nouns with `and` (`Experts and scholars`;
 *    not adjectives: `Fair and open government`);
 * 3. the head's last word looks plural ({@link pluralWord}).
 * Otherwise singular. An author overrides the guess with `number:` on the node.
 */
export function guessPlural(label: string): boolean {
  const head = headWords(label);
  if (head.length === 0) return false;
  const lower = head.map((w) => bare(w).toLowerCase());
  const start = lower[0] === 'too' || lower[0] === 'so' ? 1 : 0;
  if (PLURAL_DETERMINERS.has(lower[start] ?? '')) return true;
  const and = lower.indexOf('and');
  const before = lower[and - 1] ?? '';
  if (and > 0 && and < lower.length - 1 && !ADJECTIVE_SUFFIX.test(before) && !PLAIN_ADJECTIVES.has(before)) return true;
  return pluralWord(head[head.length - 1]!);
}

/**
 * The grammatical number of a node's English label as the compiler stores it (`enPlural`): the
 * author's `number` when given; else singular for a name (a name denotes one thing); else
 * {@link guessPlural}.
 */
export function isPluralLabel(label: string, name: boolean, number?: 'plural' | 'singular'): boolean {
  if (number !== undefined) return number === 'plural';
  return name ? false : guessPlural(label);
}

// ---------------------------------------------------------------------------------------------
// English: agreement

/** Verbs whose plural is not the -s rule's. */
const IRREGULAR_VERBS: Readonly<Record<string, string>> = { is: 'are', was: 'were', has: 'have', does: 'do', goes: 'go' };
/** Forms that are the same after a singular and a plural subject. */
const MODALS = new Set(['can', 'cannot', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would']);
const PAST = new Set(['made', 'led', 'gave', 'became', 'brought', 'took', 'had', 'did', 'went', 'grew', 'held', 'kept', 'made', 'met', 'saw', 'sent', 'stood', 'spread', 'set', 'put', 'began', 'came', 'drove', 'found', 'got', 'left', 'lost', 'meant', 'rose', 'said', 'showed', 'told', 'won', 'wrote']);
/** Adverbs skipped before the verb (`also leads to`); so is any word in -ly. */
const ADVERBS = new Set(['also', 'often', 'still', 'thus', 'further', 'only', 'always', 'never', 'not', 'even', 'thereby', 'in', 'turn']);
/** Noun plurals the -s rule gets wrong. */
const IRREGULAR_NOUNS: Readonly<Record<string, string>> = { person: 'people', child: 'children', criterion: 'criteria', phenomenon: 'phenomena', means: 'means', series: 'series', species: 'species', kind: 'kinds' };

/** The plural of an English noun: `drawback` → `drawbacks`, `policy` → `policies`, `process` → `processes`. */
export function pluralNoun(noun: string): string {
  const lower = noun.toLowerCase();
  if (IRREGULAR_NOUNS[lower]) return IRREGULAR_NOUNS[lower]!;
  if (/[^aeiou]y$/.test(lower)) return `${noun.slice(0, -1)}ies`;
  if (/[^aeiou]is$/.test(lower)) return `${noun.slice(0, -2)}es`; // basis → bases
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${noun}es`;
  return `${noun}s`;
}

/** The plural form of a third-person-singular verb (`leads` → `lead`), or null when it is not one. */
function pluralVerb(verb: string): string | null {
  const lower = verb.toLowerCase();
  if (IRREGULAR_VERBS[lower]) return IRREGULAR_VERBS[lower]!;
  if (!/^[a-z]+s$/.test(lower) || /(ss|us|is)$/.test(lower) || lower.length < 3) return null;
  if (/ies$/.test(lower)) return lower.length <= 4 ? verb.slice(0, -1) : `${verb.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|oes|zzes)$/.test(lower)) return verb.slice(0, -2);
  return verb.slice(0, -1);
}

/** After `are`/`were`: `a drawback of` → `drawbacks of`, `one of` → `among`. */
function pluralComplement(words: string[], from: number): void {
  const next = words[from]?.toLowerCase();
  if (next === 'one' && words[from + 1]?.toLowerCase() === 'of') {
    words.splice(from, 2, 'among');
    return;
  }
  if (next !== 'a' && next !== 'an') return;
  words.splice(from, 1);
  let end = from;
  while (end < words.length && !PREPOSITIONS.has(words[end]!.toLowerCase())) end++;
  const noun = end - 1;
  if (noun >= from) words[noun] = pluralNoun(words[noun]!);
}

/**
 * An English linking phrase agreed with a plural subject, or null when the rules cannot agree it.
 * Leading adverbs (`also`, any word in -ly) are skipped; then `is` → `are` (and `is a X of` →
 * `are Xs of`), `was` → `were`, `has` → `have`, `does` → `do`, a verb in -s loses it (`leads` →
 * `lead`, `carries` → `carry`, `echoes` → `echo`); modals (can, may…) and past forms stay.
 * Anything else (a bare verb, no verb) cannot be agreed.
 */
export function agreePlural(phraseText: string): string | null {
  const words = phraseText.trim().split(/\s+/).filter((w) => w !== '');
  let i = 0;
  while (i < words.length - 1 && (ADVERBS.has(words[i]!.toLowerCase()) || /^[a-z]+ly$/i.test(words[i]!))) i++;
  const verb = words[i];
  if (verb === undefined || verb === TARGET_MARK) return null;
  const lower = verb.toLowerCase();
  if (MODALS.has(lower) || PAST.has(lower) || /^[a-z]+ed$/.test(lower)) return words.join(' ');
  const plural = pluralVerb(verb);
  if (plural === null) return null;
  words[i] = plural;
  if (lower === 'is' || lower === 'was') pluralComplement(words, i + 1);
  return words.join(' ');
}

/** The English phrase for a plural subject: the one given (a kind's own plural), else the rules. */
function pluralPhrase(phraseText: string, plural: string | undefined): string | null {
  return plural ?? agreePlural(phraseText);
}

// ---------------------------------------------------------------------------------------------
// Chinese

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;
/** A measure word after 的 in a phrase tail (`的一個方面`, `的一種`). */
const ZH_MEASURE = /^(一個|一个|一種|一种|一項|一项|一場|一场|一類|一类|主要)/u;

/** Joins zh pieces without spaces, except between two non-CJK runs (`A` + `B` → `A B`). */
function zhGlue(left: string, right: string): string {
  if (left === '' || right === '') return '';
  const a = left[left.length - 1] ?? '';
  const b = right[0] ?? '';
  if (/\s/.test(a) || /\s/.test(b)) return '';
  return CJK.test(a) || CJK.test(b) ? '' : ' ';
}

/**
 * The noun a zh phrase tail adds after the target: `的特征` → `特征`, `的一個方面` → `方面`;
 * '' when the tail is not `的` + noun.
 */
export function zhTailNoun(after: string): string {
  if (!after.startsWith('的')) return '';
  return after.slice(1).replace(ZH_MEASURE, '');
}

// ---------------------------------------------------------------------------------------------
// The realiser

function splitPhrase(phraseText: string): { before: string; after: string } {
  const mark = phraseText.indexOf(TARGET_MARK);
  return {
    before: (mark < 0 ? phraseText : phraseText.slice(0, mark)).trim(),
    after: mark < 0 ? '' : phraseText.slice(mark + TARGET_MARK.length).trim(),
  };
}

const lastWord = (s: string): string => (s.trim().split(/\s+/).pop() ?? '').replace(/[^\p{L}\p{N}'-]/gu, '').toLowerCase();
const firstWord = (s: string): string => (s.trim().split(/\s+/)[0] ?? '').replace(/[^\p{L}\p{N}'-]/gu, '').toLowerCase();
const dropFirstWord = (s: string): string => s.trim().split(/\s+/).slice(1).join(' ');
const dropLastWord = (s: string): string => s.trim().split(/\s+/).slice(0, -1).join(' ');
const quoteOf = (s: string): string => `"${s}"`;

/**
 * Reads `source <phrase> target` as a sentence in `lang`. `plural`: the phrase after a plural
 * subject when the vocabulary gives it (a kind's default phrase); else the English rules agree it. Never throws; problems come back as `issues`:
 * - `agreement`: the subject is plural and the rules cannot agree the phrase (it is kept as written);
 * - `doubled-word`: a word would stand twice at a join (`… there is is …`); the phrase's copy is
 *   dropped, but the label is probably a clause, not a noun phrase;
 * - `zh-repetition`: a subject that is a clause (`網絡是沒有中心的`) before a phrase opening with 是
 *   (a repeated tail, `…的特征` after a target ending in 特征, is not an issue: it is dropped);
 * - `empty-label`: a concept has no label (the caller shows its key).
 */
export function realise(source: Concept, phraseText: string, target: Concept, lang: Lang, plural?: string): Realised {
  const issues: RealiseIssue[] = [];
  for (const c of [source, target]) {
    if (c.label.trim() === '') issues.push({ code: 'empty-label', message: `node "${c.key}" has no label in ${lang}` });
  }
  let { before, after } = splitPhrase(phraseText);
  let sourceText: string;
  let targetText: string;

  if (lang === 'en') {
    sourceText = enCase(source.label, source.name, 'start');
    targetText = enCase(target.label, target.name, 'inside');
    if (source.name !== undefined && source.plural === true) {
      const agreed = pluralPhrase(phraseText, plural);
      if (agreed === null) {
        issues.push({
          code: 'agreement',
          message: `the plural subject ${quoteOf(source.label)} cannot agree with the phrase ${quoteOf(phraseText)}: start the phrase with a verb in the singular (is, has, leads to…), or mark the node number: singular`,
        });
      } else ({ before, after } = splitPhrase(agreed));
    }
    const doubled = (word: string) =>
      issues.push({
        code: 'doubled-word',
        message: `"${word}" would stand twice at a join: the label next to the phrase is probably a clause, not a noun phrase`,
      });
    if (before !== '' && lastWord(sourceText) !== '' && lastWord(sourceText) === firstWord(before)) {
      doubled(firstWord(before));
      before = dropFirstWord(before);
    }
    if (before !== '' && firstWord(targetText) !== '' && lastWord(before) === firstWord(targetText)) {
      doubled(lastWord(before));
      before = dropLastWord(before);
    }
    if (before === '' && lastWord(sourceText) !== '' && lastWord(sourceText) === firstWord(targetText)) doubled(lastWord(sourceText));
    if (after !== '' && lastWord(targetText) !== '' && lastWord(targetText) === firstWord(after)) {
      doubled(firstWord(after));
      after = dropFirstWord(after);
    }
  } else {
    sourceText = source.label;
    targetText = target.label;
    const noun = zhTailNoun(after);
    if (after !== '' && (targetText.endsWith(after) || (noun !== '' && targetText.endsWith(noun)))) after = '';
    // A subject that is a clause (X是Y) before a phrase opening with 是 says 是 twice. A doubled
    // character at a join is left alone: 參與與…, 目的的… are right.
    if (before.startsWith('是') && /是(?!否)./u.test(sourceText)) {
      issues.push({
        code: 'zh-repetition',
        message: `「是」 stands in the subject 「${sourceText}」 and again in the phrase 「${phraseText}」: the subject is a clause; relabel it as a noun phrase, or give the link its own phrase`,
      });
    }
  }

  const pieces: SentencePart[] = [{ node: source.key, role: 'source', text: sourceText }];
  if (before !== '') pieces.push({ text: before });
  pieces.push({ node: target.key, role: 'target', text: targetText });
  if (after !== '') pieces.push({ text: after });
  const parts: SentencePart[] = [];
  let prev = '';
  for (const piece of pieces) {
    const glue = lang === 'en' ? (prev === '' || piece.text === '' ? '' : ' ') : zhGlue(prev, piece.text);
    const last = parts[parts.length - 1];
    if (glue === '') parts.push(piece);
    else if (last !== undefined && !('node' in last)) {
      parts[parts.length - 1] = { text: last.text + glue };
      parts.push(piece);
    } else if (!('node' in piece)) parts.push({ text: glue + piece.text });
    else parts.push({ text: glue }, piece);
    if (piece.text !== '') prev = piece.text;
  }
  let text = '';
  for (const part of parts) text += part.text;
  return { parts, text, source: sourceText, target: targetText, issues };
}
