/**
 * Is an English label a noun phrase a sentence can use? The realiser puts labels where a noun
 * phrase goes (`X is a drawback of Y`); a clause, a heading or an imperative there reads badly.
 * Rules (graph/README.md, "Lint"): first match wins; null means the label passes.
 */

/** Finite auxiliaries and modals: a label holding one is a clause (`The network has no centre`). */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'am', 'has', 'have', 'had', 'does', 'do', 'did', 'can', 'cannot', 'could', 'shall', 'should', 'must', 'may', 'might', 'would', 'will']);
/** Verbs in -s that are not also common plural nouns: a label holding one is a clause. */
const SINGULAR_VERBS = new Set([
  'becomes', 'blurs', 'goes', 'decides', 'takes', 'adapts', 'stifles', 'breeds', 'hinders', 'lacks', 'remains', 'seems', 'depends',
  'relies', 'exists', 'occurs', 'happens', 'emerges', 'grows', 'gives', 'makes', 'leads', 'brings', 'holds', 'steers', 'obeys',
  'sees', 'knows', 'wants', 'helps', 'allows', 'enables', 'requires', 'promotes', 'curbs', 'reduces', 'increases', 'improves',
  'widens', 'weakens', 'strengthens', 'replaces', 'transforms', 'undergoes', 'involves', 'contains', 'defines', 'realizes',
  'realises', 'bends', 'obeys', 'commands', 'serves', 'fails', 'gets', 'loses', 'keeps', 'becomes', 'turns', 'shifts', 'moves', 'tends',
]);
/** Base verbs that make a clause after a plural-looking word (`Decisions become democratic`). */
const PLURAL_VERBS = new Set([
  'become', 'see', 'hold', 'steer', 'obey', 'bend', 'take', 'go', 'make', 'give', 'get', 'lead', 'grow', 'remain', 'decide', 'adapt',
  'lack', 'know', 'want', 'gain', 'lose', 'act', 'participate', 'share', 'face', 'enjoy', 'blur', 'shift', 'move', 'turn', 'tend', 'fail',
]);
/** Verbs that open an imperative when they start a label (unless `of` follows: `End of …`). */
const IMPERATIVES = new Set([
  'shed', 'liberalise', 'liberalize', 'take', 'push', 'raise', 'lease', 'end', 'relax', 'streamline', 'decentralise', 'decentralize',
  'separate', 'reduce', 'cut', 'improve', 'promote', 'make', 'let', 'give', 'put', 'build', 'adopt', 'establish', 'strengthen',
  'expand', 'develop', 'implement', 'simplify', 'delegate', 'devolve', 'abolish', 'create', 'ensure', 'encourage', 'provide',
  'keep', 'stop', 'avoid', 'break', 'hand', 'allow', 'enable', 'optimise', 'optimize', 'marketise', 'marketize',
]);
/** Words that open a clause standing as a noun phrase (`What administrative decision-making is`). */
const WH_WORDS = new Set(['what', 'how', 'why', 'whether', 'when', 'where', 'who']);
/** Adverbs allowed between a plural word and its verb (`The administered merely obey`). */
const ADVERB = /^(merely|only|also|still|often|no|longer|directly|all|always|never|ly)$|ly$/;

/** Adjectives by suffix, and a few without one; with {@link SUFFIX_NOUNS} as exceptions. */
const ADJECTIVE = /(ical|ual|ial|nal|tal|ral|ic|ive|ous|ful|less|able|ible|ary)$/;
const PLAIN_ADJECTIVES = new Set(['lean', 'open', 'closed', 'fair', 'equal', 'free', 'strict', 'clear', 'direct', 'new', 'old', 'big', 'small', 'flat', 'tall', 'fast', 'slow']);
const SUFFIX_NOUNS = new Set([
  'proposal', 'approval', 'capital', 'principal', 'potential', 'official', 'individual', 'arrival', 'professional', 'initiative',
  'objective', 'executive', 'representative', 'alternative', 'incentive', 'collective', 'perspective', 'relative', 'signal', 'journal',
  'terminal', 'material', 'manual', 'total', 'animal', 'hospital', 'interval', 'festival', 'criminal', 'rival', 'survival', 'removal',
  'renewal', 'withdrawal', 'disposal', 'trial', 'tutorial', 'editorial', 'logic', 'music', 'public', 'topic', 'clinic', 'traffic',
  'republic', 'critic', 'rhetoric', 'mechanic', 'fabric', 'dictionary', 'library', 'summary', 'secretary', 'boundary', 'salary',
  'motive', 'detective', 'directive', 'archive', 'portal', 'referral', 'denial', 'rental', 'deferral', 'general', 'mineral',
  'metal', 'crystal', 'recital', 'acquittal', 'memorial', 'commercial', 'credential', 'essential', 'testimonial', 'ritual', 'manual',
]);

