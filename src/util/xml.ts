/**
 * The one XML escaper: every GEXF, GraphML, SVG and HTML string the app or the CLI writes goes
 * through it. DOM-free.
 */

/** Drops what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF); keeps the rest. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' };

/** Text made safe for XML (and HTML) content and attribute values, in either quotes: {@link xmlSafe}, then & < > " ' and CR escaped. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\r]/g, (c) => ENTITIES[c]!);
}
