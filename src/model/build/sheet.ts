/**
 * Editing a sheet, pure: place and move concepts, put them back, draw, retype, reverse and remove
 * links; and the history that undoes and redoes each edit. Every function returns a new sheet
 * (or the same one when the edit is refused), so the editor keeps one value and the undo stack is
 * a list of values. No DOM.
 */
import type { PlacedConcept, Sheet, SheetLink, StudentProposition } from './types';

export const EMPTY_SHEET: Sheet = Object.freeze({ placed: Object.freeze([]) as readonly PlacedConcept[], links: Object.freeze([]) as readonly SheetLink[], next: 1 });

export function placedOf(sheet: Sheet, key: string): PlacedConcept | undefined {
  return sheet.placed.find((p) => p.key === key);
}

/** Places `key` at (x, y), or moves it there. */
export function place(sheet: Sheet, key: string, x: number, y: number): Sheet {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return sheet;
  const at = { key, x: Math.round(x), y: Math.round(y) };
  const i = sheet.placed.findIndex((p) => p.key === key);
  if (i >= 0 && sheet.placed[i]!.x === at.x && sheet.placed[i]!.y === at.y) return sheet;
  const placed = i >= 0 ? sheet.placed.map((p, j) => (j === i ? at : p)) : [...sheet.placed, at];
  return { ...sheet, placed };
}

/** Takes `key` off the sheet with the links the student drew to it; refused when a given link holds it. */
export function unplace(sheet: Sheet, key: string): Sheet {
  if (!placedOf(sheet, key) || sheet.links.some((l) => l.given && (l.source === key || l.target === key))) return sheet;
  return { ...sheet, placed: sheet.placed.filter((p) => p.key !== key), links: sheet.links.filter((l) => l.source !== key && l.target !== key) };
}

/** Why a link cannot be drawn, or null when it can. */
export type LinkRefusal = 'self' | 'unplaced' | 'duplicate' | 'card-used';

export function linkRefusal(sheet: Sheet, source: string, target: string, kind: string, card?: string): LinkRefusal | null {
  if (source === target) return 'self';
  if (!placedOf(sheet, source) || !placedOf(sheet, target)) return 'unplaced';
  if (sheet.links.some((l) => l.source === source && l.target === target && l.kind === kind)) return 'duplicate';
  if (card !== undefined && sheet.links.some((l) => l.card === card)) return 'card-used';
  return null;
}

/** Draws `source` → `target` of `kind` (with a kit's `card`); the same sheet when refused. */
export function addLink(sheet: Sheet, source: string, target: string, kind: string, card?: string): Sheet {
  if (linkRefusal(sheet, source, target, kind, card) !== null) return sheet;
  const link: SheetLink = { id: `l${sheet.next}`, source, target, kind, ...(card === undefined ? {} : { card }) };
  return { ...sheet, links: [...sheet.links, link], next: sheet.next + 1 };
}

function editLink(sheet: Sheet, id: string, edit: (l: SheetLink) => SheetLink | null): Sheet {
  const link = sheet.links.find((l) => l.id === id);
  if (!link || link.given) return sheet;
  const next = edit(link);
  if (next === null) return { ...sheet, links: sheet.links.filter((l) => l.id !== id) };
  const others = sheet.links.filter((l) => l.id !== id);
  if (others.some((l) => l.source === next.source && l.target === next.target && l.kind === next.kind)) return sheet;
  if (next.card !== undefined && others.some((l) => l.card === next.card)) return sheet;
  return { ...sheet, links: sheet.links.map((l) => (l.id === id ? next : l)) };
}

export const removeLink = (sheet: Sheet, id: string): Sheet => editLink(sheet, id, () => null);

/** Gives a link another kind (and, in a kit, the card that carries it). */
export function retypeLink(sheet: Sheet, id: string, kind: string, card?: string): Sheet {
  return editLink(sheet, id, (l) => {
    const { card: _old, ...rest } = l;
    return { ...rest, kind, ...(card === undefined ? {} : { card }) };
  });
}

export const reverseLink = (sheet: Sheet, id: string): Sheet => editLink(sheet, id, (l) => ({ ...l, source: l.target, target: l.source }));

/** The propositions the student made: every link but the given ones. */
export function studentPropositions(sheet: Sheet): StudentProposition[] {
  return sheet.links.filter((l) => !l.given).map((l) => ({ source: l.source, target: l.target, kind: l.kind }));
}

/** The kit cards in use. */
export function usedCards(sheet: Sheet): Set<string> {
  return new Set(sheet.links.flatMap((l) => (l.card === undefined ? [] : [l.card])));
}

/** Undo and redo: the sheets before and after the present one. */
export interface History {
  readonly past: readonly Sheet[];
  readonly present: Sheet;
  readonly future: readonly Sheet[];
}

/** Most edits kept for undo. */
export const MAX_UNDO = 200;

export const historyOf = (sheet: Sheet): History => ({ past: [], present: sheet, future: [] });

/** Records `next` as an edit (nothing when it is the present sheet); clears what could be redone. */
export function commit(h: History, next: Sheet): History {
  if (next === h.present) return h;
  return { past: [...h.past, h.present].slice(-MAX_UNDO), present: next, future: [] };
}

export function undo(h: History): History {
  const prev = h.past[h.past.length - 1];
  return prev ? { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] } : h;
}

export function redo(h: History): History {
  const [next, ...rest] = h.future;
  return next ? { past: [...h.past, h.present], present: next, future: rest } : h;
}