/** Prepositions: a participle after one qualifies a noun (`access to the information needed`). */
const PREPOSITIONS = new Set(['of', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'to', 'between', 'among', 'into', 'through', 'across', 'under']);

/** Words ending in -ed that are not participles. */
const ED_NOUNS = new Set(['need', 'speed', 'seed', 'feed', 'bed', 'deed', 'creed', 'greed', 'shed', 'red', 'hundred', 'kindred', 'breed', 'weed', 'reed']);

function words(label: string): string[] {
  return label
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'-]+$/gu, '').toLowerCase())
    .filter((w) => w !== '');
}

const pluralLooking = (w: string): boolean => /[^s]s$/.test(w.replace(/'s$/, '')) || ['people', 'staff', 'administered', 'public'].includes(w);

/**
 * Why `label` (English) is not a noun phrase, or null when it is one by these rules:
 * 1. it ends with `:` `.` `;` `!` or `?`;
 * 2. it is a heading `X: from A to B` (or starts `From A to B`);
 * 3. it opens with a wh-word (`What decision-making is`): a clause;
 * 4. it holds a finite verb: an auxiliary or modal (is, are, has, may…, `will` only before a word
 *    that is not a preposition), a verb in -s from a list (becomes, blurs, goes…), or a base verb
 *    from a list right after a plural-looking word (`Decisions become`, `bureaucrats hold`);
 * 5. it starts with an imperative from a list (Shed, Streamline, Decentralise…), unless `of` follows;
 * 6. a comma is followed by a word in -ing (`…, easing fiscal pressure`): a participial clause;
 * 7. it is only adjectives (`Virtual`, `Lean and capable`: by suffix -ical -ual -ial -nal -tal -ral
 *    -ic -ive -ous -ful -less -able -ible -ary, or a short list), a list of nouns in those
 *    suffixes excepted (`Proposal`, `Signal`, `Initiative`);
 * 8. its last word is a past participle in -ed and no preposition or wh-word comes before it
 *    (`Democracy widened`, `Bloated`; not `Access to the information needed`).
 * Verbs after a wh-word, `that` or `which` inside the label are a subordinate clause and pass.
 */
export function notNounPhrase(label: string): string | null {
  const text = label.trim();
  if (/[:.;!?]$/.test(text)) return `it ends with "${text.slice(-1)}"`;
  if (/:\s*from\s.+\sto\s/i.test(text) || /^from\s.+\sto\s/i.test(text)) return 'it is a heading "X: from A to B", not a name for one thing';
  const w = words(text);
  if (w.length === 0) return null;
  if (WH_WORDS.has(w[0]!)) return `it is a clause opening with "${w[0]}"`;
  for (const [i, word] of w.entries()) {
    // A subordinate clause inside a noun phrase may hold a verb (`The question of how government should manage`).
    if (i > 0 && (WH_WORDS.has(word) || word === 'that' || word === 'which')) break;
    if (AUXILIARIES.has(word)) {
      if (word === 'will' && (i === w.length - 1 || ['to', 'of', 'for', 'in'].includes(w[i + 1]!))) continue;
      if ((word === 'have' || word === 'do' || word === 'has') && w[i - 1] === 'to') continue;
      return `it holds the finite verb "${word}"`;
    }
    if (SINGULAR_VERBS.has(word) && i > 0) return `it holds the finite verb "${word}"`;
    if (SINGULAR_VERBS.has(word) && i === 0) return `it opens with the verb "${word}"`;
    if (i > 0 && PLURAL_VERBS.has(word)) {
      let j = i - 1;
      while (j > 0 && ADVERB.test(w[j]!)) j--;
      if (pluralLooking(w[j]!)) return `it holds the finite verb "${word}" after "${w[j]}"`;
    }
  }
  if (IMPERATIVES.has(w[0]!) && w[1] !== 'of') return `it opens with the imperative "${w[0]}"`;
  const participial = /,\s*([A-Za-z]+ing)\b/.exec(text);
  if (participial) return `a participial clause follows a comma ("${participial[1]}")`;
  const adjective = (x: string) => !SUFFIX_NOUNS.has(x) && (PLAIN_ADJECTIVES.has(x) || (x.length > 4 && ADJECTIVE.test(x)));
  if (w.every((x) => x === 'and' || x === 'or' || adjective(x)) && w.some(adjective)) return 'it is only adjectives (add the noun they describe)';
  const last = w[w.length - 1]!;
  const qualified = w.some((x, i) => i > 0 && (PREPOSITIONS.has(x) || WH_WORDS.has(x) || x === 'that' || x === 'which'));
  if (/[a-z]{2}ed$/.test(last) && !ED_NOUNS.has(last) && !qualified) return `it ends with the participle "${last}"`;
  return null;
}
