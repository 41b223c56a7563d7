/**
 * Shared by the checks of an authoring file: the error collector, what the shape checks learn of
 * each part (passed on to the rules and the transcript checks), and small helpers for reading
 * values and wording messages.
 */
import type { ParsedFile } from '../authored';
import { formatPath, type GraphError } from '../errors';
import type { Vocabulary } from '../vocabulary';

export type Path = Array<string | number>;
export type Rec = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Small helpers

export function get(rec: Rec, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

export function has(rec: Rec, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(rec, key);
}

/** A value shortened for a message. */
export function clip(s: string, max = 32): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}

export function slideList(slides: readonly number[]): string {
  return slides.length === 1 ? `slide ${slides[0]}` : `slides ${slides.join(', ')}`;
}

export function range(r: readonly [number, number]): string {
  return `slides ${r[0]}–${r[1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------
// What the shape checks learn of each part

export interface NodeInfo {
  index: number;
  /** The id as written, when it is a string (valid or not: an invalid id is reported once). */
  id: string | null;
  kind: string | null;
  label: string | null;
  slides: number[] | null;
  quote: string | null;
}

export interface EdgeInfo {
  index: number;
  source: string | null;
  target: string | null;
  kind: string | null;
  /** The kind reads both ways (a symmetric kind); false when the kind is unknown. */
  symmetric: boolean;
}

export interface SectionInfo {
  id: string;
  range: [number, number] | null;
  index: number;
}

// ---------------------------------------------------------------------------------------------
// The error collector

/** Collects the errors found in a parsed file, each located at a data path of the YAML file. */
export class ErrorCollector {
  readonly errors: GraphError[] = [];

  /** `vocabulary`: the kinds the file may use (the shared ones, and its chapter's). */
  constructor(
    readonly parsed: ParsedFile,
    readonly vocabulary: Vocabulary,
  ) {}

  /** Records an error at a data path of the YAML file. */
  report(path: Path, message: string, extra: Partial<Pick<GraphError, 'found' | 'expected' | 'hint'>> = {}): void {
    const { line, col } = this.locate(path);
    this.errors.push({ file: this.parsed.file, line, col, path: formatPath(path), message, ...extra });
  }

  locate(path: Path): { line: number; col: number } {
    try {
      const pos = this.parsed.locate(path);
      return { line: Math.max(1, pos.line | 0), col: Math.max(1, pos.col | 0) };
    } catch {
      return { line: 1, col: 1 };
    }
  }

  line(path: Path): number {
    return this.locate(path).line;
  }
}
