/** A scope as the reader names it: 整章 / §2-1 行政體制改革的趨向 / 第 6–13 張投影片. */
import { tb } from '../../i18n/build';
import { pick } from '../../i18n/strings';
import type { Scope } from '../../model/build/types';
import type { Lang } from '../../model/sentence';
import type { LinkageGraph } from '../../model/types';

export function scopeName(graph: LinkageGraph, scope: Scope, lang: Lang): string {
  if (scope.kind === 'all') return tb(lang, 'scopeAll');
  if (scope.kind === 'section') {
    const sec = (graph.getAttribute('sections') ?? []).find((s) => s.id === scope.id);
    return sec ? `${sec.id} ${pick(lang, sec.zh, sec.zhHans, sec.en)}` : scope.id;
  }
  return scope.first === scope.last ? tb(lang, 'scopeSlide', { n: scope.first }) : tb(lang, 'scopeSlides', { a: scope.first, b: scope.last });
}
