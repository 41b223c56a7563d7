import { describe, expect, it } from 'vitest';
import { parseHandin, serializeHandin, type Handin } from '../../../src/io/handin';
import { classOverview, scoreHandin, TOP_EXTRAS } from '../../../src/model/build/class';
import type { SheetLink } from '../../../src/model/build/types';
import type { KindInfo, LinkageGraph } from '../../../src/model/types';
import { tinyGraph } from '../../fixtures/tiny-graph';

const kind = (id: string, flags: Partial<KindInfo> = {}): KindInfo => ({ id, zh: id, zhHans: id, en: id, color: '#888888', ...flags });
/**
 * The tiny chapter (tests/fixtures/tiny-graph.ts) with its kinds' flags. Its edges:
 *   e1 ch.2 contains sec.2-1 · e2 sec.2-1 contains ms.decentral · e3 tr.middle drawback-of dm.central
 *   e4 ms.decentral echoes st.decentral · e5 pd.egov contrasts pd.trad · e6 ch.2 contains pd.egov
 *   e7 ch.2 contains pd.trad · e8 pd.egov involves tech.email · e9 pd.egov involves ac.gov
 *   e10 dm.central characterizes pd.trad · e11 st.decentral characterizes pd.egov
 * Section 2-1 (slides 2–4) asks for e2 and e4. Sections: sec.2-1, ms.decentral 2-1; st.decentral 2-3;
 * ch.2, pd.egov, pd.trad none.
 */
function graph(): LinkageGraph {
  const g = tinyGraph();
  g.setAttribute('edgeKinds', [kind('contains', { hierarchy: 'down' }), kind('drawback-of'), kind('echoes', { symmetric: true }), kind('contrasts', { symmetric: true }), kind('involves'), kind('characterizes'), kind('causes')]);
  return g;
}

let n = 0;
const link = (source: string, k: string, target: string, given = false): SheetLink => ({ id: `l${++n}`, source, target, kind: k, ...(given ? { given: true } : {}) });
const handin = (student: string, type: Handin['type'], scope: string, links: SheetLink[]): Handin => ({
  graph: 'tiny',
  student,
  type,
  scope,
  concepts: [...new Set(links.flatMap((l) => [l.source, l.target]))].map((key, i) => ({ key, x: i, y: 0 })),
  links,
  scores: { convergence: 0, salience: 0, structural: 0, closeness: 0 },
  savedAt: '2026-03-05T10:30:00Z',
  file: `${student}.json`,
});

// Alice (kit, §2-1): both links right, the echo stated the other way round.
//   convergence 1, salience 1, closeness 1; structural 2 + 5 × 1 level (sec.2-1 → ms.decentral)
//   + 10 × 1 cross-link (ms.decentral 2-1 – st.decentral 2-3) = 17.
const ALICE = handin('Alice', 'kit', 'section:2-1', [link('sec.2-1', 'contains', 'ms.decentral'), link('st.decentral', 'echoes', 'ms.decentral')]);
// Bob (skeleton, §2-1): e2 given (not his, not asked); asked only e4.
//   st.decentral causes ms.decentral: partly (kind) on e4 → convergence ½ / 1 = 0.5.
//   pd.egov causes tech.email: partly (kind) on e8, outside the scope. ch.2 causes ac.gov: extra.
//   salience (0 + ½ · 2) / 3 = 1/3; structural 0.
//   closeness: st.decentral 1, ms.decentral 1, pd.egov 0, tech.email 0, ch.2 0, ac.gov 0 → 2/6 = 1/3.
const BOB = handin('Bob', 'skeleton', 'section:2-1', [
  link('sec.2-1', 'contains', 'ms.decentral', true),
  link('st.decentral', 'causes', 'ms.decentral'),
  link('pd.egov', 'causes', 'tech.email'),
  link('ch.2', 'causes', 'ac.gov'),
]);
// alice (free, all 11 links): e1 right, e5 right (reversed, symmetric); ch.2 causes ac.gov extra
// (twice: the second a duplicate); tr.middle drawback-of pd.trad extra.
//   convergence 2/11; salience 2/5; structural 2 + 5 × 1 (ch.2 → sec.2-1) = 7, no cross-link
//   (ch.2, pd.egov and pd.trad have no section).
//   closeness: ch.2 {sec,ac} vs {sec,egov,trad} 1/4; sec.2-1 {ch} vs {ch,ms} 1/2;
//   pd.trad {egov,tr.middle} vs {egov,ch,dm} 1/4; pd.egov {trad} vs {trad,ch,tech,ac,st} 1/5;
//   ac.gov, tr.middle, ms.decentral, dm.central, st.decentral, tech.email 0 → 1.2 / 10 = 0.12.
const ALICE2 = handin('alice', 'free', 'all', [
  link('ch.2', 'contains', 'sec.2-1'),
  link('pd.trad', 'contrasts', 'pd.egov'),
  link('ch.2', 'causes', 'ac.gov'),
  link('ch.2', 'causes', 'ac.gov'),
  link('tr.middle', 'drawback-of', 'pd.trad'),
]);

