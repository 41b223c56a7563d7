import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuote, headOf, parseTranscript } from '../../src/model/transcript';

const MD = `# Course · chapter 9

Notes before the first slide are ignored.
★not an item: no slide yet

## slide 1
第九章 測試章
導言,不是標記行。

## slide 2
§9-1 第一節
★甲由舊向新轉化。說明文字,很長。
◎乙項,補充;
  ○丙:小標題

## slide 3
▽丁項具有適應性
※戊是定義。
`;

describe('headOf', () => {
  it('cuts at the first of : 。 , ; 、 (half- or full-width) and trims', () => {
    expect(headOf('管理形態由實體性向虛擬性轉化。網絡社會以虛擬現實')).toBe('管理形態由實體性向虛擬性轉化');
    expect(headOf('政府職能的優化:')).toBe('政府職能的優化');
    expect(headOf('減少政府包攬過多的社會福利。')).toBe('減少政府包攬過多的社會福利');
    expect(headOf('構建跨時間、地點')).toBe('構建跨時間');
    expect(headOf('甲 ;乙')).toBe('甲');
    expect(headOf('甲，乙')).toBe('甲');
    expect(headOf('行政決策具有適應性和預見性')).toBe('行政決策具有適應性和預見性');
  });

  it('keeps the whole text when it starts with a delimiter', () => {
    expect(headOf(':甲')).toBe(':甲');
  });
});

describe('parseTranscript', () => {
  const t = parseTranscript(MD, 'graph/source/t.md');

  it('reads each slide without its heading and without surrounding blank lines', () => {
    expect([...t.slides.keys()]).toEqual([1, 2, 3]);
    expect(t.slides.get(1)).toBe('第九章 測試章\n導言,不是標記行。');
    expect(t.slides.get(2)).toBe('§9-1 第一節\n★甲由舊向新轉化。說明文字,很長。\n◎乙項,補充;\n  ○丙:小標題');
    expect(t.file).toBe('graph/source/t.md');
  });

  it('lists the marked items in file order with slide, marker, text, head and line', () => {
    expect(t.items).toEqual([
      { slide: 1, marker: 'title', text: '測試章', head: '測試章', line: 7, code: '第九章' },
      { slide: 2, marker: '§', text: '第一節', head: '第一節', line: 11, code: '9-1' },
      { slide: 2, marker: '★', text: '甲由舊向新轉化。說明文字,很長。', head: '甲由舊向新轉化', line: 12 },
      { slide: 2, marker: '◎', text: '乙項,補充;', head: '乙項', line: 13 },
      { slide: 2, marker: '○', text: '丙:小標題', head: '丙', line: 14 },
      { slide: 3, marker: '▽', text: '丁項具有適應性', head: '丁項具有適應性', line: 17 },
      { slide: 3, marker: '※', text: '戊是定義。', head: '戊是定義', line: 18 },
    ]);
  });

  it('gives empty results, without throwing, for text without slides', () => {
    expect(parseTranscript('')).toEqual({ slides: new Map(), items: [] });
    expect(parseTranscript('# title\n★ x\n').items).toEqual([]);
  });

  it('accepts CRLF line ends', () => {
    const crlf = parseTranscript('## slide 1\r\n標題\r\n★甲。\r\n');
    expect(crlf.items.map((i) => [i.marker, i.head, i.line])).toEqual([
      ['title', '標題', 2],
      ['★', '甲', 3],
    ]);
  });

  it('finds every marked item of chapter 2 (the title, 4 sections and 42 marked lines)', () => {
    const ch2 = parseTranscript(readFileSync('graph/chapter-02/chapter-02.md', 'utf8'));
    expect(ch2.slides.size).toBe(20);
    expect(ch2.items).toHaveLength(47);
    expect(ch2.items.filter((i) => i.marker === '§').map((i) => [i.code, i.text, i.slide])).toEqual([
      ['2-1', '行政體制改革的趨向', 2],
      ['2-2', '電子政務治理的特征', 5],
      ['2-3', '電子政務對傳統行政的沖擊', 6],
      ['2-4', '電子政務與行政決策', 14],
    ]);
    expect(ch2.items[0]).toMatchObject({ marker: 'title', text: '電子政務與傳統管理', slide: 1, line: 21 });
    expect(ch2.items.find((i) => i.slide === 6 && i.marker === '★')?.head).toBe('管理形態由實體性向虛擬性轉化');
    expect(ch2.items.find((i) => i.line === 93)).toMatchObject({ slide: 17, marker: '◎', head: '行政程序複雜化' });
    expect(ch2.items.find((i) => i.slide === 18 && i.marker === '▽')?.head).toBe('行政決策的民主化');
  });
});

describe('findQuote', () => {
  const t = parseTranscript(MD);

  it('lists the slides that hold the quote verbatim', () => {
    expect(findQuote(t, '舊向新')).toEqual([2]);
    expect(findQuote(t, '項')).toEqual([2, 3]);
    expect(findQuote(t, '項', [3, 1])).toEqual([3]);
    expect(findQuote(t, '測試章')).toEqual([1]);
  });

  it('finds nothing for an absent, empty or multi-line quote', () => {
    expect(findQuote(t, '不存在')).toEqual([]);
    expect(findQuote(t, '')).toEqual([]);
    expect(findQuote(t, '很長。\n◎乙項')).toEqual([]);
    expect(findQuote(t, '舊向新', [9])).toEqual([]);
  });
});
