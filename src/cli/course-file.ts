/**
 * Reads a course folder from disk (graph/ by default): its course.yaml and every chapter folder
 * it lists, each compiled with its transcript and vocabulary. Shared by the CLI and the Vite
 * plugin that bundles the course.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { chapterEntry, chapterFile, parseCourse, type CourseFile, type CourseIndex } from '../model/course';
import { toHans } from '../model/derive/hans';
import type { CompiledGraph, EdgeAttrs, GraphAttrs, NodeAttrs } from '../model/types';
import { compileGraph, type CompileOptions } from '../model/compile';
import { GraphCheckError } from '../model/errors';
import { loadGraphFile } from './compile-file';

/** The course folder: `LINKAGE_GRAPH_DIR` when set (a test's fixture course), else graph/. */
export function courseDir(root: string): string {
  return resolve(root, process.env['LINKAGE_GRAPH_DIR'] ?? 'graph');
}

/** The course file of a course folder. */
const COURSE_FILE = 'course.yaml';

/** Reads and checks `<dir>/course.yaml`; throws `GraphCheckError` with located problems. */
export function loadCourse(dir: string): CourseFile {
  const file = join(dir, COURSE_FILE);
  const folders = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(chapterFile(dir, name)));
  return parseCourse(readFileSync(file, 'utf8'), file, (id) => folders.includes(id), folders);
}

/** Compiles chapter `id` of the course in `dir`; its file must name the chapter as its folder does. */
export function compileChapter(dir: string, id: string, options?: CompileOptions): CompiledGraph {
  const file = chapterFile(dir, id);
  const source = loadGraphFile(file);
  if (source.errors.length > 0 || !source.parsed) throw new GraphCheckError(source.errors);
  const named: unknown = source.parsed.graph.chapter?.id;
  if (named !== id) {
    const where = source.parsed.locate(['chapter', 'id']);
    throw new GraphCheckError([{ file, ...where, path: 'chapter.id', message: `the chapter in folder "${id}" is named ${JSON.stringify(named)}: expected chapter.id: ${id} (the folder's name)` }]);
  }
  return compileGraph(source.parsed, source.transcript, { vocabulary: source.vocabulary, ...options });
}

/** The course index of `course`, from its chapters compiled (by `compiled`, e.g. a cache). */
export function courseIndex(course: CourseFile, compiled: (id: string) => CompiledGraph): CourseIndex {
  return {
    title: course.title,
    titleHans: toHans(course.title),
    titleEn: course.en,
    defaultChapter: course.defaultChapter,
    // A course of one chapter needs no search across chapters.
    chapters: course.chapters.map((id) => chapterEntry(Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiled(id)), course.chapters.length > 1)),
  };
}
