/**
 * The map's sigma renderer, built once: node and edge programs, and settings that differ between
 * chapter-sized maps (every name placed, small discs) and large graphs (drawn for speed). Its
 * construction (sigma's first indexation and draw) is marked for tools.
 */
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { createNodeBorderProgram } from '@sigma/node-border';
import Sigma from 'sigma';
import { DEFAULT_EDGE_PROGRAM_CLASSES, DEFAULT_NODE_PROGRAM_CLASSES, type Settings } from 'sigma/settings';
import { EdgeArrowHeadProgram, EdgeArrowProgram, EdgeClampedProgram, EdgeRectangleProgram, createEdgeCompoundProgram, type EdgeProgramType } from 'sigma/rendering';
import { MAP_LABEL } from '../../model/layout-labels';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import type { EdgeAttrs, LinkageGraph, NodeAttrs } from '../../model/types';
import { FONT_STACK, type createLabelPainter, type LabelData } from './labels';
import { N, type LookTable } from './looks';
import type { MapContext, MapRenderer } from './map-context';
import { DEFAULT_BORDER, type createReducers, type NodeLook } from './reducers';
import { afterFirstFrame } from '../../util/frames';
import { attachShownTable, drawingShown } from './shown';
import { WEBGL_LAYERS, drawPickingPass, layerOf, leaveLayer, newLayer, prepareLayers, spareLayer, submitLayer, takeLayer, useProgram, withoutPicking, type GpuLayer, type LayerJob, type LayerProgram, type LayerProgramClass } from './gpu-layers';
import './uploads';

/** What the renderer draws with: the reducers, the looks they decode and the names' painter. */
export interface RendererParts {
  readonly looks: LookTable;
  readonly reducers: ReturnType<typeof createReducers>;
  readonly painter: ReturnType<typeof createLabelPainter>;
}

/**
 * The link programs by type (reducers.ts edgeTypeOf): straight or curved (parallel links), with an
 * arrowhead or not. Large graphs: each draws only the links its table shows (shown.ts), which is
 * how their filters hide links; chapter-sized maps, redrawn by sigma, use sigma's own.
 */
const EDGE_PROGRAMS = {
  plain: { arrow: EdgeArrowProgram, line: EdgeRectangleProgram, curved: EdgeCurvedArrowProgram, curvedLine: EdgeCurveProgram },
  shown: {
    // sigma's arrow program, made of programs drawing only what is shown.
    arrow: createEdgeCompoundProgram([drawingShown(EdgeClampedProgram, 'edge'), drawingShown(EdgeArrowHeadProgram, 'edge')]) as EdgeProgramType,
    line: drawingShown(EdgeRectangleProgram, 'edge'),
    curved: drawingShown(EdgeCurvedArrowProgram, 'edge'),
    curvedLine: drawingShown(EdgeCurveProgram, 'edge'),
  },
};

