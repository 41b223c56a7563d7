/**
 * Baseline: a plain d3 SVG renderer. One `<circle>` per node and one `<line>` per edge (no
 * labels), positions scaled to the stage; each change recomputes what it needs (substring
 * search, neighbours from an adjacency map, breadth-first focus and path) and re-applies the
 * attributes of every element through d3 selections. Pan and zoom set the transform of the
 * root group, as d3-zoom does.
 */
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { expose, naiveMatch, type OpArgs, type OpName, type Target } from './probe';

interface N {
  key: string;
  x: number;
  y: number;
  size: number;
  color: string;
  section: string | null;
  attrs: Record<string, unknown>;
}
interface L {
  key: string;
  source: N;
  target: N;
}
interface Serialized {
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key?: string; source: string; target: string }>;
}

const FADED = '#e6e6e6';
const stage = document.getElementById('stage')!;
let nodes: N[] = [];
let links: L[] = [];
const adjacency = new Map<string, string[]>();
let circles: Selection<SVGCircleElement, N, SVGGElement, unknown>;
let lines: Selection<SVGLineElement, L, SVGGElement, unknown>;
let root: Selection<SVGGElement, unknown, null, undefined>;
let lit: Set<string> | null = null;
let litEdges: Set<string> | null = null;
let shown: Set<string> | null = null;
let hiddenSections: string[] = [];
let visible = 0;

function neighbours(key: string): string[] {
  return adjacency.get(key) ?? [];
}

function draw(): void {
  visible = 0;
  const isShown = (n: N): boolean => !hiddenSections.includes(n.section ?? '') && (shown === null || shown.has(n.key));
  circles
    .attr('display', (n) => (isShown(n) ? (visible++, null) : 'none'))
    .attr('fill', (n) => (lit === null || lit.has(n.key) ? n.color : FADED));
  lines
    .attr('display', (l) => (isShown(l.source) && isShown(l.target) ? null : 'none'))
    .attr('stroke', (l) => (litEdges === null ? '#bbb' : litEdges.has(l.key) ? '#555' : '#eee'));
}

function around(key: string): void {
  lit = new Set([key, ...neighbours(key)]);
  litEdges = new Set(links.filter((l) => l.source.key === key || l.target.key === key).map((l) => l.key));
}

function bfs(from: string, to: string | null, depth: number): Map<string, string | null> {
  const parent = new Map<string, string | null>([[from, null]]);
  let layer = [from];
  for (let d = 0; d < depth && layer.length > 0 && !(to !== null && parent.has(to)); d++) {
    const next: string[] = [];
    for (const n of layer) {
      for (const m of neighbours(n)) {
        if (parent.has(m)) continue;
        parent.set(m, n);
        next.push(m);
      }
    }
    layer = next;
  }
  return parent;
}

let transform = { x: 0, y: 0, k: 1 };
function applyTransform(): void {
  root.attr('transform', `translate(${transform.x},${transform.y}) scale(${transform.k})`);
}

function mount(data: Serialized): void {
  const { width, height } = stage.getBoundingClientRect();
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const n of data.nodes) {
    const x = Number(n.attributes['x']);
    const y = Number(n.attributes['y']);
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const pad = 20;
  const sx = scaleLinear().domain([x0, x1]).range([pad, width - pad]);
  const sy = scaleLinear().domain([y0, y1]).range([height - pad, pad]);
  const byKey = new Map<string, N>();
  nodes = data.nodes.map((n) => {
    const a = n.attributes;
    const node: N = { key: n.key, x: sx(Number(a['x'])), y: sy(Number(a['y'])), size: Number(a['size'] ?? 2), color: String(a['color'] ?? '#888'), section: (a['section'] as string | null) ?? null, attrs: a };
    byKey.set(n.key, node);
    return node;
  });
  // Lean graphs leave link keys out (the app's importer gives them keys): the order stands in.
  links = data.edges.map((e, i) => ({ key: e.key ?? `e${i}`, source: byKey.get(e.source)!, target: byKey.get(e.target)! }));
  for (const l of links) {
    (adjacency.get(l.source.key) ?? adjacency.set(l.source.key, []).get(l.source.key)!).push(l.target.key);
    (adjacency.get(l.target.key) ?? adjacency.set(l.target.key, []).get(l.target.key)!).push(l.source.key);
  }
  const svg = select(stage).append('svg').attr('width', width).attr('height', height);
  root = svg.append('g');
  lines = root
    .append('g')
    .attr('stroke-width', 0.5)
    .selectAll<SVGLineElement, L>('line')
    .data(links)
    .join('line')
    .attr('x1', (l) => l.source.x)
    .attr('y1', (l) => l.source.y)
    .attr('x2', (l) => l.target.x)
    .attr('y2', (l) => l.target.y)
    .attr('stroke', '#bbb');
  circles = root
    .append('g')
    .selectAll<SVGCircleElement, N>('circle')
    .data(nodes)
    .join('circle')
    .attr('cx', (n) => n.x)
    .attr('cy', (n) => n.y)
    .attr('r', (n) => Math.max(1.5, n.size))
    .attr('fill', (n) => n.color);
  visible = nodes.length;

  // Pan (drag) and zoom (wheel, about the pointer).
  let drag: { x: number; y: number } | null = null;
  svg.on('mousedown', (ev: MouseEvent) => {
    drag = { x: ev.clientX, y: ev.clientY };
  });
  window.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    transform = { ...transform, x: transform.x + ev.clientX - drag.x, y: transform.y + ev.clientY - drag.y };
    drag = { x: ev.clientX, y: ev.clientY };
    applyTransform();
  });
  window.addEventListener('mouseup', () => {
    drag = null;
  });
  svg.on('wheel', (ev: WheelEvent) => {
    ev.preventDefault();
    const k = transform.k * (ev.deltaY < 0 ? 1.2 : 1 / 1.2);
    const px = ev.offsetX;
    const py = ev.offsetY;
    transform = { k, x: px - ((px - transform.x) * k) / transform.k, y: py - ((py - transform.y) * k) / transform.k };
    applyTransform();
  });
}

const target: Target = {
  async load(text) {
    mount(JSON.parse(text) as Serialized);
  },
  prepare(op: OpName, a: OpArgs) {
    if (op === 'search') {
      lit = new Set(nodes.filter((n) => naiveMatch(n.attrs, a.queryBefore)).map((n) => n.key));
      draw();
    } else if (op === 'focus') {
      around(a.select);
      draw();
    }
  },
  apply(op: OpName, a: OpArgs) {
    switch (op) {
      case 'search':
        lit = new Set(nodes.filter((n) => naiveMatch(n.attrs, a.queryAfter)).map((n) => n.key));
        litEdges = null;
        break;
      case 'hover':
      case 'select':
        around(op === 'hover' ? a.hover : a.select);
        break;
      case 'focus':
        shown = new Set(bfs(a.select, null, 2).keys());
        break;
      case 'path': {
        const parent = bfs(a.pathFrom, a.pathTo, Infinity);
        lit = new Set();
        for (let n: string | null | undefined = parent.has(a.pathTo) ? a.pathTo : undefined; n; n = parent.get(n)) lit.add(n);
        litEdges = new Set(links.filter((l) => lit!.has(l.source.key) && lit!.has(l.target.key)).map((l) => l.key));
        break;
      }
      case 'filter':
        hiddenSections = a.hiddenSections;
        break;
    }
    draw();
  },
  reset() {
    lit = null;
    litEdges = null;
    shown = null;
    hiddenSections = [];
    draw();
  },
  stage: () => stage,
  visibleNodes: () => visible,
};

expose(target);
