/**
 * Zoom in, zoom out, fit and reset buttons over the map, with their keyboard equivalents
 * (+ − 0 and arrow keys to pan when the map has focus) and a count of what is shown. They are put
 * over the map before it is built, so that the page is laid out once with them, and are
 * attached to the map once it is there.
 */
import { el } from '../../dom';
import { t } from '../../i18n/strings';
import { setCamera } from '../../state/actions';
import type { Session } from '../../state/session';
import { searchCapNote } from '../common';
import type { NetworkHandle } from './network';

export interface MapControls {
  /** Wires the buttons and keys to `net`, and keeps its names out from under them. */
  attach(net: NetworkHandle): void;
  dispose(): void;
}

export function mountMapControls(container: HTMLElement, mapEl: HTMLElement, session: Session): MapControls {
  let net: NetworkHandle | null = null;
  const button = (id: string, text: string, onClick: (net: NetworkHandle) => void) =>
    el('button', { type: 'button', id, onclick: () => net && onClick(net) }, text);
  const zoomIn = button('zoom-in', '+', (n) => n.zoom(1 / 1.5));
  const zoomOut = button('zoom-out', '−', (n) => n.zoom(1.5));
  const fit = button('zoom-fit', '⤢', (n) => n.fit());
  const reset = button('zoom-reset', '⟲', (n) => {
    n.home();
    session.update((s) => setCamera(s, null));
  });
  const status = el('p', { class: 'map-status', 'aria-live': 'polite' });
  const box = el('div', { class: 'map-controls' }, zoomIn, zoomOut, fit, reset);
  container.append(box, status);

  const render = () => {
    const lang = session.state().lang;
    const d = session.derived();
    for (const [b, key] of [[zoomIn, 'zoomIn'], [zoomOut, 'zoomOut'], [fit, 'fit'], [reset, 'reset']] as const) {
      b.title = t(lang, key);
      b.setAttribute('aria-label', t(lang, key));
    }
    const capped = searchCapNote(session);
    status.textContent = `${d.visibleNodes.size} ${t(lang, 'nodesShown')} · ${d.visibleEdges.size} ${t(lang, 'linksShown')}${capped === null ? '' : ` · ${capped}`}`;
    mapEl.setAttribute('aria-label', t(lang, 'mapLabel'));
  };
  render();
  const unsubscribe = session.subscribe(render);

  // Names on the map keep out from under the buttons and the count.
  const reserve = () => {
    if (!net) return;
    const m = mapEl.getBoundingClientRect();
    for (const [id, node] of [['controls', box], ['status', status]] as const) {
      const r = node.getBoundingClientRect();
      const visible = r.width > 0 && r.height > 0 && r.right > m.left && r.left < m.right && r.bottom > m.top && r.top < m.bottom;
      net.reserve(id, visible ? { x: r.left - m.left - 4, y: r.top - m.top - 4, width: r.width + 8, height: r.height + 8 } : null);
    }
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(reserve) : null;
  // The buttons move beside the details panel when it opens: look again after the frame.
  let frame = 0;
  const unsubscribeMoves = session.subscribe((s, _d, prev) => {
    if (s.selected === prev.selected && s.path === prev.path && s.mode === prev.mode) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(reserve);
  });

  // Keyboard on the map: + − 0, arrows pan.
  mapEl.tabIndex = 0;
  const onKey = (ev: KeyboardEvent) => {
    if (!net) return;
    const camera = net.renderer.getCamera();
    const step = 0.08 * camera.ratio;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (ev.key === '+' || ev.key === '=') net.zoom(1 / 1.5);
    else if (ev.key === '-' || ev.key === '_') net.zoom(1.5);
    else if (ev.key === '0') net.fit();
    else if (moves[ev.key]) {
      const [dx, dy] = moves[ev.key]!;
      const s = camera.getState();
      camera.setState({ x: s.x + dx, y: s.y + dy });
    } else return;
    ev.preventDefault();
  };
  mapEl.addEventListener('keydown', onKey);
  return {
    attach(map) {
      net = map;
      // At once, so that the map's first frame keeps names clear of them; then as sizes change.
      reserve();
      observer?.observe(mapEl);
      observer?.observe(box);
      observer?.observe(status);
    },
    dispose() {
      observer?.disconnect();
      unsubscribeMoves();
      cancelAnimationFrame(frame);
      net?.reserve('controls', null);
      net?.reserve('status', null);
      unsubscribe();
      mapEl.removeEventListener('keydown', onKey);
      box.remove();
      status.remove();
    },
  };
}
