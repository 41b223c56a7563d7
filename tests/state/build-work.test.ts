import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeExercise } from '../../src/model/build/exercise';
import * as S from '../../src/model/build/sheet';
import type { LinkageGraph } from '../../src/model/types';
import { addLinked, parseWork, readLinked, serializeWork, workKey } from '../../src/state/build-work';
import { compiledChapter } from '../helpers/chapter';

let chapter: LinkageGraph;
beforeAll(async () => {
  chapter = Graph.from(await compiledChapter()) as LinkageGraph;
});

function memory(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, get length() { return m.size; } };
}

describe('state/build-work', () => {
  it('keeps each exercise under its own key', () => {
    const a = makeExercise(chapter, 'kit', { kind: 'section', id: '2-1' });
    const b = makeExercise(chapter, 'skeleton', { kind: 'section', id: '2-1' });
    const c = makeExercise(chapter, 'kit', { kind: 'slides', first: 6, last: 13 });
    expect(new Set([workKey('g', a), workKey('g', b), workKey('g', c)]).size).toBe(3);
    expect(workKey('g', c)).toBe('linkage.build:g:kit:slides:6-13');
  });

  it('round-trips a kit’s sheet', () => {
    const kit = makeExercise(chapter, 'kit', { kind: 'section', id: '2-1' });
    const [p, q] = kit.propositions;
    const card = kit.cards.find((c) => c.kind === p!.kind)!;
    let sheet = S.addLink(kit.initial, p!.source, p!.target, p!.kind, card.id);
    sheet = S.place(sheet, q!.source, 999, -40);
    const back = parseWork(serializeWork(sheet), kit, chapter);
    expect(back.corrupt).toBe(false);
    expect(back.sheet).toEqual(sheet);
  });

  it('drops what does not fit the exercise, and keeps the skeleton’s own given links', () => {
    const sk = makeExercise(chapter, 'skeleton', { kind: 'slides', first: 6, last: 13 });
    const outside = chapter.nodes().find((k) => !sk.concepts.includes(k))!;
    const [a1, a2] = sk.anchors;
    const raw = JSON.stringify({
      v: 1,
      placed: [[a1, 0, 0], [outside, 5, 5], ['no-such-node', 1, 1], [a2, 'x', 0], [a1, 9, 9]],
      links: [['l1', a1, a2, 'causes', null], ['l2', a1, a2, 'no-such-kind', null], ['g1', a1, a2, 'causes', null], ['l3', a1, outside, 'causes', null]],
      next: 2,
    });
    const back = parseWork(raw, sk, chapter).sheet!;
    const keys = back.placed.map((p) => p.key);
    expect(keys).not.toContain(outside);
    expect(keys).not.toContain('no-such-node');
    expect(keys.filter((k) => k === a1)).toHaveLength(1);
    // Every anchor is on the sheet, whatever was stored.
    for (const k of sk.anchors) expect(keys).toContain(k);
    const mine = back.links.filter((l) => !l.given);
    expect(mine.map((l) => l.id)).toEqual(['l1']);
    expect(back.links.filter((l) => l.given)).toEqual(sk.given);
    expect(back.next).toBe(2);
  });

  it('says corrupt for what is not its own, and nothing for what is not there', () => {
    const kit = makeExercise(chapter, 'kit', { kind: 'all' });
    expect(parseWork(null, kit, chapter)).toEqual({ sheet: null, corrupt: false });
    for (const raw of ['{', '[]', '{"v":2,"placed":[],"links":[]}', 'null', '"text"']) expect(parseWork(raw, kit, chapter)).toEqual({ sheet: null, corrupt: true });
  });

  it('a kit card is used once, and only for its own kind', () => {
    const kit = makeExercise(chapter, 'kit', { kind: 'section', id: '2-1' });
    const [p, q] = kit.propositions;
    const card = kit.cards.find((c) => c.kind === p!.kind)!;
    const wrongKind = chapter.getAttribute('edgeKinds').find((k) => k.id !== card.kind)!.id;
    const raw = JSON.stringify({ v: 1, placed: kit.initial.placed.map((c) => [c.key, c.x, c.y]), links: [['l1', p!.source, p!.target, p!.kind, card.id], ['l2', q!.source, q!.target, card.kind, card.id], ['l3', q!.source, q!.target, wrongKind, card.id]], next: 4 });
    expect(parseWork(raw, kit, chapter).sheet!.links.map((l) => l.id)).toEqual(['l1']);
  });

  it('remembers the concepts linked correctly, known ones only', () => {
    const store = memory();
    addLinked(store, chapter, 'g', ['pd.egov', 'pd.trad']);
    addLinked(store, chapter, 'g', ['pd.egov', 'nope']);
    expect([...readLinked(store, chapter, 'g')].sort()).toEqual(['pd.egov', 'pd.trad']);
    store.setItem('linkage.build:g:linked', '{broken');
    expect(readLinked(store, chapter, 'g').size).toBe(0);
  });
});