/** The nodes' program: a disc in rings (overlay, border, inner ring), drawing only what is shown on large graphs. */
const BORDERED = createNodeBorderProgram({
  borders: [
    { size: { attribute: 'ringSize', defaultValue: 0 }, color: { attribute: 'ringColor' } },
    { size: { attribute: 'borderSize', defaultValue: DEFAULT_BORDER }, color: { attribute: 'borderColor', defaultValue: '#222222' } },
    { size: { attribute: 'innerSize', defaultValue: 0 }, color: { value: '#ffffff' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});
const NODE_PROGRAMS = { plain: BORDERED, shown: drawingShown(BORDERED, 'node') };

/**
 * The WebGL layers each map holds, by id: kept beside the map, not in a field of it, since sigma's
 * constructor makes its layers before a subclass's fields are set.
 */
const held = new WeakMap<object, Record<string, GpuLayer>>();
const heldBy = (renderer: object): Record<string, GpuLayer> => {
  let layers = held.get(renderer);
  if (layers === undefined) held.set(renderer, (layers = {}));
  return layers;
};

/**
 * sigma without the draw its constructor ends with: the map is drawn once its parts are put
 * together (network.ts), with the box it frames and the names' room, not once before that too.
 *
 * Its WebGL layers are also cheaper to make. sigma makes each canvas at the browser's default
 * size, 300×150, takes its context, then sizes it to the container, so the GPU allocates every
 * layer twice; made at the container's size (read while it is built), each is allocated once.
 * And a WebGL context has a depth buffer unless asked not to, which sigma never tests against
 * (it draws in order): the map's layers are made without one.
 *
 * Its WebGL layers, with the programs made in them, are those the map before it left, when there
 * are (gpu-layers.ts): a program made and drawn before draws the first frame without the GPU
 * preparing it again. Its kill leaves them to the next map.
 *
 * The hover layer (the hovered and highlighted nodes' discs, on WebGL) is empty in the first
 * frame: its canvas is made in its place among the layers, but its context and its programs only
 * when it is first drawn on or right after the first frame (`hoverLayer`), whichever comes first.
 */
class MapSigma extends Sigma<NodeAttrs, EdgeAttrs> {
  static building = false;
  /** The container's size in device pixels while sigma is built (null: leave sigma's default). */
  static bornSize: { width: number; height: number } | null = null;
  /** From a drag's release to the zero-delay timeout sigma's mouse captor sets then (constructor). */
  private dragEnding = false;
  /** Frames drawn with items in them (render, below): 1 while the first is drawn and until the next. */
  frames = 0;
  /** The first frame's picking pass, until it is drawn (render, below); null once drawn. */
  pendingPicking: (() => void) | null = null;

  constructor(...args: ConstructorParameters<typeof Sigma<NodeAttrs, EdgeAttrs>>) {
    super(...args);
    // When a drag is released, sigma's mouse captor calls refresh() in a zero-delay timeout so
    // that the links hidden while moving (hideEdgesOnMove, large graphs) are drawn again. A
    // refresh runs every reducer and lays out every program again: 1.7 s of script at 50k nodes,
    // each time the reader lets go of the map, when nothing drawn has changed. A render draws
    // them again. The captor emits `mouseup` right after it sets its timeout, and a timeout set
    // here runs after that one; its timeout resets `draggedEvents` before it calls refresh(),
    // while anything the release itself sets off (a click) runs before, with `draggedEvents` still
    // counted: the flag covers just that refresh.
    const captor = this.getMouseCaptor();
    captor.on('mouseup', () => {
      if (captor.draggedEvents === 0) return;
      this.dragEnding = true;
      setTimeout(() => (this.dragEnding = false), 0);
    });
  }

  /**
   * Called as the names are drawn (only sigma's render draws them), once the WebGL layers are: in
   * the first frame, sends their work to the GPU (submitLayer).
   */
  sendFirstFrame(): void {
    if (this.frames !== 1) return;
    const own = this as unknown as SigmaInternals;
    for (const [id, layer] of Object.entries(heldBy(this))) if (own.webGLContexts[id as 'nodes'] === layer.gl) submitLayer(layer);
  }

  override refresh(...args: Parameters<Sigma['refresh']>): this {
    if (MapSigma.building) return this;
    if (this.dragEnding && args.length === 0 && this.getMouseCaptor().draggedEvents === 0) {
      this.dragEnding = false;
      return this.scheduleRender();
    }
    return super.refresh(...args);
  }
  /** A WebGL layer's canvas is the one an earlier map left, when there is one (gpu-layers.ts). */
  override createCanvas(id: string, options: Parameters<Sigma['createCanvas']>[1] = {}): HTMLCanvasElement {
    const layer = WEBGL_LAYERS.includes(id) ? takeLayer(id) : null;
    let canvas: HTMLCanvasElement;
    if (layer === null) canvas = super.createCanvas(id, options);
    else {
      // Put in its place as sigma puts a new one (createLayer): the layers are made in order.
      heldBy(this)[id] = layer;
      canvas = layer.canvas;
      (this as unknown as SigmaInternals).elements[id] = canvas;
      this.getContainer().appendChild(canvas);
    }
    if (MapSigma.bornSize) Object.assign(canvas, MapSigma.bornSize);
    return canvas;
  }
  override createWebGLContext(id: string, options: Parameters<Sigma['createWebGLContext']>[1] = {}): WebGLRenderingContext {
    // While sigma is built: the hover layer's canvas only (sigma keeps no reference to the context it returns).
    if (id === 'hoverNodes' && MapSigma.building) return this.createCanvas(id, options) as unknown as WebGLRenderingContext;
    const own = this as unknown as SigmaInternals;
    const canvas = options.canvas ?? this.createCanvas(id, options);
    const layer = layerOf(canvas);
    if (layer !== null) {
      // An earlier map's context: sigma's set-up of a new one (blending, picking) with its frame buffer.
      const { gl } = layer;
      own.webGLContexts[id as 'nodes'] = gl;
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      if (options.picking) {
        own.pickingLayers.add(id);
        own.frameBuffers[id] = layer.picking ?? gl.createFramebuffer()!;
        if (layer.pickingTexture) own.textures[id] = layer.pickingTexture;
      }
      heldBy(this)[id] = layer;
      return gl;
    }
    // Passed on to getContext with sigma's own options (the type lists only sigma's).
    const withoutDepth = { ...options, canvas, depth: false };
    const gl = super.createWebGLContext(id, withoutDepth as typeof options);
    heldBy(this)[id] = newLayer(canvas, gl, own.frameBuffers[id] ?? null);
    return gl;
  }

  /** sigma's kill, less its WebGL layers and their programs: left to the next map (gpu-layers.ts). */
  override kill(): void {
    const own = this as unknown as SigmaInternals;
    const layers = Object.entries(heldBy(this));
    for (const [id, layer] of layers) {
      const gl = own.webGLContexts[id as 'nodes'] as WebGLRenderingContext | undefined;
      if (gl !== undefined && gl !== layer.gl) continue;
      layer.picking = own.frameBuffers[id] ?? layer.picking;
      layer.pickingTexture = own.textures[id] ?? null;
      delete (own.webGLContexts as Record<string, unknown>)[id];
      delete own.elements[id];
    }
    own.nodePrograms = {};
    own.nodeHoverPrograms = {};
    own.edgePrograms = {};
    super.kill();
    for (const [id, layer] of layers) leaveLayer(id, layer);
    held.delete(this);
  }
}

/**
 * sigma's render (private in its typings). The first frame draws what is seen and no more: its
 * picking pass (the picture of item ids the pointer is read from, drawn by programs of its own,
 * each prepared by the GPU at its first draw) is drawn alone in a task right after that frame, or
 * as soon as the pointer is read if that comes first, unless a frame drawn since has drawn it;
 * and its WebGL work is sent to the GPU as soon as the layers are drawn, before the names are
 * placed (`sendFirstFrame`).
 */
const sigmaRender = (Sigma.prototype as unknown as { render(this: MapSigma): MapSigma }).render;
Object.defineProperty(MapSigma.prototype, 'render', {
  value(this: MapSigma) {
    if (this.getGraph().order === 0) return sigmaRender.call(this);
    if (++this.frames > 1) {
      this.pendingPicking = null;
      return sigmaRender.call(this);
    }
    const own = this as unknown as SigmaInternals;
    const programs = (): LayerProgram[] => [...Object.values(own.nodePrograms), ...Object.values(own.edgePrograms)] as LayerProgram[];
    withoutPicking(programs(), () => sigmaRender.call(this));
    this.pendingPicking = () => {
      this.pendingPicking = null;
      drawPickingPass(programs(), this.getRenderParams());
    };
    const cancel = afterFirstFrame(() => this.pendingPicking?.());
    this.once('kill', cancel);
    return this;
  },
});
/** sigma's reading of the picking layer under the pointer, once the first frame's pass is drawn. */
const sigmaNodeAt = (Sigma.prototype as unknown as { getNodeAtPosition(this: MapSigma, position: unknown): string | null }).getNodeAtPosition;
Object.defineProperty(MapSigma.prototype, 'getNodeAtPosition', {
  value(this: MapSigma, position: unknown) {
    this.pendingPicking?.();
    return sigmaNodeAt.call(this, position);
  },
});

// sigma's registerNodeProgram (private in its typings) makes a node type's program for the map
// and for the hover layer: the hover layer's only once that layer has its context (hoverLayer).
// Each program is one its layer made before when there is one (gpu-layers.ts); one the map already
// draws with for that type is kept.
Object.defineProperty(MapSigma.prototype, 'registerNodeProgram', {
  value(this: MapSigma, key: string, program: LayerProgramClass, hover?: LayerProgramClass) {
    const own = this as unknown as SigmaInternals;
    const layers = heldBy(this);
    own.nodePrograms[key] = programFor(layers.nodes!, own.nodePrograms[key], program, own.frameBuffers['nodes'] ?? null, this);
    if (own.webGLContexts.hoverNodes) own.nodeHoverPrograms[key] = programFor(layers.hoverNodes!, own.nodeHoverPrograms[key], hover ?? program, null, this) as never;
    return this;
  },
});
Object.defineProperty(MapSigma.prototype, 'registerEdgeProgram', {
  value(this: MapSigma, key: string, program: LayerProgramClass) {
    const own = this as unknown as SigmaInternals;
    own.edgePrograms[key] = programFor(heldBy(this).edges!, own.edgePrograms[key], program, own.frameBuffers['edges'] ?? null, this);
    return this;
  },
});

/** The program of class `Class` for a type in `layer`: `current` when it is one the map draws with there. */
function programFor(layer: GpuLayer, current: unknown, Class: LayerProgramClass, frameBuffer: WebGLFramebuffer | null, renderer: MapSigma): LayerProgram {
  const program = current as LayerProgram | undefined;
  if (program && program.constructor === Class && layer.used.has(program)) return program;
  return useProgram(layer, Class, frameBuffer, renderer);
}

/** Gives the map's hover layer its context and programs, if it has none yet (see MapSigma). */
function hoverLayer(renderer: MapRenderer): void {
  const own = renderer as unknown as SigmaInternals;
  if (own.webGLContexts.hoverNodes) return;
  const canvas = own.elements['hoverNodes'] as HTMLCanvasElement;
  Object.assign(canvas, { width: own.width * own.pixelRatio, height: own.height * own.pixelRatio });
  renderer.createWebGLContext('hoverNodes', { canvas } as Parameters<Sigma['createWebGLContext']>[1]);
  const { nodeProgramClasses, nodeHoverProgramClasses } = renderer.getSettings();
  for (const [type, program] of Object.entries(nodeProgramClasses)) {
    const Hover = (nodeHoverProgramClasses[type] ?? program) as unknown as LayerProgramClass;
    own.nodeHoverPrograms[type] = useProgram(heldBy(renderer).hoverNodes!, Hover, null, renderer) as never;
  }
}

/**
 * Has the GPU ready, in `renderer`'s layers, the programs a large graph draws with (its nodes',
 * also on the hover layer once there is one, and every link type's), so that a large graph opened
 * next draws its first frame without preparing them (gpu-layers.ts). Nothing is painted.
 */
export function prepareLargeGraph(renderer: MapRenderer): void {
  const own = renderer as unknown as SigmaInternals;
  const layers = heldBy(renderer);
  const jobs: LayerJob[] = [];
  if (layers.nodes) jobs.push({ layer: layers.nodes, classes: [NODE_PROGRAMS.shown], frameBuffer: own.frameBuffers['nodes'] ?? null });
  if (layers.hoverNodes && own.webGLContexts.hoverNodes) jobs.push({ layer: layers.hoverNodes, classes: [NODE_PROGRAMS.shown], frameBuffer: null });
  if (layers.edges) jobs.push({ layer: layers.edges, classes: Object.values(EDGE_PROGRAMS.shown), frameBuffer: own.frameBuffers['edges'] ?? null });
  prepareLayers(jobs, renderer, renderer.getRenderParams());
}

/** What a program's first draw is given when it is prepared outside any map (the values do not matter). */
const PREPARE_PARAMS = {
  matrix: new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1]),
  invMatrix: new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1]),
  width: 1,
  height: 1,
  pixelRatio: 1,
  zoomRatio: 1,
  cameraAngle: 0,
  sizeRatio: 1,
  correctionRatio: 1,
  downSizingRatio: 1,
  minEdgeThickness: 1,
  antiAliasingFeather: 1,
} satisfies RenderParams;

