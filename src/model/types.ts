/**
 * Types of the compiled graph: the contract between the compiler, the importers and the views.
 * The compiled form is graphology's serialized JSON with these attributes.
 */
import type Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { Blank, RelationType } from './vocabulary';

/** Attributes of a compiled node. `kind` is the domain kind; sigma's `type` is never used for it. */
export interface NodeAttrs {
  kind: string;
  /** zh-Hant label: the source's wording. */
  label: string;
  /** zh-Hans label, derived with OpenCC (tw → cn). */
  labelHans: string;
  /** English label. */
  labelEn: string;
  /**
   * Compiled Linkage chapters: the English name drawn on the map when `labelEn` is too long for
   * it (authored `short:`); the panel, sentences, questions and search keep `labelEn`. Absent
   * when the label itself is short, and in imported graphs.
   */
  mapEn?: string;
  /**
   * Compiled Linkage chapters: true when the English label is a proper name (its capitals are kept
   * mid-sentence; authored `name: true`). Absent in imported graphs: labels are read as written.
   */
  enName?: boolean;
  /**
   * Compiled Linkage chapters: true when the English label is grammatically plural (authored
   * `number:`, else the realiser's guess), so verbs agree with it. Absent in imported graphs.
   */
  enPlural?: boolean;
  /** Slide numbers the node rests on, ascending. */
  slides: number[];
  /** Section id ("2-1" … "2-4") or null when the node spans sections or stands outside them. */
  section: string | null;
  /** Verbatim quote from the transcript (zh-Hant). */
  quote: string;
  /** The quote in zh-Hans. */
  quoteHans: string;
  /** Toneless pinyin of the label, syllables separated by spaces (`dian zi zheng wu`). */
  pinyin: string;
  /** First letters of the pinyin syllables (`dzzw`). */
  initials: string;
  /** Importance in [0, 1]; `size` is derived from it. */
  importance: number;
  x: number;
  y: number;
  size: number;
  color: string;
}

/** Attributes of a compiled edge. */
export interface EdgeAttrs {
  kind: string;
  slides: number[];
  /** Linking phrase, zh-Hant; `…` marks where the target goes. */
  labelZh: string;
  /** Linking phrase, zh-Hans. */
  labelHans: string;
  /** Linking phrase, English. */
  labelEn: string;
  /** The English phrase after a plural subject, when the vocabulary gives it (a kind's default phrase). */
  labelEnPlural?: string;
  /**
   * Imported graphs only: true when the file declared the edge undirected. It is stored from
   * source to target as written, and drawn without an arrow.
   */
  undirected?: boolean;
}

/** A node or edge kind as the views present it (legend, filters, colours). */
export interface KindInfo {
  id: string;
  zh: string;
  zhHans: string;
  en: string;
  color: string;
  /**
   * Node kinds: how the disc is outlined, so that kinds of similar hue differ without colour:
   * `plain` a thin outline, `ring` an outline with a white inner ring, `thick` a heavy outline.
   * Absent means `plain`.
   */
  border?: NodeBorder;
  /** Link kinds: reads the same both ways (drawn without an arrow, asked from either end). */
  symmetric?: boolean;
  /** Link kinds: sets two things against each other (the quiz's two sides). */
  opposing?: boolean;
  /** Link kinds: false when the link carries no likeness (the quiz's distractors avoid it). */
  likeness?: boolean;
  /**
   * Link kinds: the link ranks its concepts, broader over narrower: `down` the source is the
   * broader (contains), `up` the target is (is a kind of). Build mode counts hierarchy levels along it.
   */
  hierarchy?: 'down' | 'up';
  /** Link kinds: the question it feeds and the ends asked for. */
  question?: { type: RelationType; ask: Blank[] };
  /** Node kinds: structure, not content (path questions avoid it). */
  structural?: boolean;
  /** Node kinds: a catch-all whose members are not safe look-alikes. */
  broad?: boolean;
}

export const NODE_BORDERS = ['plain', 'ring', 'thick'] as const;
export type NodeBorder = (typeof NODE_BORDERS)[number];

export interface SectionInfo {
  id: string;
  /** Title, zh-Hant / zh-Hans / English. */
  zh: string;
  zhHans: string;
  en: string;
  /** First and last slide of the section. */
  slides: [number, number];
}

export interface SlideText {
  n: number;
  zh: string;
  zhHans: string;
}

/** Graph-level attributes of a compiled graph. */
export interface GraphAttrs {
  id: string;
  title: string;
  titleHans: string;
  titleEn: string;
  /** Number of slides (slide numbers run 1..slideCount); 0 when the graph has no slides. */
  slideCount: number;
  sections: SectionInfo[];
  nodeKinds: KindInfo[];
  edgeKinds: KindInfo[];
  /** The transcript, slide by slide (for lecture mode); empty for graphs without one. */
  slideTexts: SlideText[];
}

export type CompiledGraph = SerializedGraph<NodeAttrs, EdgeAttrs, GraphAttrs>;
export type LinkageGraph = Graph<NodeAttrs, EdgeAttrs, GraphAttrs>;
