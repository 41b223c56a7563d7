/**
 * Which rows the reader's attention is on: the active row (pointer, then keyboard focus, then
 * the selection), what the graph links to it, and the rows lit with it. Row indexes here are
 * among the rows shown (the filters may hide some).
 */
import { allRowLinks, rowLinks, rowOfCore, type Ladder, type LadderLinks, type LadderRow, type RowLinks } from '../../model/ladder';
import type { LinkageGraph } from '../../model/types';
import type { Session } from '../../state/session';

/** Every row's links over the filtered graph, computed again only when the filters change. */
export function filteredLinks(graph: LinkageGraph, ladder: Ladder, session: Session): () => LadderLinks {
  let linksMemo: { nodes: unknown; edges: unknown; value: LadderLinks } | null = null;
  return () => {
    const d = session.derived();
    if (!linksMemo || linksMemo.nodes !== d.filteredNodes || linksMemo.edges !== d.filteredEdges) {
      linksMemo = { nodes: d.filteredNodes, edges: d.filteredEdges, value: allRowLinks(graph, ladder, { nodes: d.filteredNodes, edges: d.filteredEdges }) };
    }
    return linksMemo.value;
  };
}

/** Index (among the rows shown) of the row the selection belongs to, or brings forward. */
function selectedRow(ladder: Ladder, shown: readonly LadderRow[], selected: string | null, linksNow: () => LadderLinks): number | null {
  const core = rowOfCore(ladder, selected);
  const fromCore = core === null ? -1 : shown.findIndex((r) => r.index === core);
  if (fromCore >= 0) return fromCore;
  if (selected === null) return null;
  for (const i of linksNow().rowsOf.get(selected) ?? []) {
    const at = shown.findIndex((r) => r.index === i);
    if (at >= 0) return at;
  }
  return null;
}

export interface Highlight {
  /** The active row, or null. */
  readonly active: number | null;
  /** What the active row links to (with none: what characterizes each paradigm). */
  readonly links: RowLinks;
  /** The active row, the rows it links to, and the rows a selected side item brings forward. */
  readonly lit: ReadonlySet<number>;
}

/**
 * The active row and what it brings forward. `pointed` is the row under the pointer or the
 * keyboard's row, if any; without it the selection's row is active.
 */
export function highlight(
  graph: LinkageGraph,
  ladder: Ladder,
  shown: readonly LadderRow[],
  visible: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> },
  selected: string | null,
  pointed: number | null,
  linksNow: () => LadderLinks,
): Highlight {
  const sel = selectedRow(ladder, shown, selected, linksNow);
  const active = pointed ?? sel;
  const links = active === null ? rowLinks(graph, ladder, null, visible) : linksNow().byRow[shown[active]!.index]!;
  const lit = new Set<number>();
  if (active !== null) {
    lit.add(active);
    for (const i of links.rows) {
      const at = shown.findIndex((r) => r.index === i);
      if (at >= 0) lit.add(at);
    }
  }
  if (selected !== null && rowOfCore(ladder, selected) === null) {
    for (const i of linksNow().rowsOf.get(selected) ?? []) {
      const at = shown.findIndex((r) => r.index === i);
      if (at >= 0) lit.add(at);
    }
  }
  return { active, links, lit };
}
