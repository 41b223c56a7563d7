/**
 * Hard limits on imported files, checked before the whole file is parsed: the size before it is
 * read, node and edge counts while the XML is scanned (or as soon as the JSON/YAML is read).
 */
import { GraphImportError } from './problems';

/**
 * Largest file accepted: 45 MiB (47.2 MB). The compiled form of a 50 000-node graph with three
 * scripts per label (≈39 MB) fits; a 50 MB file does not.
 */
export const MAX_FILE_BYTES = 45 * 1024 * 1024;
/** Most nodes in an imported graph. */
export const MAX_NODES = 100_000;
/** Most edges in an imported graph. */
export const MAX_EDGES = 300_000;
/**
 * Most nodes in an authoring (YAML) file: these are compiled with the chapter's layout, which is
 * meant for concept maps of a chapter, not for large networks.
 */
export const MAX_YAML_NODES = 2_000;
/** Deepest element nesting accepted in XML (GEXF and GraphML need fewer than 10 levels). */
export const MAX_XML_DEPTH = 64;

/** The limits, for messages and the README. */
export const LIMITS = {
  fileBytes: MAX_FILE_BYTES,
  nodes: MAX_NODES,
  edges: MAX_EDGES,
  yamlNodes: MAX_YAML_NODES,
  xmlDepth: MAX_XML_DEPTH,
} as const;

/** Bytes as a short human size: `32 MB`, `52.4 MB`, `812 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Numbers with thousands separators, for messages: `100,000` (as en-US writes them). Written
 * here rather than by `Intl.NumberFormat`: making the first formatter of a page loads the
 * locale's number data (≈20 ms), in the task that shows an opened graph.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  let grouped = whole.slice(0, whole.length % 3 || 3);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Throws `too-large` when a file of `bytes` bytes may not be imported. Call before reading it. */
export function checkFileSize(bytes: number, file: string): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new GraphImportError('too-large', [
      {
        file,
        message: `the file is ${formatBytes(bytes)}; files up to ${formatBytes(MAX_FILE_BYTES)} can be opened. Open a smaller extract of the graph (e.g. filtered in Gephi)`,
      },
    ]);
  }
}

/** Throws `too-many` when `count` nodes (or edges) exceed the limit. */
export function checkCount(what: 'nodes' | 'edges', count: number, file: string, where?: { line?: number; col?: number }, limit = what === 'nodes' ? MAX_NODES : MAX_EDGES): void {
  if (count > limit) {
    throw new GraphImportError('too-many', [
      {
        file,
        ...where,
        message: `the graph has more than ${formatCount(limit)} ${what} (the limit); reading stopped here. Open a smaller extract of the graph`,
      },
    ]);
  }
}
