/**
 * UI strings of lecture mode, the presenter view and revision mode, in 繁體, 简体 and English
 * (same pattern as strings.ts). `{name}` marks a value filled in by {@link fill}.
 */
import type { Lang } from '../model/sentence';
import { inLang } from './strings';

const STRINGS = {
  // Lecture
  slideOf: ['第 {n} 張,共 {total} 張', '第 {n} 张,共 {total} 张', 'Slide {n} of {total}'],
  prevSlide: ['上一張', '上一张', 'Previous slide'],
  nextSlide: ['下一張', '下一张', 'Next slide'],
  goToSlide: ['跳到第幾張', '跳到第几张', 'Go to slide'],
  fullScreen: ['全螢幕', '全屏', 'Full screen'],
  exitFullScreen: ['退出全螢幕', '退出全屏', 'Exit full screen'],
  openPresenter: ['講者視窗', '讲者窗口', 'Presenter view'],
  endLecture: ['結束講課', '结束讲课', 'End lecture'],
  onThisSlide: ['本張的概念', '本张的概念', 'On this slide'],
  lectureKeys: [
    '→ 空白鍵 PageDown 下一張 · ← PageUp 上一張 · Home / End 首尾 · 數字+Enter 跳頁',
    '→ 空格键 PageDown 下一张 · ← PageUp 上一张 · Home / End 首尾 · 数字+Enter 跳页',
    '→ Space PageDown next · ← PageUp back · Home / End first and last · number + Enter to jump',
  ],
  typedSlide: ['跳到第 {n} 張(按 Enter)', '跳到第 {n} 张(按 Enter)', 'Go to slide {n} (press Enter)'],
  noSlides: ['這個圖沒有投影片,無法逐張講課。', '这个图没有幻灯片,无法逐张讲课。', 'This graph has no slides to lecture from.'],
  noSlideText: ['(這張投影片沒有文字稿)', '(这张幻灯片没有文字稿)', '(No transcript for this slide)'],
  sourceText: ['原文(繁體)', '原文(繁体)', 'Source text (Traditional Chinese)'],
  popupBlocked: [
    '瀏覽器擋住了新視窗;請允許本頁彈出視窗後再試。',
    '浏览器拦截了新窗口;请允许本页弹出窗口后再试。',
    'The browser blocked the new window; allow pop-ups for this page and try again.',
  ],
  // Presenter
  presenterTitle: ['講者視窗', '讲者窗口', 'Presenter view'],
  presenterSync: ['與投影視窗同步', '与投影窗口同步', 'Kept in step with the projected window'],
  speakerNotes: ['講者備註', '讲者备注', 'Speaker notes'],
  propositions: ['本張的命題', '本张的命题', 'Propositions on this slide'],
  noPropositions: ['這張投影片沒有命題。', '这张幻灯片没有命题。', 'No propositions on this slide.'],
  upNext: ['下一張', '下一张', 'Next'],
  lastSlide: ['這是最後一張。', '这是最后一张。', 'This is the last slide.'],
  elapsed: ['已用時間', '已用时间', 'Elapsed'],
  resetTimer: ['重新計時', '重新计时', 'Restart timer'],
  // Revision
  revision: ['複習', '复习', 'Revision'],
  'q-pole': ['填出這項轉化缺少的一端', '填出这项转化缺少的一端', 'Fill in the missing pole of this transformation'],
  'q-reform': ['這項措施落實的是哪一項改革趨向?', '这项措施落实的是哪一项改革趋向?', 'Which reform trend does this measure put into practice?'],
  'q-drawback': ['以下哪一項是它的弊端?', '以下哪一项是它的弊端?', 'Which of these is a drawback of it?'],
  'q-feature': ['以下哪一項是它的特征?', '以下哪一项是它的特征?', 'Which of these is characteristic of it?'],
  'q-aspect': ['以下哪一項是它的一個方面?', '以下哪一项是它的一个方面?', 'Which of these is an aspect of it?'],
  'q-echo': ['它與哪一個概念相呼應(同一思想在另一處出現)?', '它与哪一个概念相呼应(同一思想在另一处出现)?', 'Which idea does it echo (the same idea seen elsewhere)?'],
  'q-tension': ['它與哪一個概念相對立?', '它与哪一个概念相对立?', 'Which idea does it stand against?'],
  'q-path': ['這兩個概念如何相連?逐步建立最短的連結。', '这两个概念如何相连?逐步建立最短的连接。', 'How are these two linked? Build the shortest chain, one concept at a time.'],
  pathPrompt: ['{from} → … → {to}', '{from} → … → {to}', '{from} → … → {to}'],
  pathStep: ['第 {i} 步(共 {n} 步):下一個概念是?', '第 {i} 步(共 {n} 步):下一个概念是?', 'Step {i} of {n}: which concept comes next?'],
  pathSteps: ['({n} 步)', '({n} 步)', '({n} steps)'],
  right: ['答對了', '答对了', 'Right'],
  wrong: ['答錯了', '答错了', 'Not quite'],
  answerIs: ['答案:', '答案:', 'Answer: '],
  because: ['出處', '出处', 'Where it comes from'],
  nextQuestion: ['下一題', '下一题', 'Next question'],
  questionOf: ['第 {i} 題,共 {n} 題', '第 {i} 题,共 {n} 题', 'Question {i} of {n}'],
  roundDone: ['這一輪完成了', '这一轮完成了', 'Round complete'],
  roundScore: ['答對 {right} 題,答錯 {wrong} 題。', '答对 {right} 题,答错 {wrong} 题。', '{right} right, {wrong} wrong.'],
  newRound: ['開始下一輪', '开始下一轮', 'Next round'],
  practise: ['仍然練習一輪', '仍然练习一轮', 'Practise anyway'],
  nothingDue: ['目前沒有到期的題目。下一題到期:{date}。', '目前没有到期的题目。下一题到期:{date}。', 'Nothing is due now. Next due: {date}.'],
  allDone: ['所有題目都已複習過,目前沒有到期的。', '所有题目都已复习过,目前没有到期的。', 'Every question has been answered; none is due now.'],
  progressLine: ['已答 {seen} / {total} 題 · 已掌握 {mastered} 題', '已答 {seen} / {total} 题 · 已掌握 {mastered} 题', '{seen} of {total} answered · {mastered} mastered'],
  boxes: ['萊特納盒', '莱特纳盒', 'Leitner boxes'],
  boxNew: ['新', '新', 'new'],
  legendVisited: ['已複習的概念', '已复习的概念', 'Visited concept'],
  legendMastered: ['已掌握的概念', '已掌握的概念', 'Mastered concept'],
  legendLinked: ['構圖練習中連對的概念', '构图练习中连对的概念', 'Linked right in a map exercise'],
  exportAnki: ['匯出 Anki 卡片(CSV)', '导出 Anki 卡片(CSV)', 'Export Anki cards (CSV)'],
  exported: ['已匯出 {n} 張卡片。', '已导出 {n} 张卡片。', 'Exported {n} cards.'],
  resetProgress: ['重設進度', '重设进度', 'Reset progress'],
  confirmReset: ['確定清除本機上的複習進度?', '确定清除本机上的复习进度?', 'Clear the revision progress on this device?'],
  confirmYes: ['清除', '清除', 'Clear it'],
  cancel: ['取消', '取消', 'Cancel'],
  progressCleared: ['複習進度已清除。', '复习进度已清除。', 'Revision progress cleared.'],
  revisionKeys: ['數字鍵 1–4 選擇 · Enter 下一題', '数字键 1–4 选择 · Enter 下一题', 'Keys 1–4 choose · Enter for the next question'],
  nothingToAsk: [
    '這個圖沒有可以出題的內容:沒有一條關係屬於可出題的類型(轉化、改革、弊端、特征、方面、呼應、對立),也沒有兩個概念只由唯一一條 2–3 步的最短路徑相連。',
    '这个图没有可以出题的内容:没有一条关系属于可出题的类型(转化、改革、弊端、特征、方面、呼应、对立),也没有两个概念只由唯一一条 2–3 步的最短路径相连。',
    'Nothing can be asked about this graph: no link in it is of a kind the questions ask about (transformations, reforms, drawbacks, features, aspects, echoes, tensions), and no two concepts are joined by a single shortest chain of 2–3 steps.',
  ],
  onlyPaths: [
    '這個圖沒有一條關係屬於可出題的類型,只能問「兩個概念如何相連」。',
    '这个图没有一条关系属于可出题的类型,只能问「两个概念如何相连」。',
    'No link in this graph is of a kind the questions ask about, so only "how are these two linked?" can be asked.',
  ],
  progressCorrupt: ['本機儲存的複習進度無法讀取,已略過;從頭開始。', '本机储存的复习进度无法读取,已略过;从头开始。', 'The revision progress stored on this device could not be read and was ignored; starting afresh.'],
  progressForeign: ['本機儲存的進度不屬於這個圖或這個版本,已略過;從頭開始。', '本机储存的进度不属于这个图或这个版本,已略过;从头开始。', 'The progress stored on this device belongs to another graph or version and was ignored; starting afresh.'],
  progressPartial: ['部分複習紀錄無法讀取,已略去。', '部分复习记录无法读取,已略去。', 'Some revision records could not be read and were left out.'],
  progressUnavailable: ['此瀏覽器不允許儲存,進度只保留到關閉頁面為止。', '此浏览器不允许储存,进度只保留到关闭页面为止。', 'This browser does not allow storage; progress lasts until the page is closed.'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type ModeStringKey = keyof typeof STRINGS;


/** The lecture / revision UI string `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function tm(lang: Lang, key: ModeStringKey, values: Record<string, string | number> = {}): string {
  return fill(inLang(lang, STRINGS[key]), values);
}

/** Replaces each `{name}` in `template` by `values[name]` (left as is when absent). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
