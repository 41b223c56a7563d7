/**
 * Types for the internals of graphology packages that the importer uses directly: the GEXF and
 * GraphML parser factories (so that any DOMParser can be passed, including xmldom's inside a
 * worker, where the browser has none) and ForceAtlas2's step function (so that a layout can run
 * in chunks and report progress).
 */
declare module 'graphology-gexf/common/parser.js' {
  import type { Attributes, GraphConstructor, default as AbstractGraph } from 'graphology-types';
  interface ParserOptions {
    addMissingNodes?: boolean;
    allowUndeclaredAttributes?: boolean;
    respectInputGraphType?: boolean;
  }
  type Parse = (Graph: GraphConstructor<Attributes, Attributes, Attributes>, source: unknown, options?: ParserOptions) => AbstractGraph;
  const createParserFunction: (DOMParser: unknown, Document: unknown) => Parse;
  export default createParserFunction;
}

declare module 'graphology-graphml/common/parser.js' {
  import type { Attributes, GraphConstructor, default as AbstractGraph } from 'graphology-types';
  type Parse = (Graph: GraphConstructor<Attributes, Attributes, Attributes>, source: unknown, options?: { addMissingNodes?: boolean }) => AbstractGraph;
  const createParserFunction: (DOMParser: unknown, Document: unknown) => Parse;
  export default createParserFunction;
}

declare module 'graphology-gexf/common/writer.js' {
  import type { default as AbstractGraph } from 'graphology-types';
  const write: (graph: AbstractGraph, options?: Record<string, unknown>) => string;
  export default write;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { default as AbstractGraph } from 'graphology-types';
  export function graphToByteArrays(graph: AbstractGraph, getEdgeWeight: unknown): { nodes: Float32Array; edges: Float32Array };
  export function assignLayoutChanges(graph: AbstractGraph, nodes: Float32Array, outputReducer: unknown): void;
  export function validateSettings(settings: Record<string, unknown>): { message: string } | null;
}

declare module 'graphology-layout-forceatlas2/iterate.js' {
  const iterate: (settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array) => void;
  export default iterate;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, unknown>;
  export default defaults;
}
