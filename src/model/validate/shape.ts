/**
 * Shape checks of each part of a file: the chapter and its sections, the nodes and the edges —
 * their fields, value types, ids and kinds. The only file that knows which node and edge kinds
 * exist (and which edge kinds read both ways). Each check returns what it learnt of its part for
 * the rules and the transcript checks, and calls the rules that concern that part alone (unique
 * section ids, references to sections and nodes, self-loops) at the point where they apply.
 */
import { isRecord } from '../../util/record';
import { didYouMean } from '../errors';
import {
  CHAPTER_FIELDS,
  EDGE_FIELDS,
  FIELD_HELP,
  NODE_FIELDS,
  OPTIONAL_FIELDS,
  SECTION_FIELDS,
  SHORT_MAX,
  missing,
  readId,
  readSlides,
  readText,
  unknownFields,
  wrongType,
} from './fields';
import { declareSection, edgeEnd, nodeSection, sectionOverlaps, selfLoop } from './rules';
import { clip, get, has, range, type EdgeInfo, type ErrorCollector, type NodeInfo, type Path, type Rec, type SectionInfo } from './shared';

// ---------------------------------------------------------------------------------------------
// Kinds

function unknownKind(c: ErrorCollector, path: Path, kind: string, what: 'node' | 'edge', allowed: readonly string[]): void {
  const guess = didYouMean(kind, allowed);
  c.report(path, `unknown ${what} kind "${clip(kind)}"${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of: ${allowed.join(', ')}`, {
    found: kind,
    expected: allowed.join(', '),
    ...(guess ? { hint: guess } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// The chapter and its sections

export function checkChapter(c: ErrorCollector, root: Rec): { slideCount: number | null; sections: SectionInfo[]; transcriptPath: string | null } {
  const out = { slideCount: null as number | null, sections: [] as SectionInfo[], transcriptPath: null as string | null };
  if (!has(root, 'chapter') || get(root, 'chapter') === null) {
    missing(c, [], 'chapter', 'root.chapter');
    return out;
  }
  const ch = get(root, 'chapter');
  const p: Path = ['chapter'];
  if (!isRecord(ch)) {
    wrongType(c, p, ch, `a mapping with ${CHAPTER_FIELDS.join(', ')}`);
    return out;
  }
  unknownFields(c, ch, p, CHAPTER_FIELDS, 'chapter');
  readId(c, ch, p, 'id', 'chapter.id');
  readText(c, ch, p, 'title', 'chapter.title');
  readText(c, ch, p, 'en', 'chapter.en');
  out.transcriptPath = readText(c, ch, p, 'transcript', 'chapter.transcript');

  if (!has(ch, 'slides') || get(ch, 'slides') === null) missing(c, p, 'slides', 'chapter.slides');
  else {
    const n = get(ch, 'slides');
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) wrongType(c, [...p, 'slides'], n, FIELD_HELP['chapter.slides']!);
    else out.slideCount = n;
  }

  if (!has(ch, 'sections') || get(ch, 'sections') === null) {
    missing(c, p, 'sections', 'chapter.sections');
    return out;
  }
  const secs = get(ch, 'sections');
  if (!Array.isArray(secs)) {
    wrongType(c, [...p, 'sections'], secs, FIELD_HELP['chapter.sections']!);
    return out;
  }
  secs.forEach((s: unknown, i) => {
    const sp: Path = ['chapter', 'sections', i];
    if (!isRecord(s)) {
      wrongType(c, sp, s, `a section: a mapping with ${SECTION_FIELDS.join(', ')}`);
      return;
    }
    unknownFields(c, s, sp, SECTION_FIELDS, 'a section');
    const id = readText(c, s, sp, 'id', 'section.id');
    readText(c, s, sp, 'title', 'section.title');
    readText(c, s, sp, 'en', 'section.en');
    const r = sectionRange(c, s, sp, out.slideCount);
    if (id === null) return;
    declareSection(c, out.sections, { id, range: r, index: i }, sp);
  });
  sectionOverlaps(c, out.sections);
  return out;
}

function sectionRange(c: ErrorCollector, s: Rec, sp: Path, slideCount: number | null): [number, number] | null {
  if (!has(s, 'slides') || get(s, 'slides') === null) {
    missing(c, sp, 'slides', 'section.slides');
    return null;
  }
  const v = get(s, 'slides');
  const p = [...sp, 'slides'];
  const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (!Array.isArray(v) || v.length !== 2 || !isInt(v[0]) || !isInt(v[1])) {
    wrongType(c, p, v, 'the first and last slide as two whole numbers, like [2, 4]');
    return null;
  }
  const [a, b] = v as [number, number];
  if (a > b) {
    c.report(p, `slides [${a}, ${b}] run backwards: expected [first, last] with first ≤ last, like [${b}, ${a}]`);
    return null;
  }
  if (a < 1 || (slideCount !== null && b > slideCount)) {
    const expected = slideCount !== null ? `1..${slideCount} (chapter.slides)` : 'slide numbers ≥ 1';
    c.report(p, `${range([a, b])} are out of range: expected slides within ${expected}`, { found: `[${a}, ${b}]`, expected });
    return null;
  }
  return [a, b];
}

// ---------------------------------------------------------------------------------------------
// Nodes and edges

export function checkNode(c: ErrorCollector, raw: unknown, index: number, slideCount: number | null, sections: SectionInfo[]): NodeInfo {
  const info: NodeInfo = { index, id: null, kind: null, label: null, slides: null, quote: null };
  const p: Path = ['nodes', index];
  if (!isRecord(raw)) {
    wrongType(c, p, raw, `a node: a mapping with ${NODE_FIELDS.filter((f) => !OPTIONAL_FIELDS.node.includes(f)).join(', ')}`);
    return info;
  }
  unknownFields(c, raw, p, NODE_FIELDS, 'a node');
  readId(c, raw, p, 'id', 'node.id');
  const id = get(raw, 'id');
  if (typeof id === 'string' && id.trim() !== '') info.id = id;

  const kind = readText(c, raw, p, 'kind', 'node.kind');
  if (kind !== null) {
    if (Object.hasOwn(c.vocabulary.nodeKinds, kind)) info.kind = kind;
    else unknownKind(c, [...p, 'kind'], kind, 'node', Object.keys(c.vocabulary.nodeKinds));
  }
  info.label = readText(c, raw, p, 'label', 'node.label');
  const en = readText(c, raw, p, 'en', 'node.en');
  const short = readText(c, raw, p, 'short', 'node.short', { optional: true });
  if (short !== null) {
    if ([...short].length > SHORT_MAX) {
      c.report([...p, 'short'], `short is ${[...short].length} characters long: expected at most ${SHORT_MAX}, to fit two lines on the map`, { found: short, expected: FIELD_HELP['node.short']! });
    } else if (en !== null && [...short].length >= [...en].length) {
      c.report([...p, 'short'], `short is not shorter than en ("${clip(en)}"): leave it out, the map then draws en`, { found: short, expected: `fewer characters than en (${[...en].length})` });
    }
  }
  info.slides = readSlides(c, raw, p, 'node.slides', slideCount);

  if (!has(raw, 'quote') || get(raw, 'quote') === null) missing(c, p, 'quote', 'node.quote');
  else {
    const q = get(raw, 'quote');
    if (typeof q !== 'string') wrongType(c, [...p, 'quote'], q, 'a verbatim quote from the transcript (a string)');
    else if (q.trim() === '') {
      c.report([...p, 'quote'], 'quote is empty: expected a verbatim phrase from the transcript, like the label as the slide words it', { found: q });
    } else info.quote = q;
  }

  if (has(raw, 'name') && typeof get(raw, 'name') !== 'boolean') wrongType(c, [...p, 'name'], get(raw, 'name'), `${FIELD_HELP['node.name']!} (true or false)`);
  if (has(raw, 'number') && get(raw, 'number') !== 'plural' && get(raw, 'number') !== 'singular') {
    wrongType(c, [...p, 'number'], get(raw, 'number'), FIELD_HELP['node.number']!);
  }

  if (has(raw, 'section') && get(raw, 'section') !== null) {
    const sec = get(raw, 'section');
    if (typeof sec !== 'string') wrongType(c, [...p, 'section'], sec, `a section id (a string) like "${sections[0]?.id ?? '2-1'}", or null`);
    else nodeSection(c, p, sec, info.slides, sections);
  }
  return info;
}

export function checkEdge(c: ErrorCollector, raw: unknown, index: number, slideCount: number | null, nodeIds: ReadonlyMap<string, number>): EdgeInfo {
  const info: EdgeInfo = { index, source: null, target: null, kind: null, symmetric: false };
  const p: Path = ['edges', index];
  if (!isRecord(raw)) {
    wrongType(c, p, raw, 'an edge: a mapping with source, kind, target, slides');
    return info;
  }
  unknownFields(c, raw, p, EDGE_FIELDS, 'an edge');
  for (const end of ['source', 'target'] as const) {
    const id = readText(c, raw, p, end, `edge.${end}`);
    if (id === null) continue;
    edgeEnd(c, p, end, id, nodeIds);
    info[end] = id;
  }
  const kind = readText(c, raw, p, 'kind', 'edge.kind');
  if (kind !== null) {
    const def = Object.hasOwn(c.vocabulary.edgeKinds, kind) ? c.vocabulary.edgeKinds[kind] : undefined;
    if (def) {
      info.kind = kind;
      info.symmetric = def.symmetric === true;
    } else unknownKind(c, [...p, 'kind'], kind, 'edge', Object.keys(c.vocabulary.edgeKinds));
  }
  readSlides(c, raw, p, 'edge.slides', slideCount);
  const zh = readText(c, raw, p, 'zh', 'edge.zh', { optional: true });
  if (zh !== null) {
    const holes = Array.from(zh).filter((ch) => ch === '…').length;
    if (holes > 1) c.report([...p, 'zh'], `the linking phrase "${clip(zh)}" has ${holes} "…" placeholders: expected at most one, where the target goes`);
    else if (holes === 0 && /\.\.\.|。。。/.test(zh)) c.report([...p, 'zh'], `the linking phrase "${clip(zh)}" marks the target with dots: use the ellipsis character "…"`);
  }
  readText(c, raw, p, 'en', 'edge.en', { optional: true });
  selfLoop(c, p, info);
  return info;
}
