/**
 * UI strings of the transformation, outline and help views, in 繁體, 简体 and English (the same
 * three-value pattern as strings.ts).
 */
import type { Lang } from '../model/sentence';
import { counted, inLang, NOUNS } from './strings';

const STRINGS = {
  // Transformation ladder.
  ladderTitleN: ['項轉化', '项转化', 'transformations'],
  ladderHint: [
    '指向或選取一行,看它連到哪些改革措施、特征、決策面向與主體;按一下任一項即選取它。',
    '指向或选取一行,看它连到哪些改革措施、特征、决策面向与主体;按一下任一项即选取它。',
    'Point at or select a row to see the reform measures, features, decision aspects and actors it links to; click any item to select it.',
  ],
  ladderKeys: [
    '方向鍵在格子間移動,Enter 選取。',
    '方向键在格子间移动,Enter 选取。',
    'Arrow keys move between cells; Enter selects.',
  ],
  oldSide: ['舊', '旧', 'Old'],
  newSide: ['新', '新', 'New'],
  midHeader: ['治理層面 · 轉化', '治理层面 · 转化', 'Dimension · transformation'],
  linkedOld: ['舊的一側相連', '旧的一侧相连', 'Linked on the old side'],
  linkedNew: ['新的一側相連', '新的一侧相连', 'Linked on the new side'],
  traitsOf: ['的特征', '的特征', 'characteristics'],
  more: ['另有', '另有', 'and'],
  moreSuffix: ['項', '项', 'more'],
  row: ['第', '第', 'Row'],
  rowSuffix: ['行', '行', ''],
  oldPole: ['舊狀態', '旧状态', 'Old pole'],
  newPole: ['新狀態', '新状态', 'New pole'],
  dimension: ['治理層面', '治理层面', 'Dimension'],
  transformation: ['轉化', '转化', 'Transformation'],
  noTransformations: [
    '這個圖沒有「轉化」:沒有類型為 transformation、且各有一條 from 與 to 關係的節點。請改用網絡圖或大綱。',
    '这个图没有“转化”:没有类型为 transformation、且各有一条 from 与 to 关系的节点。请改用网络图或大纲。',
    'This graph has no transformations: no node of kind "transformation" with one "from" and one "to" link. Use the network or the outline instead.',
  ],
  allFiltered: ['目前的篩選隱藏了所有轉化。', '目前的筛选隐藏了所有转化。', 'The current filters hide every transformation.'],
  skipped: ['個轉化缺少舊或新狀態,未能畫出:', '个转化缺少旧或新状态,未能画出:', 'transformation(s) lack an old or a new pole and are not drawn:'],
  fullscreen: ['全螢幕', '全屏', 'Full screen'],
  exitFullscreen: ['離開全螢幕', '退出全屏', 'Exit full screen'],
  exportSvg: ['匯出 SVG', '导出 SVG', 'Export SVG'],
  exportPng: ['匯出 PNG', '导出 PNG', 'Export PNG'],
  exported: ['已匯出', '已导出', 'Exported'],
  exportFailed: ['匯出失敗', '导出失败', 'Export failed'],
  legend: ['圖例', '图例', 'Legend'],
  legendOld: ['舊狀態(傳統行政)', '旧状态(传统行政)', 'Old pole (traditional)'],
  legendNew: ['新狀態(電子政務)', '新状态(电子政务)', 'New pole (e-government)'],
  legendArrow: ['轉化方向', '转化方向', 'Direction of change'],
  legendDimension: ['治理層面', '治理层面', 'Dimension'],
  captionLinks: ['相連之處', '相连之处', 'How it links'],
  source: ['出處', '出处', 'Source'],
  // Outline.
  outlineTitle: ['大綱', '大纲', 'Outline'],
  outlineKeys: [
    '↑ ↓ 在概念間移動,PageUp / PageDown 跳到上一張或下一張投影片,Home / End 到頭尾,Enter 選取;Tab 走過每個關係的連結。',
    '↑ ↓ 在概念间移动,PageUp / PageDown 跳到上一张或下一张幻灯片,Home / End 到头尾,Enter 选取;Tab 走过每个关系的链接。',
    '↑ ↓ move between concepts, PageUp / PageDown jump to the previous or next slide, Home / End to the first or last, Enter selects; Tab walks every relation link.',
  ],
  contents: ['目錄', '目录', 'Contents'],
  chapterPart: ['本章', '本章', 'The chapter'],
  noSlide: ['不屬於任何投影片', '不属于任何幻灯片', 'Not tied to a slide'],
  alsoHere: ['也見於此:', '也见于此:', 'Also here:'],
  noRelationsShown: ['沒有顯示中的關係', '没有显示中的关系', 'No relation shown'],
  emptyOutline: ['目前的篩選隱藏了所有概念。', '目前的筛选隐藏了所有概念。', 'The current filters hide every concept.'],
  resetFilters: ['重設篩選', '重设筛选', 'Reset filters'],
  print: ['列印講義', '打印讲义', 'Print handout'],
  concepts: NOUNS.concepts,
  relationsCount: ['條關係', '条关系', 'relations'],
  // Help overlay.
  helpTitle: ['鍵盤快捷鍵', '键盘快捷键', 'Keyboard shortcuts'],
  helpButton: ['鍵盤快捷鍵(?)', '键盘快捷键(?)', 'Keyboard shortcuts (?)'],
  close: ['關閉', '关闭', 'Close'],
  helpEverywhere: ['隨處可用', '随处可用', 'Everywhere'],
  helpNetwork: ['網絡圖(地圖取得焦點時)', '网络图(地图取得焦点时)', 'Network (when the map has focus)'],
  helpLadder: ['轉化階梯', '转化阶梯', 'Transformations'],
  helpOutline: ['大綱', '大纲', 'Outline'],
  helpLecture: ['講課模式', '讲课模式', 'Lecture mode'],
  keyHelp: ['開關這個說明', '开关这个说明', 'Show or hide this help'],
  keySearch: ['搜尋概念', '搜索概念', 'Search concepts'],
  keyEscape: ['清除選取、路徑或搜尋;關閉說明', '清除选取、路径或搜索;关闭说明', 'Clear the selection, path or search; close this help'],
  keyViews: ['上一個 / 下一個視圖', '上一个 / 下一个视图', 'Previous / next view'],
  keyZoom: ['放大 / 縮小', '放大 / 缩小', 'Zoom in / out'],
  keyPan: ['平移', '平移', 'Pan'],
  keyRows: ['上一行 / 下一行', '上一行 / 下一行', 'Previous / next row'],
  keyCells: ['舊狀態、層面、轉化、新狀態之間移動', '旧状态、层面、转化、新状态之间移动', 'Move between old pole, dimension, transformation, new pole'],
  keyFirstLast: ['第一個 / 最後一個', '第一个 / 最后一个', 'First / last'],
  keySelect: ['選取', '选取', 'Select'],
  keyConcepts: ['上一個 / 下一個概念', '上一个 / 下一个概念', 'Previous / next concept'],
  keySlides: ['上一張 / 下一張投影片', '上一张 / 下一张幻灯片', 'Previous / next slide'],
  keyLinks: ['走過關係連結', '走过关系链接', 'Walk the relation links'],
  keyLectureStep: ['上一張 / 下一張(簡報遙控器亦可)', '上一张 / 下一张(演示遥控器亦可)', 'Previous / next slide (presentation clickers too)'],
  helpBuild: ['構圖練習(概念取得焦點時)', '构图练习(概念取得焦点时)', 'Build the map (when a concept has focus)'],
  keyBuildLink: ['選為起點,再在另一個概念上按一次:連結', '选为起点,再在另一个概念上按一次:连接', 'Pick as the source; again on another concept: link them'],
  keyBuildMove: ['移動概念(Shift:移動更遠)', '移动概念(Shift:移动更远)', 'Move the concept (Shift: further)'],
  keyBuildRemove: ['移除連結;把概念放回', '移除连接;把概念放回', 'Remove a link; take a concept off the sheet'],
  keyBuildReverse: ['反轉連結的方向', '反转连接的方向', 'Reverse a link'],
  keyBuildUndo: ['復原 / 重做', '撤销 / 重做', 'Undo / redo'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type ViewStringKey = keyof typeof STRINGS;


/** The view string `key` in `lang`. */
export function vt(lang: Lang, key: ViewStringKey): string {
  return inLang(lang, STRINGS[key]);
}

/** A count with the view string `key` as its noun ("1 concept", "2 個概念"). */
export function vcount(lang: Lang, n: number, key: ViewStringKey): string {
  return counted(lang, n, STRINGS[key]);
}

/** "Row 3" / "第 3 行". */
export function rowName(lang: Lang, n: number): string {
  return lang === 'en' ? `${vt(lang, 'row')} ${n}` : `${vt(lang, 'row')} ${n} ${vt(lang, 'rowSuffix')}`;
}

/** "and 4 more" / "另有 4 項". */
export function moreName(lang: Lang, n: number): string {
  return `${vt(lang, 'more')} ${n} ${vt(lang, 'moreSuffix')}`;
}
