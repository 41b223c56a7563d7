/**
 * Vite config. The chapter graph is compiled from graph/chapter-02/chapter-02.yaml at build (and dev) time
 * and bundled as the module `virtual:chapter`; `base: './'` lets dist/ work from any sub-path.
 * The build is an installable web app: icons drawn at build time, a web app manifest, and a
 * Workbox service worker (vite-plugin-pwa) that precaches the whole site.
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { compileGraphFile } from './src/cli/compile-file';
import { formatError, GraphCheckError } from './src/model/errors';
import { drawIcon, ICON_BACKGROUND, MANIFEST_ICONS, TOUCH_ICON } from './src/pwa-icons';

const CHAPTER = resolve(import.meta.dirname, 'graph/chapter-02/chapter-02.yaml');
const VIRTUAL_ID = 'virtual:chapter';
const RESOLVED_ID = '\0virtual:chapter';

/** Serves `virtual:chapter`: the compiled chapter graph, recompiled when graph/ changes. */
function chapterGraph(): Plugin {
  return {
    name: 'linkage-chapter-graph',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(CHAPTER);
      this.addWatchFile(resolve(import.meta.dirname, 'graph/chapter-02/chapter-02.md'));
      try {
        const compiled = compileGraphFile(CHAPTER);
        // JSON.parse of a string literal is faster to load than the same object as JS source.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
      } catch (err) {
        if (err instanceof GraphCheckError) this.error(`graph/ has errors:\n${err.errors.map(formatError).join('\n')}`);
        throw err;
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
  plugins: [chapterGraph(), appIcons(), await offlineApp()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  // Module workers, so that the import worker loads OpenCC and pinyin-pro only when it needs them.
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
});
