/**
 * What revision shows on the map: a question's answer as a path, framed with its neighbours
 * (or the whole map between questions), and the rings of what has been visited and mastered.
 */
import { glide } from '../../util/motion';
import type { Question } from '../../model/quiz';
import { clearPath, select, setPathEnd } from '../../state/actions';
import type { LinkageGraph } from '../../model/types';
import { readLinked } from '../../state/build-work';
import { deviceStorage } from '../../state/device-storage';
import { overlayOf } from '../../state/progress';
import type { NetworkHandle } from '../map/network';
import type { AppContext } from '../registry';
import type { Deck } from './deck';

/** Closest zoom when showing an answer: two neighbouring concepts and their labels, with room. */
const MIN_FRAME = 0.3;

/** Shows a question's answer on the map (as a path, framed with its neighbours), or the whole map. */
export function showOnMap(ctx: AppContext, q: Question | null): void {
  const { session } = ctx;
  if (q === null) {
    session.update((s) => clearPath(select(s, null)));
    ctx.net.fit();
    return;
  }
  const [from, to] = q.type === 'path' ? [q.from, q.to] : [q.subject, q.answer];
  session.update((s) => setPathEnd(setPathEnd(select(s, null), 'from', from), 'to', to));
  frame(ctx.net, q.nodes);
}

/** Centres the camera on `keys`, zoomed in no further than {@link MIN_FRAME} so labels stay apart. */
function frame(net: NetworkHandle, keys: readonly string[]): void {
  const r = net.renderer;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const k of keys) {
    const p = r.getNodeDisplayData(k);
    if (!p) continue;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  if (!Number.isFinite(x0)) return;
  const ratio = Math.min(1, Math.max(MIN_FRAME, Math.max(x1 - x0, y1 - y0) * 1.4));
  void glide(r.getCamera(), { x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, 500);
}

/**
 * Rings on the map the concepts whose questions have been visited and mastered, and those linked
 * correctly in a map exercise (Build mode).
 */
export function paintOverlay(net: NetworkHandle, deck: Deck, graph: LinkageGraph): void {
  const linked = readLinked(deviceStorage(), graph, deck.graphKey);
  net.setOverlay({ ...overlayOf(deck.questions, deck.store.get().cards), linked });
}
