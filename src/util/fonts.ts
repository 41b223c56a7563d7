/**
 * The font stacks names are drawn with, on the map's canvas, in SVG and PNG exports and in the
 * review sheet: locally installed CJK fonts only (never a font from another origin).
 */
export const FONT_STACK = {
  hant: '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK SC", system-ui, sans-serif',
  hans: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK TC", system-ui, sans-serif',
} as const;
