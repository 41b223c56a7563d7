/** The chapter a link without `#ch=` opens, compiled at build time by the plugin in vite.config.ts. */
declare module 'virtual:chapter' {
  const graph: import('./model/types').CompiledGraph;
  export default graph;
}

/** The course index and a loader per chapter (vite.config.ts). */
declare module 'virtual:course' {
  const course: import('./model/course').CourseIndex;
  export default course;
  /** Each chapter's compiled graph by id (all but the default one, which is `virtual:chapter`), loaded when opened. */
  export const chapters: Record<string, () => Promise<{ default: import('./model/types').CompiledGraph }>>;
}
