/**
 * The file formats Linkage reads and writes: one list each, for the importer, the exporter, the
 * file menu and the CLI. No dependencies, so the always-loaded file menu can use it.
 */

/** Formats the importer reads. */
const IMPORT_FORMATS = ['yaml', 'json', 'gexf', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** File name endings the importer reads (the file picker's `accept`). */
export const IMPORT_EXTENSIONS = ['.gexf', '.graphml', '.xml', '.json', '.yaml', '.yml'] as const;

/** Text formats a graph is exported to, in the file menu's order. */
export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
