/**
 * The sheet the student builds on, in SVG (d3-selection): concepts as named boxes, links as
 * arrows with their phrase, and after a check each link styled by its verdict (right, partly
 * right, extra) and the missing ones ghosted — by dash pattern and a sign as well as colour.
 * It draws what it is given and reports what the reader does (activate, move, draw a link,
 * remove, reverse, retype); the editor decides. Mouse, touch (pointer events) and keyboard.
 */
import { select, type Selection } from 'd3-selection';
import { conceptBox, lineOffsets, linkShape, NAME_SIZE, PHRASE_SIZE, phraseWidth, placePhrase, sheetBounds, type ConceptBox } from '../../model/build/geometry';
import type { Sheet, SheetLink } from '../../model/build/types';

export type Verdict = 'right' | 'partly' | 'extra';

/** What the sheet shows. */
export interface SheetScene {
  readonly sheet: Sheet;
  /** A concept's name in the reader's language. */
  name(key: string): string;
  /** A concept's kind colour. */
  color(key: string): string;
  /** Given anchors (skeleton): drawn heavier. */
  readonly anchors: ReadonlySet<string>;
  /** The phrase a link shows. */
  phrase(link: SheetLink): string;
  /** False for links that read the same both ways (no arrowhead). */
  arrow(kind: string): boolean;
  /** After a check: each link's verdict, by link id. */
  readonly verdicts: ReadonlyMap<string, Verdict> | null;
  /** After a check: the missing links whose two concepts are on the sheet. */
  readonly ghosts: readonly { id: string; source: string; target: string; phrase: string }[];
  /** The concept picked as a link's source, if any. */
  readonly picked: string | null;
  /** Accessible names. */
  conceptLabel(key: string): string;
  linkLabel(link: SheetLink): string;
  readonly sheetLabel: string;
  /** A picture only (the class overview): nothing to focus, drag or link. */
  readonly readonly?: boolean;
  /** Per link, a stroke of its own (the class overview's counts): colour and width. */
  linkStroke?(id: string): { color: string; width: number } | null;
}

export interface SheetHandlers {
  activate(key: string): void;
  move(key: string, x: number, y: number): void;
  draw(source: string, target: string): void;
  removeConcept(key: string): void;
  removeLink(id: string): void;
  reverse(id: string): void;
  retype(id: string): void;
}

export interface SheetView {
  render(scene: SheetScene): void;
  focusConcept(key: string): void;
  focusLink(id: string): void;
  /** The sheet point under a client (screen) point, or null when it is not over the sheet. */
  pointAt(clientX: number, clientY: number): [number, number] | null;
  /** The sheet as a standalone SVG document (for the PNG), at zoom 1. */
  markup(): string;
  zoom(factor: number | 'fit'): void;
  dispose(): void;
}

/** Colours and dashes of verdicts (also the legend's). */
export const VERDICT_STYLE = {
  right: { color: '#1a7f37', dash: null, sign: '✓' },
  partly: { color: '#9a5b00', dash: '9 5', sign: '≈' },
  extra: { color: '#c5221f', dash: '3 4', sign: '✗' },
  missing: { color: '#7a7f87', dash: '1 6', sign: '?' },
} as const;
const LINK_COLOR = '#3c4043';
const PICKED = '#1a4fd6';
const NUDGE = 10;

interface LinkDatum {
  id: string;
  source: string;
  target: string;
  phrase: string;
  arrow: boolean;
  verdict: Verdict | 'missing' | null;
  given: boolean;
  label: string;
  bend: number;
}

