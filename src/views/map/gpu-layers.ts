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
 * picture does not change (`prepareLayers`).
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
  hasNothingToRender?(): boolean;
  bindProgram?(info: ProgramInfo): void;
  renderProgram?(params: unknown, info: ProgramInfo): void;
  unbindProgram?(info: ProgramInfo): void;
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
  /** A texture of one pixel that `submitLayer` copies into (made when first needed). */
  sink: WebGLTexture | null;
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
  const layer: GpuLayer = { canvas, gl, picking, pickingTexture: null, programs: new Map(), used: new Set(), sink: null };
  layers.set(canvas, layer);
  // A lost context's programs and frame buffer are gone with it (a context given back is empty).
  canvas.addEventListener('webglcontextlost', () => {
    layer.programs.clear();
    layer.used.clear();
    layer.picking = null;
    layer.pickingTexture = null;
    layer.sink = null;
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
 * The free layer `id`, made by `make` when there is none (or only a lost one), left free: for the
 * programs of a map about to be made to be prepared in it (`prepareLayers`) before the map takes it.
 */
export function spareLayer(id: string, make: () => GpuLayer): GpuLayer {
  let layer = free.get(id);
  if (layer === undefined || layer.gl.isContextLost()) free.set(id, (layer = make()));
  return layer;
}

/** Programs of `classes` to prepare in `layer`, with `frameBuffer` for their picking passes. */
export interface LayerJob {
  layer: GpuLayer;
  classes: readonly LayerProgramClass[];
  frameBuffer: WebGLFramebuffer | null;
}

/**
 * Makes programs of each job's classes in its layer where there are none and draws each of them
 * once (an item of zero size, into a frame buffer of one pixel: nothing is painted), so that the
 * GPU has them ready for a map's first frame; their picking passes too unless `picking` is false
 * (a map's first frame draws none: renderer.ts). All are made before any is drawn: making one
 * waits for its context's work to be done (sigma reads whether it compiled), drawing does not.
 */
export function prepareLayers(jobs: readonly LayerJob[], renderer: unknown, params: unknown, picking = true): void {
  const made = jobs.flatMap(({ layer, classes, frameBuffer }) => {
    if (layer.gl.isContextLost()) return [];
    const fresh = classes.filter((Class) => !layer.programs.get(Class)?.length);
    return fresh.length === 0 ? [] : [{ gl: layer.gl, programs: fresh.map((Class) => freeProgram(layer, Class, frameBuffer, renderer)) }];
  });
  for (const { gl, programs } of made) {
    const target = gl.createFramebuffer();
    const texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, target);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    for (const program of programs) {
      // Drawn into the pixel, not the canvas (a canvas drawn on is shown as drawn, here blank) nor
      // the picking frame buffer (read when the pointer moves).
      const infos = leaves(program).flatMap((p) => [p.normalProgram, p.pickProgram].filter((info): info is ProgramInfo => !!info));
      const own = infos.map((info) => info.frameBuffer);
      for (const info of infos) info.frameBuffer = target;
      try {
        // One item, all zeros.
        program.reallocate(1);
        if (picking) program.render(params);
        else withoutPicking([program], () => program.render(params));
      } finally {
        infos.forEach((info, i) => (info.frameBuffer = own[i]!));
        release(program);
      }
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.deleteFramebuffer(target);
    gl.deleteTexture(texture);
    gl.flush();
  }
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

/**
 * Sends the GL work recorded in `layer` so far to the GPU now, rather than when the page's frame
 * is put together. Without GPU compositing the browser reads each WebGL canvas back when it puts
 * the frame together, and that read waits for the GPU to draw everything recorded; a first frame's
 * programs are prepared then too (≈30–60 ms each in software). A flush alone does not start that
 * work (the driver keeps it while the canvas is being drawn on): copying a pixel of the canvas into
 * a texture ends the drawing, and the flush that follows sends it, so the GPU draws while the page
 * goes on with its script. Nothing on screen changes.
 */
export function submitLayer(layer: GpuLayer): void {
  const { gl } = layer;
  if (gl.isContextLost()) return;
  if (layer.sink === null) {
    layer.sink = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, layer.sink);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
  } else gl.bindTexture(gl.TEXTURE_2D, layer.sink);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.copyTexSubImage2D(gl.TEXTURE_2D, 0, 0, 0, 0, 0, 1, 1);
  gl.bindTexture(gl.TEXTURE_2D, null);
  gl.flush();
}

/**
 * Draws the picking pass of `programs` (and of their parts) alone, as sigma's program render draws
 * it before the visible pass: into the frame buffer the pointer is read from, at its size.
 */
export function drawPickingPass(programs: readonly LayerProgram[], params: { width: number; height: number; pixelRatio: number; downSizingRatio: number }): void {
  const pixelRatio = params.pixelRatio / params.downSizingRatio;
  for (const program of programs.flatMap(leaves)) {
    const info = program.pickProgram;
    if (!info || program.hasNothingToRender?.() !== false || info.gl.isContextLost()) continue;
    info.gl.viewport(0, 0, params.width * pixelRatio, params.height * pixelRatio);
    program.bindProgram!(info);
    program.renderProgram!({ ...params, pixelRatio }, info);
    program.unbindProgram!(info);
    info.gl.bindFramebuffer(info.gl.FRAMEBUFFER, null);
  }
}

/** Calls `draw` with the picking passes of `programs` (and of their parts) left out. */
export function withoutPicking<T>(programs: readonly LayerProgram[], draw: () => T): T {
  const parts = programs.flatMap(leaves).filter((p) => p.pickProgram);
  const kept = parts.map((p) => p.pickProgram);
  for (const p of parts) p.pickProgram = null;
  try {
    return draw();
  } finally {
    parts.forEach((p, i) => (p.pickProgram = kept[i]));
  }
}