/** A WebGL layer made as sigma makes its own (createLayer, createWebGLContext), with no depth buffer (see MapSigma). */
function makeLayer(id: string, picking: boolean): GpuLayer {
  const canvas = document.createElement('canvas');
  canvas.className = `sigma-${id}`;
  canvas.style.position = 'absolute';
  Object.assign(canvas, { width: 1, height: 1 });
  const options = { preserveDrawingBuffer: false, antialias: false, depth: false };
  const gl = (canvas.getContext('webgl2', options) ?? canvas.getContext('webgl', options)) as WebGLRenderingContext;
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  return newLayer(canvas, gl, picking ? gl.createFramebuffer() : null);
}

/**
 * Has the GPU prepare, while the rest of the page is built, the programs the first frame of a
 * map of `graph` draws (its links' types from `typeOf`): they are made in the WebGL layers the map
 * will take (made now when no map left any), drawn once into a pixel, and sent to the GPU at once
 * (gpu-layers.ts). Without a GPU, preparing them is most of what the first frame waits for.
 */
export function prepareFirstFrame(graph: LinkageGraph, large: boolean, typeOf: (key: string, attrs: EdgeAttrs) => string): void {
  const nodes = spareLayer('nodes', () => makeLayer('nodes', true));
  const edges = spareLayer('edges', () => makeLayer('edges', false));
  const jobs: LayerJob[] = [
    { layer: nodes, classes: [large ? NODE_PROGRAMS.shown : NODE_PROGRAMS.plain], frameBuffer: nodes.picking },
    { layer: edges, classes: Object.values(edgeProgramsFor(graph, large, typeOf)), frameBuffer: null },
  ];
  prepareLayers(jobs, null, PREPARE_PARAMS, false);
}

