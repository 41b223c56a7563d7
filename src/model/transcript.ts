/**
 * Reads a chapter transcript (`## slide N` sections of Markdown) into slide texts and the marked
 * items (★ ◎ ▽ ○ ※ § lines and the chapter title) that the graph must represent; finds quotes.
 */

/** Line markers of the transcript, as the slides print them. */
export const MARKERS = ['★', '◎', '▽', '○', '※', '§'] as const;
/** One of the markers: ★ main point, ◎ ▽ sub-points, ○ sub-heading, ※ definition, § section. */
export type Marker = (typeof MARKERS)[number];

/** A line of the transcript that the graph must represent. */
export interface MarkedItem {
  /** Slide the line is on. */
  slide: number;
  /** Its marker; `title` for the chapter title (the first line of slide 1). */
  marker: Marker | 'title';
  /** The line without its marker (and without the `§2-1` / `第二章` code), trimmed. */
  text: string;
  /** `text` up to its first `:` `。` `,` `;` `、` (full- or half-width), trimmed: the item's name. */
  head: string;
  /** 1-based line in the Markdown file. */
  line: number;
  /** The code stripped from the line: `2-1` for `§2-1 …`, `第二章` for the title. */
  code?: string;
}

/** A parsed transcript. */
export interface ParsedTranscript {
  /** The file it was read from (for error messages), when known. */
  file?: string;
  /** Text of each slide: its lines as written (markers kept), joined by `\n`, without the heading. */
  slides: Map<number, string>;
  /** Marked items, in file order. */
  items: MarkedItem[];
}

const SLIDE_HEADING = /^##\s+slide\s+(\d+)\s*$/i;
const ANY_HEADING = /^#{1,6}\s/;
const SECTION_CODE = /^§\s*(\d+(?:[-–.]\d+)*)\s*/u;
const CHAPTER_CODE = /^(第[一二三四五六七八九十百零〇\d]+章)\s*/u;
const HEAD_END = /[:：。,，;；、]/u;

/**
 * The name part of an item's text: up to the first `:` `。` `,` `;` `、` (full- or half-width),
 * trimmed; the whole text when there is none (or when the text starts with one).
 */
export function headOf(text: string): string {
  const m = HEAD_END.exec(text);
  const head = m ? text.slice(0, m.index).trim() : text.trim();
  return head || text.trim();
}

function markerOf(line: string): Marker | null {
  const first = String.fromCodePoint(line.codePointAt(0) ?? 0);
  return (MARKERS as readonly string[]).includes(first) ? (first as Marker) : null;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/**
 * Parses a transcript. Text before the first `## slide N` heading (title, notes) is ignored; any
 * other heading ends the current slide. Never throws: a text without slides gives empty results.
 */
export function parseTranscript(md: string, file?: string): ParsedTranscript {
  const lines = md.split(/\r?\n/);
  const slideLines = new Map<number, string[]>();
  const items: MarkedItem[] = [];
  let slide: number | null = null;
  let titleSeen = false;

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const heading = SLIDE_HEADING.exec(raw);
    if (heading) {
      slide = Number(heading[1]);
      if (!slideLines.has(slide)) slideLines.set(slide, []);
      return;
    }
    if (ANY_HEADING.test(raw)) {
      slide = null;
      return;
    }
    if (slide === null) return;
    slideLines.get(slide)!.push(raw);

    const content = raw.trim();
    if (!content) return;
    const marker = markerOf(content);
    const firstOfSlide1 = slide === 1 && !titleSeen;
    if (slide === 1) titleSeen = true;

    if (marker) {
      let text = content.slice(marker.length).trim();
      let code: string | undefined;
      if (marker === '§') {
        const m = SECTION_CODE.exec(content);
        if (m) {
          code = m[1];
          text = content.slice(m[0].length).trim();
        }
      }
      if (!text) return;
      items.push({ slide, marker, text, head: headOf(text), line: lineNo, ...(code ? { code } : {}) });
    } else if (firstOfSlide1) {
      const m = CHAPTER_CODE.exec(content);
      const text = m ? content.slice(m[0].length).trim() || content : content;
      items.push({ slide, marker: 'title', text, head: headOf(text), line: lineNo, ...(m && text !== content ? { code: m[1] } : {}) });
    }
  });

  const slides = new Map<number, string>();
  for (const n of [...slideLines.keys()].sort((a, b) => a - b)) {
    slides.set(n, trimBlankLines(slideLines.get(n)!).join('\n'));
  }
  return { ...(file !== undefined ? { file } : {}), slides, items };
}

/**
 * Slides whose text contains `quote` verbatim, ascending; only `slides` are searched when given.
 * Quotes never span lines: an empty quote or one with a line break is found nowhere.
 */
export function findQuote(
  transcript: Pick<ParsedTranscript, 'slides'>,
  quote: string,
  slides?: Iterable<number>,
): number[] {
  if (!quote || quote.includes('\n')) return [];
  const where = slides ? [...new Set(slides)].sort((a, b) => a - b) : [...transcript.slides.keys()];
  return where.filter((n) => transcript.slides.get(n)?.includes(quote) ?? false);
}
