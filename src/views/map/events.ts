/**
 * The reader's hands on the map, as actions on the state: hover and click on nodes and on the
 * stage, and the camera's moves, handed to the state once it rests.
 */
import { hover, select, setCamera } from '../../state/actions';
import type { MapContext, MapRenderer } from './map-context';

/** Turns `renderer`'s events into actions on `ctx`'s session; returns what stops a camera hand-over still pending. */
export function listenToReader(ctx: MapContext, renderer: MapRenderer): () => void {
  const { session } = ctx;
  // No hover while the stage is dragged: the pointer sweeps over nodes under the moving camera.
  const captor = renderer.getMouseCaptor();
  // Nodes behind a veiled map's focus are not there for the reader: a click there is on the stage.
  const reachable = (node: string) => !ctx.large || !ctx.derived.focusActive || ctx.derived.visibleNodes.has(node);
  renderer.on('enterNode', ({ node }) => {
    if (!captor.isMoving && captor.draggedEvents === 0 && reachable(node)) session.update((s) => hover(s, node));
  });
  renderer.on('leaveNode', () => session.update((s) => hover(s, null)));
  // sigma tells the node left when the pointer leaves the map but keeps it as hovered (its own
  // field), drawing its hover box in every later frame until the pointer comes back: forgotten here.
  renderer.on('leaveStage', () => {
    (renderer as unknown as { hoveredNode: string | null }).hoveredNode = null;
  });
  renderer.on('clickNode', ({ node }) => session.update((s) => select(s, reachable(node) ? node : null)));
  renderer.on('clickStage', () => session.update((s) => select(s, null)));
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  const camera = renderer.getCamera();
  const onCamera = () => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => {
      const c = camera.getState();
      session.update((s) => setCamera(s, { x: c.x, y: c.y, ratio: c.ratio }));
    }, 250);
  };
  camera.on('updated', onCamera);
  return () => clearTimeout(cameraTimer);
}
