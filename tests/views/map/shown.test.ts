import { describe, expect, it } from 'vitest';
import { ShownTable, withShownShader } from '../../../src/views/map/shown';

describe('the table of what the map draws', () => {
  it('holds a byte per node then per link, all shown, in rows of a power-of-two width', () => {
    const table = new ShownTable(100_000, 300_000);
    expect(table.width).toBe(4096);
    expect(table.rows).toBe(Math.ceil(400_000 / 4096));
    expect(table.bytes.length).toBe(table.width * table.rows);
    expect(table.bytes.every((b) => b === 255)).toBe(true);
    const small = new ShownTable(3, 2);
    expect([small.width, small.rows]).toEqual([8, 1]);
  });

  it('hides and shows by ordinal, links after the nodes, each change a new version; a reset shows all', () => {
    const table = new ShownTable(10, 20);
    const v = table.version;
    table.node(3, false);
    table.edge(3, false);
    expect(table.bytes[3]).toBe(0);
    expect(table.bytes[13]).toBe(0);
    expect(table.bytes.filter((b) => b === 0).length).toBe(2);
    expect(table.version).toBeGreaterThan(v);
    table.node(3, true);
    expect(table.bytes[3]).toBe(255);
    const before = table.version;
    table.reset();
    expect(table.bytes.every((b) => b === 255)).toBe(true);
    expect(table.version).toBeGreaterThan(before);
  });

  it("finds each ordinal's texel with the shader's arithmetic in 32-bit floats", () => {
    const table = new ShownTable(100_000, 300_000);
    const f = Math.fround;
    // The shader: row = floor(i / width), col = i - row * width, sampled at texel centres.
    const texel = (i: number) => {
      const row = Math.floor(f(f(i) / f(table.width)));
      const col = f(f(i) - f(row * table.width));
      const u = f(f(col + 0.5) / table.width);
      const v = f(f(row + 0.5) / table.rows);
      return Math.floor(v * table.rows) * table.width + Math.floor(u * table.width);
    };
    for (const i of [0, 1, 4095, 4096, 4097, 99_999, 100_000, 255_123, 399_999]) expect(texel(i)).toBe(i);
  });
});

describe("a program's vertex shader drawing only what is shown", () => {
  const source = 'attribute vec2 a_position;\nuniform mat3 u_matrix;\nvoid main() {\n  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);\n}\n';

  it("runs the program's own main, then moves a hidden item out of the clip space", () => {
    for (const shader of [source, source.replace('void main()', 'void main(void)')]) {
      const out = withShownShader(shader);
      expect(out).toContain('void linkageMain() {\n  gl_Position');
      expect(out.match(/void main\(/g)).toHaveLength(1);
      expect(out).toContain('attribute float a_linkageItem;');
      expect(out).toMatch(/linkageMain\(\);\s*if \(linkageShown\(\) < 0\.5\) gl_Position = vec4\(2\.0, 2\.0, 2\.0, 1\.0\);/);
    }
  });

  it("looks up one byte per item: a link's after the nodes', none for an item without an ordinal", () => {
    const out = withShownShader(source);
    expect(out.match(/texture2D\(/g)).toHaveLength(1);
    expect(out).toContain('float i = u_linkageShownAt.z + a_linkageItem;');
    expect(out).toContain('if (a_linkageItem < 0.0) return 1.0;');
  });

  it('refuses a shader without main', () => {
    expect(() => withShownShader('void other() {}')).toThrow(/without main/);
  });
});
