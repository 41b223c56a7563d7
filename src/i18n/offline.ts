/**
 * UI strings of the installed, offline app and of the map's recovery from a lost WebGL context,
 * in 繁體, 简体 and English (the same three-value pattern as strings.ts).
 */
import type { Lang } from '../model/sentence';
import { inLang } from './strings';

const STRINGS = {
  updateReady: ['脈絡有新版本。重新載入即可使用。', '脉络有新版本。重新加载即可使用。', 'A new version of Linkage is ready. Reload to use it.'],
  reload: ['重新載入', '重新加载', 'Reload'],
  later: ['稍後', '稍后', 'Later'],
  mapLost: [
    '概念圖無法繪製:瀏覽器收回了圖形處理器(WebGL)。選取、篩選與視角都還在。',
    '概念图无法绘制:浏览器收回了图形处理器(WebGL)。选取、筛选与视角都还在。',
    'The map could not be drawn: the browser took back its graphics context (WebGL). Your selection, filters and view are kept.',
  ],
  redrawMap: ['重新繪製概念圖', '重新绘制概念图', 'Draw the map again'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type OfflineKey = keyof typeof STRINGS;

/** The string `key` in `lang`. */
export function to(lang: Lang, key: OfflineKey): string {
  return inLang(lang, STRINGS[key]);
}