/** Builds sigma for the map in `ctx`, in its container; it draws nothing until `refresh`. */
export function createRenderer(ctx: MapContext, parts: RendererParts): MapRenderer {
  performance.mark('linkage:sigma-start');
  MapSigma.building = true;
  // sigma adds its default programs (circle nodes, arrow and line links) to the ones it is
  // given, and compiles each for the GPU (nodes twice: for the map and for its hover layer),
  // though the map draws every node with its own program and only the link types its graph
  // takes. Left out while it is built: it compiles only what the map draws.
  const defaults = [DEFAULT_NODE_PROGRAM_CLASSES, DEFAULT_EDGE_PROGRAM_CLASSES].map((d) => [d, { ...d }] as const);
  for (const [d] of defaults) for (const k of Object.keys(d)) delete d[k];
  // As sigma sizes its layers (resize): CSS pixels times the pixel ratio; an empty container is left to it.
  const { offsetWidth: width, offsetHeight: height } = ctx.container;
  const ratio = window.devicePixelRatio || 1;
  MapSigma.bornSize = width > 0 && height > 0 ? { width: width * ratio, height: height * ratio } : null;
  try {
    const renderer = new MapSigma(ctx.graph, ctx.container, settingsFor(ctx, parts));
    if (ctx.large) attachShownTable(renderer, parts.looks.nodeKeys.length, parts.looks.edgeKeys.length);
    hideEmptyLayers(renderer, ctx, parts.looks);
    (renderer as unknown as SigmaInternals).renderLabels = () => {
      renderer.sendFirstFrame();
      drawNames(renderer, renderer as unknown as SigmaInternals);
    };
    const cancel = afterFirstFrame(() => hoverLayer(renderer));
    renderer.on('kill', cancel);
    return renderer;
  } finally {
    for (const [d, kept] of defaults) Object.assign(d, kept);
    MapSigma.building = false;
    MapSigma.bornSize = null;
    performance.measure('linkage:sigma', 'linkage:sigma-start');
  }
}

