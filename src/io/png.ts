/**
 * PNG of the network as the reader sees it (filters, highlights, camera), with the graph's title
 * above and the legend of node kinds below, at 1× or 2× the map's size. sigma draws synchronously
 * on `refresh()`, so its WebGL and 2D layers are copied in the same task, before the browser can
 * clear the WebGL buffers; for 2× the renderer is resized at pixel ratio 2 for that task only.
 */
import type Sigma from 'sigma';
import { graphTitle, pick } from '../i18n/strings';
import type { Lang } from '../model/sentence';
import type { EdgeAttrs, KindInfo, LinkageGraph, NodeAttrs } from '../model/types';
import { FONT_STACK } from '../util/fonts';

/** Heights, in CSS pixels at 1×, of the title band and of one legend row. */
const PNG_LAYOUT = { title: 52, legendRow: 26, legendPad: 12, margin: 16 } as const;

export interface NetworkPngOptions {
  scale: 1 | 2;
  lang: Lang;
  /** Node kinds shown in the legend (default: every kind of the graph). */
  kinds?: readonly KindInfo[];
}

/** The device pixel ratio sigma reads, replaced for the length of `fn`. */
function withPixelRatio<T>(ratio: number, fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/** Lays out the legend entries in rows that fit `width`; returns each entry's x and row. */
function legendRows(ctx: CanvasRenderingContext2D, names: readonly string[], width: number): Array<{ x: number; row: number }> {
  const { margin } = PNG_LAYOUT;
  const out: Array<{ x: number; row: number }> = [];
  let x = margin;
  let row = 0;
  for (const name of names) {
    const w = 18 + ctx.measureText(name).width + 22;
    if (x + w > width - margin && x > margin) {
      row++;
      x = margin;
    }
    out.push({ x, row });
    x += w;
  }
  return out;
}

/**
 * Draws the network of `renderer` with title and legend into a canvas and returns it as PNG.
 * The image is the map's width × scale wide and (title + map + legend) × scale high.
 */
export async function networkPng(renderer: Sigma<NodeAttrs, EdgeAttrs>, graph: LinkageGraph, options: NetworkPngOptions): Promise<Blob> {
  const { scale, lang } = options;
  const container = renderer.getContainer();
  const width = container.offsetWidth;
  const height = container.offsetHeight;
  if (width === 0 || height === 0) throw new Error('the map is not shown: switch to the network view first');
  const kinds = options.kinds ?? graph.getAttribute('nodeKinds') ?? [];
  const title = graphTitle(graph, lang);
  const names = kinds.map((k) => pick(lang, k.zh, k.zhHans, k.en));
  const font = lang === 'zh-Hans' ? FONT_STACK.hans : FONT_STACK.hant;

  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  ctx.font = `14px ${font}`;
  const rows = legendRows(ctx, names, width);
  const legendHeight = kinds.length ? (Math.max(...rows.map((r) => r.row)) + 1) * PNG_LAYOUT.legendRow + 2 * PNG_LAYOUT.legendPad : 0;
  out.width = width * scale;
  out.height = (PNG_LAYOUT.title + height + legendHeight) * scale;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, PNG_LAYOUT.title + height + legendHeight);

  // 1. The map: every layer sigma stacks in its container, in DOM order, copied right after a draw.
  const copyLayers = () => {
    renderer.resize(true);
    renderer.refresh();
    for (const layer of Array.from(container.querySelectorAll('canvas'))) {
      ctx.drawImage(layer, 0, PNG_LAYOUT.title, width, height);
    }
  };
  if (scale === 1) copyLayers();
  else {
    withPixelRatio(scale, copyLayers);
    // Back to the screen's ratio.
    renderer.resize(true);
    renderer.refresh();
  }

  // 2. Title band and a hairline under it.
  ctx.fillStyle = '#1d1d1f';
  ctx.font = `600 20px ${font}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, PNG_LAYOUT.margin, PNG_LAYOUT.title / 2, width - 2 * PNG_LAYOUT.margin);
  ctx.fillStyle = '#dadce0';
  ctx.fillRect(0, PNG_LAYOUT.title - 1, width, 1);

  // 3. Legend: a chip and the kind's name per entry, in rows.
  if (kinds.length) {
    const top = PNG_LAYOUT.title + height;
    ctx.fillRect(0, top, width, 1);
    ctx.font = `14px ${font}`;
    kinds.forEach((k, i) => {
      const { x, row } = rows[i]!;
      const y = top + PNG_LAYOUT.legendPad + row * PNG_LAYOUT.legendRow + PNG_LAYOUT.legendRow / 2;
      ctx.beginPath();
      ctx.arc(x + 6, y, 6, 0, 2 * Math.PI);
      ctx.fillStyle = k.color;
      ctx.fill();
      ctx.strokeStyle = 'rgba(0,0,0,.35)';
      ctx.lineWidth = 1.5;
      ctx.stroke();
      ctx.fillStyle = '#1d1d1f';
      ctx.fillText(names[i]!, x + 18, y);
    });
  }

  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'));
}
