/**
 * End-to-end setup: builds the site once and serves dist/ with `vite preview` on a free port;
 * the tests read the address from `inject('baseUrl')`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type Plugin, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { checkBrowserPrerequisites } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built site (with Vite's manifest in .vite/), for the benchmark's smoke test to reuse. */
    distDir: string;
    /** A file holding that build's compiled chapter module (virtual:chapter), for later builds to reuse. */
    chapterModule: string;
  }
}

let server: PreviewServer | undefined;

/** The module id of the compiled chapter (vite.config.ts's `virtual:chapter`). */
const CHAPTER_MODULE_ID = '\0virtual:chapter';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  checkBrowserPrerequisites();
  // A private output folder, so that runs side by side never overwrite each other's site.
  const outDir = mkdtempSync(join(tmpdir(), 'linkage-e2e-'));
  // With Vite's manifest (in .vite/, outside the precached files), so that the benchmark's smoke
  // test measures and serves this build rather than building the site again.
  // The compiled chapter module is kept (outside the site) for the other builds of the run.
  let chapterModule = '';
  const keepChapter: Plugin = {
    name: 'linkage-e2e-keep-chapter',
    enforce: 'pre',
    transform(code, id) {
      if (id === CHAPTER_MODULE_ID) chapterModule = code;
      return null;
    },
  };
  await build({ root: process.cwd(), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true }, plugins: [keepChapter] });
  if (chapterModule === '') throw new Error('global setup: the build did not load virtual:chapter');
  const keptDir = mkdtempSync(join(tmpdir(), 'linkage-e2e-chapter-'));
  const chapterFile = join(keptDir, 'chapter.js');
  writeFileSync(chapterFile, chapterModule);
  server = await preview({ root: process.cwd(), build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('distDir', outDir);
  project.provide('chapterModule', chapterFile);
  return async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(keptDir, { recursive: true, force: true });
  };
}
