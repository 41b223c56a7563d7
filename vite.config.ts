/**
 * Vite config. The chapter graph is compiled from graph/chapter-02.yaml at build (and dev) time
 * and bundled as the module `virtual:chapter`; `base: './'` lets dist/ work from any sub-path.
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { compileGraphFile } from './src/cli/compile-file';
import { formatError, GraphCheckError } from './src/model/errors';

const CHAPTER = resolve(import.meta.dirname, 'graph/chapter-02.yaml');
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
      this.addWatchFile(resolve(import.meta.dirname, 'graph/source/chapter-02.md'));
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

export default defineConfig({
  base: './',
  plugins: [chapterGraph()],
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
