/**
 * UI strings of the file menu (open, export, drag and drop, import progress and errors), in
 * 繁體, 简体 and English (the same three-value pattern as strings.ts).
 */
import type { Lang } from '../model/sentence';
import { counted, inLang, NOUNS } from './strings';

const STRINGS = {
  file: ['檔案', '文件', 'File'],
  open: ['開啟圖檔…', '打开图文件…', 'Open a graph file…'],
  openHint: [
    '開啟 GEXF、GraphML、graphology JSON 或脈絡 YAML 檔,也可以把檔案拖到圖上。',
    '打开 GEXF、GraphML、graphology JSON 或脉络 YAML 文件,也可以把文件拖到图上。',
    'Open a GEXF, GraphML, graphology JSON or Linkage YAML file, or drop one on the map.',
  ],
  export: ['匯出', '导出', 'Export'],
  'export-png1': ['網絡圖 PNG', '网络图 PNG', 'Network PNG'],
  'export-png2': ['網絡圖 PNG(2 倍,投影片用)', '网络图 PNG(2 倍,幻灯片用)', 'Network PNG (2×, for slides)'],
  'export-svg': ['轉化階梯 SVG', '转化阶梯 SVG', 'Transformations SVG'],
  'export-gexf': ['GEXF(Gephi)', 'GEXF(Gephi)', 'GEXF (Gephi)'],
  'export-graphml': ['GraphML', 'GraphML', 'GraphML'],
  'export-json': ['graphology JSON', 'graphology JSON', 'graphology JSON'],
  'export-csv': ['命題 CSV(來源、連結語、目標)', '命题 CSV(来源、连结语、目标)', 'Propositions CSV (source, link, target)'],
  noTransformations: ['這張圖沒有轉化,無法匯出轉化階梯。', '这张图没有转化,无法导出转化阶梯。', 'This graph has no transformations to export.'],
  exported: ['已匯出', '已导出', 'Exported'],
  exportFailed: ['匯出失敗:', '导出失败:', 'Export failed:'],
  dropHere: ['放開以開啟這個圖檔', '松开以打开这个图文件', 'Drop to open this graph file'],
  opening: ['正在開啟', '正在打开', 'Opening'],
  'stage-read': ['讀取檔案', '读取文件', 'Reading the file'],
  'stage-parse': ['解析與檢查', '解析与检查', 'Parsing and checking'],
  'stage-convert': ['轉換', '转换', 'Converting'],
  'stage-layout': ['計算佈局', '计算布局', 'Computing the layout'],
  cancel: ['取消', '取消', 'Cancel'],
  cancelled: ['已取消開啟,仍顯示原來的圖。', '已取消打开,仍显示原来的图。', 'Opening cancelled; the previous graph is still shown.'],
  cannotOpen: ['無法開啟', '无法打开', 'Cannot open'],
  keptGraph: ['仍顯示原來的圖。', '仍显示原来的图。', 'The previous graph is still shown.'],
  moreProblems: ['其他問題', '其他问题', 'more problems'],
  dismiss: ['關閉', '关闭', 'Dismiss'],
  laidOut: ['檔案沒有座標,已計算佈局。', '文件没有坐标,已计算布局。', 'The file had no positions; a layout was computed.'],
  kindsFrom: ['節點類型依據', '节点类型依据', 'Node kinds from'],
  oneKind: ['(單一類型)', '(单一类型)', '(one kind)'],
  values: ['個值', '个值', 'values'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type IoStringKey = keyof typeof STRINGS;


/** The file menu's string `key` in `lang`. */
export function ioText(lang: Lang, key: IoStringKey): string {
  return inLang(lang, STRINGS[key]);
}

/** "Opened NAME: N concepts, M links." in the reader's language (and the layout note). */
export function openedMessage(lang: Lang, name: string, nodes: number, edges: number, laidOut: boolean): string {
  const note = laidOut ? ioText(lang, 'laidOut') : '';
  const concepts = counted(lang, nodes, NOUNS.concepts);
  const links = counted(lang, edges, NOUNS.links);
  if (lang === 'en') return `Opened ${name}: ${concepts}, ${links}.${note ? ` ${note}` : ''}`;
  return `${lang === 'zh-Hant' ? '已開啟' : '已打开'} ${name}:${concepts}、${links}。${note}`;
}
