/**
 * Keeps the map drawn through a lost WebGL context (a GPU reset, a laptop waking, too many
 * contexts in the browser): when the browser gives the context back, what the GPU held —
 * shaders, buffers, the picking frame buffer — is built again and the map is drawn with the same
 * state; when it does not come back within a few seconds, `stuck` is told, with a function that
 * rebuilds the lost layers on new canvases. The sigma instance, its camera, settings and
 * listeners stay the same throughout, so nothing else notices.
 */
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import { WEBGL_LAYERS } from './gpu-layers';

/**
 * The parts of a sigma 3.0 renderer that hold GPU objects (private in its typings, stable
 * within the exact version package.json pins; the context-loss e2e test exercises them all).
 */
interface SigmaGpu {
  elements: Record<string, HTMLElement>;
  webGLContexts: Record<string, WebGLRenderingContext>;
  frameBuffers: Record<string, WebGLFramebuffer>;
  textures: Record<string, WebGLTexture>;
  pickingLayers: Set<string>;
  nodePrograms: Record<string, unknown>;
  nodeHoverPrograms: Record<string, unknown>;
  edgePrograms: Record<string, unknown>;
  registerNodeProgram(type: string, program: unknown, hoverProgram?: unknown): void;
  registerEdgeProgram(type: string, program: unknown): void;
  createWebGLContext(id: string, options: { canvas: HTMLCanvasElement; picking: boolean }): WebGLRenderingContext;
}

export interface MapContextOptions {
  /** How long to wait for the browser to give a lost context back, in ms (default 3000). */
  patience?: number;
  /** The context stayed lost: `rebuild` draws the map again on new contexts (false if it cannot). */
  stuck(rebuild: () => boolean): void;
  /** The map is drawn again, restored by the browser or rebuilt. */
  recovered(): void;
}

/**
 * Builds again the GPU side of `renderer` for the WebGL layers in `lost`: a layer whose context
 * came back keeps its canvas, one still lost gets a new canvas (and context) in its place. The
 * programs of those layers are compiled again, then the whole graph is drawn. Throws when the
 * browser gives no WebGL context at all.
 */
function rebuildLayers<N extends Attributes, E extends Attributes>(renderer: Sigma<N, E>, lost: ReadonlySet<string>): void {
  const gpu = renderer as unknown as SigmaGpu;
  for (const id of lost) {
    const gl = gpu.webGLContexts[id];
    if (!gl) continue;
    const picking = gpu.pickingLayers.has(id);
    // Objects of the lost context: never deleted (that only warns), dropped.
    delete gpu.textures[id];
    if (gl.isContextLost()) {
      const old = gpu.elements[id] as HTMLCanvasElement;
      const canvas = old.cloneNode(false) as HTMLCanvasElement;
      old.replaceWith(canvas);
      gpu.elements[id] = canvas;
      gpu.createWebGLContext(id, { canvas, picking });
      if (gpu.webGLContexts[id]!.isContextLost()) throw new Error('no WebGL context');
    } else {
      // Restored: the same context object, empty. sigma's set-up once more (blending, picking).
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      if (picking) gpu.frameBuffers[id] = gl.createFramebuffer()!;
    }
  }
  const settings = renderer.getSettings();
  if (lost.has('nodes') || lost.has('hoverNodes')) {
    for (const type of Object.keys(settings.nodeProgramClasses)) {
      if (lost.has('nodes')) delete gpu.nodePrograms[type];
      if (lost.has('hoverNodes')) delete gpu.nodeHoverPrograms[type];
      // Kills what a healthy context still holds, compiles both programs again.
      gpu.registerNodeProgram(type, settings.nodeProgramClasses[type], settings.nodeHoverProgramClasses[type]);
    }
  }
  if (lost.has('edges')) {
    gpu.edgePrograms = {};
    for (const [type, program] of Object.entries(settings.edgeProgramClasses)) gpu.registerEdgeProgram(type, program);
  }
  // Canvas sizes and viewports, then every node and edge processed into the new buffers.
  renderer.resize(true);
  renderer.refresh();
}

/** Watches the WebGL layers of `renderer` for a lost context; returns the function that stops watching. */
export function watchMapContext<N extends Attributes, E extends Attributes>(renderer: Sigma<N, E>, options: MapContextOptions): () => void {
  const patience = options.patience ?? 3000;
  const gpu = renderer as unknown as SigmaGpu;
  const lost = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watched: Array<{ canvas: HTMLElement; id: string }> = [];

  const rebuild = (): boolean => {
    clearTimeout(timer);
    try {
      rebuildLayers(renderer, lost);
    } catch {
      return false;
    }
    lost.clear();
    // A layer drawn on a new canvas is watched there.
    unwatch();
    watch();
    options.recovered();
    return true;
  };
  const onLost = (id: string) => (event: Event) => {
    // Without this the browser never gives the context back.
    event.preventDefault();
    lost.add(id);
    clearTimeout(timer);
    timer = setTimeout(() => options.stuck(rebuild), patience);
  };
  const onRestored = () => {
    // Every layer back: draw again at once. Otherwise wait for the others (or the patience).
    if ([...lost].every((id) => !gpu.webGLContexts[id]?.isContextLost()) && !rebuild()) options.stuck(rebuild);
  };
  const handlers = new Map<string, (event: Event) => void>();
  function watch(): void {
    // Every WebGL layer's canvas, also one whose context is made later (the map's hover layer).
    watched = WEBGL_LAYERS.filter((id) => gpu.elements[id]).map((id) => ({ id, canvas: gpu.elements[id]! }));
    for (const { id, canvas } of watched) {
      const handler = onLost(id);
      handlers.set(id, handler);
      canvas.addEventListener('webglcontextlost', handler);
      canvas.addEventListener('webglcontextrestored', onRestored);
    }
  }
  function unwatch(): void {
    for (const { id, canvas } of watched) {
      canvas.removeEventListener('webglcontextlost', handlers.get(id)!);
      canvas.removeEventListener('webglcontextrestored', onRestored);
    }
    handlers.clear();
    watched = [];
  }
  watch();
  return () => {
    clearTimeout(timer);
    unwatch();
  };
}
