/**
 * Which items the map's programs draw, kept on the GPU: one byte per node and per link in a small
 * texture that every node and link program reads, so that hiding or showing thousands of items
 * (a filter) rewrites that texture, not the programs' item arrays.
 *
 * sigma 3.0 hides an item by zeroing its slot in its program's array, and a program's array is
 * sent to the GPU whole: at 100k nodes and 300k links, a filter that hides half the graph sent
 * ≈10 MB of link slots, and then waited on the GPU to take them. Here each program's items also
 * carry their ordinals (graph order), and its vertex shader looks them up in the table: an item
 * whose byte is 0 is moved out of the clip space, in the picture and in the picking layer alike
 * (it can be neither seen, hovered nor clicked). A link's byte says whether it is drawn at all:
 * the quick path clears it too when the link is hidden by a hidden end, so that each vertex
 * looks up one byte (a software rasteriser pays for every lookup). The texture is 4096 bytes wide, nodes first then links:
 * ≈400 KB at the import limit.
 *
 * The table only ever hides more than sigma does: sigma still zeroes the slots of items its
 * reducers hide. A byte is 0 only for an item hidden by `visibility.ts` since sigma last laid
 * out its programs; sigma's layout writes every slot from its data, so the table is reset then.
 */
import type { MapRenderer } from './map-context';

/** Width of the table's texture: a power of two, so that the shader's division is exact. */
const WIDTH = 4096;
/** The texture unit the table is bound to while a program draws (sigma's own programs use 0). */
const UNIT = 3;

/** The bytes the map's programs read: nodes by ordinal, then links by ordinal (255 shown, 0 hidden). */
export class ShownTable {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly rows: number;
  /** Bumped at each change; each context uploads the bytes when its copy is older. */
  version = 1;

  constructor(
    readonly nodeCount: number,
    readonly edgeCount: number,
  ) {
    const total = Math.max(1, nodeCount + edgeCount);
    this.width = Math.min(WIDTH, 2 ** Math.ceil(Math.log2(total)));
    this.rows = Math.ceil(total / this.width);
    this.bytes = new Uint8Array(this.width * this.rows).fill(255);
  }

  /** Shows or hides node `ordinal`; the version moves only when its byte changes. */
  node(ordinal: number, shown: boolean): void {
    this.set(ordinal, shown ? 255 : 0);
  }

  edge(ordinal: number, shown: boolean): void {
    this.set(this.nodeCount + ordinal, shown ? 255 : 0);
  }

  private set(at: number, byte: number): void {
    if (this.bytes[at] === byte) return;
    this.bytes[at] = byte;
    this.version++;
  }

  /** Every item shown (sigma laid out its programs: its slots say what is hidden). */
  reset(): void {
    this.bytes.fill(255);
    this.version++;
  }
}

const tables = new WeakMap<object, ShownTable>();

/**
 * The table of `renderer`'s programs, for a graph of `nodeCount` nodes and `edgeCount` links;
 * reset whenever sigma lays out its programs.
 */
export function attachShownTable(renderer: MapRenderer, nodeCount: number, edgeCount: number): ShownTable {
  const table = new ShownTable(nodeCount, edgeCount);
  tables.set(renderer, table);
  renderer.on('afterProcess', () => table.reset());
  return table;
}

/** The table `renderer`'s programs read, if one was attached. */
export function shownTableOf(renderer: object): ShownTable | undefined {
  return tables.get(renderer);
}

/** A context's copy of a table: its texture and the version it holds. */
interface Copy {
  texture: WebGLTexture;
  table: ShownTable | null;
  version: number;
}
const copies = new WeakMap<WebGLRenderingContext, Copy>();
const watched = new WeakSet<WebGLRenderingContext>();

/** Binds `table` (all shown when none) to UNIT in `gl`, uploading it when the context's copy is older. */
function bindTable(gl: WebGLRenderingContext, table: ShownTable | undefined): void {
  let copy = copies.get(gl);
  if (copy === undefined) {
    const texture = gl.createTexture();
    if (texture === null) return;
    copy = { texture, table: null, version: 0 };
    copies.set(gl, copy);
    // A lost context loses its textures (and one made while it is lost is no texture): a new
    // one is made when the context given back is drawn with.
    if (!watched.has(gl)) {
      watched.add(gl);
      gl.canvas.addEventListener('webglcontextrestored', () => copies.delete(gl));
    }
  }
  gl.activeTexture(gl.TEXTURE0 + UNIT);
  gl.bindTexture(gl.TEXTURE_2D, copy.texture);
  if (copy.table !== (table ?? null) || copy.version !== (table?.version ?? 0)) {
    copy.table = table ?? null;
    copy.version = table?.version ?? 0;
    const { width, rows, bytes } = table ?? { width: 1, rows: 1, bytes: new Uint8Array([255]) };
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.LUMINANCE, width, rows, 0, gl.LUMINANCE, gl.UNSIGNED_BYTE, bytes);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  }
  gl.activeTexture(gl.TEXTURE0);
}

