/**
 * The app under test, as a benchmark {@link Target}. Loaded into the built app's own page (it
 * is never part of the app bundle). Graphs are opened through the app's import path: the file
 * is handed to the file menu's `<input type=file>` as a picker would, so the import runs as
 * for a reader (module worker, then `ctx.openGraph`). Before that, untimed, the file menu is
 * opened and left open for PICK_MS, as a reader opens it to reach "Open…" and then spends a moment
 * in the system's file dialog: the app starts its import worker when the menu opens, so the timed
 * load finds it started, as a reader's does. Pages without that input fall back to
 * building the compiled form in the page and calling `ctx.openGraph` directly. Every update
 * goes through the session the views share; the search keystroke through the search box
 * itself, so its suggestions are part of the cost.
 */
import type { AppContext } from '../../../src/views/registry';
import { expose, sigmaRenderClock } from './probe';
import type { OpArgs, OpName, Target } from './protocol';

interface Linkage {
  session: AppContext['session'];
  net: AppContext['net'];
  graph: AppContext['session']['graph'];
  ctx: AppContext;
  /** The page is whole (the sidebar and the panel are built after the map's first frame). */
  ready: boolean;
}

type State = ReturnType<Linkage['session']['state']>;
type GraphClass = { from(data: unknown): Linkage['graph'] };

const app = (): Linkage => (window as unknown as { linkage: Linkage }).linkage;

/** How long a reader takes to choose a file once the file menu is open (the system's dialog): a quick pick. */
const PICK_MS = 1_000;

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

/** Resolves (with the time) when the app has started on a graph other than `before`. */
function nextStart(before: Linkage['graph'], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let value = (window as unknown as { linkage: Linkage }).linkage;
    Object.defineProperty(window, 'linkage', {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (next: Linkage) => {
        value = next;
        if (next.graph !== before) resolve(performance.now());
      },
    });
    const started = performance.now();
    const poll = setInterval(() => {
      const error = document.querySelector('.io-error-title');
      const shown = error !== null && !(error.parentElement as HTMLElement | null)?.hidden;
      if (shown || performance.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(shown ? `import failed: ${error?.parentElement?.textContent ?? ''}` : 'import timed out'));
      } else if (app().graph !== before) clearInterval(poll);
    }, 100);
  });
}

/** The stages the import's progress box showed during the last load, in order. */
const progress: string[] = [];
let progressWatch: MutationObserver | null = null;

/** Records each stage the import's progress box shows (until the graph is drawn). */
function watchProgress(): void {
  progress.length = 0;
  progressWatch?.disconnect();
  const box = document.querySelector<HTMLElement>('.io-progress');
  if (box === null) return;
  const read = () => {
    const stage = box.querySelector('.io-progress-stage')?.textContent ?? '';
    if (!box.hidden && stage !== '' && progress.at(-1) !== stage) progress.push(stage);
  };
  progressWatch = new MutationObserver(read);
  progressWatch.observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
}

let clock: () => number = () => 0;
let file: File | null = null;
/** How the last graph was opened: `import` (file input → importGraphFile → openGraph) or `openGraph`. */
let openPath: 'import' | 'openGraph' = 'openGraph';

const target: Target = {
  async beforeLoad(text, name) {
    file = new File([text], `${name}.json`, { type: 'application/json' });
    // The reader's way to the picker: the file menu opened, a file chosen in the dialog, the menu closed.
    const menu = document.getElementById('file-button');
    if (menu === null) return;
    menu.click();
    if (menu.getAttribute('aria-expanded') !== 'true') throw new Error('the file menu did not open');
    await new Promise((r) => setTimeout(r, PICK_MS));
    menu.click();
  },
  async load(text, name) {
    const before = app().graph;
    const input = document.getElementById('file-input') as HTMLInputElement | null;
    let t1: number;
    if (input !== null && file !== null) {
      openPath = 'import';
      watchProgress();
      const started = nextStart(before, 600_000);
      const list = new DataTransfer();
      list.items.add(file);
      input.files = list.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      t1 = await started;
    } else {
      openPath = 'openGraph';
      const Graph = before.constructor as unknown as GraphClass;
      app().ctx.openGraph(Graph.from(JSON.parse(text)), name);
      t1 = performance.now();
    }
    clock = sigmaRenderClock(app().net.renderer as never);
    progressWatch?.disconnect();
    return t1;
  },
  async ready() {
    while (!app().ready) await new Promise((r) => setTimeout(r, 5));
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
Object.defineProperty(window, 'benchOpenPath', { get: () => openPath });
Object.defineProperty(window, 'benchProgress', { get: () => [...progress] });
