/**
 * A course: its title and its chapters in reading order (graph/course.yaml), and the small index
 * the site shows before a chapter is opened — each chapter's title, slide count, sections and
 * what search needs to reach across chapters. No DOM, no file system.
 */
import { ID_PATTERN } from './vocabulary';
import { didYouMean, formatPath, GraphCheckError, type GraphError } from './errors';
import { parseGraphYaml } from './parse';
import type { LinkageGraph, SectionInfo } from './types';

/** The course file, checked. */
export interface CourseFile {
  title: string;
  en: string;
  /** Chapter ids (folder names), in reading order. */
  chapters: string[];
  /** The chapter a link without `#ch=` opens. */
  defaultChapter: string;
}

/** A concept as cross-chapter search sees it: key, 繁, 简, English, pinyin, initials, importance. */
export type SearchEntry = [key: string, label: string, labelHans: string, labelEn: string, pinyin: string, initials: string, importance: number];

/** One chapter in the course index. */
export interface ChapterEntry {
  id: string;
  title: string;
  titleHans: string;
  titleEn: string;
  slides: number;
  sections: SectionInfo[];
  concepts: number;
  links: number;
  /** Every concept of the chapter, for search from another chapter (empty in a course of one chapter). */
  search: SearchEntry[];
}

/** The course index bundled with the site. */
export interface CourseIndex {
  title: string;
  titleHans: string;
  titleEn: string;
  chapters: ChapterEntry[];
  defaultChapter: string;
}

const FIELDS = ['title', 'en', 'chapters', 'default'];

/** The authoring file of chapter `id` in the course folder `dir`: `<dir>/<id>/<id>.yaml`. */
export function chapterFile(dir: string, id: string): string {
  return `${dir.replace(/\\/g, '/').replace(/\/$/, '')}/${id}/${id}.yaml`;
}

/**
 * Reads a course file's text. `hasChapter(id)`: whether the chapter's folder (with its file) is
 * there beside it — a chapter listed without one is an error; `folders` are those that are, for
 * "did you mean". Throws `GraphCheckError` with every located problem.
 */
export function parseCourse(text: string, file: string, hasChapter: (id: string) => boolean, folders: readonly string[] = []): CourseFile {
  const parsed = parseGraphYaml(text, file);
  const data: unknown = parsed.graph;
  const errors: GraphError[] = [];
  const fail = (path: Array<string | number>, message: string) => errors.push({ file, ...parsed.locate(path), path: formatPath(path), message });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new GraphCheckError([{ file, line: 1, col: 1, path: '', message: 'expected a mapping with title, en, chapters and default' }]);
  }
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    if (!FIELDS.includes(key)) {
      const near = didYouMean(key, FIELDS);
      fail([key], `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}; expected ${FIELDS.join(', ')}`);
    }
  }
  const text_ = (key: string, what: string): string => {
    const v = d[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    fail(v === undefined ? [] : [key], v === undefined ? `missing required field "${key}": expected ${what}` : `expected ${what}, found ${JSON.stringify(v)}`);
    return '';
  };
  const title = text_('title', 'the course title in zh-Hant');
  const en = text_('en', 'the course title in English');
  const chapters: string[] = [];
  const list = d['chapters'];
  if (!Array.isArray(list) || list.length === 0) {
    fail(list === undefined ? [] : ['chapters'], 'expected "chapters": a list of chapter ids (the folders of graph/), in reading order');
  } else {
    list.forEach((id, i) => {
      if (typeof id !== 'string' || !ID_PATTERN.test(id)) fail(['chapters', i], `expected a chapter id like "chapter-02", found ${JSON.stringify(id)}`);
      else if (chapters.includes(id)) fail(['chapters', i], `chapter "${id}" is listed twice`);
      else if (!hasChapter(id)) {
        const near = didYouMean(id, folders);
        fail(['chapters', i], `no chapter folder "${id}" beside the course file${near ? ` (did you mean "${near}"?)` : ''}: expected a folder ${id}/ holding ${id}.yaml`);
      } else chapters.push(id);
    });
  }
  let defaultChapter = chapters[0] ?? '';
  if (d['default'] !== undefined) {
    if (typeof d['default'] === 'string' && chapters.includes(d['default'])) defaultChapter = d['default'];
    else fail(['default'], `expected one of the listed chapters (${chapters.join(', ')}), found ${JSON.stringify(d['default'])}`);
  }
  if (errors.length > 0) throw new GraphCheckError(errors.sort((a, b) => a.line - b.line));
  return { title, en, chapters, defaultChapter };
}

/** A compiled chapter's entry in the course index; `searchable`: with its concepts for search from other chapters. */
export function chapterEntry(graph: LinkageGraph, searchable = true): ChapterEntry {
  const a = graph.getAttributes();
  return {
    id: a.id,
    title: a.title,
    titleHans: a.titleHans,
    titleEn: a.titleEn,
    slides: a.slideCount,
    sections: a.sections,
    concepts: graph.order,
    links: graph.size,
    search: searchable ? graph.mapNodes((key, n): SearchEntry => [key, n.label, n.labelHans, n.labelEn, n.pinyin, n.initials, n.importance]) : [],
  };
}
