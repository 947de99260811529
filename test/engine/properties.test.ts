import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FactDefinition, Pack } from '../../src/index.ts';
import { FIXTURE_PACK, pack, SAMPLE_PACK } from './helpers.ts';

type Submitted = { id: string; party?: string; form: 'original' | 'copy' | 'both'; copies: number };

const packs: Record<string, Pack> = {};
beforeAll(async () => {
  packs.sample = await pack(SAMPLE_PACK);
  packs.fixture = await pack(FIXTURE_PACK);
});

function factValue(def: FactDefinition): fc.Arbitrary<string | number | boolean> {
  switch (def.type) {
    case 'number':
      return fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 5000 }));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(def.values ?? ['x']));
    case 'date':
      return fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'string':
      return fc.string({ maxLength: 8 });
  }
}

/** An application for one of the pack's items: random facts (each present or not) and materials. */
function application(p: Pack) {
  const codes = [...p.data.items.keys()];
  const defs = p.data.facts.facts;
  const facts = fc.tuple(fc.constantFrom('person', 'organization'), ...defs.map((d) => fc.option(factValue(d), { nil: undefined }))).map(([type, ...values]) => {
    const applicant: Record<string, string | number | boolean> = { type };
    defs.forEach((d, i) => {
      const v = values[i];
      if (v !== undefined) applicant[d.id] = v;
    });
    return applicant;
  });
  return fc.constantFrom(...codes).chain((code) => {
    const item = p.data.items.get(code)!.data;
    // A material required per party (perParty) is submitted naming one of its parties.
    const ids = [
      ...item.materials.flatMap((m) => [m.id, ...(m.alternatives ?? []).map((a) => a.id)].flatMap((id) => (m.perParty ?? [null]).map((party) => ({ id, party })))),
      { id: 'not-a-material', party: null },
      { id: 'also-unknown', party: null },
    ];
    const submitted: fc.Arbitrary<Submitted> = fc
      .record({ which: fc.constantFrom(...ids), form: fc.constantFrom('original', 'copy', 'both'), copies: fc.integer({ min: 0, max: 3 }) })
      .map(({ which, form, copies }): Submitted => ({ id: which.id, ...(which.party ? { party: which.party } : {}), form, copies }));
    return fc.record({
      item: fc.constant(code),
      applicant: facts,
      materials: fc.array(submitted, { maxLength: 12 }),
      extra: submitted,
      receivedAt: fc.constantFrom('2026-11-23T09:30:00+08:00', '2026-09-30T17:20:00+08:00', '2027-01-04T08:00:00+08:00'),
    });
  });
}

describe.each(['sample', 'fixture'])('%s pack properties', (name) => {
  test('the order of submitted materials never changes the decision', async () => {
    const p = packs[name]!;
    await fc.assert(
      fc.asyncProperty(application(p).chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a.materials, { minLength: a.materials.length }))), async ([a, shuffled]) => {
        const base = { item: a.item, intent: 'apply', applicant: a.applicant, receivedAt: a.receivedAt };
        const one = await p.decide({ ...base, materials: a.materials });
        const two = await p.decide({ ...base, materials: shuffled });
        expect(two).toEqual(one);
      }),
      { numRuns: 150 },
    );
  });

  test('adding a material never turns a supplement into a return', async () => {
    const p = packs[name]!;
    let supplements = 0;
    await fc.assert(
      fc.asyncProperty(application(p), async (a) => {
        const base = { item: a.item, intent: 'apply', applicant: a.applicant, receivedAt: a.receivedAt };
        const before = await p.decide({ ...base, materials: a.materials });
        if (before.kind !== 'supplement') return;
        supplements++;
        // The material a missing entry asks for, exactly as required, and an arbitrary one.
        const missing = before.missing[0];
        const declared = missing && p.data.items.get(a.item)!.data.materials.find((m) => m.id === missing.id);
        const fix: Submitted[] = declared ? [{ id: declared.alternatives?.[0]?.id ?? declared.id, ...(missing.party ? { party: missing.party } : {}), form: 'both', copies: 9 }] : [];
        for (const added of [fix, [a.extra]]) {
          const after = await p.decide({ ...base, materials: [...a.materials, ...added] });
          expect(after.kind).not.toBe('returned');
        }
      }),
      { numRuns: 200 },
    );
    expect(supplements).toBeGreaterThan(0);
  });

  test('a consultation never depends on the materials submitted', async () => {
    const p = packs[name]!;
    await fc.assert(
      fc.asyncProperty(application(p), async (a) => {
        const base = { item: a.item, intent: 'consult', applicant: a.applicant, receivedAt: a.receivedAt };
        const none = await p.decide(base);
        const some = await p.decide({ ...base, materials: a.materials });
        expect(some).toEqual(none);
        expect(some.kind).toBe('consultation');
      }),
      { numRuns: 150 },
    );
  });
});