/** sigma's own methods and state that the map's layers use (private in its types). */
interface SigmaInternals {
  renderHighlightedNodes(): unknown;
  renderEdgeLabels(): unknown;
  clear(): unknown;
  emit(type: 'beforeClear' | 'afterClear'): void;
  displayedEdgeLabels: Set<string>;
  hoveredNode: string | null;
  highlightedNodes: Set<string>;
  nodeDataCache: Record<string, NodeLook | undefined>;
  nodeHoverPrograms: Record<string, { reallocate(n: number): void; process(offset: number, index: number, data: NodeDisplayData): void; render(params: RenderParams): void }>;
  nodePrograms: Record<string, { kill(): void } | undefined>;
  edgePrograms: Record<string, { kill(): void } | undefined>;
  pickingLayers: Set<string>;
  textures: Record<string, WebGLTexture>;
  /** The hover layer's is made after sigma (MapSigma.hoverLayer). */
  webGLContexts: Record<'nodes' | 'edges', WebGLRenderingContext> & { hoverNodes?: WebGLRenderingContext };
  frameBuffers: Record<string, WebGLFramebuffer>;
  elements: Record<string, HTMLElement>;
  pixelRatio: number;
  canvasContexts: Record<'labels' | 'hovers' | 'edgeLabels', CanvasRenderingContext2D>;
  width: number;
  height: number;
  /** Its settings, read in place (getSettings copies them all on each call). */
  settings: Settings<NodeAttrs, EdgeAttrs>;
  renderLabels(): unknown;
  labelGrid: { getLabelsToDisplay(ratio: number, density: number): string[] };
  nodesWithForcedLabels: Set<string>;
  displayedNodeLabels: Set<string>;
}

