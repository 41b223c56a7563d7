/** True for a plain mapping (an object that is not null and not an array): what JSON and YAML objects parse to. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
