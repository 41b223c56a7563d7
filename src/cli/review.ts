/**
 * The lecturer's review sheet: one static, printable HTML page of a chapter — for each slide, the
 * transcript beside every node and link that cites it (links as sentences in 繁體 and English) and
 * what the lint says. No script, no external reference, every text escaped; deterministic.
 */
import type { AuthoredGraph, ParsedFile } from '../model/authored';
import { formatError } from '../model/errors';
import type { LintWarning } from '../model/lint';
import { authoredConcept, authoredPhrase, authoredPlural } from '../model/lint';
import { realise } from '../model/realise';
import { SHARED_VOCABULARY, type Vocabulary } from '../model/vocabulary';
import type { ParsedTranscript } from '../model/transcript';
import { FONT_STACK } from '../util/fonts';
import { escapeXml } from '../util/xml';

/** Text made safe for HTML content and double- or single-quoted attributes. */
const html = escapeXml;

/** The app's local CJK font stacks (src/styles.css): no web font is fetched. */

const CSS = `
:root { color: #111; background: #fff; font-family: ${FONT_STACK.hant}; font-size: 14px; line-height: 1.5; }
body { margin: 0 auto; padding: 24px; max-width: 1180px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h1 .en, h2 .en { font-weight: normal; color: #444; }
h2 { font-size: 1.25rem; margin: 0 0 8px; border-bottom: 2px solid #111; padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 12px 0 6px; }
.counts, .note { color: #333; margin: 2px 0; }
section.slide, section.rest { margin-top: 28px; }
.cols { display: grid; grid-template-columns: minmax(240px, 1fr) 2fr; gap: 20px; align-items: start; }
.transcript { white-space: pre-wrap; background: #f4f4f4; border: 1px solid #ccc; padding: 10px 12px; margin: 0; font: inherit; position: sticky; top: 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: 600; }
.kind { white-space: nowrap; color: #333; }
.quote { color: #333; }
ol.links { margin: 0; padding-left: 1.6em; }
ol.links li { margin-bottom: 8px; }
.sentence { margin: 0; }
.sentence.en { color: #222; }
.meta { color: #555; font-size: 0.9em; margin: 0; }
.lint { margin: 4px 0 0; padding: 0; list-style: none; }
.lint li { border-left: 4px solid #b35c00; background: #fff4e5; padding: 2px 6px; margin: 2px 0; font-size: 0.92em; }
.ok { color: #1f6b2a; }
.none { color: #666; font-style: italic; }
@media print {
  :root { font-size: 11pt; }
  body { padding: 0; max-width: none; }
  section.slide { break-before: page; }
  tr, li { break-inside: avoid; }
  .transcript { background: none; position: static; }
  .lint li { background: none; }
}
`;

function lintList(warnings: readonly LintWarning[]): string {
  if (warnings.length === 0) return '';
  return `<ul class="lint">${warnings.map((w) => `<li>${html(formatError(w))}</li>`).join('')}</ul>`;
}

function sectionOfSlide(g: AuthoredGraph, slide: number): string {
  const s = g.chapter.sections.find((x) => slide >= x.slides[0] && slide <= x.slides[1]);
  return s ? ` <small>§${html(s.id)} ${html(s.title)} <span class="en">${html(s.en)}</span></small>` : '';
}

/**
 * The review sheet of a validated chapter: its transcript (null: no slide text), and the lint's
 * warnings (`lintGraph(parsed)`). Returns the whole HTML document.
 */