/** How far off the map (CSS pixels) a node's name is still drawn, as sigma has it. */
const NAME_MARGIN = { x: 150, y: 50 };

/**
 * sigma's renderLabels, less a copy per name: sigma hands the drawer a new object for each name
 * it draws, spread from the node's whole display data (an object copied property by property),
 * every frame; that copy was most of the names' cost in a hover at 100k nodes, and much of it in
 * the chapter's first frame. Here one object is filled in for each name in turn (the painter keeps
 * none of it). The same names are chosen as sigma chooses them: the label grid's and the forced
 * ones, each once, not hidden, large enough and near enough to the map.
 */
function drawNames(renderer: MapRenderer, own: SigmaInternals): void {
  const settings = own.settings;
  if (!settings.renderLabels) return;
  // The painter's draw or collect (settingsFor).
  const draw = settings.defaultDrawNodeLabel as unknown as (context: CanvasRenderingContext2D, data: LabelData, settings: Settings<NodeAttrs, EdgeAttrs>) => void;
  const keys = own.labelGrid.getLabelsToDisplay(renderer.getCamera().ratio, settings.labelDensity);
  for (const key of own.nodesWithForcedLabels) keys.push(key);
  const shown = new Set<string>();
  own.displayedNodeLabels = shown;
  const context = own.canvasContexts.labels;
  const name: LabelData & { key: string } = { key: '', label: null, x: 0, y: 0, size: 0, color: '', importance: 0, highlighted: false, forceLabel: false };
  for (const key of keys) {
    if (shown.has(key)) continue;
    const data = own.nodeDataCache[key];
    if (!data || data.hidden) continue;
    const size = renderer.scaleSize(data.size);
    if (!data.forceLabel && size < settings.labelRenderedSizeThreshold) continue;
    const { x, y } = renderer.framedGraphToViewport(data);
    if (x < -NAME_MARGIN.x || x > own.width + NAME_MARGIN.x || y < -NAME_MARGIN.y || y > own.height + NAME_MARGIN.y) continue;
    shown.add(key);
    name.key = key;
    name.label = data.label;
    name.x = x;
    name.y = y;
    name.size = size;
    name.color = data.color;
    name.importance = data.importance;
    name.highlighted = data.highlighted;
    name.forceLabel = data.forceLabel;
    draw(context, name, settings);
  }
}

/**
 * sigma composites each of its layers in every frame, whether anything is drawn on it or not,
 * and a browser drawing without a GPU reads each WebGL layer back to do so. Three are empty in
 * most frames: the two hover layers (the hovered node and sigma's highlighted ones, on WebGL, and
 * their names, on a 2D canvas; drawn by `renderHighlightedNodes`, also on its own when the pointer
 * moves) and the links' phrases (drawn for what is singled out). Each is hidden while empty and
 * shown by the draw that puts something on it.
 *
 * A hidden layer is empty, so it is not cleared again: sigma clears every layer before each full
 * draw, and its hover and phrase passes clear theirs before drawing, even when they draw nothing.
 * Left alone, an empty layer costs nothing: the first frame does not touch the hover layer's
 * WebGL context at all, nor give the two 2D layers their pixels.
 *
 * sigma also looks for phrases to draw around every node whose name is drawn, copying each of
 * those links' display data, even when no link has a phrase to draw: when the looks give none,
 * that pass is skipped. Large graphs draw no phrases at all (renderEdgeLabels: false).
 */
