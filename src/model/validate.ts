/**
 * Checks a parsed authoring file against the format and against its transcript: shapes, kinds,
 * ids, references, slides, sections, quotes, transformations, coverage and connectivity.
 * Pure and total: any input gives a list of located errors, never an exception.
 *
 * This module is the entry point; the checks live in validate/, one job a file:
 * - validate/fields.ts — the fields of the format, and readers of one field (types, ids, slides)
 * - validate/shape.ts — the shape of the chapter, sections, nodes and edges; the kind lookups
 * - validate/rules.ts — the chapter's rules: unique ids, references, transformations, connectivity
 * - validate/coverage.ts — checks against the transcript: quotes, sections, marked-item coverage
 * - validate/run.ts — runs them in order and sorts the errors
 * - validate/shared.ts — the error collector and small helpers
 */
export { CHAPTER_FIELDS, EDGE_FIELDS, NODE_FIELDS, OPTIONAL_FIELDS, ROOT_FIELDS, SECTION_FIELDS, SHORT_MAX, describeValue } from './validate/fields';
export { markedItemCoverage, type TranscriptInput } from './validate/coverage';
export { validateGraph } from './validate/run';