export function reviewSheet(parsed: ParsedFile, transcript: ParsedTranscript | null, warnings: readonly LintWarning[], vocabulary: Vocabulary = SHARED_VOCABULARY): string {
  const g = parsed.graph;
  const byNode = new Map<string, LintWarning[]>();
  const byEdge = new Map<number, LintWarning[]>();
  const loose: LintWarning[] = [];
  for (const w of warnings) {
    if (w.node !== undefined) byNode.set(w.node, [...(byNode.get(w.node) ?? []), w]);
    else if (w.edge !== undefined) byEdge.set(w.edge, [...(byEdge.get(w.edge) ?? []), w]);
    else loose.push(w);
  }
  const nodeById = new Map(g.nodes.map((n) => [n.id, n]));
  const cited = new Set<number>();

  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="zh-Hant">', '<head>', '<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${html(`審閱表 Review sheet: ${g.chapter.title} ${g.chapter.en}`)}</title>`);
  out.push(`<style>${CSS}</style>`, '</head>', '<body>');
  out.push('<header>');
  out.push(`<h1>${html(g.chapter.title)} <span class="en" lang="en">${html(g.chapter.en)}</span></h1>`);
  out.push(
    `<p class="counts">${html(g.chapter.id)} · ${g.chapter.slides} slides · ${g.nodes.length} concepts · ${g.edges.length} links · ${warnings.length} lint ${warnings.length === 1 ? 'finding' : 'findings'}</p>`,
  );
  out.push('<p class="note" lang="en">For each slide: the transcript, every concept that cites it (label in 繁體 and English, kind, verbatim quote) and every link that cites it, read as a sentence in 繁體 and English, with what <code>npm run graph:check</code> says about each.</p>');
  out.push('</header>');

  for (let slide = 1; slide <= g.chapter.slides; slide++) {
    const nodes = g.nodes.filter((n) => n.slides.includes(slide));
    const edges = g.edges.map((e, i) => ({ e, i })).filter(({ e }) => e.slides.includes(slide));
    out.push(`<section class="slide" id="slide-${slide}">`);
    out.push(`<h2>投影片 ${slide} <span class="en" lang="en">Slide ${slide}</span>${sectionOfSlide(g, slide)}</h2>`);
    out.push('<div class="cols">');
    const text = transcript?.slides.get(slide);
    out.push(text !== undefined ? `<pre class="transcript">${html(text)}</pre>` : '<p class="transcript none">(no transcript text)</p>');
    out.push('<div class="items">');

    out.push(`<h3>概念 <span class="en" lang="en">Concepts</span> (${nodes.length})</h3>`);
    if (nodes.length === 0) out.push('<p class="none">none</p>');
    else {
      out.push('<table><thead><tr><th>繁體</th><th lang="en">English</th><th lang="en">kind</th><th>引文 quote</th></tr></thead><tbody>');
      for (const n of nodes) {
        const def = vocabulary.nodeKinds[n.kind];
        const kind = def ? `${def.zh} ${def.en}` : n.kind;
        const flags = [n.name === true ? 'name' : '', n.number ? n.number : ''].filter((f) => f !== '').join(', ');
        out.push(
          `<tr id="n-${html(n.id)}-${slide}"><td>${html(n.label)}<div class="meta">${html(n.id)}</div></td><td lang="en">${html(n.en)}${flags ? `<div class="meta">${html(flags)}</div>` : ''}</td><td class="kind">${html(kind)}</td><td class="quote">「${html(n.quote)}」${lintList(byNode.get(n.id) ?? [])}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
    }

    out.push(`<h3>連結 <span class="en" lang="en">Links</span> (${edges.length})</h3>`);
    if (edges.length === 0) out.push('<p class="none">none</p>');
    else {
      out.push('<ol class="links">');
      for (const { e, i } of edges) {
        cited.add(i);
        const s = nodeById.get(e.source);
        const t = nodeById.get(e.target);
        const def = vocabulary.edgeKinds[e.kind];
        const kind = def ? `${def.zh} ${e.kind}` : e.kind;
        let zh = `${e.source} → ${e.target}`;
        let en = zh;
        if (s && t && def) {
          zh = realise(authoredConcept(s, 'zh-Hant'), authoredPhrase(e, 'zh-Hant', vocabulary), authoredConcept(t, 'zh-Hant'), 'zh-Hant').text;
          en = realise(authoredConcept(s, 'en'), authoredPhrase(e, 'en', vocabulary), authoredConcept(t, 'en'), 'en', authoredPlural(e, vocabulary)).text;
        }
        out.push(
          `<li id="e-${i}-${slide}"><p class="sentence" lang="zh-Hant">${html(zh)}。</p><p class="sentence en" lang="en">${html(en)}.</p><p class="meta">${html(kind)} · ${html(`${e.source} → ${e.target}`)} · slides ${html(e.slides.join(', '))}</p>${lintList(byEdge.get(i) ?? [])}</li>`,
        );
      }
      out.push('</ol>');
    }
    out.push('</div>', '</div>', '</section>');
  }

  // Findings whose item cites no slide of the chapter, and findings about the file as a whole.
  const uncitedEdges = [...byEdge.entries()].filter(([i]) => !cited.has(i)).flatMap(([, w]) => w);
  const uncitedNodes = [...byNode.entries()].filter(([id]) => !(nodeById.get(id)?.slides.some((s) => s >= 1 && s <= g.chapter.slides) ?? false)).flatMap(([, w]) => w);
  const rest = [...loose, ...uncitedNodes, ...uncitedEdges];
  out.push('<section class="rest" id="not-on-a-slide">');
  out.push('<h2>不屬於任何投影片的問題 <span class="en" lang="en">Findings not tied to a slide</span></h2>');
  out.push(rest.length === 0 ? '<p class="ok" lang="en">None.</p>' : lintList(rest));
  out.push('</section>', '</body>', '</html>', '');
  return out.join('\n');
}
