/**
 * A course of two chapters for the tests: chapter 2 as graph/ holds it, and the small fixture
 * chapter tests/fixtures/course/demo-01 (its own transcript and vocabulary), in a folder of its
 * own made as an author would: copy a chapter folder in, list it in course.yaml.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Makes the two-chapter course in a new temporary folder; returns the folder. */
export function twoChapterCourse(): string {
  const dir = mkdtempSync(join(tmpdir(), 'linkage-course-'));
  cpSync(join(ROOT, 'graph'), dir, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/course/demo-01'), join(dir, 'demo-01'), { recursive: true });
  writeFileSync(
    join(dir, 'course.yaml'),
    ['title: 電子政務概論', 'en: Introduction to E-Government', 'chapters:', '  - demo-01', '  - chapter-02', 'default: chapter-02', ''].join('\n'),
  );
  return dir;
}
