import { describe, expect, it } from 'vitest';
import * as S from '../../../src/model/build/sheet';
import type { Sheet } from '../../../src/model/build/types';

const two: Sheet = S.place(S.place(S.EMPTY_SHEET, 'a', 0, 0), 'b', 200, 0);

describe('model/build/sheet', () => {
  it('places, moves and takes concepts off with their links', () => {
    const moved = S.place(two, 'a', 10.4, 20.6);
    expect(S.placedOf(moved, 'a')).toEqual({ key: 'a', x: 10, y: 21 });
    expect(S.place(moved, 'a', 10, 21)).toBe(moved);
    expect(S.place(moved, 'a', Number.NaN, 0)).toBe(moved);
    const linked = S.addLink(moved, 'a', 'b', 'causes');
    const off = S.unplace(linked, 'b');
    expect(off.placed.map((p) => p.key)).toEqual(['a']);
    expect(off.links).toEqual([]);
  });

  it('refuses self links, unplaced ends, duplicates and a used card', () => {
    expect(S.linkRefusal(two, 'a', 'a', 'causes')).toBe('self');
    expect(S.linkRefusal(two, 'a', 'z', 'causes')).toBe('unplaced');
    const one = S.addLink(two, 'a', 'b', 'causes', 'c1');
    expect(S.linkRefusal(one, 'a', 'b', 'causes')).toBe('duplicate');
    expect(S.linkRefusal(one, 'b', 'a', 'enables', 'c1')).toBe('card-used');
    expect(S.addLink(one, 'a', 'b', 'causes')).toBe(one);
    // The same pair may carry another kind, and the reverse direction.
    expect(S.addLink(one, 'b', 'a', 'causes').links).toHaveLength(2);
    expect([...S.usedCards(one)]).toEqual(['c1']);
  });

  it('reverses, retypes and removes a link, never a given one', () => {
    const given: Sheet = { ...two, links: [{ id: 'g1', source: 'a', target: 'b', kind: 'contains', given: true }] };
    expect(S.removeLink(given, 'g1')).toBe(given);
    expect(S.reverseLink(given, 'g1')).toBe(given);
    expect(S.unplace(given, 'a')).toBe(given);
    const mine = S.addLink(two, 'a', 'b', 'causes', 'c1');
    const id = mine.links[0]!.id;
    expect(S.reverseLink(mine, id).links[0]).toMatchObject({ source: 'b', target: 'a' });
    expect(S.retypeLink(mine, id, 'enables').links[0]).toEqual({ id, source: 'a', target: 'b', kind: 'enables' });
    expect(S.retypeLink(mine, id, 'enables', 'c2').links[0]!.card).toBe('c2');
    expect(S.removeLink(mine, id).links).toEqual([]);
    // The student's propositions leave the given links out.
    expect(S.studentPropositions({ ...mine, links: [...given.links, ...mine.links] })).toEqual([{ source: 'a', target: 'b', kind: 'causes' }]);
  });

  it('undoes and redoes edits, and a new edit clears what could be redone', () => {
    let h = S.historyOf(S.EMPTY_SHEET);
    h = S.commit(h, two);
    h = S.commit(h, S.addLink(two, 'a', 'b', 'causes'));
    expect(S.commit(h, h.present)).toBe(h);
    h = S.undo(h);
    expect(h.present).toBe(two);
    h = S.undo(h);
    expect(h.present).toBe(S.EMPTY_SHEET);
    expect(S.undo(h)).toBe(h);
    h = S.redo(h);
    expect(h.present).toBe(two);
    h = S.commit(h, S.place(two, 'c', 0, 100));
    expect(h.future).toEqual([]);
    expect(S.redo(h)).toBe(h);
  });

  it('keeps at most MAX_UNDO steps', () => {
    let h = S.historyOf(S.EMPTY_SHEET);
    for (let i = 0; i < S.MAX_UNDO + 50; i++) h = S.commit(h, S.place(h.present, 'a', i, 0));
    expect(h.past).toHaveLength(S.MAX_UNDO);
  });
});
