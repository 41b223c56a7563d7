/**
 * The app under test, as a benchmark {@link Target}. Loaded into the built app's own page (it
 * is never part of the app bundle): graphs are opened the way an import opens them, and every
 * update goes through the session the views share (the search keystroke through the search
 * box itself, so its suggestions are part of the cost).
 */
import type { AppContext } from '../../../src/views/registry';
import { expose, sigmaRenderClock, type OpArgs, type OpName, type Target } from './probe';

interface Linkage {
  session: AppContext['session'];
  net: AppContext['net'];
  graph: AppContext['session']['graph'];
  ctx: AppContext;
}

type State = ReturnType<Linkage['session']['state']>;
type GraphClass = { from(data: unknown): Linkage['graph'] };

/**
 * How graphs are opened. `import`: the app's own import entry point (src/io), when it exists;
 * `openGraph`: the compiled form built in the page and handed to `ctx.openGraph` (what an import
 * ends with).
 */
export type OpenPath = 'import' | 'openGraph';

const app = (): Linkage => (window as unknown as { linkage: Linkage }).linkage;

const NEUTRAL = (s: State): State => ({
  ...s,
  hovered: null,
  selected: null,
  query: '',
  focus: { depth: 0, direction: 'both' },
  path: { from: null, to: null },
  filters: { hiddenNodeKinds: [], hiddenEdgeKinds: [], hiddenSections: [], slideRange: null },
});

/** Types into the toolbar's search box as a reader would (input event → suggestions + state). */
function type(text: string): void {
  const input = document.getElementById('search') as HTMLInputElement | null;
  if (input === null) {
    app().session.update((s) => ({ ...s, query: text }));
    return;
  }
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

let clock: () => number = () => 0;
const openPath: OpenPath = 'openGraph';

const target: Target = {
  async load(text, name) {
    const { graph, ctx } = app();
    const Graph = graph.constructor as unknown as GraphClass;
    ctx.openGraph(Graph.from(JSON.parse(text)), name);
    clock = sigmaRenderClock(app().net.renderer as never);
  },
  prepare(op: OpName, a: OpArgs) {
    const update = app().session.update;
    if (op === 'search') type(a.queryBefore);
    else if (op === 'focus') update((s) => ({ ...s, selected: a.select }));
    else if (op === 'path') update((s) => ({ ...s, path: { from: a.pathFrom, to: null } }));
  },
  apply(op: OpName, a: OpArgs) {
    const update = app().session.update;
    switch (op) {
      case 'search':
        type(a.queryAfter);
        break;
      case 'hover':
        update((s) => ({ ...s, hovered: a.hover }));
        break;
      case 'select':
        update((s) => ({ ...s, selected: a.select }));
        break;
      case 'focus':
        update((s) => ({ ...s, focus: { depth: 2, direction: 'both' } }));
        break;
      case 'path':
        update((s) => ({ ...s, path: { from: a.pathFrom, to: a.pathTo } }));
        break;
      case 'filter':
        update((s) => ({ ...s, filters: { ...s.filters, hiddenSections: [...a.hiddenSections].sort() } }));
        break;
    }
  },
  reset() {
    if (app().session.state().query !== '') type('');
    app().session.update(NEUTRAL);
  },
  stage: () => document.getElementById('map') ?? document.body,
  visibleNodes: () => app().session.derived().visibleNodes.size,
  renderMs: () => clock(),
};

expose(target);
Object.assign(window, { benchOpenPath: openPath });
