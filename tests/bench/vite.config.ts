/**
 * Builds the benchmark's own pages (never part of the app bundle): the floor page on the
 * compiled chapter, the three baselines (naive sigma, d3 SVG, Cytoscape.js), the app with the
 * proposed network view (`app-proposed`), and the adapter script the harness injects into the
 * app's pages. Used by bundle.ts; also works as
 * `vite build --config tests/bench/vite.config.ts` for a look at the pages.
 */
import { resolve } from 'node:path';
import { defineConfig, type InlineConfig, type Plugin, type PluginOption } from 'vite';
import appConfig from '../../vite.config';

const PAGES = resolve(import.meta.dirname, 'pages');
const NETWORK = resolve(import.meta.dirname, '../../src/views/network.ts');
const PROPOSED_NETWORK = resolve(PAGES, 'proposed/network.ts');

/**
 * In the `app-proposed` page, the app's network view is replaced by the proposed one (the rest
 * of the app is the real code). Other pages never import the network view.
 */
function proposedNetwork(): Plugin {
  return {
    name: 'linkage-bench-proposed-network',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/network/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === NETWORK ? PROPOSED_NETWORK : null;
    },
  };
}

/** The pages' build, into `outDir`. */
export function benchPagesConfig(outDir = resolve(import.meta.dirname, '../../bench-results/pages')): InlineConfig {
  return {
    configFile: false,
    root: PAGES,
    base: './',
    plugins: [...((appConfig.plugins ?? []) as PluginOption[]), proposedNetwork()],
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
          'app-proposed': resolve(PAGES, 'app-proposed.html'),
          'app-adapter': resolve(PAGES, 'app-adapter.ts'),
        },
        output: { entryFileNames: 'assets/[name].js' },
      },
    },
  };
}

export default defineConfig(benchPagesConfig());
