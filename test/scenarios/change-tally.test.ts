// The counts of a what-if and the cases it lists: counted in pieces (each thread its years) and
// merged, they are the counts of all the changes at once; listed with a limit, the first by id.
import { describe, expect, test } from 'vitest';
import { CaseListing } from '../../src/scenarios/case-listing.ts';
import { ChangeTally } from '../../src/scenarios/change-tally.ts';
import type { Aspect } from '../../src/scenarios/index.ts';
import type { CaseChange } from '../../src/scenarios/replay.ts';

/** A changed case of a made-up kind: `n` picks its item, its aspects and its rules. */
function change(n: number): CaseChange {
  const aspects: Aspect[] = (['kind', 'missing', 'deadline', 'deferred', 'warning'] as const).filter((_, i) => (n >> i) % 2 === 1);
  const changes = (aspects.length > 0 ? aspects : (['reasons'] as Aspect[])).map((aspect) => ({
    aspect,
    label: aspect,
    before: 'a',
    after: 'b',
    from: aspect === 'kind' ? ['accepted', 'supplement'][n % 2] : null,
    to: aspect === 'kind' ? 'returned' : null,
  }));
  const rules = [`condition:c${n % 3}`, ...(n % 4 === 0 ? ['limits:MZ-001'] : [])].map((rule) => ({ rule, before: null, after: null }));
  const id = `${2024 + (n % 3)}-${String((n * 7919) % 100_000).padStart(6, '0')}`;
  return { subject: { kind: 'case', id, item: `MZ-00${1 + (n % 4)}`, itemName: `事项${n % 4}`, receivedAt: '2026-01-05T09:30:00+08:00' }, changes, rules };
}

const changes = Array.from({ length: 3_000 }, (_, n) => change(n));

describe('ChangeTally', () => {
  test('counted in pieces and merged: the counts of all at once', () => {
    const all = new ChangeTally();
    for (const c of changes) all.add(c);
    const merged = new ChangeTally();
    for (const part of [changes.slice(0, 1_000), changes.slice(1_000, 1_001), changes.slice(1_001)]) {
      const t = new ChangeTally();
      for (const c of part) t.add(c);
      merged.merge(structuredClone(t.tally));
    }
    expect(merged.tally).toEqual(all.tally);
    const t = all.tally;
    expect(t.subjects).toBe(3_000);
    expect(t.kind).toBe(changes.filter((c) => c.changes.some((f) => f.aspect === 'kind')).length);
    expect(t.materials).toBe(changes.filter((c) => c.changes.some((f) => f.aspect === 'missing' || f.aspect === 'deferred')).length);
    expect(t.moves.reduce((n, m) => n + m.subjects, 0)).toBe(t.kind);
    expect(t.items.reduce((n, i) => n + i.cases, 0)).toBe(3_000);
    // Largest first.
    expect(t.rules.map((r) => r.subjects)).toEqual([...t.rules.map((r) => r.subjects)].sort((a, b) => b - a));
    expect(t.rules.find((r) => r.rule === 'limits:MZ-001')?.subjects).toBe(750);
  });
});

describe('CaseListing', () => {
  const ids = (list: readonly CaseChange[]) => list.map((c) => c.subject.id);
  const firstByIds = (list: readonly CaseChange[], n: number) => ids(list).sort().slice(0, n);

  test.each([0, 1, 7, 100, 2_999, 3_000, Infinity])('limit %s: the first by case id of all added, however many were added', (limit) => {
    const l = new CaseListing(limit);
    for (const c of changes) l.add(c);
    expect(ids(l.take()).sort()).toEqual(firstByIds(changes, limit));
    // Handed over: the listing starts empty again.
    expect(l.take()).toEqual([]);
  });
});
