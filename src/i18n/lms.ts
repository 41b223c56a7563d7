/**
 * UI strings of the LMS bridge (the page running as a SCORM package inside a course's LMS), in
 * 繁體, 简体 and English (the same three-value pattern as strings.ts).
 */
import type { Lang } from '../model/sentence';
import { inLang } from './strings';

const STRINGS = {
  lmsRefused: [
    '課程平台(LMS)拒絕記錄你的進度;你的作答仍保存在這台裝置上。',
    '课程平台(LMS)拒绝记录你的进度;你的作答仍保存在这台设备上。',
    "The course's LMS refused to record your progress; your work is still kept on this device.",
  ],
  lmsUnreadable: [
    '課程平台保存的進度無法讀取,已改用這台裝置上的進度。',
    '课程平台保存的进度无法读取,已改用这台设备上的进度。',
    "The progress the course's LMS kept could not be read; using this device's progress instead.",
  ],
  lmsTrimmed: [
    '進度太多,課程平台只能保存其中一部分:最不熟練的作答未存入平台(這台裝置上仍完整保存)。',
    '进度太多,课程平台只能保存其中一部分:最不熟练的作答未存入平台(这台设备上仍完整保存)。',
    "Your progress is more than the course's LMS can keep: the least advanced answers were left out of its copy (this device still keeps them all).",
  ],
  lmsWorkLeftOut: [
    '課程平台的空間不足,部分構圖作業的進行中內容未存入平台(這台裝置上仍完整保存)。',
    '课程平台的空间不足,部分构图作业的进行中内容未存入平台(这台设备上仍完整保存)。',
    "The course's LMS has no room for some of your map exercises in progress: they were left out of its copy (this device still keeps them).",
  ],
  lmsMemoryOnly: [
    '這個瀏覽器不讓本頁在裝置上保存資料;你的進度由課程平台保存。',
    '这个浏览器不让本页在设备上保存数据;你的进度由课程平台保存。',
    "This browser does not let the page keep data on this device; the course's LMS keeps your progress.",
  ],
  dismiss: ['關閉', '关闭', 'Dismiss'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type LmsStringKey = keyof typeof STRINGS;

/** The string `key` in `lang`. */
export function tl(lang: Lang, key: LmsStringKey): string {
  return inLang(lang, STRINGS[key]);
}
