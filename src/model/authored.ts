/**
 * Types of the authoring format (graph/*.yaml) after parsing, before compilation.
 * See graph/README.md for the format as authors see it.
 */

export interface AuthoredSection {
  /** Section id as printed in the transcript, e.g. "2-1". */
  id: string;
  /** Title, zh-Hant (the source's wording). */
  title: string;
  /** Title, English. */
  en: string;
  /** First and last slide of the section. */
  slides: [number, number];
}

export interface AuthoredChapter {
  id: string;
  title: string;
  en: string;
  /** Transcript path, relative to the YAML file. */
  transcript: string;
  /** Number of slides; slide numbers run 1..slides. */
  slides: number;
  sections: AuthoredSection[];
}

export interface AuthoredNode {
  id: string;
  kind: string;
  /** zh-Hant label. */
  label: string;
  /** English label. */
  en: string;
  slides: number[];
  /** Verbatim quote from the transcript, found on one of `slides`. */
  quote: string;
  /** Optional explicit section; otherwise derived from the slides. */
  section?: string | null;
  /** Optional: the English label is a proper name (keeps its capitals mid-sentence). Default false. */
  name?: boolean;
  /** Optional: a shorter English name for the map when `en` is long (at most SHORT_MAX characters). */
  short?: string;
  /** Optional: the English label's grammatical number, overriding the realiser's guess. */
  number?: 'plural' | 'singular';
}

export interface AuthoredEdge {
  source: string;
  kind: string;
  target: string;
  slides: number[];
  /** Optional linking phrase overriding the kind's default, zh-Hant (`…` marks the target). */
  zh?: string;
  /** Optional linking phrase overriding the kind's default, English. */
  en?: string;
}

export interface AuthoredGraph {
  chapter: AuthoredChapter;
  nodes: AuthoredNode[];
  edges: AuthoredEdge[];
}

/** Where something was written: 1-based line and column in the file. */
export interface SourcePos {
  line: number;
  col: number;
}

/** A parsed authoring file: the data plus a way back from a data path to the source line. */
export interface ParsedFile {
  file: string;
  graph: AuthoredGraph;
  /** Position of the value at a path like ["edges", 57, "target"]; falls back to the nearest parent. */
  locate(path: ReadonlyArray<string | number>): SourcePos;
}
