/**
 * Shows the view and mode the state asks for: the network stays mounted (hidden behind other
 * views so it keeps its camera); other views and modes are loaded on first use and mounted in
 * their own panes, disposed when left.
 */
import { el } from '../dom';
import type { Mode, View } from '../state/types';
import { MODE_LOADERS, VIEW_LOADERS, type AppContext, type Loader } from './registry';

interface Slot<K extends string> {
  key: K | null;
  dispose: (() => void) | null;
  /** Increases on each switch, so a slow load for an old key is dropped. */
  ticket: number;
}

export function mountRouter(stage: HTMLElement, mapEl: HTMLElement, ctx: AppContext): () => void {
  const viewPane = el('section', { class: 'view-pane', hidden: true });
  const modePane = el('section', { class: 'mode-pane', hidden: true });
  stage.append(viewPane, modePane);
  const app = stage.closest('.app');
  const viewSlot: Slot<View> = { key: null, dispose: null, ticket: 0 };
  const modeSlot: Slot<Mode> = { key: null, dispose: null, ticket: 0 };

  async function show<K extends string>(slot: Slot<K>, key: K, loader: Loader | undefined, pane: HTMLElement, cssPrefix: string): Promise<void> {
    if (slot.key === key) return;
    const ticket = ++slot.ticket;
    slot.dispose?.();
    slot.dispose = null;
    pane.replaceChildren();
    if (slot.key) app?.classList.remove(`${cssPrefix}-${slot.key}`);
    slot.key = key;
    app?.classList.add(`${cssPrefix}-${key}`);
    pane.hidden = !loader;
    if (!loader) return;
    const module = await loader();
    if (ticket !== slot.ticket) return;
    slot.dispose = module.mount(pane, ctx);
  }

  const apply = () => {
    const { view, mode } = ctx.session.state();
    const viewLoader = view === 'network' ? undefined : VIEW_LOADERS[view];
    mapEl.hidden = Boolean(viewLoader);
    void show(viewSlot, viewLoader ? view : 'network', viewLoader, viewPane, 'view');
    void show(modeSlot, mode, mode === 'explore' ? undefined : MODE_LOADERS[mode], modePane, 'mode');
  };
  apply();
  const unsubscribe = ctx.session.subscribe((s, _d, prev) => {
    if (s.view !== prev.view || s.mode !== prev.mode) apply();
  });
  return () => {
    unsubscribe();
    viewSlot.dispose?.();
    modeSlot.dispose?.();
    // The page may start again on another graph: it must not keep this one's view and mode.
    if (viewSlot.key) app?.classList.remove(`view-${viewSlot.key}`);
    if (modeSlot.key) app?.classList.remove(`mode-${modeSlot.key}`);
    viewPane.remove();
    modePane.remove();
  };
}
