/** The app's icons: PNGs of the stated size, transparent rounded corners ("any"), full bleed (maskable), a drawing inside. */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawIcon, ICON_BACKGROUND, MANIFEST_ICONS, TOUCH_ICON } from '../src/pwa-icons';

const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
const background = [1, 3, 5].map((i) => parseInt(ICON_BACKGROUND.slice(i, i + 2), 16));

describe('app icons', () => {
  for (const spec of [...MANIFEST_ICONS, TOUCH_ICON]) {
    it(`${spec.file}: ${spec.size}×${spec.size}, ${spec.purpose}`, () => {
      const png = PNG.sync.read(drawIcon(spec.size, spec.purpose));
      expect([png.width, png.height]).toEqual([spec.size, spec.size]);
      const corner = pixel(png, 0, 0);
      if (spec.purpose === 'any') expect(corner[3]).toBe(0);
      else expect(corner).toEqual([...background, 255]);
      // The middle of an edge is background, opaque.
      expect(pixel(png, Math.floor(spec.size / 2), 2)).toEqual([...background, 255]);
      // The drawing: white links and coloured concepts take a real share of the icon.
      let white = 0;
      const colours = new Set<string>();
      for (let i = 0; i < png.data.length; i += 4) {
        if (png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255) white++;
        colours.add(`${png.data[i]! >> 5},${png.data[i + 1]! >> 5},${png.data[i + 2]! >> 5}`);
      }
      expect(white / (spec.size * spec.size)).toBeGreaterThan(0.03);
      expect(colours.size).toBeGreaterThan(6);
    });
  }
  it('the maskable icon keeps its drawing inside the safe zone (the central 80 %)', () => {
    const size = 512;
    const png = PNG.sync.read(drawIcon(size, 'maskable'));
    const margin = Math.floor(size * 0.1);
    const outside: string[] = [];
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        if (x >= margin && x < size - margin && y >= margin && y < size - margin) continue;
        const p = pixel(png, x, y);
        if (p[0] !== background[0] || p[1] !== background[1] || p[2] !== background[2]) outside.push(`${x},${y}`);
      }
    expect(outside).toEqual([]);
  });
});
