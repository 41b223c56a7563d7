/** The compiled chapter graph, produced at build time by the plugin in vite.config.ts. */
declare module 'virtual:chapter' {
  import type { CompiledGraph } from './model/types';
  const graph: CompiledGraph;
  export default graph;
}
