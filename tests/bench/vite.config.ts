/**
 * Builds the benchmark's own pages (never part of the app bundle): the floor page on the
 * compiled chapter, the three baselines (naive sigma, d3 SVG, Cytoscape.js), and the adapter
 * script the harness injects into the app's page. Used by bundle.ts; also works as
 * `vite build --config tests/bench/vite.config.ts` for a look at the pages.
 */
import { resolve } from 'node:path';
import { defineConfig, type InlineConfig, type PluginOption } from 'vite';
import appConfig from '../../vite.config';

const PAGES = resolve(import.meta.dirname, 'pages');
/** The module id of the compiled chapter (the app config's `virtual:chapter`). */
export const CHAPTER_MODULE_ID = '\0virtual:chapter';

/**
 * The pages' build, into `outDir`. `chapterModule`: the compiled chapter module as an app build
 * just made it (its text), served as it is instead of compiling the chapter again.
 */
export function benchPagesConfig(outDir = resolve(import.meta.dirname, '../../bench-results/pages'), chapterModule?: string): InlineConfig {
  const reuse: PluginOption[] =
    chapterModule === undefined ? [] : [{ name: 'linkage-bench-chapter-given', enforce: 'pre', load: (id) => (id === CHAPTER_MODULE_ID ? chapterModule : null) }];
  return {
    configFile: false,
    root: PAGES,
    base: './',
    plugins: [...reuse, ...((appConfig.plugins ?? []) as PluginOption[])],
    ...(appConfig.worker ? { worker: appConfig.worker } : {}),
    logLevel: 'warn',
    build: {
      outDir,
      target: 'es2022',
      emptyOutDir: true,
      chunkSizeWarningLimit: 5000,
      rolldownOptions: {
        input: {
          floor: resolve(PAGES, 'floor.html'),
          naive: resolve(PAGES, 'naive.html'),
          'd3-svg': resolve(PAGES, 'd3-svg.html'),
          cytoscape: resolve(PAGES, 'cytoscape.html'),
          'app-adapter': resolve(PAGES, 'app-adapter.ts'),
        },
        output: { entryFileNames: 'assets/[name].js' },
      },
    },
  };
}

export default defineConfig(benchPagesConfig());