function hideEmptyLayers(renderer: MapRenderer, ctx: MapContext, looks: LookTable): void {
  const { large } = ctx;
  const own = renderer as unknown as SigmaInternals;
  const canvases = renderer.getCanvases();
  const hoverNames = emptyLayer(canvases.hovers!);
  const hoverNodes = emptyLayer(canvases.hoverNodes!);
  const phrases = emptyLayer(canvases.edgeLabels!);
  const gl = own.webGLContexts;
  const ctx2d = own.canvasContexts;
  const wipe = (context: CanvasRenderingContext2D) => context.clearRect(0, 0, own.width, own.height);

  // sigma's clear, less the layers already empty; those it clears are empty after it.
  own.clear = () => {
    own.emit('beforeClear');
    for (const layer of [gl.nodes, gl.edges]) {
      layer.bindFramebuffer(layer.FRAMEBUFFER, null);
      layer.clear(layer.COLOR_BUFFER_BIT);
    }
    wipe(ctx2d.labels);
    if (hoverNodes.shown) gl.hoverNodes!.clear(gl.hoverNodes!.COLOR_BUFFER_BIT);
    if (hoverNames.shown) wipe(ctx2d.hovers);
    if (phrases.shown) wipe(ctx2d.edgeLabels);
    for (const layer of [hoverNodes, hoverNames, phrases]) layer.show(false);
    own.emit('afterClear');
    return renderer;
  };

  const drawHighlighted = large ? () => drawRaised(renderer, own, ctx, looks) : own.renderHighlightedNodes.bind(renderer);
  own.renderHighlightedNodes = () => {
    const any = own.highlightedNodes.size > 0 || hoveredShown(own) !== null;
    if (any) hoverLayer(renderer);
    if (any || hoverNodes.shown || hoverNames.shown) drawHighlighted();
    hoverNames.show(any);
    hoverNodes.show(any);
    return renderer;
  };
  if (large) return;
  const drawPhrases = own.renderEdgeLabels.bind(renderer);
  own.renderEdgeLabels = () => {
    const any = looks.labelledEdges > 0;
    if (any) drawPhrases();
    else {
      if (phrases.shown) wipe(ctx2d.edgeLabels);
      own.displayedEdgeLabels = new Set();
    }
    phrases.show(any);
    return renderer;
  };
}

/** The hovered node when sigma draws it on its hover layers (unless hidden), else null; they also hold every highlighted one. */
function hoveredShown(own: SigmaInternals): string | null {
  const hovered = own.hoveredNode;
  return hovered !== null && own.nodeDataCache[hovered]?.hidden === false ? hovered : null;
}

/** What a large graph's raised node shows over the veil: the hover box, its plain name, or no name. */
function raisedName(ctx: MapContext, looks: LookTable, key: string): 'box' | 'name' | null {
  const code = looks.node(key);
  if (code & N.MARKED || key === ctx.derived.highlightCenter) return 'box';
  return code & N.FORCE ? 'name' : null;
}

/**
 * sigma's renderHighlightedNodes for large graphs, where a search raises up to 500 nodes and most
 * of them show no name: sigma copies every raised node's display data to hand it to the hover
 * drawer, which draws nothing for most (the larger part of a search keystroke at 10k). Here only
 * the nodes with a name to show are handed over; the discs are raised on the hover layer as sigma
 * does (each program given its nodes, the layer cleared, the programs drawn).
 */
function drawRaised(renderer: MapRenderer, own: SigmaInternals, ctx: MapContext, looks: LookTable): void {
  const names = own.canvasContexts.hovers;
  names.clearRect(0, 0, own.width, own.height);
  const hovered = hoveredShown(own);
  const raised = hovered === null ? [] : [hovered];
  for (const key of own.highlightedNodes) if (key !== hovered) raised.push(key);
  const settings = own.settings;
  for (const key of raised) {
    if (raisedName(ctx, looks, key) === null) continue;
    const data = own.nodeDataCache[key]!;
    const { x, y } = renderer.framedGraphToViewport(data);
    settings.defaultDrawNodeHover(names, { ...data, key, size: renderer.scaleSize(data.size), x, y } as never, settings);
  }
  const counts: Record<string, number> = {};
  for (const key of raised) {
    const type = own.nodeDataCache[key]!.type;
    counts[type] = (counts[type] ?? 0) + 1;
  }
  for (const [type, program] of Object.entries(own.nodeHoverPrograms)) {
    program.reallocate(counts[type] ?? 0);
    counts[type] = 0;
  }
  for (const key of raised) {
    const data = own.nodeDataCache[key]!;
    own.nodeHoverPrograms[data.type]!.process(0, counts[data.type]!++, data);
  }
  const gl = own.webGLContexts.hoverNodes!;
  gl.clear(gl.COLOR_BUFFER_BIT);
  const params = renderer.getRenderParams();
  for (const program of Object.values(own.nodeHoverPrograms)) program.render(params);
}

