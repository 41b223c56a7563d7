/**
 * The app's icons (Node only, used by vite.config.ts at build time): a small concept map — four
 * concepts and their links — in white on the interface's indigo, drawn with pngjs and
 * anti-aliased by supersampling. "any" icons have rounded corners; the maskable one fills its
 * square and keeps the drawing inside the central safe zone (80 %).
 */
import { PNG } from 'pngjs';

/** One icon file: its path in the site, side in pixels, and purpose in the manifest. */
export interface IconSpec {
  file: string;
  size: number;
  purpose: 'any' | 'maskable';
}

/** The icons the web app manifest lists. */
export const MANIFEST_ICONS: readonly IconSpec[] = [
  { file: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { file: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { file: 'icons/icon-maskable-512.png', size: 512, purpose: 'maskable' },
];

/** For iOS home screens (`<link rel="apple-touch-icon">`): full-bleed, the system rounds it. */
export const TOUCH_ICON: IconSpec = { file: 'icons/apple-touch-icon-180.png', size: 180, purpose: 'maskable' };

/** The interface's accent (styles.css `--accent`), also the manifest's theme colour. */
export const ICON_BACKGROUND = '#332288';

type Rgb = readonly [number, number, number];

const hex = (h: string): Rgb => {
  const n = parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

// Shared colour values: samples compare by identity.
const WHITE: Rgb = [255, 255, 255];
const BACKGROUND = hex(ICON_BACKGROUND);

/** Concepts (unit square, before the safe-zone inset) and their colours from the map's palette. */
const NODES: ReadonlyArray<{ x: number; y: number; r: number; color: Rgb }> = [
  { x: 0.28, y: 0.3, r: 0.11, color: hex('#88ccee') },
  { x: 0.72, y: 0.27, r: 0.09, color: hex('#ddcc77') },
  { x: 0.33, y: 0.73, r: 0.09, color: hex('#44aa99') },
  { x: 0.72, y: 0.68, r: 0.12, color: hex('#cc6677') },
];
const LINKS: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 3],
  [0, 3],
];

/** Distance from point p to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Inside a square of side 1 with corners rounded by `radius`. */
function inRoundedSquare(x: number, y: number, radius: number): boolean {
  if (x < 0 || y < 0 || x > 1 || y > 1) return false;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** The colour (and whether anything is there) at a point of the unit square. */
function sample(x: number, y: number, maskable: boolean): Rgb | null {
  if (!maskable && !inRoundedSquare(x, y, 0.22)) return null;
  // The drawing, scaled into the safe zone of a maskable icon.
  const inset = maskable ? 0.14 : 0.04;
  const u = (x - inset) / (1 - 2 * inset), v = (y - inset) / (1 - 2 * inset);
  for (let i = NODES.length - 1; i >= 0; i--) {
    const n = NODES[i]!;
    const d = Math.hypot(u - n.x, v - n.y);
    if (d <= n.r) return d >= n.r - 0.025 ? WHITE : n.color;
  }
  for (const [a, b] of LINKS) {
    const p = NODES[a]!, q = NODES[b]!;
    if (segmentDistance(u, v, p.x, p.y, q.x, q.y) <= 0.018) return WHITE;
  }
  return BACKGROUND;
}

/** Draws one icon as PNG bytes (`size` × `size`; pixels on an edge get 4 × 4 samples). */
export function drawIcon(size: number, purpose: IconSpec['purpose']): Buffer {
  const png = new PNG({ width: size, height: size });
  const maskable = purpose === 'maskable';
  // One sample at every pixel corner: a pixel whose four corners agree is filled at once.
  const side = size + 1;
  const corners: Array<Rgb | null> = new Array(side * side);
  for (let y = 0; y <= size; y++) for (let x = 0; x <= size; x++) corners[y * side + x] = sample(x / size, y / size, maskable);
  const grid = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const a = corners[py * side + px]!, b = corners[py * side + px + 1]!, c = corners[(py + 1) * side + px]!, d = corners[(py + 1) * side + px + 1]!;
      let r = 0, g = 0, bl = 0, covered = 0;
      if (a === b && a === c && a === d) {
        if (a !== null) [r, g, bl, covered] = [a[0], a[1], a[2], 1];
      } else {
        for (let sy = 0; sy < grid; sy++) {
          for (let sx = 0; sx < grid; sx++) {
            const s = sample((px + (sx + 0.5) / grid) / size, (py + (sy + 0.5) / grid) / size, maskable);
            if (s === null) continue;
            r += s[0]; g += s[1]; bl += s[2]; covered++;
          }
        }
        covered /= grid * grid;
        if (covered > 0) [r, g, bl] = [r / (covered * grid * grid), g / (covered * grid * grid), bl / (covered * grid * grid)];
      }
      const i = (py * size + px) * 4;
      // Colour averaged over the covered samples; coverage becomes alpha (smooth rounded corners).
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(bl);
      png.data[i + 3] = Math.round(covered * 255);
    }
  }
  return PNG.sync.write(png);
}
