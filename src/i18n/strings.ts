/**
 * UI strings in 繁體, 简体 and English. Content (labels, quotes) comes from the graph; these
 * are the words of the interface only.
 */
import { formatCount } from '../io/limits';
import type { Lang } from '../model/sentence';
import type { ChapterEntry, CourseIndex } from '../model/course';
import type { LinkageGraph } from '../model/types';

/** Nouns that counts are given in ({@link counted}), one list for every view that counts. */
export const NOUNS = {
  concepts: ['個概念', '个概念', 'concepts'],
  links: ['條關係', '条关系', 'links'],
  slides: ['張投影片', '张幻灯片', 'slides'],
  sections: ['節', '节', 'sections'],
} as const satisfies Record<string, readonly [string, string, string]>;

const STRINGS = {
  appName: ['脈絡', '脉络', 'Linkage'],
  searchPlaceholder: ['搜尋 繁/简/EN/拼音', '搜索 繁/简/EN/拼音', 'Search 繁/简/EN/pinyin'],
  searchLabel: ['搜尋', '搜索', 'Search'],
  noMatches: ['沒有符合的概念', '没有符合的概念', 'No matching concept'],
  language: ['語言', '语言', 'Language'],
  share: ['複製連結', '复制链接', 'Copy link'],
  copied: ['已複製連結', '已复制链接', 'Link copied'],
  filters: ['篩選', '筛选', 'Filters'],
  nodeKinds: ['節點類型', '节点类型', 'Node kinds'],
  edgeKinds: ['關係類型', '关系类型', 'Link kinds'],
  sections: ['章節', '章节', 'Sections'],
  noSection: ['跨章節', '跨章节', 'Across sections'],
  slides: ['投影片', '幻灯片', 'Slides'],
  slideRange: ['投影片範圍', '幻灯片范围', 'Slide range'],
  from: ['從', '从', 'From'],
  to: ['到', '到', 'To'],
  resetFilters: ['重設篩選', '重设筛选', 'Reset filters'],
  focus: ['聚焦', '聚焦', 'Focus'],
  focusOff: ['關', '关', 'Off'],
  hops: ['步', '步', 'hops'],
  direction: ['方向', '方向', 'Direction'],
  dirIn: ['指向它', '指向它', 'Incoming'],
  dirOut: ['由它指出', '由它指出', 'Outgoing'],
  dirBoth: ['雙向', '双向', 'Both'],
  focusNeedsSelection: ['先選一個概念', '先选一个概念', 'Select a concept first'],
  path: ['路徑', '路径', 'Path'],
  pathFinder: ['兩個概念如何相連?', '两个概念如何相连?', 'How are two concepts linked?'],
  pathFrom: ['起點', '起点', 'Start'],
  pathTo: ['終點', '终点', 'End'],
  swap: ['交換', '交换', 'Swap'],
  clear: ['清除', '清除', 'Clear'],
  noPath: ['這兩個概念在目前顯示的圖中沒有相連。', '这两个概念在目前显示的图中没有相连。', 'These two concepts are not linked in what is shown.'],
  pathCount: ['條最短路徑', '条最短路径', 'shortest chain(s)'],
  steps: ['步', '步', 'steps'],
  chain: ['路徑', '路径', 'Chain'],
  details: ['詳情', '详情', 'Details'],
  kind: ['類型', '类型', 'Kind'],
  section: ['章節', '章节', 'Section'],
  quote: ['原文', '原文', 'Source text'],
  relations: ['關係', '关系', 'Relations'],
  noRelations: ['沒有顯示中的關係', '没有显示中的关系', 'No visible relations'],
  close: ['關閉', '关闭', 'Close'],
  setPathFrom: ['設為路徑起點', '设为路径起点', 'Path starts here'],
  setPathTo: ['設為路徑終點', '设为路径终点', 'Path ends here'],
  zoomIn: ['放大', '放大', 'Zoom in'],
  zoomOut: ['縮小', '缩小', 'Zoom out'],
  fit: ['顯示全部', '显示全部', 'Fit to screen'],
  reset: ['重設視圖', '重设视图', 'Reset view'],
  legend: ['圖例', '图例', 'Legend'],
  badHash: ['網址中的狀態無法讀取,已改用預設視圖。', '网址中的状态无法读取,已改用默认视图。', 'The link could not be read; showing the default view.'],
  partialHash: ['網址中有部分內容無法讀取,已略去:', '网址中有部分内容无法读取,已略去:', 'Parts of the link could not be read and were left out:'],
  dismiss: ['知道了', '知道了', 'Dismiss'],
  shown: ['顯示', '显示', 'shown'],
  nodesShown: NOUNS.concepts,
  linksShown: NOUNS.links,
  slideShort: ['第', '第', 'slide'],
  slideSuffix: ['張', '张', ''],
  help: ['說明', '说明', 'Help'],
  mapLabel: ['概念圖', '概念图', 'Concept map'],
  views: ['視圖', '视图', 'Views'],
  modes: ['模式', '模式', 'Modes'],
  'view-network': ['網絡圖', '网络图', 'Network'],
  'view-transformations': ['轉化階梯', '转化阶梯', 'Transformations'],
  'view-outline': ['大綱', '大纲', 'Outline'],
  'mode-explore': ['探索', '探索', 'Explore'],
  'mode-lecture': ['講課', '讲课', 'Lecture'],
  'mode-revision': ['複習', '复习', 'Revise'],
  'mode-build': ['構圖', '构图', 'Build'],
  hideSidebar: ['收起面板', '收起面板', 'Hide panel'],
  courseIndex: ['課程目錄', '课程目录', 'Course contents'],
  chapterPicker: ['選擇章', '选择章', 'Choose a chapter'],
  otherChapters: ['其他章', '其他章', 'In other chapters'],
  noSuchChapter: ['課程中沒有這一章,已改為顯示:', '课程中没有这一章,已改为显示:', 'The course has no such chapter; showing instead:'],
  chapterLoadFailed: ['這一章無法載入:', '这一章无法加载:', 'This chapter could not be loaded:'],
  showSidebar: ['展開面板', '展开面板', 'Show panel'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type StringKey = keyof typeof STRINGS;

const INDEX: Record<Lang, 0 | 1 | 2> = { 'zh-Hant': 0, 'zh-Hans': 1, en: 2 };

/** The entry for `lang` of a [繁體, 简体, English] triple: every UI string table reads through this. */
export function inLang<T>(lang: Lang, triple: readonly [T, T, T]): T {
  return triple[INDEX[lang]];
}

/** The UI string `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return inLang(lang, STRINGS[key]);
}

/**
 * A search that matches more than the map raises: how many match, how many are raised, and the
 * reader asked to narrow it.
 */
export function matchesCapped(lang: Lang, total: number, raised: number): string {
  const all = counted(lang, total, NOUNS.concepts);
  const best = formatCount(raised);
  return inLang(lang, [
    `${all}符合搜尋，地圖只標出最相符的 ${best} 個：請縮小搜尋範圍`,
    `${all}符合搜索，地图只标出最相符的 ${best} 个：请缩小搜索范围`,
    `${all} match; the map raises the best ${best}: narrow the search`,
  ]);
}

/**
 * A count and its noun: "2 個概念", "2 个概念", "2 concepts" — and "1 concept": the English noun
 * (a regular plural) loses its -s for one.
 */
export function counted(lang: Lang, n: number, noun: readonly [string, string, string]): string {
  const word = inLang(lang, noun);
  return `${formatCount(n)} ${lang === 'en' && n === 1 && word.endsWith('s') ? word.slice(0, -1) : word}`;
}

/** Text in the language: picks one of three values. */
export function pick<T>(lang: Lang, zhHant: T, zhHans: T, en: T): T {
  return lang === 'zh-Hant' ? zhHant : lang === 'zh-Hans' ? zhHans : en;
}

/** The graph's title in the reader's script ('' when it has none). */
export function graphTitle(graph: LinkageGraph, lang: Lang): string {
  return pick(lang, graph.getAttribute('title'), graph.getAttribute('titleHans'), graph.getAttribute('titleEn')) ?? '';
}

/** The course's title in the reader's script. */
export function courseTitle(course: CourseIndex, lang: Lang): string {
  return pick(lang, course.title, course.titleHans, course.titleEn);
}

/** A chapter's title (in the course index) in the reader's script. */
export function chapterTitle(chapter: ChapterEntry, lang: Lang): string {
  return pick(lang, chapter.title, chapter.titleHans, chapter.titleEn);
}

/** "slide 7" / "第 7 張" / "第 7 张". */
export function slideLabel(lang: Lang, slides: readonly number[]): string {
  if (slides.length === 0) return '';
  const list = compactRanges(slides);
  return lang === 'en' ? `${slides.length > 1 ? 'slides' : 'slide'} ${list}` : `${t(lang, 'slideShort')} ${list} ${t(lang, 'slideSuffix')}`;
}

/** [1,2,3,5] → "1–3, 5". */
function compactRanges(values: readonly number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) end = sorted[++i]!;
    parts.push(end > start + 1 ? `${start}–${end}` : end === start + 1 ? `${start}, ${end}` : `${start}`);
  }
  return parts.join(', ');
}