type Kind = 'node' | 'edge';

/**
 * The shader code added to a program's vertex shader: the item's ordinal, its byte's place in
 * the table (a link's after the nodes'), and the lookup.
 */
const SHADER_HEAD = `
uniform sampler2D u_linkageShown;
uniform vec3 u_linkageShownAt;
attribute float a_linkageItem;
float linkageShown() {
  if (a_linkageItem < 0.0) return 1.0;
  float i = u_linkageShownAt.z + a_linkageItem;
  float row = floor(i / u_linkageShownAt.x);
  float col = i - row * u_linkageShownAt.x;
  return texture2D(u_linkageShown, vec2((col + 0.5) / u_linkageShownAt.x, (row + 0.5) / u_linkageShownAt.y)).r;
}
`;

const SHADER_TAIL = `
void main() {
  linkageMain();
  if (linkageShown() < 0.5) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
}
`;

const MAIN = /void\s+main\s*\(\s*(void)?\s*\)/;

/** `source` (a vertex shader) drawing only what the table shows. */
export function withShownShader(source: string): string {
  if (!MAIN.test(source)) throw new Error('Linkage: a map program has a vertex shader without main()');
  return SHADER_HEAD + source.replace(MAIN, 'void linkageMain()') + SHADER_TAIL;
}

/** What of sigma's Program (3.0) the wrapper below reads and extends. */
interface ProgramDefinition {
  VERTEX_SHADER_SOURCE: string;
  ATTRIBUTES: { name: string; size: number; type: number; normalized?: boolean }[];
  UNIFORMS: string[];
}
interface ProgramInstance {
  array: Float32Array;
  STRIDE: number;
  ATTRIBUTES_ITEMS_COUNT: number;
  renderer: object;
}
/** An item's display data, with the ordinal the map's reducers give it. */
interface Ordered {
  ordinal?: number;
}
type Uniforms = { gl: WebGLRenderingContext; uniformLocations: Record<string, WebGLUniformLocation> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ProgramClass = new (...args: any[]) => object;

/** Writes `ordinal` last in each vertex of the item at `start` (instanced programs: one vertex per item). */
function writeOrdinal(program: ProgramInstance, start: number, ordinal: number | undefined): void {
  const { array, STRIDE, ATTRIBUTES_ITEMS_COUNT: per } = program;
  const value = ordinal ?? -1;
  for (let at = start + per - 1; at < start + STRIDE; at += per) array[at] = value;
}

/**
 * `Base` (a sigma node or link program) drawing only what its renderer's table shows: its items
 * carry their ordinals (read from their display data's `ordinal`), its shader looks them up.
 */
export function drawingShown<C extends ProgramClass>(Base: C, kind: Kind): C {
  const base = Base.prototype as unknown as {
    getDefinition(): ProgramDefinition;
    processVisibleItem(a: unknown, b: unknown, c: unknown, d?: unknown, e?: unknown): void;
    setUniforms(params: unknown, info: Uniforms): void;
  };
  class Shown extends (Base as ProgramClass) {
    getDefinition(): ProgramDefinition {
      const def = base.getDefinition.call(this);
      return {
        ...def,
        VERTEX_SHADER_SOURCE: withShownShader(def.VERTEX_SHADER_SOURCE),
        ATTRIBUTES: [...def.ATTRIBUTES, { name: 'a_linkageItem', size: 1, type: WebGLRenderingContext.FLOAT }],
        UNIFORMS: [...def.UNIFORMS, 'u_linkageShown', 'u_linkageShownAt'],
      };
    }

    setUniforms(params: unknown, info: Uniforms): void {
      base.setUniforms.call(this, params, info);
      const { gl, uniformLocations } = info;
      const table = shownTableOf((this as unknown as ProgramInstance).renderer);
      bindTable(gl, table);
      gl.uniform1i(uniformLocations.u_linkageShown, UNIT);
      gl.uniform3f(uniformLocations.u_linkageShownAt, table?.width ?? 1, table?.rows ?? 1, kind === 'edge' ? (table?.nodeCount ?? 0) : 0);
    }
  }
  // sigma calls these once per item drawn: fixed arities, no arrays made per call.
  const Program =
    kind === 'node'
      ? class extends Shown {
          processVisibleItem(index: unknown, start: number, data: Ordered): void {
            base.processVisibleItem.call(this, index, start, data);
            writeOrdinal(this as unknown as ProgramInstance, start, data.ordinal);
          }
        }
      : class extends Shown {
          processVisibleItem(index: unknown, start: number, source: unknown, target: unknown, data: Ordered): void {
            base.processVisibleItem.call(this, index, start, source, target, data);
            writeOrdinal(this as unknown as ProgramInstance, start, data.ordinal);
          }
        };
  return Program as unknown as C;
}
