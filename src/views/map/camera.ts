/**
 * The map's camera: flights to a node, zoom, fit and the whole-map view, all in the open part
 * of the map (beside the details panel); framing what the map singles out (a path, a focus, a
 * search) and giving the camera back when that ends; keeping the selected node out from under
 * the panel.
 */
import { labelBox, MAP_LABEL } from '../../model/layout-labels';
import { mapName } from '../../model/sentence';
import type { Camera } from '../../state/types';
import { glide } from '../../util/motion';
import { openPart } from './cover';
import type { MapContext, MapRenderer } from './map-context';

/** The closest the map frames what it singles out (one concept is not blown up to fill the map). */
const MIN_FRAME_RATIO = 0.22;

export interface MapCamera {
  /** Animates the camera to a node. */
  flyTo(key: string): void;
  zoom(factor: number): void;
  /** Fits the camera to the given nodes (all visible nodes when omitted), in the open part of the map. */
  fit(keys?: Iterable<string>): void;
  /** Back to the whole map, in the open part of the map. */
  home(): void;
  /** Takes a camera the state was given (a shared link, history), unless the map shows it already. */
  takeState(next: Camera): void;
  /** After a change of state: frames what is singled out now, or gives the camera back when that ended. */
  followSingled(): void;
  /** The selection changed: unless something is framed, the selected node comes out from under the panel. */
  selectionChanged(): void;
  /** The panel moved (`ctx.cover`): what is framed is framed again, in the open part. */
  coverChanged(): void;
  /** The map was resized (chapter-sized maps): what is framed is framed again. */
  resized(): void;
  /** Opened on a path, a focus or a search (a shared link without a camera of its own): framed. */
  frameOnOpen(): void;
}

