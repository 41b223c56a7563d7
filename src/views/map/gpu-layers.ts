/**
 * The map's WebGL layers (its links, its nodes and its hover layer: a canvas, its context and the
 * programs made in it) outlive the map: a map disposed of leaves them to the next one made in the
 * page, which draws with the same programs wherever it takes the same program classes.
 *
 * A program is compiled when it is made, but the GPU prepares it for drawing when it first draws,
 * and does so for each program object, even one made from the same source in the same context.
 * Without a GPU (WebGL in software) that first draw costs ≈30–60 ms per program, whatever it draws,
 * and a 1k graph's first frame draws seven of them. So a new map in old layers draws its first
 * frame without that wait; and the programs of a graph about to be opened can be made beforehand
 * in the current map's layers and drawn once, into a frame buffer of one pixel, so that the
 * picture does not change (`prepareLayer`).
 *
 * A layer is held by one map at a time. A layer whose context is lost is never handed on.
 */

/** What of a sigma 3.0 program's GPU side the layers touch (private in its typings). */
interface ProgramInfo {
  gl: WebGLRenderingContext;
  buffer: WebGLBuffer;
  frameBuffer: WebGLFramebuffer | null;
}

/** A sigma 3.0 program (or a compound one, made of `programs`), as the layers handle it. */
export interface LayerProgram {
  renderer: unknown;
  reallocate(capacity: number): void;
  render(params: unknown): void;
  kill(): void;
  normalProgram?: ProgramInfo;
  pickProgram?: ProgramInfo | null;
  programs?: LayerProgram[];
}

/** A program class, as sigma makes its programs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LayerProgramClass = new (gl: WebGLRenderingContext, frameBuffer: WebGLFramebuffer | null, renderer: any) => unknown;

export interface GpuLayer {
  readonly canvas: HTMLCanvasElement;
  readonly gl: WebGLRenderingContext;
  /** The layer's picking frame buffer (the nodes'), which its programs draw their picking pass into. */
  picking: WebGLFramebuffer | null;
  /** The texture last attached to it (sigma replaces it at each frame, deleting the one before). */
  pickingTexture: WebGLTexture | null;
  /** Programs made in this context, by class; those in `used` are drawn by the map holding the layer. */
  readonly programs: Map<LayerProgramClass, LayerProgram[]>;
  readonly used: Set<LayerProgram>;
}

/** sigma 3's WebGL layers, by id. */
export const WEBGL_LAYERS: readonly string[] = ['edges', 'nodes', 'hoverNodes'];

/** Layers left by a disposed map, by layer id. */
const free = new Map<string, GpuLayer>();
/** The layer of each canvas that has one. */
const layers = new WeakMap<HTMLCanvasElement, GpuLayer>();

/** The free layer `id` (its canvas out of the page), taken for a new map; null when there is none. */
export function takeLayer(id: string): GpuLayer | null {
  const layer = free.get(id) ?? null;
  free.delete(id);
  return layer !== null && !layer.gl.isContextLost() ? layer : null;
}

/** The layer of `canvas`, if one was made for it and its context holds. */
export function layerOf(canvas: HTMLCanvasElement): GpuLayer | null {
  const layer = layers.get(canvas) ?? null;
  return layer !== null && !layer.gl.isContextLost() ? layer : null;
}

/** Makes the layer of a new context. */
export function newLayer(canvas: HTMLCanvasElement, gl: WebGLRenderingContext, picking: WebGLFramebuffer | null): GpuLayer {
  const layer: GpuLayer = { canvas, gl, picking, pickingTexture: null, programs: new Map(), used: new Set() };
  layers.set(canvas, layer);
  // A lost context's programs and frame buffer are gone with it (a context given back is empty).
  canvas.addEventListener('webglcontextlost', () => {
    layer.programs.clear();
    layer.used.clear();
    layer.picking = null;
    layer.pickingTexture = null;
  });
  return layer;
}

/** Every program `program` is made of (itself when it is not compound). */
function leaves(program: LayerProgram): LayerProgram[] {
  return program.programs ? program.programs.flatMap(leaves) : [program];
}

