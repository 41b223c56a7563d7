/**
 * End-to-end setup: builds the site once and serves dist/ with `vite preview` on a free port;
 * the tests read the address from `inject('baseUrl')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { checkBrowserPrerequisites } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built site (with Vite's manifest in .vite/), for the benchmark's smoke test to reuse. */
    distDir: string;
  }
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  checkBrowserPrerequisites();
  // A private output folder, so that runs side by side never overwrite each other's site.
  const outDir = mkdtempSync(join(tmpdir(), 'linkage-e2e-'));
  // With Vite's manifest (in .vite/, outside the precached files), so that the benchmark's smoke
  // test measures and serves this build rather than building the site again.
  await build({ root: process.cwd(), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
  server = await preview({ root: process.cwd(), build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('distDir', outDir);
  return async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
