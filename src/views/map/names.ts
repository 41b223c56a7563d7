/**
 * The glue between sigma and the names' painter (labels.ts): the painter made for the graph's
 * size, the scene chapter-sized maps place each frame's names in (the discs to keep clear of,
 * the map less what covers it), and the box sigma frames so that no name is cut at the edges.
 */
import { MAP_LABEL, mapNames, nameRoom } from '../../model/layout-labels';
import { sameRect, type Rect } from './cover';
import { boxesOverlap, type Box, type Disc } from './label-placement';
import { createLabelPainter, FONT_STACK, wrapLabel } from './labels';
import { N, type LookTable } from './looks';
import type { MapContext, MapRenderer } from './map-context';

/** How long after a moving frame the map is drawn again, if the camera is then at rest (ms). */
const REST_MS = 120;

/** The names of a built map: where they may go, and the box sigma frames for them. */
export interface PlacedNames {
  /** Where names may be painted: the map less what covers it (the panel, the controls), in map pixels. */
  openArea(): { area: Box; blocked: Box[] };
  /** Another part of the map covered by controls (`rect` in map pixels, null to free it): names keep out of it. */
  reserve(id: string, rect: Rect | null): void;
  /**
   * Chapter-sized maps: sets the box sigma frames to one that holds the nodes and their names, at
   * the container's size (large graphs: nothing).
   */
  fitNamesBox(): void;
}

/**
 * The names of the map in `ctx`: its font, its painter (for sigma's settings) and, once sigma
 * is built, `attach` to place them on it.
 */
export function createNames(ctx: MapContext, looks: LookTable) {
  const { graph, large } = ctx;
  const font = () => (ctx.state.lang === 'zh-Hans' ? FONT_STACK.hans : FONT_STACK.hant);
  // Where names may go, once sigma is built (attach): until then there is nothing to place them on.
  let scene: (() => { discs: Disc[]; area: Box; blocked: Box[]; settled: boolean }) | null = null;
  // Chapter-sized maps place every frame's names at once; large graphs draw them as sigma asks.
  const painter = large
    ? createLabelPainter(font, { wrap: (label) => wrapLabel(label) })
    : createLabelPainter(font, { scene: () => (scene ? scene() : null) });

  /** Once `renderer` is built: names are reset before each frame and (chapter-sized maps) placed after it. */
  const attach = (renderer: MapRenderer): PlacedNames => {
    // What covers the map (the panel, its controls): names keep out of it.
    const reserved = new Map<string, Rect>();
    const toBox = (r: Rect): Box => ({ x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height });
    const openArea = (): { area: Box; blocked: Box[] } => {
      const { width, height } = renderer.getDimensions();
      const blocked = [...reserved.values()].map(toBox);
      if (ctx.cover) blocked.push(toBox(ctx.cover));
      return { area: { x0: 2, y0: 2, x1: width - 2, y1: height - 2 }, blocked };
    };
    /**
     * Discs names keep clear of, in map pixels: every drawn node's, or, while something is singled
     * out, the lit nodes' (a name may lie over a dimmed disc, never over a lit one).
     */
    const discs = (): Disc[] => {
      const out: Disc[] = [];
      graph.forEachNode((key) => {
        const d = renderer.getNodeDisplayData(key);
        if (!d || d.hidden || (looks.node(key) & N.LIT) === 0) return;
        const v = renderer.framedGraphToViewport(d);
        out.push({ key, x: v.x, y: v.y, r: renderer.scaleSize(d.size) });
      });
      return out;
    };
    // While the camera moves, each frame's names are placed quickly; once it rests, a frame is
    // drawn again with names placed with more care (see placeLabels' makeRoom).
    const captor = renderer.getMouseCaptor();
    const moving = () => renderer.getCamera().isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
    let settledFrame = true;
    let rest: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      rest = undefined;
      if (moving()) rest = setTimeout(settle, REST_MS);
      else renderer.scheduleRender();
    };
    scene = () => {
      settledFrame = !moving();
      return { discs: discs(), ...openArea(), settled: settledFrame };
    };
    renderer.on('beforeRender', () => painter.reset());
    if (!large)
      renderer.on('afterRender', () => {
        painter.flush();
        if (!settledFrame && rest === undefined) rest = setTimeout(settle, REST_MS);
      });
    renderer.on('kill', () => clearTimeout(rest));

    // Chapter-sized maps: the box sigma frames holds the nodes and their names (the widest of the
    // three scripts, beside the node), so that at the whole-map view no name is cut at an edge.
    // sigma takes the box into account when it next indexes the graph (a full draw).
    const rooms = large ? null : new Map(graph.mapNodes((key, a) => [key, nameRoom(mapNames(a))] as const));
    const fitNamesBox = () => {
      if (rooms === null) return;
      const { container } = ctx;
      const width = container.clientWidth, height = container.clientHeight;
      if (width === 0 || height === 0 || graph.order === 0) return;
      const pad = 2 * renderer.getSetting('stagePadding');
      const items = graph.mapNodes((key, a) => ({ x: a.x, y: a.y, r: a.size * ctx.sizeScale * MAP_LABEL.disc, room: rooms.get(key)! }));
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (const n of items) {
        x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
      }
      // Pixels per graph unit when the box fills the map; the names' room in graph units follows.
      let scale = Math.min((width - pad) / Math.max(1e-9, x1 - x0), (height - pad) / Math.max(1e-9, y1 - y0));
      let box = { x: [x0, x1] as [number, number], y: [y0, y1] as [number, number] };
      for (let round = 0; round < 8 && Number.isFinite(scale); round++) {
        let bx0 = Infinity, bx1 = -Infinity, by0 = Infinity, by1 = -Infinity;
        for (const n of items) {
          const half = Math.max(n.r, n.room.height / 2) / scale;
          bx0 = Math.min(bx0, n.x - n.r / scale); bx1 = Math.max(bx1, n.x + (n.r + MAP_LABEL.gap + n.room.width) / scale);
          by0 = Math.min(by0, n.y - half); by1 = Math.max(by1, n.y + half);
        }
        box = { x: [bx0, bx1], y: [by0, by1] };
        scale = Math.min((width - pad) / (bx1 - bx0), (height - pad) / (by1 - by0));
      }
      renderer.setCustomBBox(box);
    };
    const reserve = (id: string, rect: Rect | null) => {
      const before = reserved.get(id) ?? null;
      if (sameRect(before, rect)) return;
      if (rect === null) reserved.delete(id);
      else reserved.set(id, rect);
      // Drawn again when names may have to move out of the new part, or may take the part freed.
      if (before !== null || (rect !== null && painter.painted().some((p) => boxesOverlap(p, toBox(rect))))) renderer.scheduleRender();
    };
    return { openArea, reserve, fitNamesBox };
  };
  return { font, painter, attach };
}
