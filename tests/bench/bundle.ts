/**
 * Builds the app (as `npm run build` does, into a private folder) and the benchmark pages, and
 * measures the app's bundle: the initial load (what index.html loads, scripts, module preloads
 * and style sheets, and everything those import statically, with their CSS, from Vite's
 * manifest) and each lazily loaded chunk, raw and gzip (level 9).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { benchPagesConfig } from './vite.config';

const REPO = resolve(import.meta.dirname, '../..');

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface FileBytes extends Bytes {
  file: string;
  /** The source module the chunk is named after (lazy chunks), when the manifest says. */
  src?: string;
}

export interface BundleReport {
  initial: { js: Bytes; css: Bytes; total: Bytes; files: FileBytes[] };
  lazy: { js: Bytes; css: Bytes; total: Bytes; chunks: FileBytes[] };
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

function bytes(path: string): Bytes {
  const data = readFileSync(path);
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

function sum(list: readonly Bytes[]): Bytes {
  return list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '.vite' ? [] : listFiles(path, base);
    return [path.slice(base.length + 1)];
  });
}

/** Builds the app into `outDir` with a manifest; returns its bundle figures. `minify: false` is for profiling. */
export async function buildApp(outDir: string, minify = true): Promise<BundleReport> {
  await build({ root: REPO, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true, ...(minify ? {} : { minify: false }) } });
  return measureBundle(outDir);
}

/** The bundle figures of an app already built into `outDir` with its manifest (`build.manifest: true`). */
export function measureBundle(outDir: string): BundleReport {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const keyOfFile = new Map(Object.entries(manifest).map(([key, c]) => [c.file, key]));
  const initialFiles = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || initialFiles.has(chunk.file)) return;
    initialFiles.add(chunk.file);
    for (const css of chunk.css ?? []) initialFiles.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  // The page's own references (the build may fold the entry into a chunk of everything the first
  // load needs, which the manifest then lists under that chunk's name, not under index.html).
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  for (const [, ref] of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)) {
    const key = keyOfFile.get(ref!);
    if (key) visit(key);
    else initialFiles.add(ref!);
  }
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const srcOf = new Map(Object.values(manifest).map((c) => [c.file, c.src]));
  const all = listFiles(outDir).filter((f) => /\.(js|css)$/.test(f));
  const measure = (file: string): FileBytes => {
    const src = srcOf.get(file);
    return { file, ...(src ? { src } : {}), ...bytes(join(outDir, file)) };
  };
  const initial = all.filter((f) => initialFiles.has(f)).map(measure);
  const lazy = all.filter((f) => !initialFiles.has(f)).map(measure);
  const js = (l: FileBytes[]) => sum(l.filter((f) => f.file.endsWith('.js')));
  const css = (l: FileBytes[]) => sum(l.filter((f) => f.file.endsWith('.css')));
  return {
    initial: { js: js(initial), css: css(initial), total: sum(initial), files: initial },
    lazy: { js: js(lazy), css: css(lazy), total: sum(lazy), chunks: lazy.sort((a, b) => b.gzip - a.gzip) },
  };
}

/** Builds the benchmark pages (floor, baselines, adapter) into `outDir`; see benchPagesConfig for `chapterModule`. */
export async function buildPages(outDir: string, chapterModule?: string): Promise<void> {
  await build(benchPagesConfig(outDir, chapterModule));
}
