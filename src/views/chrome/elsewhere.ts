/**
 * Search across the course: the concepts of the chapters not shown, from the course index (each
 * chapter's index is built on the first search that needs it).
 */
import Graph from 'graphology';
import type { CourseIndex } from '../../model/course';
import { buildSearchIndex, search, type SearchIndex } from '../../model/search';
import type { Lang } from '../../model/sentence';
import type { EdgeAttrs, GraphAttrs, NodeAttrs } from '../../model/types';
import { chapterTitle, pick } from '../../i18n/strings';

/** A concept of another chapter that matches. */
export interface ElsewhereHit {
  chapter: string;
  key: string;
  /** Its label in the reader's script. */
  label: string;
  /** The chapter's title in the reader's script. */
  chapterTitle: string;
}

/** Most hits from other chapters under the main ones. */
const MOST = 5;

/** A search over every chapter of `course` but `current`. */
export function otherChapters(course: CourseIndex, current: string): (query: string, lang: Lang) => ElsewhereHit[] {
  const others = course.chapters.filter((c) => c.id !== current);
  const entries = new Map(others.map((c) => [c.id, new Map(c.search.map((e) => [e[0], e]))]));
  const indexes = new Map<string, SearchIndex>();
  const indexOf = (id: string): SearchIndex => {
    let index = indexes.get(id);
    if (index) return index;
    const graph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>();
    for (const [key, label, labelHans, labelEn, pinyin, initials, importance] of others.find((c) => c.id === id)!.search) {
      graph.addNode(key, { label, labelHans, labelEn, pinyin, initials, importance } as NodeAttrs);
    }
    indexes.set(id, (index = buildSearchIndex(graph)));
    return index;
  };
  return (query, lang) => {
    const hits: Array<ElsewhereHit & { rank: number }> = [];
    for (const c of others) {
      search(indexOf(c.id), query, { limit: MOST }).forEach((h, rank) => {
        const e = entries.get(c.id)!.get(h.key)!;
        hits.push({ chapter: c.id, key: h.key, label: pick(lang, e[1], e[2], e[3]), chapterTitle: chapterTitle(c, lang), rank });
      });
    }
    // Each chapter's best first, then its next best, and so on.
    return hits
      .sort((a, b) => a.rank - b.rank)
      .slice(0, MOST)
      .map((h) => ({ chapter: h.chapter, key: h.key, label: h.label, chapterTitle: h.chapterTitle }));
  };
}
