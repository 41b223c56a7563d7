/** Export of the ladder as shown (filters, selection): a standalone SVG or a PNG, downloaded. */
import { download } from '../../io/download';
import { vt } from '../../i18n/views';
import { svgToPng, transformationsSvg } from '../../io/transformations-svg';
import type { AppContext } from '../registry';

/** What is shown (filters, selection) as a standalone SVG or a PNG; the reader is told how it went. */
export async function exportLadder(ctx: AppContext, kind: 'svg' | 'png'): Promise<void> {
  const { session } = ctx;
  const state = session.state();
  const d = session.derived();
  const svgText = transformationsSvg(session.graph, state.lang, {
    active: state.selected,
    selected: state.selected,
    visible: { nodes: d.filteredNodes, edges: d.filteredEdges },
  });
  const base = `linkage-transformations-${state.lang}`;
  try {
    if (kind === 'svg') download(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }), `${base}.svg`);
    else download(await svgToPng(svgText, 2), `${base}.png`);
    ctx.notify(`${vt(state.lang, 'exported')}: ${base}.${kind}`);
  } catch (err) {
    ctx.notify(`${vt(state.lang, 'exportFailed')}: ${(err as Error).message}`);
  }
}