/** The smallest rectangle holding both. */
function union(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

export function mountSheet(host: HTMLElement, handlers: SheetHandlers): SheetView {
  const svg = select(host).append('svg').attr('class', 'sheet-svg').attr('xmlns', 'http://www.w3.org/2000/svg');
  const defs = svg.append('defs');
  for (const [id, color] of [['arrow', LINK_COLOR], ...Object.entries(VERDICT_STYLE).map(([k, v]) => [`arrow-${k}`, v.color])] as const) {
    defs.append('marker').attr('id', `sheet-${id}`).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5).attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse')
      .append('path').attr('d', 'M0,0L10,5L0,10z').attr('fill', color);
  }
  const linkLayer = svg.append('g').attr('class', 'sheet-links');
  const conceptLayer = svg.append('g').attr('class', 'sheet-concepts');
  const dragLine = svg.append('line').attr('class', 'sheet-drag-line').attr('stroke', PICKED).attr('stroke-width', 2).attr('stroke-dasharray', '6 4').attr('visibility', 'hidden');
  let scene: SheetScene | null = null;
  let zoomLevel = 1;
  let fitNext = true;
  /** The sheet's extent as drawn (the SVG's viewBox), null until first drawn or after a fit. */
  let view: { x: number; y: number; w: number; h: number } | null = null;
  /** A concept being dragged: its place while the pointer moves. */
  let dragging: { key: string; x: number; y: number } | null = null;

  const toSheet = (e: { clientX: number; clientY: number }): [number, number] => {
    const m = (svg.node() as SVGSVGElement).getScreenCTM();
    if (!m) return [0, 0];
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return [p.x, p.y];
  };

  const boxesOf = (s: SheetScene): Map<string, ConceptBox> =>
    new Map(s.sheet.placed.map((p) => {
      const at = dragging?.key === p.key ? dragging : p;
      return [p.key, conceptBox(s.name(p.key), at.x, at.y)];
    }));

  function draw(): void {
    if (!scene) return;
    const s = scene;
    const boxes = boxesOf(s);
    if (!dragging) {
      const b = sheetBounds([...boxes.values()]);
      if (fitNext) {
        const avail = Math.max(200, host.clientWidth - 4);
        zoomLevel = Math.min(1, Math.max(0.85, avail / b.w));
        view = null;
        fitNext = false;
      }
      // The sheet covers at least the visible area (a concept dropped on empty space lands
      // inside it) and only grows while being edited, so what is drawn stays where it is; when
      // it grows up or left, the scroll moves by as much.
      const minW = Math.max(200, host.clientWidth - 4) / zoomLevel;
      const minH = Math.max(200, host.clientHeight - 4) / zoomLevel;
      const want = { x: b.x, y: b.y, w: Math.max(b.w, minW), h: Math.max(b.h, minH) };
      const prev = view;
      const next = prev ? union(prev, want) : want;
      view = next;
      svg.attr('viewBox', `${next.x} ${next.y} ${next.w} ${next.h}`).attr('width', Math.round(next.w * zoomLevel)).attr('height', Math.round(next.h * zoomLevel));
      if (prev) {
        host.scrollLeft += (prev.x - next.x) * zoomLevel;
        host.scrollTop += (prev.y - next.y) * zoomLevel;
      }
    }
    svg.attr('role', 'group').attr('aria-label', s.sheetLabel);

    // Links (parallel ones between the same two concepts bow apart), then the missing ones.
    const data: LinkDatum[] = [];
    const pairCount = new Map<string, number>();
    const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
    const all = [
      ...s.sheet.links.map((l) => ({ id: l.id, source: l.source, target: l.target, phrase: s.phrase(l), arrow: s.arrow(l.kind), verdict: s.verdicts?.get(l.id) ?? null, given: l.given === true, label: s.linkLabel(l) })),
      ...s.ghosts.map((g) => ({ ...g, arrow: true, verdict: 'missing' as const, given: false, label: g.phrase })),
    ];
    for (const l of all) {
      if (!boxes.has(l.source) || !boxes.has(l.target)) continue;
      const k = pairKey(l.source, l.target);
      const n = pairCount.get(k) ?? 0;
      pairCount.set(k, n + 1);
      // 0, +1, -1, +2 … bows, signed by the link's own direction so reversed pairs separate too.
      const side = n === 0 ? 0 : (n % 2 === 1 ? 1 : -1) * Math.ceil(n / 2) * 26;
      data.push({ ...l, bend: l.source < l.target ? side : -side });
    }
    const links = linkLayer.selectAll<SVGGElement, LinkDatum>('g.sheet-link').data(data, (d) => d.id);
    links.exit().remove();
    const entered = links.enter().append('g').attr('class', 'sheet-link');
    entered.append('path').attr('class', 'link-line').attr('fill', 'none');
    entered.append('rect').attr('class', 'link-label-bg').attr('rx', 4);
    entered.append('text').attr('class', 'link-label').attr('text-anchor', 'middle').attr('font-size', PHRASE_SIZE);
    const merged = entered.merge(links);
    const boxList = [...boxes.values()];
    const takenLabels: { x: number; y: number; w: number; h: number }[] = [];
    merged.each(function (d) {
      const g = select(this);
      const a = boxes.get(d.source)!;
      const b = boxes.get(d.target)!;
      const shape = linkShape(a, b, d.bend);
      const style = d.verdict ? VERDICT_STYLE[d.verdict] : null;
      const own = s.linkStroke?.(d.id) ?? null;
      const color = own?.color ?? style?.color ?? LINK_COLOR;
      const marker = d.arrow && !own ? `url(#sheet-${d.verdict ? `arrow-${d.verdict}` : 'arrow'})` : null;
      g.attr('data-link', d.id)
        .attr('data-verdict', d.verdict)
        .attr('tabindex', d.verdict === 'missing' || s.readonly ? null : 0)
        .attr('role', d.verdict === 'missing' || s.readonly ? 'img' : 'button')
        .attr('aria-label', d.verdict ? `${style!.sign} ${d.label}` : d.label)
        .attr('opacity', d.verdict === 'missing' ? 0.75 : 1);
      g.select('path').attr('d', shape.d).attr('stroke', color).attr('stroke-width', own?.width ?? (d.given ? 3.5 : d.verdict === 'right' ? 3 : 2)).attr('stroke-dasharray', style?.dash ?? null).attr('marker-end', marker);
      const text = d.verdict ? `${style!.sign} ${d.phrase}` : d.phrase;
      const w = text === '' ? 0 : phraseWidth(text);
      // The phrase where it covers no concept's name (nor another phrase), nearest the middle.
      const [lx, ly] = text === '' ? [shape.labelX, shape.labelY] : placePhrase(shape, w, PHRASE_SIZE * 1.5, boxList, takenLabels);
      g.select('rect').attr('display', text === '' ? 'none' : null).attr('x', lx - w / 2).attr('y', ly - PHRASE_SIZE * 0.8).attr('width', w).attr('height', PHRASE_SIZE * 1.5)
        .attr('fill', '#ffffff').attr('stroke', d.verdict ? color : 'none').attr('stroke-dasharray', style?.dash ?? null);
      g.select('text').attr('x', lx).attr('y', ly + PHRASE_SIZE * 0.35).attr('fill', d.verdict ? color : '#202124').attr('font-style', d.verdict === 'missing' ? 'italic' : null).text(text);
    });

    // Concepts.
    const placed = s.sheet.placed.map((p) => ({ key: p.key, box: boxes.get(p.key)! }));
    const concepts = conceptLayer.selectAll<SVGGElement, { key: string; box: ConceptBox }>('g.sheet-concept').data(placed, (d) => d.key);
    concepts.exit().remove();
    const cIn = concepts.enter().append('g').attr('class', 'sheet-concept');
    cIn.append('rect').attr('class', 'box').attr('rx', 10);
    cIn.append('g').attr('class', 'name');
    cIn.append('circle').attr('class', 'handle').attr('r', 8);
    cIn.on('pointerdown', onConceptDown).on('keydown', onConceptKey);
    cIn.select<SVGCircleElement>('circle.handle').on('pointerdown', onHandleDown);
    const cAll = cIn.merge(concepts);
    cAll.each(function (d) {
      const g = select(this);
      const { box } = d;
      const anchor = s.anchors.has(d.key);
      const picked = s.picked === d.key;
      g.attr('tabindex', s.readonly ? null : 0).attr('role', s.readonly ? 'img' : 'button');
      g.attr('data-key', d.key).attr('transform', `translate(${box.x},${box.y})`).attr('aria-label', s.conceptLabel(d.key)).attr('aria-pressed', picked ? 'true' : null);
      g.select('rect.box').attr('x', -box.w / 2).attr('y', -box.h / 2).attr('width', box.w).attr('height', box.h)
        .attr('fill', '#ffffff').attr('stroke', picked ? PICKED : s.color(d.key)).attr('stroke-width', picked ? 4 : anchor ? 4 : 2.5).attr('stroke-dasharray', picked ? '6 3' : null);
      const name = g.select<SVGGElement>('g.name');
      const offsets = lineOffsets(box);
      name.selectAll('text').data(box.lines).join('text').attr('x', 0).attr('y', (_l, i) => offsets[i]!).attr('text-anchor', 'middle').attr('font-size', NAME_SIZE).attr('fill', '#202124').attr('font-weight', anchor ? 700 : 400).text((l) => l);
      g.select('circle.handle').attr('display', s.readonly ? 'none' : null).attr('cx', box.w / 2).attr('cy', 0).attr('fill', PICKED).attr('stroke', '#ffffff').attr('stroke-width', 2);
    });
  }

  function onConceptDown(this: SVGGElement, e: PointerEvent, d: { key: string; box: ConceptBox }): void {
    if (e.button !== 0 || !scene || scene.readonly) return;
    const start = toSheet(e);
    const origin = scene.sheet.placed.find((p) => p.key === d.key);
    if (!origin) return;
    e.preventDefault();
    const node = this;
    node.setPointerCapture(e.pointerId);
    let moved = false;
    const move = (ev: PointerEvent) => {
      const [x, y] = toSheet(ev);
      if (!moved && Math.hypot(x - start[0], y - start[1]) < 4) return;
      moved = true;
      dragging = { key: d.key, x: origin.x + x - start[0], y: origin.y + y - start[1] };
      draw();
    };
    const up = () => {
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', up);
      const end = dragging;
      dragging = null;
      if (moved && end) handlers.move(end.key, end.x, end.y);
      else {
        node.focus();
        handlers.activate(d.key);
      }
    };
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerup', up);
    node.addEventListener('pointercancel', up);
  }

  function onHandleDown(this: SVGCircleElement, e: PointerEvent, d: { key: string; box: ConceptBox }): void {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const node = this;
    node.setPointerCapture(e.pointerId);
    const from = d.box;
    const move = (ev: PointerEvent) => {
      const [x, y] = toSheet(ev);
      dragLine.attr('x1', from.x).attr('y1', from.y).attr('x2', x).attr('y2', y).attr('visibility', 'visible');
    };
    const up = (ev: PointerEvent) => {
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', up);
      dragLine.attr('visibility', 'hidden');
      if (ev.type !== 'pointerup') return;
      const under = document.elementFromPoint(ev.clientX, ev.clientY)?.closest<SVGGElement>('g.sheet-concept');
      const target = under?.getAttribute('data-key');
      if (target && target !== d.key) handlers.draw(d.key, target);
    };
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerup', up);
    node.addEventListener('pointercancel', up);
  }

  function onConceptKey(e: KeyboardEvent, d: { key: string; box: ConceptBox }): void {
    if (!scene || scene.readonly || e.ctrlKey || e.metaKey || e.altKey) return;
    const p = scene.sheet.placed.find((c) => c.key === d.key);
    const step = e.shiftKey ? NUDGE * 5 : NUDGE;
    const nudge: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (e.key === 'Enter' || e.key === ' ') handlers.activate(d.key);
    else if (nudge[e.key] && p) handlers.move(d.key, p.x + nudge[e.key]![0], p.y + nudge[e.key]![1]);
    else if (e.key === 'Delete' || e.key === 'Backspace') handlers.removeConcept(d.key);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  linkLayer.on('keydown', (e: KeyboardEvent) => {
    const id = (e.target as Element).closest('g.sheet-link')?.getAttribute('data-link');
    if (!id || scene?.readonly || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Delete' || e.key === 'Backspace') handlers.removeLink(id);
    else if (e.key === 'r' || e.key === 'R') handlers.reverse(id);
    else if (e.key === 'Enter' || e.key === ' ') handlers.retype(id);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });

  // Chromium ignores touch-action on SVG children, so a touch that starts on a concept (to drag
  // it or draw a link) would be taken for a pan of the sheet and cancelled: such touches are
  // kept from panning here. Touches on the empty sheet still scroll it.
  const onTouchStart = (e: TouchEvent) => {
    if (!scene?.readonly && (e.target as Element | null)?.closest?.('g.sheet-concept')) e.preventDefault();
  };
  (svg.node() as SVGSVGElement).addEventListener('touchstart', onTouchStart, { passive: false });

  const focusIn = (selector: string) => {
    const node = (svg.node() as SVGSVGElement).querySelector<SVGGElement>(selector);
    node?.focus();
    node?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };

  return {
    render(next) {
      scene = next;
      draw();
    },
    focusConcept: (key) => focusIn(`g.sheet-concept[data-key="${CSS.escape(key)}"]`),
    pointAt(clientX, clientY) {
      const under = document.elementFromPoint(clientX, clientY);
      return under && host.contains(under) ? toSheet({ clientX, clientY }) : null;
    },
    focusLink: (id) => focusIn(`g.sheet-link[data-link="${CSS.escape(id)}"]`),
    markup() {
      const clone = (svg.node() as SVGSVGElement).cloneNode(true) as SVGSVGElement;
      const [, , w, h] = (clone.getAttribute('viewBox') ?? '0 0 900 600').split(' ').map(Number);
      clone.setAttribute('width', String(w));
      clone.setAttribute('height', String(h));
      clone.querySelectorAll('circle.handle, line.sheet-drag-line').forEach((n) => n.remove());
      clone.setAttribute('font-family', getComputedStyle(host).fontFamily);
      return new XMLSerializer().serializeToString(clone);
    },
    zoom(factor) {
      if (factor === 'fit') fitNext = true;
      else {
        zoomLevel = Math.min(2, Math.max(0.3, zoomLevel * factor));
        view = null;
      }
      draw();
    },
    dispose() {
      svg.remove();
    },
  };
}

export type { Selection };