describe('model/build/class', () => {
  it('scores a class of three again, row by row, with counts per link, extras and means', () => {
    const o = classOverview(graph(), [ALICE, BOB, ALICE2]);
    expect(o.count).toBe(3);
    expect(o.unscored).toEqual([]);
    expect(o.students.map(({ closeness, convergence, salience, ...rest }) => rest)).toEqual([
      { name: 'Alice', file: 'Alice.json', type: 'kit', scope: 'section:2-1', structural: 17, right: 2, partly: 0, extra: 0, missing: 0 },
      { name: 'Bob', file: 'Bob.json', type: 'skeleton', scope: 'section:2-1', structural: 0, right: 0, partly: 2, extra: 1, missing: 0 },
      { name: 'alice', file: 'alice.json', type: 'free', scope: 'all', structural: 7, right: 2, partly: 0, extra: 3, missing: 9 },
    ]);
    const figures = o.students.map((s) => [s.convergence, s.salience, s.closeness]);
    const expected = [
      [1, 1, 1],
      [0.5, 1 / 3, 1 / 3],
      [2 / 11, 2 / 5, 0.12],
    ];
    figures.forEach((row, i) => row.forEach((x, j) => expect(x, `${i}.${j}`).toBeCloseTo(expected[i]![j]!, 12)));
    expect(Object.fromEntries(o.edgeCounts)).toEqual({ e1: 1, e2: 1, e3: 0, e4: 1, e5: 1, e6: 0, e7: 0, e8: 0, e9: 0, e10: 0, e11: 0 });
    expect(Object.fromEntries([...o.partlyCounts].filter(([, c]) => c > 0))).toEqual({ e4: 1, e8: 1 });
    // Bob's and alice's ch.2 causes ac.gov count once each (alice's second is a duplicate).
    expect(o.extras).toEqual([
      { source: 'ch.2', kind: 'causes', target: 'ac.gov', count: 2 },
      { source: 'tr.middle', kind: 'drawback-of', target: 'pd.trad', count: 1 },
    ]);
    expect(o.means.convergence).toBeCloseTo((1 + 0.5 + 2 / 11) / 3, 12);
    expect(o.means.salience).toBeCloseTo((1 + 1 / 3 + 2 / 5) / 3, 12);
    expect(o.means.structural).toBe(8);
    expect(o.means.closeness).toBeCloseTo((1 + 1 / 3 + 0.12) / 3, 12);
    expect(o.duplicateNames).toEqual(['Alice']);
  });

  it('ignores the scores a file carries, and reads hand-ins as parseHandin gives them', () => {
    const claimed = { ...BOB, scores: { convergence: 1, salience: 1, structural: 99, closeness: 1 } };
    const read = parseHandin(serializeHandin(claimed), 'bob.json', graph());
    if (!read.ok) throw new Error(read.error.text);
    const row = classOverview(graph(), [read.handin]).students[0]!;
    expect(row).toMatchObject({ name: 'Bob', file: 'bob.json', convergence: 0.5, structural: 0 });
    expect(scoreHandin(graph(), read.handin)?.counts).toMatchObject({ scope: 1, student: 3 });
  });

  it('keeps a hand-in whose scope the graph lacks apart, out of the means', () => {
    const lost = handin('Dan', 'free', 'slides:30-40', [link('ch.2', 'contains', 'sec.2-1')]);
    const o = classOverview(graph(), [lost, ALICE]);
    expect(o.count).toBe(2);
    expect(o.unscored).toEqual([{ name: 'Dan', file: 'Dan.json', scope: 'slides:30-40' }]);
    expect(o.students.map((s) => s.name)).toEqual(['Alice']);
    expect(o.means.convergence).toBe(1);
    expect(scoreHandin(graph(), lost)).toBeNull();
  });

  it('gives an empty class zero means and no rows', () => {
    const o = classOverview(graph(), []);
    expect(o).toMatchObject({ count: 0, students: [], extras: [], duplicateNames: [], means: { convergence: 0, salience: 0, structural: 0, closeness: 0 } });
    expect([...o.edgeCounts.values()].every((c) => c === 0)).toBe(true);
  });

  it(`lists the ${TOP_EXTRAS} most made extras, most first, ties in the order first made; a symmetric one either way round is one`, () => {
    // Extra i is made by (i % 3) + 1 students; 30 distinct extras.
    const made = (i: number) => link('ch.2', 'causes', `x${i}`);
    const class3 = [0, 1, 2].map((s) => handin(`S${s}`, 'free', 'all', Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 >= s).map(made)));
    class3.push(handin('T', 'free', 'all', [link('x1', 'echoes', 'x2')]), handin('U', 'free', 'all', [link('x2', 'echoes', 'x1')]));
    const { extras } = classOverview(graph(), class3);
    expect(extras).toHaveLength(TOP_EXTRAS);
    expect(extras.slice(0, 3).map((e) => [e.target, e.count])).toEqual([['x2', 3], ['x5', 3], ['x8', 3]]);
    expect(extras.slice(10, 12).map((e) => [e.target, e.count])).toEqual([['x1', 2], ['x4', 2]]);
    expect(extras.find((e) => e.kind === 'echoes')).toBeUndefined(); // a count of 2 ties with ten earlier ones
    const sym = classOverview(graph(), class3.slice(3)).extras;
    expect(sym).toEqual([{ source: 'x1', kind: 'echoes', target: 'x2', count: 2 }]);
  });
});