/** The camera of `renderer`, for the map in `ctx`; starts where the state's camera says, if anywhere. */
export function createCamera(ctx: MapContext, renderer: MapRenderer): MapCamera {
  const camera = renderer.getCamera();
  if (ctx.state.camera) camera.setState(ctx.state.camera);

  // What floats over the map (the details panel): the selected node is kept out from under it.
  /** The camera, at `ratio`, that shows the framed-graph point `p` at viewport point `at`. */
  const placeAt = (p: { x: number; y: number }, at: { x: number; y: number }, ratio: number) => {
    const centred = { ...camera.getState(), x: p.x, y: p.y, ratio };
    const q = renderer.viewportToFramedGraph(at, { cameraState: centred });
    return { x: 2 * p.x - q.x, y: 2 * p.y - q.y, ratio };
  };
  let covered = false;
  /**
   * The camera that frames the framed-graph box [x0, x1] × [y0, y1], which `ratio` frames on the
   * whole map, in the open part: centred there, and zoomed out as far as it takes to fit.
   */
  const framing = (x0: number, y0: number, x1: number, y1: number, ratio: number) => {
    const centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    const { width, height } = renderer.getDimensions();
    const open = openPart(width, height, ctx.cover);
    if (open.width === width && open.height === height) return { ...centre, ratio };
    const at = { cameraState: { ...camera.getState(), ratio } };
    const a = renderer.framedGraphToViewport({ x: x0, y: y0 }, at);
    const b = renderer.framedGraphToViewport({ x: x1, y: y1 }, at);
    const pad = 20;
    const shrink = Math.max(1, Math.abs(b.x - a.x) / Math.max(1, open.width - 2 * pad), Math.abs(b.y - a.y) / Math.max(1, open.height - 2 * pad));
    return placeAt(centre, { x: open.x + open.width / 2, y: open.y + open.height / 2 }, ratio * shrink);
  };
  /**
   * The camera that shows `keys` in the open part of the map with room for their names (each
   * beside its node, at the current label size), as close as that allows (never closer than
   * `MIN_FRAME_RATIO`). Null when none of them is drawn.
   */
  const namesFraming = (keys: readonly string[]) => {
    const { width, height } = renderer.getDimensions();
    const open = openPart(width, height, ctx.cover);
    const pad = 18;
    const lang = ctx.state.lang;
    const font = renderer.getSetting('labelSize');
    const items = keys.flatMap((k) => {
      const d = renderer.getNodeDisplayData(k);
      if (!d || d.hidden) return [];
      const b = labelBox(mapName(ctx.graph.getNodeAttributes(k), lang), font);
      return [{ x: d.x, y: d.y, size: d.size, w: b.width + 4, h: b.height + 2 }];
    });
    if (items.length === 0) return null;
    // Pixels per framed-graph unit at ratio 1, along each axis (y grows down on screen).
    const base = { ...camera.getState(), x: 0.5, y: 0.5, ratio: 1 };
    const o = renderer.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: base });
    const kx = renderer.framedGraphToViewport({ x: 1, y: 0 }, { cameraState: base }).x - o.x;
    const ky = renderer.framedGraphToViewport({ x: 0, y: 1 }, { cameraState: base }).y - o.y;
    /** The box, in pixels relative to the framed origin, that the nodes and names take at ratio 1/u. */
    const extent = (u: number) => {
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (const n of items) {
        const X = n.x * kx * u, Y = n.y * ky * u, r = renderer.scaleSize(n.size, 1 / u);
        const half = Math.max(r, n.h / 2);
        x0 = Math.min(x0, X - r); x1 = Math.max(x1, X + r + MAP_LABEL.gap + n.w);
        y0 = Math.min(y0, Y - half); y1 = Math.max(y1, Y + half);
      }
      return { x0, x1, y0, y1 };
    };
    const fits = (u: number) => {
      const e = extent(u);
      return e.x1 - e.x0 <= open.width - 2 * pad && e.y1 - e.y0 <= open.height - 2 * pad;
    };
    // The closest zoom that fits: u = 1 / ratio, searched between the camera's limits.
    let lo = 1 / (renderer.getSetting('maxCameraRatio') ?? 4), hi = 1 / MIN_FRAME_RATIO;
    if (fits(hi)) lo = hi;
    else for (let i = 0; i < 40; i++) {
      const mid = Math.sqrt(lo * hi);
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    const e = extent(lo);
    const centre = { x: (e.x0 + e.x1) / 2 / (kx * lo), y: (e.y0 + e.y1) / 2 / (ky * lo) };
    return placeAt(centre, { x: open.x + open.width / 2, y: open.y + open.height / 2 }, 1 / lo);
  };
  /**
   * What the map frames by itself: the path, the focus or the search's matches (chapter-sized
   * maps, outside lecture mode, which frames its slides). The camera returns when it ends.
   */
  let framed: ReadonlySet<string> | null = null;
  let returnTo: { x: number; y: number; ratio: number } | null = null;
  const singledTarget = (): ReadonlySet<string> | null => {
    if (ctx.large || ctx.state.mode === 'lecture') return null;
    const d = ctx.derived;
    if (d.pathNodes && d.pathNodes.size > 0) return d.pathNodes;
    if (d.focusActive) return d.visibleNodes;
    if (ctx.state.query !== '' && d.matches && d.matches.size > 0) return d.matches;
    return null;
  };
  const reframe = (animate: boolean) => {
    const target = framed === null ? null : namesFraming([...framed]);
    if (target === null) return;
    void glide(camera, target, animate ? 400 : 0);
  };
  const followSingled = () => {
    const next = singledTarget();
    if (next === framed) return;
    if (next === null) {
      framed = null;
      if (returnTo) void glide(camera, returnTo, 400);
      returnTo = null;
      return;
    }
    if (framed === null) returnTo = { ...camera.getState() };
    framed = next;
    reframe(true);
  };
  /** The whole map's camera (sigma's reset), framed in the open part. */
  const homeCamera = () => {
    if (ctx.cover === null) return { x: 0.5, y: 0.5, ratio: 1 };
    // The box sigma frames at reset (the graph's extent, or the custom box), in framed coordinates.
    const { x, y } = renderer.getCustomBBox() ?? renderer.getBBox();
    const corner = (gx: number, gy: number) => renderer.viewportToFramedGraph(renderer.graphToViewport({ x: gx, y: gy }));
    const a = corner(x[0], y[0]);
    const b = corner(x[1], y[1]);
    return framing(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y), 1);
  };
  /** Pans the selected node, when the cover hides it, to the nearest open place (its label to its right). */
  const reveal = () => {
    const key = ctx.state.selected;
    const cover = ctx.cover;
    if (key === null || cover === null || camera.isAnimated() || !ctx.derived.visibleNodes.has(key)) return;
    const p = renderer.getNodeDisplayData(key);
    if (!p) return;
    const v = renderer.framedGraphToViewport(p);
    const { width, height } = renderer.getDimensions();
    const margin = 24;
    const onMap = v.x >= 0 && v.y >= 0 && v.x <= width && v.y <= height;
    const under = v.x > cover.x - margin && v.x < cover.x + cover.width + margin && v.y > cover.y - margin && v.y < cover.y + cover.height + margin;
    if (!onMap || !under) return;
    const open = openPart(width, height, cover);
    const within = (value: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, value)));
    const at = { x: within(v.x, open.x + 40, open.x + open.width - 180), y: within(v.y, open.y + 40, open.y + open.height - 40) };
    void glide(camera, placeAt(p, at, camera.ratio), 300);
  };

  return {
    flyTo(key) {
      const p = renderer.getNodeDisplayData(key);
      if (!p) return;
      const { width, height } = renderer.getDimensions();
      const open = openPart(width, height, ctx.cover);
      const centre = { x: open.x + open.width / 2, y: open.y + open.height / 2 };
      // A panel opened by this flight covers the map only once laid out: look again at the end.
      void glide(camera, placeAt(p, centre, Math.min(camera.ratio, 0.45)), 500).then(reveal);
    },
    zoom(factor) {
      void glide(camera, { ratio: camera.ratio * factor }, 250);
    },
    fit(keys) {
      const list = keys ? [...keys] : [...ctx.derived.visibleNodes];
      const target = namesFraming(list);
      if (target) void glide(camera, target, 500);
    },
    home() {
      void glide(camera, homeCamera(), 300);
    },
    takeState(next) {
      const c = camera.getState();
      if (Math.abs(c.x - next.x) > 1e-3 || Math.abs(c.y - next.y) > 1e-3 || Math.abs(c.ratio - next.ratio) > 1e-3) camera.setState(next);
    },
    followSingled,
    selectionChanged() {
      if (framed === null) reveal();
    },
    coverChanged() {
      const first = !covered;
      covered = true;
      // Opened with the panel showing and no camera of its own: the whole map in the open part.
      if (framed !== null) reframe(!first);
      else if (first && ctx.cover !== null && ctx.state.camera === null) camera.setState(homeCamera());
      else reveal();
    },
    resized() {
      if (framed !== null) reframe(false);
    },
    frameOnOpen() {
      if (ctx.large || ctx.state.camera !== null) return;
      framed = singledTarget();
      if (framed !== null) {
        returnTo = { x: 0.5, y: 0.5, ratio: 1 };
        // Once the map has its size and the panel its place (setCover frames again then).
        requestAnimationFrame(() => reframe(false));
      }
    },
  };
}