/** Gives `program` (and its parts) to `renderer`. */
function adopt(program: LayerProgram, renderer: unknown): void {
  program.renderer = renderer;
  for (const part of program.programs ?? []) adopt(part, renderer);
}

/** A program of class `Class` in `layer` not drawn yet by its map, made when there is none. */
function freeProgram(layer: GpuLayer, Class: LayerProgramClass, frameBuffer: WebGLFramebuffer | null, renderer: unknown): LayerProgram {
  const list = layer.programs.get(Class) ?? [];
  layer.programs.set(Class, list);
  let program = list.find((p) => !layer.used.has(p));
  if (program === undefined) {
    program = new Class(layer.gl, frameBuffer, renderer) as LayerProgram;
    list.push(program);
  }
  adopt(program, renderer);
  return program;
}

/** The program of class `Class` that `renderer` draws with in `layer`: one made before in that context when there is one. */
export function useProgram(layer: GpuLayer, Class: LayerProgramClass, frameBuffer: WebGLFramebuffer | null, renderer: unknown): LayerProgram {
  const program = freeProgram(layer, Class, frameBuffer, renderer);
  layer.used.add(program);
  return program;
}

/**
 * Makes programs of `classes` in `layer` where there are none and draws each of them once (an
 * item of zero size, into a frame buffer of one pixel: nothing is painted), so that the GPU has
 * them ready for a map's first frame.
 */
export function prepareLayer(layer: GpuLayer, classes: readonly LayerProgramClass[], frameBuffer: WebGLFramebuffer | null, renderer: unknown, params: unknown): void {
  const { gl } = layer;
  if (gl.isContextLost()) return;
  const fresh = classes.filter((Class) => !layer.programs.get(Class)?.length);
  if (fresh.length === 0) return;
  const target = gl.createFramebuffer();
  const texture = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
  gl.bindFramebuffer(gl.FRAMEBUFFER, target);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
  for (const Class of fresh) {
    const program = freeProgram(layer, Class, frameBuffer, renderer);
    // Drawn into the pixel, not the canvas (a canvas drawn on is shown as drawn, here blank) nor
    // the picking frame buffer (read when the pointer moves).
    const infos = leaves(program).flatMap((p) => [p.normalProgram, p.pickProgram].filter((info): info is ProgramInfo => !!info));
    const own = infos.map((info) => info.frameBuffer);
    for (const info of infos) info.frameBuffer = target;
    try {
      // One item, all zeros.
      program.reallocate(1);
      program.render(params);
    } finally {
      infos.forEach((info, i) => (info.frameBuffer = own[i]!));
      release(program);
    }
  }
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.deleteFramebuffer(target);
  gl.deleteTexture(texture);
}

/** Empties `program`'s items, on the page and on the GPU, and lets go of its renderer. */
function release(program: LayerProgram): void {
  program.reallocate(0);
  adopt(program, null);
  for (const part of leaves(program)) {
    for (const info of [part.normalProgram, part.pickProgram]) {
      if (!info) continue;
      info.gl.bindBuffer(info.gl.ARRAY_BUFFER, info.buffer);
      info.gl.bufferData(info.gl.ARRAY_BUFFER, 0, info.gl.DYNAMIC_DRAW);
      info.gl.bindBuffer(info.gl.ARRAY_BUFFER, null);
    }
  }
}

/**
 * `layer`, held by a map being disposed of, left for the next map as layer `id`: its programs
 * emptied (the items of the graph gone, on the page and on the GPU). A layer left before it
 * under the same id and not taken since (two maps alive at once) is released for good.
 */
export function leaveLayer(id: string, layer: GpuLayer): void {
  layer.used.clear();
  layer.canvas.remove();
  if (layer.gl.isContextLost()) return;
  for (const list of layer.programs.values()) list.forEach(release);
  const before = free.get(id);
  if (before && before !== layer) before.gl.getExtension('WEBGL_lose_context')?.loseContext();
  free.set(id, layer);
}
