/**
 * Smoke test of the benchmark harness (`npm run bench`): runs it in quick mode (the 1k graph,
 * one repetition of everything, every renderer) and checks the report's shape and that every
 * figure is a finite number. The full benchmark stays out of `npm test`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BenchReport } from '../bench/bench';
import { OPS } from '../bench/pages/protocol';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'linkage-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every path in `value` whose leaf is not a finite number, a string or a boolean. */
function badLeaves(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (typeof value === 'string' || typeof value === 'boolean') return [];
  if (value === null || value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => badLeaves(v, `${path}[${i}]`));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => badLeaves(v, `${path}.${k}`));
}

const STAT = { median: expect.any(Number), p95: expect.any(Number), n: expect.any(Number) };

describe('npm run bench', () => {
  it('runs the 1k case and prints a report whose every figure is a finite number', async () => {
    const out = join(dir, 'report.json');
    // The site the end-to-end setup built (the same build as the benchmark's) and its compiled chapter: not built again.
    const { stdout } = await run('npx', ['tsx', 'tests/bench/run.ts', '--quick', '--app-dist', inject('distDir'), '--chapter-module', inject('chapterModule'), '--out', out], {
      cwd: process.cwd(),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 170_000,
    });
    const report = JSON.parse(stdout) as BenchReport;
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(report);
    expect(report.schema).toBe('linkage-bench/1');
    expect(badLeaves(report)).toEqual([]);

    // Bundle: initial load and lazy chunks, raw and gzip.
    expect(report.bundle.initial.total.gzip).toBeGreaterThan(10_000);
    expect(report.bundle.initial.files.length).toBeGreaterThan(0);
    // Every lazy chunk measured (a chunk of a few dozen bytes — a small module two modes share —
    // is larger gzipped than raw, so only larger ones must shrink).
    expect(report.bundle.lazy.chunks.every((c) => c.gzip > 0 && c.raw > 0)).toBe(true);
    expect(report.bundle.lazy.chunks.filter((c) => c.raw > 1000).every((c) => c.raw >= c.gzip)).toBe(true);

    // The chapter, next to its floor.
    expect(report.chapter?.app['firstFrameMs']).toEqual(STAT);
    expect(report.chapter?.floor['firstFrameMs']).toEqual(STAT);
    expect(report.chapter?.ratio['firstFrameMs']).toBeGreaterThan(0);

    // Every renderer on the 1k graph, every update, pan/zoom, heap; ratios app / baseline.
    const size = report.scale['1000']!;
    expect(size.nodes).toBe(1000);
    expect(size.edges).toBe(3000);
    for (const renderer of ['app', 'naive', 'd3-svg', 'cytoscape'] as const) {
      const f = size.renderers[renderer]!.figures;
      for (const key of ['load.firstRenderMs', 'load.drawnMs', 'load.longestTaskMs', 'heap.usedMB', 'panzoom.frameMs', 'panzoom.jsPerFrame']) {
        expect(f[key], `${renderer} ${key}`).toEqual(STAT);
      }
      for (const op of OPS) for (const m of ['js', 'jsTotal', 'frameMs']) expect(f[`ops.${op}.${m}`], `${renderer} ${op} ${m}`).toEqual(STAT);
      expect(size.renderers[renderer]!.visible['load']).toBe(1000);
      // The focus shows a small neighbourhood; the filter hides about half the nodes.
      expect(size.renderers[renderer]!.visible['focus']).toBeLessThan(200);
      expect(Math.abs(size.renderers[renderer]!.visible['filter']! / 1000 - (1 - size.filterHides))).toBeLessThan(0.01);
    }
    expect(size.renderers.app!.figures['panzoom.renderPerFrame']).toEqual(STAT);
    for (const baseline of ['naive', 'd3-svg', 'cytoscape']) {
      expect(size.ratios[`app/${baseline}`]?.['ops.search.js'], baseline).toBeGreaterThan(0);
      expect(size.ratios[`app/${baseline}`]?.['load.firstRenderMs'], baseline).toBeGreaterThan(0);
    }
    expect(report.budgets.length).toBeGreaterThan(5);
    expect(report.openPath).toMatch(/^(import|openGraph)/);
    // The import's progress, as the app showed it while opening the file (in 繁體): its stages in order.
    if (report.openPath.startsWith('import')) expect(size.renderers.app!.progress).toEqual(['讀取檔案', '解析與檢查', '轉換']);
  }, 180_000);
});
