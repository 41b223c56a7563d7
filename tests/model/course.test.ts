import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { compileChapter, courseIndex, loadCourse } from '../../src/cli/course-file';
import { parseCourse } from '../../src/model/course';
import { formatError, GraphCheckError } from '../../src/model/errors';
import { generateQuestions } from '../../src/model/quiz';
import type { CompiledGraph, EdgeAttrs, GraphAttrs, KindInfo, NodeAttrs } from '../../src/model/types';
import { twoChapterCourse } from '../helpers/course';
import { compiledChapter } from '../helpers/chapter';

const dir = twoChapterCourse();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errorsOf = (text: string, folders: string[]) => {
  try {
    parseCourse(text, 'course.yaml', (id) => folders.includes(id), folders);
    return [];
  } catch (err) {
    if (err instanceof GraphCheckError) return err.errors.map(formatError);
    throw err;
  }
};

describe('model/course', () => {
  it('reads graph/course.yaml: the title, chapter 2, and chapter 2 as the default', () => {
    expect(loadCourse('graph')).toEqual({ title: '電子政務概論', en: 'Introduction to E-Government', chapters: ['chapter-02'], defaultChapter: 'chapter-02' });
  });

  it('locates what is wrong in a course file', () => {
    const text = ['title: 課程', 'chapters:', '  - chapter-02', '  - chapter-2', '  - chapter-02', 'default: chapter-09', 'colour: red', ''].join('\n');
    expect(errorsOf(text, ['chapter-02', 'chapter-03'])).toEqual([
      'course.yaml:1: missing required field "en": expected the course title in English',
      'course.yaml:4 chapters[1]: no chapter folder "chapter-2" beside the course file (did you mean "chapter-02"?): expected a folder chapter-2/ holding chapter-2.yaml',
      'course.yaml:5 chapters[2]: chapter "chapter-02" is listed twice',
      'course.yaml:6 default: expected one of the listed chapters (chapter-02), found "chapter-09"',
      'course.yaml:7 colour: unknown field "colour"; expected title, en, chapters, default',
    ]);
  });

  it('a chapter is a folder: the fixture chapter compiles with its own vocabulary and joins the index', () => {
    const course = loadCourse(dir);
    expect(course.chapters).toEqual(['demo-01', 'chapter-02']);
    const compiled = new Map<string, CompiledGraph>();
    // Chapter 2 as the tests' cache holds it (the same files); the fixture compiled here.
    const get = (id: string) => compiled.get(id) ?? compiled.set(id, id === 'chapter-02' ? compiledChapter() : compileChapter(dir, id)).get(id)!;
    const demo = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(get('demo-01'));
    const kinds = demo.getAttribute('nodeKinds');
    expect(kinds.map((k) => k.id)).toEqual(['chapter', 'section', 'concept', 'process']);
    expect(kinds.find((k) => k.id === 'concept')!.color).toBe('#777777');
    expect(demo.getEdgeAttributes('p.evaporation>precedes>p.condensation')).toMatchObject({ labelZh: '之後是', labelEn: 'is followed by', labelEnPlural: 'are followed by' });
    const index = courseIndex(course, get);
    expect(index.chapters.map((c) => [c.id, c.slides, c.concepts, c.links, c.search.length])).toEqual([
      ['demo-01', 3, 7, 8, 7],
      ['chapter-02', 20, 196, 277, 196],
    ]);
  });

  it('refuses a chapter whose file names another chapter than its folder', () => {
    const file = join(dir, 'demo-01', 'demo-01.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('id: demo-01', 'id: demo-1'));
    try {
      expect(() => compileChapter(dir, 'demo-01')).toThrow(/demo-01\.yaml:\d+ chapter\.id: the chapter in folder "demo-01" is named "demo-1": expected chapter\.id: demo-01/);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('the questions come from the vocabulary: without its question rule, a link kind feeds none', () => {
    const chapter = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiledChapter());
    const count = (g: typeof chapter) => generateQuestions(g, { seed: 3 }).filter((q) => q.type === 'drawback').length;
    expect(count(chapter)).toBeGreaterThan(0);
    const edited = chapter.copy();
    edited.setAttribute('edgeKinds', edited.getAttribute('edgeKinds').map((k: KindInfo) => (k.id === 'drawback-of' ? { ...k, question: undefined } : k)));
    expect(count(edited)).toBe(0);
  });
});
