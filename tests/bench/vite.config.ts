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
/** The pages' build, into `outDir`. */
export function benchPagesConfig(outDir = resolve(import.meta.dirname, '../../bench-results/pages')): InlineConfig {
  return {
    configFile: false,
    root: PAGES,
    base: './',
    plugins: (appConfig.plugins ?? []) as PluginOption[],
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