/** A layer of the map that is hidden while it holds nothing. */
export interface EmptyLayer {
  /** Shows or hides the layer, touching its style only on a change. */
  show(shown: boolean): void;
  /** Whether it is shown (false: it holds nothing). */
  readonly shown: boolean;
}

/** Hides `canvas` at once and returns the switch that shows it when something is drawn on it. */
export function emptyLayer(canvas: HTMLCanvasElement): EmptyLayer {
  let shown = false;
  canvas.style.visibility = 'hidden';
  return {
    show(next) {
      if (next !== shown) canvas.style.visibility = next ? '' : 'hidden';
      shown = next;
    },
    get shown() {
      return shown;
    },
  };
}

/** The link types each graph takes (a graph's links keep their types). */
const edgeTypes = new WeakMap<LinkageGraph, ReadonlySet<string>>();

/**
 * The link programs a map of `graph` draws with, by type: only those its links take (each is
 * compiled for the GPU when registered; the types are looked for until all are found), and
 * arrows always, the default type.
 */
function edgeProgramsFor(graph: LinkageGraph, large: boolean, typeOf: (key: string, attrs: EdgeAttrs) => string): Record<string, EdgeProgramType> {
  const programs: Record<string, EdgeProgramType> = large ? EDGE_PROGRAMS.shown : EDGE_PROGRAMS.plain;
  let types = edgeTypes.get(graph);
  if (types === undefined) {
    const found = new Set<string>();
    graph.someEdge((key, attrs) => found.add(typeOf(key, attrs)).size === Object.keys(programs).length);
    edgeTypes.set(graph, (types = found));
  }
  return Object.fromEntries(Object.entries(programs).filter(([type]) => type === 'arrow' || types.has(type)));
}

/** The renderer's settings for the map in `ctx`. */
function settingsFor(ctx: MapContext, { looks, reducers, painter }: RendererParts): ConstructorParameters<typeof Sigma<NodeAttrs, EdgeAttrs>>[2] {
  const { large } = ctx;
  return {
    nodeProgramClasses: {
      bordered: large ? NODE_PROGRAMS.shown : NODE_PROGRAMS.plain,
    },
    edgeProgramClasses: edgeProgramsFor(ctx.graph, large, reducers.edgeTypeOf),
    // The map may sit hidden behind another view while something asks it to draw (an export, an
    // overlay): draw nothing then rather than throw.
    allowInvalidContainer: true,
    defaultNodeType: 'bordered',
    // Large graphs: the camera moves with nodes only; edges and labels return when it stops.
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    defaultEdgeType: 'arrow',
    // Large graphs: sigma looks through every edge for labels on each frame; the few phrases
    // drawn there are painted by the map itself (raiseLitEdges, veil.ts).
    renderEdgeLabels: !large,
    enableEdgeEvents: false,
    zIndex: true,
    labelSize: large ? 14 : MAP_LABEL.font,
    labelWeight: '500',
    labelFont: FONT_STACK.hant,
    edgeLabelFont: FONT_STACK.hant,
    edgeLabelSize: 12,
    edgeLabelColor: { color: '#5b3a00' },
    // Chapter-sized maps offer every name to the painter, which places what fits; large graphs
    // let sigma's label grid choose.
    labelDensity: large ? 1 : 1_000,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: large ? 7 : 0,
    minCameraRatio: 0.08,
    maxCameraRatio: 4,
    // Chapter-sized maps frame a box that holds the names (names.ts); large graphs, the nodes.
    stagePadding: large ? 40 : 6,
    nodeReducer: reducers.nodeReducer as never,
    edgeReducer: reducers.edgeReducer as never,
    defaultDrawNodeLabel: (large ? painter.draw : painter.collect) as never,
    // Large graphs raise lit nodes as highlighted: the centre and marked nodes get the hover box,
    // the others a plain label when theirs is forced, none otherwise.
    defaultDrawNodeHover: (large
      ? (context: CanvasRenderingContext2D, data: { key: string }, settings: never) => {
          const name = raisedName(ctx, looks, data.key);
          if (name === 'box') painter.drawHover(context, data as never, settings);
          else if (name === 'name') painter.draw(context, data as never, settings);
        }
      : painter.drawHover) as never,
  };
}
