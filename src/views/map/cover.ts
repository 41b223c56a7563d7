/**
 * What floats over the map (the details panel): the part of the map it covers, and the part
 * left open, where the camera puts what the reader is looking at.
 */

/** A rectangle in map pixels (origin at the map's top left). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when both are null or both are the same rectangle. */
export const sameRect = (a: Rect | null | undefined, b: Rect | null | undefined): boolean =>
  a === b || (a != null && b != null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);

/**
 * The largest part of a `width` × `height` map left open beside `cover` (left, right, above or
 * below it): where a node the reader is looking at should be.
 */
export function openPart(width: number, height: number, cover: Rect | null): Rect {
  const whole = { x: 0, y: 0, width, height };
  if (cover === null || cover.width <= 0 || cover.height <= 0) return whole;
  const x1 = Math.min(width, cover.x + cover.width);
  const y1 = Math.min(height, cover.y + cover.height);
  const parts: Rect[] = [
    { x: 0, y: 0, width: Math.max(0, cover.x), height },
    { x: x1, y: 0, width: Math.max(0, width - x1), height },
    { x: 0, y: 0, width, height: Math.max(0, cover.y) },
    { x: 0, y: y1, width, height: Math.max(0, height - y1) },
  ];
  return parts.reduce((best, p) => (p.width * p.height > best.width * best.height ? p : best));
}

/**
 * Tells the map which part of it `coverEl` floats over, whenever either changes size (the
 * details panel opening, closing, or the window resizing). Returns the disposer.
 */
export function trackCover(net: { setCover(cover: Rect | null): void }, mapEl: HTMLElement, coverEl: HTMLElement): () => void {
  if (typeof ResizeObserver !== 'function') return () => {};
  const update = () => {
    const m = mapEl.getBoundingClientRect();
    const c = coverEl.getBoundingClientRect();
    const x0 = Math.max(m.left, c.left), y0 = Math.max(m.top, c.top);
    const x1 = Math.min(m.right, c.right), y1 = Math.min(m.bottom, c.bottom);
    net.setCover(x1 > x0 && y1 > y0 ? { x: x0 - m.left, y: y0 - m.top, width: x1 - x0, height: y1 - y0 } : null);
  };
  const observer = new ResizeObserver(update);
  observer.observe(mapEl);
  observer.observe(coverEl);
  return () => observer.disconnect();
}
