/**
 * zh-Hant → zh-Hans conversion with OpenCC's Taiwan → mainland dictionaries.
 * Only the two dictionary groups used are imported (a fraction of the full converter).
 */
import { ConverterFactory } from 'opencc-js/core';
import fromTw from 'opencc-js/from/tw';
import toCn from 'opencc-js/to/cn';

let converter: ((text: string) => string) | null = null;

/** Converts Traditional Chinese (Taiwan usage) to Simplified Chinese (mainland usage). */
export function toHans(text: string): string {
  converter ??= ConverterFactory(fromTw, toCn);
  return converter(text);
}
