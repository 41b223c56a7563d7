import Graph from 'graphology';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewSheet } from '../../src/cli/review';
import { compileGraph } from '../../src/model/compile';
import { formatError } from '../../src/model/errors';
import { lintGraph } from '../../src/model/lint';
import { loadGraphSource } from '../../src/model/load';
import { edgeSentence } from '../../src/model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';

const CLEAN = readFileSync('tests/fixtures/lint/clean.yaml', 'utf8');
const MD = readFileSync('tests/fixtures/lint/source/chapter-01.md', 'utf8');

/** The clean fixture with hostile text in a label and a phrase, and one lint finding. */
const HOSTILE = CLEAN.replace('en: Traditional management,', "en: '<script>alert(1)</script> & management', short: Management,")
  .replace('{ source: c.net, kind: impacts, target: c.trad, slides: [1] }', '{ source: c.net, kind: impacts, target: c.trad, slides: [1], en: "\\"onerror=alert(2) hits" }')
  .replace('en: Public participation,', 'en: The public takes part,');

/** What the escaper makes of a text. */
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function sheet(yaml: string) {
  const src = loadGraphSource(yaml, 'tests/fixtures/lint/chapter-01.yaml', MD);
  expect(src.errors.map(formatError)).toEqual([]);
  const warnings = lintGraph(src.parsed!);
  const graph: LinkageGraph = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compileGraph(src.parsed!, src.transcript));
  return { html: reviewSheet(src.parsed!, src.transcript, warnings), parsed: src.parsed!, warnings, graph };
}

/** The part of the page about one slide. */
function slidePart(html: string, n: number): string {
  const start = html.indexOf(`<section class="slide" id="slide-${n}">`);
  expect(start, `slide ${n}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('reviewSheet', () => {
  const { html, parsed, warnings, graph } = sheet(HOSTILE);

  it('is one static document: no script, no external reference, inline CSS with local fonts', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-Hant">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).toMatch(/<style>[^]*font-family: "Noto Sans CJK TC"[^]*@media print[^]*<\/style>/);
    expect(html.match(/<html/g)).toHaveLength(1);
  });

  it('is the same every time (no date)', () => {
    expect(sheet(HOSTILE).html).toBe(html);
  });

  it('heads the page with the chapter and its counts', () => {
    expect(html).toContain('<h1>測試章 <span class="en" lang="en">Test chapter</span></h1>');
    expect(html).toContain('chapter-01 · 3 slides · 10 concepts · 10 links · 1 lint finding');
  });

  it('has a section per slide with the transcript text', () => {
    for (const n of [1, 2, 3]) {
      const part = slidePart(html, n);
      expect(part).toContain(`<h2>投影片 ${n} <span class="en" lang="en">Slide ${n}</span>`);
      expect(part).toContain(`<pre class="transcript">${esc(MD.split(`## slide ${n}\n`)[1]!.split('\n\n## ')[0]!.trim())}</pre>`);
    }
    expect(slidePart(html, 2)).toContain('§1-1 第一節');
  });

  it('shows every node on each slide it cites, and no other', () => {
    for (const n of parsed.graph.nodes) {
      for (const s of [1, 2, 3]) {
        const part = slidePart(html, s);
        const row = `<tr id="n-${n.id}-${s}">`;
        expect(part.includes(row), `${n.id} on slide ${s}`).toBe(n.slides.includes(s));
        if (n.slides.includes(s)) {
          const cells = part.slice(part.indexOf(row), part.indexOf('</tr>', part.indexOf(row)));
          expect(cells).toContain(esc(n.label));
          expect(cells).toContain(esc(n.en));
          expect(cells).toContain(`「${esc(n.quote)}」`);
        }
      }
    }
  });

  it('reads every edge on each slide it cites as the app reads it, in 繁體 and English', () => {
    parsed.graph.edges.forEach((e, i) => {
      const key = `${e.source}>${e.kind}>${e.target}`;
      for (const s of e.slides) {
        const part = slidePart(html, s);
        const item = part.slice(part.indexOf(`<li id="e-${i}-${s}">`), part.indexOf('</li>', part.indexOf(`<li id="e-${i}-${s}">`)));
        expect(item, key).toContain(`<p class="sentence" lang="zh-Hant">${esc(edgeSentence(graph, key, 'zh-Hant').text)}。</p>`);
        expect(item, key).toContain(`<p class="sentence en" lang="en">${esc(edgeSentence(graph, key, 'en').text)}.</p>`);
      }
    });
  });

  it('escapes hostile text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; management');
    expect(html).toContain('&quot;onerror=alert(2) hits');
    expect(html).not.toContain('"onerror');
    expect(html).not.toContain('<script>');
  });

  it('puts each lint finding beside its item, and the rest at the end', () => {
    expect(warnings).toHaveLength(1);
    for (const s of [2, 3]) expect(slidePart(html, s)).toContain(`<ul class="lint"><li>${esc(formatError(warnings[0]!))}</li></ul>`);
    expect(slidePart(html, 1)).not.toContain('class="lint"');
    const rest = html.slice(html.indexOf('<section class="rest" id="not-on-a-slide">'));
    expect(rest).toContain('Findings not tied to a slide');
    expect(rest).toContain('None.');
  });
});
