// The pieces of a decision the engine shares between decisions (src/engine/shared.ts: guide parts,
// questions, trace entries, notice entries) are deep-frozen: one decision cannot change another
// through them, and a decision reads the same whatever was decided before it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { Variants } from '../../src/engine/shared.ts';
import type { Application, Decision } from '../../src/pack/index.ts';
import { applicationMatrix, itemCodes } from '../support/application-matrix.ts';
import { SAMPLE_PACK } from './helpers.ts';

const ITEMS = itemCodes(SAMPLE_PACK);

/** Applicants that leave conditions, materials, the mode (MZ-003) and the situation (CL-001) decided, failed and undecided. */
const APPLICANTS: Array<Record<string, unknown>> = [
  { type: 'person' },
  { type: 'person', age: 70, hukouLocal: false, forDependant: false },
  { type: 'person', age: 56, hukouLocal: true, householdIncomePerCapita: 420, forDependant: false, hasDisabilityCert: false },
  { type: 'person', age: 88, hukouLocal: true, forDependant: true, reliefAmount: 800 },
  { type: 'person', hukouLocal: true, reliefAmount: 5000, hasDisabilityCert: true, disabilityLevel: '二级' },
  { type: 'person', residesLocal: true, maritalStatus: '已婚', isRural: true },
  { type: 'organization' },
];

const applications = (): Application[] => applicationMatrix(ITEMS, APPLICANTS);

async function decideAll(pack: Pack): Promise<Array<Decision | null>> {
  const out: Array<Decision | null> = [];
  for (const a of applications()) out.push(await pack.decide(structuredClone(a)).catch(() => null));
  return out;
}

/** Every frozen object in `value` (the shared pieces), with where it is. */
function frozenParts(value: unknown, at: string, out: Array<{ at: string; part: object }> = []): Array<{ at: string; part: object }> {
  if (typeof value !== 'object' || value === null) return out;
  if (Object.isFrozen(value)) {
    out.push({ at, part: value });
    return out;
  }
  for (const [k, v] of Object.entries(value)) frozenParts(v, `${at}.${k}`, out);
  return out;
}

function deepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(deepFrozen);
}

describe('shared decision parts', () => {
  let pack: Pack;
  let first: Array<Decision | null>;
  beforeAll(async () => {
    pack = await loadPack(SAMPLE_PACK);
    first = await decideAll(pack);
  });

  it('decides as a fresh pack does: a decision does not depend on those made before it', async () => {
    const fresh = await loadPack(SAMPLE_PACK);
    const apps = applications();
    // In reverse order on a pack that has decided nothing: different pieces are made first.
    for (let i = apps.length - 1; i >= 0; i--) {
      const d = await fresh.decide(structuredClone(apps[i]!)).catch(() => null);
      expect(JSON.stringify(d), apps[i]!.item).toBe(JSON.stringify(first[i]));
    }
    // Deciding everything again on the first pack changes none of the decisions it already made.
    const before = first.map((d) => JSON.stringify(d));
    await decideAll(pack);
    expect(first.map((d) => JSON.stringify(d))).toEqual(before);
  });

  it('shares the pack-derived pieces, deep-frozen, and leaves the application-dependent ones fresh', async () => {
    const decisions = first.filter((d): d is Decision => d !== null);
    expect(decisions.some((d) => d.guide !== null)).toBe(true);
    for (const d of decisions) {
      for (const { at, part } of frozenParts(d, '$')) expect(deepFrozen(part), at).toBe(true);
      if (d.guide) {
        for (const k of ['departments', 'window', 'basis', 'procedure', 'limits', 'phones'] as const) expect(d.guide[k] === null || Object.isFrozen(d.guide[k]), k).toBe(true);
        for (const c of d.guide.conditions) expect(Object.isFrozen(c)).toBe(true);
      }
      for (const q of d.questions) expect(Object.isFrozen(q)).toBe(true);
      // The decision itself and its lists are its own: a caller may add to them.
      expect(Object.isFrozen(d)).toBe(false);
      expect(Object.isFrozen(d.trace)).toBe(false);
      if (d.deadline) expect(Object.isFrozen(d.deadline)).toBe(false);
    }
    // The same consultation twice: two decisions, the same pieces.
    const consult = { item: 'MZ-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: '2026-11-23T11:00:00+08:00' } as unknown as Application;
    const [a, b] = [await pack.decide(structuredClone(consult)), await pack.decide(structuredClone(consult))];
    expect(a).not.toBe(b);
    expect(a.guide!.procedure).toBe(b.guide!.procedure);
    expect(a.questions[0]).toBe(b.questions[0]);
    expect(a.trace.filter((e) => e.passed === null)[0]).toBe(b.trace.filter((e) => e.passed === null)[0]);
  });

  it('refuses changes to a shared piece, so another decision never sees them', async () => {
    const consult = { item: 'MZ-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: '2026-11-23T11:00:00+08:00' } as unknown as Application;
    const a = await pack.decide(structuredClone(consult));
    const before = JSON.stringify(await pack.decide(structuredClone(consult)));
    const undecided = a.trace.find((e) => e.passed === null)!;
    expect(() => {
      (undecided as { message: string }).message = '改过';
    }).toThrow(TypeError);
    expect(() => a.guide!.procedure.push({ step: '多出的一步', description: null, limit: null })).toThrow(TypeError);
    expect(() => {
      a.guide!.limits.promised.amount = 1;
    }).toThrow(TypeError);
    expect(() => a.questions[0]!.conditions.push('x')).toThrow(TypeError);
    expect(() => {
      (a.guide!.conditions[0] as { met: boolean | null }).met = true;
    }).toThrow(TypeError);
    // The decision's own lists and fields can still be changed, without effect on the next one.
    a.trace.push(undecided);
    a.guide!.conditions = [];
    expect(JSON.stringify(await pack.decide(structuredClone(consult)))).toBe(before);
  });
});

describe('Variants', () => {
  it('makes each variant once, frozen, and past its bound makes them fresh (no input grows it)', () => {
    const v = new Variants<{ n: number; list: number[] }>();
    let made = 0;
    const make = (n: number) => () => {
      made++;
      return { n, list: [n] };
    };
    const a = v.get('a', make(1));
    expect(v.get('a', make(2))).toBe(a);
    expect(made).toBe(1);
    expect(Object.isFrozen(a) && Object.isFrozen(a.list)).toBe(true);
    for (let i = 0; i < 200; i++) v.get(`k${i}`, make(i));
    const late1 = v.get('late', make(7));
    const late2 = v.get('late', make(7));
    expect(late1).not.toBe(late2);
    expect(late2).toEqual({ n: 7, list: [7] });
    expect(Object.isFrozen(late2.list)).toBe(true);
    expect(v.get('a', make(3))).toBe(a);
  });
});
