/**
 * Toneless pinyin and initials of a label, for search (`dzzw` finds 電子政務).
 * Non-Han characters are kept as lower-case words so mixed labels stay searchable.
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinForms {
  /** Syllables without tones, separated by spaces: `dian zi zheng wu`. */
  pinyin: string;
  /** First letter of each syllable: `dzzw`. */
  initials: string;
}

const HAN = /\p{Script=Han}/u;

/** Pinyin forms of a text; empty strings when it holds no Han characters. */
export function pinyinForms(text: string): PinyinForms {
  if (!HAN.test(text)) return { pinyin: '', initials: '' };
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s.length > 0);
  return { pinyin: syllables.join(' '), initials: syllables.map((s) => s[0]).join('') };
}
