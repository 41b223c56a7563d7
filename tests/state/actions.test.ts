import { describe, expect, it } from 'vitest';
import {
  applyUrlState,
  clearPath,
  hover,
  langFromLocales,
  parseLang,
  resetFilters,
  roundCamera,
  sameFilters,
  select,
  setCamera,
  setEmbed,
  setFocus,
  setHiddenEdgeKinds,
  setHiddenNodeKinds,
  setHiddenSections,
  setLang,
  setMode,
  setPathEnd,
  setQuery,
  setSlide,
  setSlideRange,
  setView,
  sortedUnique,
  stepSlide,
  swapPath,
  toggleEdgeKind,
  toggleNodeKind,
  toggleSection,
} from '../../src/state/actions';
import { DEFAULT_STATE, type AppState } from '../../src/state/types';

const s0 = DEFAULT_STATE;

describe('state/actions', () => {
  it('returns the very same state when nothing changes', () => {
    expect(select(s0, null)).toBe(s0);
    expect(hover(s0, null)).toBe(s0);
    expect(setQuery(s0, '')).toBe(s0);
    expect(setLang(s0, 'zh-Hant')).toBe(s0);
    expect(setView(s0, 'network')).toBe(s0);
    expect(setMode(s0, 'explore')).toBe(s0);
    expect(setEmbed(s0, false)).toBe(s0);
    expect(setFocus(s0, {})).toBe(s0);
    expect(setFocus(s0, { depth: 0, direction: 'both' })).toBe(s0);
    expect(setPathEnd(s0, 'from', null)).toBe(s0);
    expect(clearPath(s0)).toBe(s0);
    expect(swapPath(s0)).toBe(s0);
    expect(setSlide(s0, null)).toBe(s0);
    expect(setCamera(s0, null)).toBe(s0);
    expect(resetFilters(s0)).toBe(s0);
    expect(setSlideRange(s0, null)).toBe(s0);
    expect(setHiddenNodeKinds(s0, [])).toBe(s0);
    const hidden = toggleNodeKind(s0, 'trait');
    expect(setHiddenNodeKinds(hidden, ['trait', 'trait'])).toBe(hidden);
  });

  it('never mutates its input', () => {
    const frozen = DEFAULT_STATE;
    expect(Object.isFrozen(frozen)).toBe(true);
    toggleNodeKind(toggleNodeKind(frozen, 'b'), 'a');
    expect(frozen.filters.hiddenNodeKinds).toEqual([]);
  });

  it('selects, hovers, searches', () => {
    const s1 = select(s0, 'pd.egov');
    expect(s1.selected).toBe('pd.egov');
    expect(s1).not.toBe(s0);
    expect(hover(s1, 'x').hovered).toBe('x');
    expect(setQuery(s1, 'dzzw').query).toBe('dzzw');
  });

  it('switches language, view, mode, embed', () => {
    expect(setLang(s0, 'en').lang).toBe('en');
    expect(setView(s0, 'outline').view).toBe('outline');
    expect(setMode(s0, 'lecture').mode).toBe('lecture');
    expect(setEmbed(s0, true).embed).toBe(true);
  });

  it('toggles kinds and sections, keeping lists sorted and unique', () => {
    let s = toggleNodeKind(s0, 'trait');
    s = toggleNodeKind(s, 'actor');
    expect(s.filters.hiddenNodeKinds).toEqual(['actor', 'trait']);
    s = toggleNodeKind(s, 'trait');
    expect(s.filters.hiddenNodeKinds).toEqual(['actor']);
    s = toggleEdgeKind(toggleEdgeKind(s, 'echoes'), 'contains');
    expect(s.filters.hiddenEdgeKinds).toEqual(['contains', 'echoes']);
    s = toggleSection(toggleSection(s, 'none'), '2-1');
    expect(s.filters.hiddenSections).toEqual(['2-1', 'none']);
    expect(setHiddenEdgeKinds(s0, ['b', 'a', 'b']).filters.hiddenEdgeKinds).toEqual(['a', 'b']);
    expect(setHiddenSections(s0, ['2-4', '2-1']).filters.hiddenSections).toEqual(['2-1', '2-4']);
    expect(resetFilters(s).filters).toBe(DEFAULT_STATE.filters);
  });

  it('keeps the other filters object when a toggle round-trips', () => {
    const s = toggleNodeKind(toggleNodeKind(s0, 'trait'), 'trait');
    expect(sameFilters(s.filters, s0.filters)).toBe(true);
  });

  it('sets the slide range in order, as integers', () => {
    expect(setSlideRange(s0, [9, 3]).filters.slideRange).toEqual([3, 9]);
    expect(setSlideRange(s0, [2.4, 5.6]).filters.slideRange).toEqual([2, 6]);
    expect(setSlideRange(s0, [Number.NaN, 5]).filters.slideRange).toBeNull();
    const ranged = setSlideRange(s0, [3, 9]);
    expect(setSlideRange(ranged, [9, 3])).toBe(ranged);
  });

  it('sets focus depth and direction independently', () => {
    const s = setFocus(s0, { depth: 2 });
    expect(s.focus).toEqual({ depth: 2, direction: 'both' });
    expect(setFocus(s, { direction: 'in' }).focus).toEqual({ depth: 2, direction: 'in' });
  });

  it('sets, swaps and clears the path ends', () => {
    const s = setPathEnd(setPathEnd(s0, 'from', 'a'), 'to', 'b');
    expect(s.path).toEqual({ from: 'a', to: 'b' });
    expect(swapPath(s).path).toEqual({ from: 'b', to: 'a' });
    expect(clearPath(s).path).toEqual({ from: null, to: null });
  });

  it('sets and steps the lecture slide within the deck', () => {
    expect(setSlide(s0, 4.2).slide).toBe(4);
    expect(setSlide(s0, Number.POSITIVE_INFINITY).slide).toBeNull();
    expect(stepSlide(s0, 1, 20).slide).toBe(1);
    expect(stepSlide(s0, -1, 20).slide).toBe(20);
    const at20 = setSlide(s0, 20);
    expect(stepSlide(at20, 1, 20)).toBe(at20);
    expect(stepSlide(setSlide(s0, 1), -1, 20).slide).toBe(1);
    expect(stepSlide(setSlide(s0, 5), 3, 20).slide).toBe(8);
    expect(stepSlide(s0, 1, 0)).toBe(s0);
  });

  it('rounds the camera, and drops impossible ones', () => {
    expect(roundCamera({ x: 0.123456, y: -0.00001, ratio: 1.234567 })).toEqual({ x: 0.1235, y: 0, ratio: 1.235 });
    expect(roundCamera({ x: Number.NaN, y: 0, ratio: 1 })).toBeNull();
    expect(roundCamera({ x: 0, y: 0, ratio: 0 })).toBeNull();
    expect(roundCamera({ x: 2e6, y: 0, ratio: 1 })).toBeNull();
    const s = setCamera(s0, { x: 0.5, y: 0.5, ratio: 1.2 });
    expect(s.camera).toEqual({ x: 0.5, y: 0.5, ratio: 1.2 });
    expect(setCamera(s, { x: 0.50001, y: 0.5, ratio: 1.20001 })).toBe(s);
  });

  it('applies URL state, keeping hover and query, and identity when equal', () => {
    const current: AppState = { ...select(s0, 'a'), hovered: 'h', query: 'q' };
    const fromUrl: AppState = { ...DEFAULT_STATE, selected: 'a', filters: { ...DEFAULT_STATE.filters } };
    expect(applyUrlState(current, fromUrl)).toBe(current);
    const next = applyUrlState(current, { ...fromUrl, view: 'outline' });
    expect(next).toMatchObject({ view: 'outline', selected: 'a', hovered: 'h', query: 'q' });
    expect(next.filters).toBe(current.filters);
  });

  it('picks the first-visit language from the browser', () => {
    expect(langFromLocales(['zh-CN', 'en'])).toBe('zh-Hans');
    expect(langFromLocales(['zh-SG'])).toBe('zh-Hans');
    expect(langFromLocales(['zh'])).toBe('zh-Hans');
    expect(langFromLocales(['zh-Hans-HK'])).toBe('zh-Hans');
    expect(langFromLocales(['zh-TW'])).toBe('zh-Hant');
    expect(langFromLocales(['zh-hk'])).toBe('zh-Hant');
    expect(langFromLocales(['zh_MO'])).toBe('zh-Hant');
    expect(langFromLocales(['zh-Hant'])).toBe('zh-Hant');
    expect(langFromLocales(['fr-FR', 'zh-TW'])).toBe('zh-Hant');
    expect(langFromLocales(['en-GB', 'zh-CN'])).toBe('en');
    expect(langFromLocales(['de'])).toBe('en');
    expect(langFromLocales([])).toBe('en');
    expect(parseLang('en')).toBe('en');
    expect(parseLang('xx')).toBeNull();
  });

  it('sortedUnique sorts and dedupes', () => {
    expect(sortedUnique(['b', 'a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });
});
