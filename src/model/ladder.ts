/**
 * The transformation ladder, without DOM: which nodes are its rows (transformations with one
 * `from` and one `to` pole, in chapter order), what each row links to within a small radius,
 * and where everything goes. The d3 view and the standalone SVG export both draw this layout.
 *
 * The work is done in ladder/: structure.ts (rows and their links, from the graph), text.ts
 * (measuring and wrapping text), ladder-layout.ts (the ladder's positions), sides.ts (the side
 * columns) and legend.ts. This module is what the rest of the code imports.
 */
export {
  buildLadder,
  rowCore,
  rowLinks,
  allRowLinks,
  rowOfCore,
  type LadderRow,
  type SkipReason,
  type Ladder,
  type Visibility,
  type LinkedItem,
  type RowLinks,
  type LadderLinks,
} from './ladder/structure';
export { textWidth, type WrapFn, type TextLine, type TextBlock } from './ladder/text';
export {
  layoutLadder,
  type Rect,
  type RowText,
  type LadderText,
  type RowBox,
  type LadderLayout,
  type LayoutOptions,
} from './ladder/ladder-layout';
export {
  layoutSides,
  horizontalLink,
  type SideItemText,
  type SideCard,
  type SideLink,
  type SideLayout,
  type SideOptions,
} from './ladder/sides';
export { layoutLegend, type LegendEntry, type LegendItem } from './ladder/legend';
