/**
 * The side columns: what the graph links to the active row, as cards beside the ladder (the
 * old paradigm's on the left, the new one's on the right) with connectors to the row. Cards
 * and connectors are joined by key, so they move rather than blink when the active row changes.
 */
import { easeCubicOut } from 'd3-ease';
import { select } from 'd3-selection';
import 'd3-transition';
import { moreName } from '../../i18n/views';
import { edgeKindColor, ladderWrap, nodeKindColor, sideHeadings, sideItemsText } from '../../io/transformations-svg';
import { layoutSides, type Ladder, type LadderLayout, type LinkedItem, type SideCard, type SideLayout, type SideLink } from '../../model/ladder';
import { edgeSentence, type Lang } from '../../model/sentence';
import type { LinkageGraph } from '../../model/types';
import type { LadderLayers } from './page';
import { drawText, shownText } from './svg-text';

/** Where the side columns' headings, cards and connectors go for the `active` row. */
export function layoutSideColumns(graph: LinkageGraph, ladder: Ladder, layout: LadderLayout, items: readonly LinkedItem[], lang: Lang, active: number | null): SideLayout {
  const headings = sideHeadings(graph, ladder, lang, active);
  return layoutSides(layout, sideItemsText(graph, items, lang), active, {
    wrap: ladderWrap,
    oldHeading: headings.old,
    newHeading: headings.new,
    more: (n) => moreName(lang, n),
  });
}

/** Side columns: cards and connectors, joined by key so they move rather than blink. */
export function drawSides(
  layers: LadderLayers,
  side: SideLayout,
  graph: LinkageGraph,
  opts: { lang: Lang; selected: string | null; fontSize: number; duration: number; goTo: (key: string) => void },
): void {
  const { lang, fontSize: fs, duration, goTo } = opts;
  const { sideHeadings: gSideHead, links: gLinks, cards: gCards } = layers;
  gSideHead.selectAll('*').remove();
  drawText(gSideHead, side.headings.old, 'side-heading');
  drawText(gSideHead, side.headings.new, 'side-heading');
  for (const m of side.more) drawText(gSideHead, m, 'more');

  gLinks
    .selectAll<SVGPathElement, SideLink>('path')
    .data(side.links, (l) => l.id)
    .join(
      (enter) =>
        enter
          .append('path')
          .attr('d', (l) => l.d)
          .attr('stroke', (l) => edgeKindColor(graph, l.edge))
          .attr('stroke-width', (l) => (l.depth === 1 ? fs * 0.12 : fs * 0.09))
          .attr('opacity', 0)
          .call((s) => s.transition().duration(duration).attr('opacity', 0.85)),
      (update) =>
        update.call((s) =>
          s
            .transition()
            .duration(duration)
            .ease(easeCubicOut)
            .attr('d', (l) => l.d)
            .attr('opacity', 0.85),
        ),
      (exit) => exit.call((s) => s.transition().duration(duration).attr('opacity', 0).remove()),
    );

  gCards
    .selectAll<SVGGElement, SideCard>('g.card')
    .data(side.cards, (c) => c.key)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'card')
          .attr('role', 'button')
          .attr('tabindex', 0)
          .attr('opacity', 0)
          .attr('transform', (c) => `translate(${c.x + (c.side === 'old' ? fs : -fs)},${c.y})`)
          .on('click', (_ev, c) => goTo(c.key))
          .on('keydown', (ev: KeyboardEvent, c) => {
            if (ev.key === 'Enter' || ev.key === ' ') {
              ev.preventDefault();
              goTo(c.key);
            }
          });
        g.transition().duration(duration).ease(easeCubicOut).attr('opacity', 1).attr('transform', (c) => `translate(${c.x},${c.y})`);
        return g;
      },
      (update) =>
        update.call((s) =>
          s
            .transition()
            .duration(duration)
            .ease(easeCubicOut)
            .attr('opacity', 1)
            .attr('transform', (c) => `translate(${c.x},${c.y})`),
        ),
      (exit) => exit.call((s) => s.transition().duration(duration).attr('opacity', 0).remove()),
    )
    .each(function (c) {
      // Content follows the language and position: redrawn in place (cheap: a few cards).
      const g = select<SVGGElement, SideCard>(this);
      g.selectAll('*').remove();
      g.attr('data-node', c.key)
        .attr('data-side', c.side)
        .attr('data-depth', c.depth)
        .classed('selected', c.key === opts.selected);
      const sentence = edgeSentence(graph, c.edge, lang).text;
      g.attr('aria-label', `${shownText(c.label, true)}${shownText(c.meta)}${lang === 'en' ? '. ' : '。'}${sentence}`);
      g.append('title').text(sentence);
      // Drawn relative to the card's corner, so a moving card glides with its transform.
      g.append('rect').attr('class', 'card-box').attr('width', c.w).attr('height', c.h).attr('rx', fs * 0.3);
      g.append('circle').attr('class', 'chip').attr('cx', c.chip.cx - c.x).attr('cy', c.chip.cy - c.y).attr('r', c.chip.r).attr('fill', nodeKindColor(graph, c.key));
      drawText(g, c.label, 'card-label', c.x, c.y, true);
      drawText(g, c.meta, 'card-meta', c.x, c.y);
    });
}
