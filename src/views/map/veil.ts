/**
 * Large graphs: a veil over the map dims it all at once while something is singled out; the lit
 * nodes rise above it (sigma's highlighted nodes) and the lit edges are drawn again above it.
 */
import { drawStraightEdgeLabel } from 'sigma/rendering';
import { E, singledNodes, type LookTable } from './looks';
import type { MapContext, MapRenderer } from './map-context';
import { emptyLayer } from './renderer';

/** Large graphs: at most this many lit edges are drawn again above the others. */
const MAX_RAISED_EDGES = 2_000;

/**
 * Lays the veil over `renderer`'s labels, with the lit edges of `looks` above it (curved by
 * `curvature`); returns the function that shows or hides it for the derived state of `ctx`.
 */
export function createVeil(ctx: MapContext, renderer: MapRenderer, looks: LookTable, curvature: ReadonlyMap<string, number>): () => void {
  const veil = renderer.createCanvas('veil', { afterLayer: 'labels', style: { inset: '0', width: '100%', height: '100%', background: 'rgba(255,255,255,0.8)', display: 'none', pointerEvents: 'none' } });
  raiseLitEdges(renderer, looks.raisedEdges, (edge) => (looks.edge(edge) & E.LABEL) !== 0, curvature);
  return () => {
    const d = ctx.derived;
    veil.style.display = d.focusActive || singledNodes(d) !== null ? '' : 'none';
    // With focus on, what lies outside the focus is hidden behind it.
    veil.style.background = d.focusActive ? '#ffffff' : 'rgba(255,255,255,0.8)';
  };
}

/**
 * Large graphs: draws the lit edges (a highlight's, a path's, a slide's) again on a canvas of
 * their own above the veil and below the raised nodes, with their phrases, after each frame.
 * Nothing is drawn while the camera moves (edges are hidden then).
 */
function raiseLitEdges(renderer: MapRenderer, edges: ReadonlySet<string>, labelled: (edge: string) => boolean, curvature: ReadonlyMap<string, number>): void {
  const canvas = renderer.createCanvas('raised-edges', { afterLayer: 'veil' });
  const context = canvas.getContext('2d')!;
  const graph = renderer.getGraph();
  const captor = renderer.getMouseCaptor();
  const camera = renderer.getCamera();
  let settings = renderer.getSettings();
  // Hidden while it holds nothing, as sigma's hover and phrase layers are (a frame with nothing
  // raised clears nothing).
  const layer = emptyLayer(canvas);
  renderer.on('afterRender', () => {
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      settings = renderer.getSettings();
      layer.show(false); // resizing cleared it
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (layer.shown) context.clearRect(0, 0, width, height);
    const moving = camera.isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
    const drawn = !moving && edges.size > 0 && edges.size <= MAX_RAISED_EDGES;
    layer.show(drawn);
    if (!drawn) return;
    const phrases: Array<() => void> = [];
    for (const edge of edges) {
      const data = renderer.getEdgeDisplayData(edge);
      const [s, t] = graph.extremities(edge);
      const source = renderer.getNodeDisplayData(s);
      const target = renderer.getNodeDisplayData(t);
      if (!data || !source || !target || data.hidden || source.hidden || target.hidden) continue;
      const a = { ...source, ...renderer.framedGraphToViewport(source), size: renderer.scaleSize(source.size) };
      const b = { ...target, ...renderer.framedGraphToViewport(target), size: renderer.scaleSize(target.size) };
      const thickness = Math.max(1, renderer.scaleSize(data.size));
      const dx = b.x - a.x, dy = b.y - a.y;
      const length = Math.hypot(dx, dy) || 1;
      const bend = curvature.get(edge) ?? 0;
      // Control point of a curved edge: off the middle, across the edge, by its curvature.
      const cx = (a.x + b.x) / 2 + (dy / length) * bend * length, cy = (a.y + b.y) / 2 - (dx / length) * bend * length;
      context.strokeStyle = data.color;
      context.lineWidth = thickness;
      context.beginPath();
      context.moveTo(a.x, a.y);
      if (bend !== 0) context.quadraticCurveTo(cx, cy, b.x, b.y);
      else context.lineTo(b.x, b.y);
      context.stroke();
      if (data.type === 'arrow' || data.type === 'curved') {
        // Arrowhead at the target's rim, along the last stretch of the edge.
        const [fx, fy] = bend !== 0 ? [cx, cy] : [a.x, a.y];
        const ux = b.x - fx, uy = b.y - fy, ul = Math.hypot(ux, uy) || 1;
        const tipX = b.x - (ux / ul) * b.size, tipY = b.y - (uy / ul) * b.size;
        const head = 4 + thickness * 2;
        context.fillStyle = data.color;
        context.beginPath();
        context.moveTo(tipX, tipY);
        context.lineTo(tipX - (ux / ul) * head * 1.6 + (uy / ul) * head * 0.6, tipY - (uy / ul) * head * 1.6 - (ux / ul) * head * 0.6);
        context.lineTo(tipX - (ux / ul) * head * 1.6 - (uy / ul) * head * 0.6, tipY - (uy / ul) * head * 1.6 + (ux / ul) * head * 0.6);
        context.closePath();
        context.fill();
      }
      if (data.label && labelled(edge)) phrases.push(() => drawStraightEdgeLabel(context, { ...data, size: thickness }, a, b, settings));
    }
    for (const draw of phrases) draw();
  });
}
