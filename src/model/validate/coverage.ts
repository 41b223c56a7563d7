/**
 * Checks of a file against its transcript: chapter.slides and the sections against the slides
 * and § marks, each quote found verbatim on its node's slides, and every marked item covered by a
 * node; and that coverage itself (`markedItemCoverage`, which the CLI prints).
 */
import { isRecord } from '../../util/record';
import type { ParsedFile } from '../authored';
import { findQuote, type MarkedItem, type ParsedTranscript } from '../transcript';
import { clip, get, slideList, type ErrorCollector, type NodeInfo, type Path, type Rec, type SectionInfo } from './shared';

/** What validation needs of a transcript (`file` names it in errors). */
export type TranscriptInput = Pick<ParsedTranscript, 'slides' | 'items'> & { file?: string };

function dirName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i >= 0 ? file.slice(0, i + 1) : '';
}

/** Longest prefix of `quote` found in any slide (binary search: prefixes found are nested). */
function longestFoundPrefix(t: TranscriptInput, quote: string): { prefix: string; slide: number } | null {
  const chars = Array.from(quote);
  let lo = 0;
  let hi = chars.length;
  let best: { prefix: string; slide: number } | null = null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const prefix = chars.slice(0, mid).join('');
    const slides = findQuote(t, prefix);
    if (slides.length > 0) {
      best = { prefix, slide: slides[0]! };
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return best && Array.from(best.prefix).length >= 2 ? best : null;
}

// ---------------------------------------------------------------------------------------------
// The checks

/** The transcript's name in errors: its own `file`, else `transcriptPath` beside the YAML file. */
export function transcriptFile(file: string, t: TranscriptInput, transcriptPath: string | null): string {
  if (t.file) return t.file;
  if (transcriptPath) return dirName(file) + transcriptPath;
  return 'transcript';
}

export function quotes(c: ErrorCollector, nodes: NodeInfo[], t: TranscriptInput, tFile: string): void {
  for (const n of nodes) {
    if (n.quote === null) continue;
    const p: Path = ['nodes', n.index, 'quote'];
    const everywhere = findQuote(t, n.quote);
    if (everywhere.length === 0) {
      const near = longestFoundPrefix(t, n.quote);
      const name = tFile.split(/[\\/]/).pop();
      const hint = near
        ? `; the transcript has "${clip(near.prefix)}" (slide ${near.slide}) but not what follows it: copy the quote verbatim`
        : '; copy it verbatim from the slide text';
      c.report(p, `quote "${clip(n.quote)}" is not in the transcript ${name}${hint}`, {
        found: n.quote,
        expected: 'a verbatim phrase of the transcript',
        ...(near ? { hint: near.prefix } : {}),
      });
      continue;
    }
    if (n.slides === null || n.slides.length === 0) continue;
    const own = everywhere.filter((s) => n.slides!.includes(s));
    if (own.length === 0) {
      c.report(
        p,
        `quote "${clip(n.quote)}" is on ${slideList(everywhere)}, not on the node's slides [${n.slides.join(', ')}]; add ${everywhere.length === 1 ? everywhere[0] : 'one of them'} to slides or fix the quote`,
        { found: n.slides.join(', '), expected: everywhere.join(', '), hint: String(everywhere[0]) },
      );
    }
  }
}

export function slideCountAgainst(c: ErrorCollector, t: TranscriptInput, slideCount: number | null, tFile: string): void {
  if (slideCount === null) return;
  const beyond = [...t.slides.keys()].filter((n) => n > slideCount);
  if (beyond.length > 0) {
    c.report(
      ['chapter', 'slides'],
      `chapter.slides is ${slideCount} but the transcript ${tFile.split(/[\\/]/).pop()} has slides up to ${Math.max(...beyond)}; set slides to the number of slides`,
      { found: String(slideCount), expected: String(Math.max(...beyond)) },
    );
  }
}

export function sectionsAgainst(c: ErrorCollector, t: TranscriptInput, sections: SectionInfo[]): void {
  for (const item of t.items) {
    if (item.marker !== '§' || !item.code) continue;
    const sec = sections.find((s) => s.id === item.code);
    if (!sec) {
      c.report(
        ['chapter', 'sections'],
        `the transcript opens section §${item.code} "${clip(item.text)}" on slide ${item.slide} (line ${item.line}), but chapter.sections declares no section "${item.code}"`,
        { found: sections.map((s) => s.id).join(', '), expected: item.code },
      );
    } else if (sec.range && sec.range[0] !== item.slide) {
      c.report(
        ['chapter', 'sections', sec.index, 'slides'],
        `section "${sec.id}" starts on slide ${item.slide} in the transcript (line ${item.line}), not on slide ${sec.range[0]}; fix its first slide`,
        { found: String(sec.range[0]), expected: String(item.slide) },
      );
    }
  }
}

/** Every marked item is covered; an uncovered one is reported in the transcript (`tFile`). */
export function coverage(c: ErrorCollector, nodes: unknown[], t: TranscriptInput, tFile: string): void {
  for (const { item, nodes: by } of markedItemCoverageOf(nodes, t)) {
    if (by.length > 0) continue;
    c.errors.push({
      file: tFile,
      line: item.line,
      path: `slide ${item.slide}`,
      message: `marked item "${item.head}" (${item.marker}) is not represented by any node (expected a node whose quote contains "${item.head}")`,
      found: item.text,
      expected: `a node on slide ${item.slide} whose quote contains "${item.head}"`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Coverage (exported: the CLI prints it)

function itemCoveredBy(item: MarkedItem, node: unknown, t: TranscriptInput): boolean {
  if (!isRecord(node)) return false;
  const quote = get(node, 'quote');
  if (typeof quote !== 'string' || quote === '') return false;
  const slides = get(node, 'slides');
  const onSlide = Array.isArray(slides) && slides.includes(item.slide);
  if (onSlide && item.text.includes(quote) && quote.includes(item.head)) return true;
  const label = get(node, 'label');
  return label === item.head && (t.slides.get(item.slide)?.includes(quote) ?? false);
}

function markedItemCoverageOf(nodes: unknown[], t: TranscriptInput): Array<{ item: MarkedItem; nodes: string[] }> {
  return t.items.map((item) => ({
    item,
    nodes: nodes
      .filter((n) => itemCoveredBy(item, n, t))
      .map((n) => {
        const id = get(n as Rec, 'id');
        return typeof id === 'string' ? id : '?';
      }),
  }));
}

/**
 * For each marked item of the transcript, the ids of the nodes that represent it: nodes on the
 * item's slide whose quote lies within the item's text and contains its head, or nodes labelled
 * with the head whose quote is on that slide. An empty list means the item is not covered.
 */
export function markedItemCoverage(parsed: ParsedFile, transcript: TranscriptInput): Array<{ item: MarkedItem; nodes: string[] }> {
  const graph: unknown = parsed.graph;
  const nodes = isRecord(graph) && Array.isArray(get(graph, 'nodes')) ? (get(graph, 'nodes') as unknown[]) : [];
  return markedItemCoverageOf(nodes, transcript);
}
