/**
 * Vite config. The course (graph/course.yaml and its chapter folders) is compiled at build (and
 * dev) time: `virtual:course` is the course index with a loader per chapter, `virtual:chapter`
 * the chapter a link without `#ch=` opens (in the main bundle, so it starts at once) and
 * `virtual:chapter/<id>` each other chapter (its own chunk, loaded when opened). `base: './'` lets
 * dist/ work from any sub-path. The build is an installable web app: icons drawn at build time, a
 * web app manifest, and a Workbox service worker (vite-plugin-pwa) that precaches the whole site.
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { compileChapter, courseDir, courseIndex, loadCourse } from './src/cli/course-file';
import { formatError, GraphCheckError } from './src/model/errors';
import type { CompiledGraph } from './src/model/types';
import { drawIcon, ICON_BACKGROUND, MANIFEST_ICONS, TOUCH_ICON } from './src/pwa-icons';

const COURSE_ID = 'virtual:course';
const CHAPTER_ID = 'virtual:chapter';

/** A module whose default export is `value` (JSON.parse of a string literal loads faster than the same object as JS). */
const jsonModule = (value: unknown): string => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/** Serves the course: `virtual:course`, `virtual:chapter` and `virtual:chapter/<id>`, compiled again when graph/ changes. */
function courseGraphs(): Plugin {
  const dir = courseDir(import.meta.dirname);
  const fail = (ctx: { error(message: string): never }, err: unknown): never => {
    if (err instanceof GraphCheckError) ctx.error(`${dir} has errors:\n${err.errors.map(formatError).join('\n')}`);
    throw err;
  };
  // Each chapter is compiled once (the index and its own module share it) until graph/ changes.
  const compiled = new Map<string, CompiledGraph>();
  const compile = (chapter: string): CompiledGraph => {
    let graph = compiled.get(chapter);
    if (!graph) compiled.set(chapter, (graph = compileChapter(dir, chapter)));
    return graph;
  };
  return {
    name: 'linkage-course',
    watchChange(file) {
      if (file.startsWith(dir)) compiled.clear();
    },
    resolveId(id) {
      return id === COURSE_ID || id === CHAPTER_ID || id.startsWith(`${CHAPTER_ID}/`) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) return null;
      this.addWatchFile(dir);
      try {
        const course = loadCourse(dir);
        for (const c of course.chapters) this.addWatchFile(resolve(dir, c));
        if (id === `\0${COURSE_ID}`) {
          const index = courseIndex(course, compile);
          // The default chapter is in the main bundle (virtual:chapter); the others load when opened.
          const loaders = course.chapters
            .filter((c) => c !== course.defaultChapter)
            .map((c) => `${JSON.stringify(c)}: () => import(${JSON.stringify(`${CHAPTER_ID}/${c}`)})`)
            .join(',\n  ');
          return `${jsonModule(index)}\n/** Each chapter's compiled graph but the default one's, loaded when opened. */\nexport const chapters = {\n  ${loaders}\n};\n`;
        }
        if (id === `\0${CHAPTER_ID}`) return jsonModule(compile(course.defaultChapter));
        const chapter = id.slice(`\0${CHAPTER_ID}/`.length);
        if (!course.chapters.includes(chapter)) this.error(`${CHAPTER_ID}/${chapter}: no chapter "${chapter}" in the course (${course.chapters.join(', ')})`);
        return jsonModule(compile(chapter));
      } catch (err) {
        return fail(this, err);
      }
    },
  };
}

/** Draws the app's icons (src/pwa-icons.ts) into the build, and serves them in dev. */
function appIcons(): Plugin {
  const icons = [...MANIFEST_ICONS, TOUCH_ICON];
  const drawn = new Map<string, Buffer>();
  const bytesOf = (file: string, size: number, purpose: 'any' | 'maskable') => {
    let png = drawn.get(file);
    if (!png) drawn.set(file, (png = drawIcon(size, purpose)));
    return png;
  };
  return {
    name: 'linkage-app-icons',
    generateBundle() {
      for (const { file, size, purpose } of icons) this.emitFile({ type: 'asset', fileName: file, source: bytesOf(file, size, purpose) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const icon = icons.find((i) => req.url?.split('?')[0]?.endsWith(`/${i.file}`));
        if (!icon) return next();
        res.setHeader('Content-Type', 'image/png');
        res.end(bytesOf(icon.file, icon.size, icon.purpose));
      });
    },
  };
}

/**
 * The web app manifest and the service worker. Every path is relative, so the installed app
 * and its cache work at any sub-path. 'prompt': a new build waits until the reader accepts the
 * reload (src/views/chrome/update-prompt.ts); nothing is injected into index.html but the manifest
 * link, so the CSP keeps forbidding inline script (src/pwa.ts registers the worker).
 */
async function offlineApp(): Promise<Plugin[]> {
  // Loaded by name: its typings import workbox-build's, whose type-fest adds lib "esnext" to the
  // whole type check (and with it ES2025 Set methods every Set-like class would then need).
  const pwaModule: string = 'vite-plugin-pwa';
  const { VitePWA } = (await import(pwaModule)) as { VitePWA: (options: Record<string, unknown>) => Plugin[] };
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      id: './',
      name: '脈絡 Linkage · 電子政務與傳統管理',
      short_name: '脈絡 Linkage',
      description: 'An offline concept-map explorer for the chapter 電子政務與傳統管理 (E-Government and Traditional Management).',
      lang: 'zh-Hant',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: ICON_BACKGROUND,
      icons: MANIFEST_ICONS.map((i) => ({ src: i.file, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.purpose })),
    },
    workbox: {
      // The whole site: pages, code (workers and lazy chunks included), styles, icons, manifest.
      globPatterns: ['**/*.{html,js,css,png,svg,webmanifest,woff,woff2,json}'],
      // Any address in scope (?presenter=1, a hash) opens the app from the cache.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  base: './',
  plugins: [courseGraphs(), appIcons(), await offlineApp()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // What the page needs before its first frame is one file (the entry folded in), not some
        // twenty small shared chunks: over HTTP/1.1 (six connections to a host) and from the offline
        // cache, each further request of the first load costs more than its bytes. The lazy
        // chunks (other views and modes, import, export, the LMS bridge) stay as they are.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  // Module workers, so that the import worker loads OpenCC and pinyin-pro only when it needs them.
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
});
