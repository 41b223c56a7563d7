/**
 * The concept-map exercise (Build mode), as data: what a scope of the chapter asks the student
 * to build, the sheet the student builds on, and the verdict of checking it against the
 * chapter's map. No DOM; the editor, the scorer and the hand-in files share these shapes.
 */

/** The three exercises: rebuild from the chapter's own parts, complete a skeleton, or start empty. */
export const EXERCISE_TYPES = ['kit', 'skeleton', 'free'] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

/**
 * The part of the chapter an exercise covers. Every scope comes down to a slide range; a graph
 * without slides has only `all`.
 */
export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'slides'; readonly first: number; readonly last: number }
  | { readonly kind: 'section'; readonly id: string };

/** A link of the chapter's map that an exercise asks for: an edge of the graph. */
export interface ExpertProposition {
  /** The graph's edge key. */
  readonly edge: string;
  readonly source: string;
  readonly target: string;
  readonly kind: string;
  /** The kind reads the same both ways (either direction is right). */
  readonly symmetric: boolean;
}

/** A concept placed on the sheet, at sheet coordinates (y down). */
export interface PlacedConcept {
  readonly key: string;
  readonly x: number;
  readonly y: number;
}

/** A link the student drew: `source` → `target` with a link kind. */
export interface SheetLink {
  /** Unique on the sheet. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: string;
  /** Kit exercises: the link card used (its id), so a card is used once. */
  readonly card?: string;
  /** Skeleton exercises: a link given with the skeleton (fixed, not scored). */
  readonly given?: boolean;
}

/** What the student has built. */
export interface Sheet {
  readonly placed: readonly PlacedConcept[];
  readonly links: readonly SheetLink[];
  /** The next link id's number. */
  readonly next: number;
}

/** A proposition of the student's, as scored: source, kind, target. */
export interface StudentProposition {
  readonly source: string;
  readonly target: string;
  readonly kind: string;
}
