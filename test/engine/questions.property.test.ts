/**
 * The guided-intake property over the sample pack (rules/): for random applications, the
 * decision's `questions` are (1) enough — answering them all, with any allowed values, leaves
 * nothing undecided; (2) necessary — each listed fact alone changes the decision for some value;
 * (3) ordered — eligibility before material, conditions and materials in declared order.
 */
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import type { Decision, FactDefinition, Pack, Question } from '../../src/index.ts';
import { pack, SAMPLE_PACK } from './helpers.ts';

type Value = string | number | boolean;
type Facts = Record<string, Value>;
type Submitted = { id: string; party?: string; form: 'original' | 'copy' | 'both'; copies: number };

const RUNS = 1000;
const TIMES = ['2026-11-23T09:30:00+08:00', '2026-12-31T16:00:00+08:00', '2027-01-04T08:00:00+08:00', '2027-03-15T10:00:00+08:00'];
/** Most assignments of the other listed facts tried per relevance search (all when fewer). */
const MAX_ASSIGNMENTS = 64;

let p: Pack;
let defs: Map<string, FactDefinition>;
/** Each fact's domain for the relevance search. */
let domains: Map<string, readonly Value[]>;

beforeAll(async () => {
  p = await pack(SAMPLE_PACK);
  defs = new Map(p.data.facts.facts.map((d) => [d.id, d]));
  const constants = numericConstants(p);
  domains = new Map<string, readonly Value[]>([['applicantType', ['person', 'organization']]]);
  for (const d of p.data.facts.facts) domains.set(d.id, domainOf(d, constants.get(d.id) ?? []));
});

/** Every number a condition compares a fact with, anywhere in the pack (items, changes, shared). */
function numericConstants(pk: Pack): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.fact === 'string' && typeof o.operator === 'string') {
      const values = Array.isArray(o.value) ? o.value : [o.value];
      for (const v of values) if (typeof v === 'number') out.set(o.fact, [...(out.get(o.fact) ?? []), v]);
    }
    Object.values(o).forEach(walk);
  };
  for (const item of pk.data.items.values()) walk(item.data);
  walk(pk.data.facts.conditions ?? []);
  return out;
}

function domainOf(d: FactDefinition, constants: readonly number[]): readonly Value[] {
  switch (d.type) {
    case 'enum':
      return d.values ?? [];
    case 'boolean':
      return [true, false];
    case 'number': {
      const around = new Set(constants.flatMap((c) => [c - 1, c, c + 1]));
      return around.size > 0 ? [...around].sort((a, b) => a - b) : [0, 1];
    }
    case 'date':
      return ['1950-01-01', '2000-06-15', '2026-11-23'];
    case 'string':
      return ['', '是'];
  }
}

/** Any allowed value of a fact (numbers: anything, and the interesting ones more often). */
function anyValue(fact: string): fc.Arbitrary<Value> {
  const domain = domains.get(fact)!;
  if (defs.get(fact)?.type === 'number') return fc.oneof(fc.constantFrom(...domain), fc.integer({ min: 0, max: 5000 }));
  if (defs.get(fact)?.type === 'string') return fc.oneof(fc.constantFrom(...domain), fc.string({ maxLength: 6 }));
  return fc.constantFrom(...domain);
}

/** A random application: any item or referral, any subset of facts, any submissions. */
function application() {
  const items = [...p.data.items.keys()];
  const referrals = [...p.data.referrals.keys()];
  const factIds = p.data.facts.facts.map((d) => d.id);
  const applicant = fc
    .tuple(fc.constantFrom('person', 'organization'), ...factIds.map((id) => fc.option(anyValue(id), { nil: undefined, freq: 2 })))
    .map(([type, ...values]) => {
      const a: Facts = {};
      factIds.forEach((id, i) => {
        const v = values[i];
        if (v !== undefined) a[id] = v;
      });
      return { type: type as string, facts: a };
    });
  const code = fc.oneof({ arbitrary: fc.constantFrom(...items), weight: 12 }, { arbitrary: fc.constantFrom(...referrals), weight: 1 });
  return code.chain((item) => {
    const declared = p.data.items.get(item)?.data.materials ?? [];
    // A material required per party (perParty) is submitted once for each party, naming it.
    const ids = [...declared.flatMap((m) => [m.id, ...(m.alternatives ?? []).map((a) => a.id)].flatMap((id) => (m.perParty ?? [null]).map((party) => ({ id, party })))), { id: 'not-a-material', party: null }];
    const one: fc.Arbitrary<Submitted> = fc
      .record({ which: fc.constantFrom(...ids), form: fc.constantFrom('original', 'copy', 'both'), copies: fc.integer({ min: 0, max: 3 }) })
      .map(({ which, form, copies }): Submitted => ({ id: which.id, ...(which.party ? { party: which.party } : {}), form, copies }));
    // Everything as required, so that accepted decisions come up too.
    const complete = fc.constant(declared.flatMap((m): Submitted[] => (m.perParty ?? [null]).map((party) => ({ id: m.id, ...(party ? { party } : {}), form: 'both', copies: 9 }))));
    return fc.record({
      item: fc.constant(item),
      intent: fc.constantFrom('apply', 'apply', 'consult'),
      applicant,
      materials: fc.oneof(fc.array(one, { maxLength: 10 }), complete, complete.chain((all) => fc.subarray(all))),
      receivedAt: fc.constantFrom(...TIMES),
    });
  });
}

type App = { item: string; intent: string; applicant: { type: string; facts: Facts }; materials: Submitted[]; receivedAt: string };

/** The application with some facts set (applicantType goes to applicant.type). */
function decideWith(a: App, answers: Facts): Promise<Decision> {
  const facts: Facts = { ...a.applicant.facts, ...answers };
  const type = (facts.applicantType as string | undefined) ?? a.applicant.type;
  delete facts.applicantType;
  return p.decide({ item: a.item, intent: a.intent, applicant: { ...facts, type }, materials: a.materials, receivedAt: a.receivedAt });
}

/** What the applicant is told: kind, missing materials, reasons, each material's requiredness, the guide's conditions. */
function outcome(d: Decision): string {
  return JSON.stringify([
    d.kind,
    d.mode,
    d.routeTo?.organ ?? null,
    d.missing.map((m) => [m.id, m.problem]),
    d.reasons.map((r) => r.code),
    d.materials.map((m) => [m.id, m.required]),
    d.guide?.conditions.map((c) => c.met) ?? null,
  ]);
}

/** Each rule's outcome; needed where the outcome is moot (a rejection hides the other conditions). */
function traced(d: Decision): string {
  return JSON.stringify(d.trace.map((t) => [t.rule, t.passed]));
}

/** Assignments of `facts`: all of them when few, else a deterministic spread. */
function assignments(facts: readonly string[]): Facts[] {
  const sizes = facts.map((f) => domains.get(f)!.length);
  const total = sizes.reduce((n, s) => n * s, 1);
  const count = Math.min(total, MAX_ASSIGNMENTS);
  const out: Facts[] = [];
  for (let k = 0; k < count; k++) {
    // Mixed-radix digits of an index spread over the whole product.
    let n = total <= MAX_ASSIGNMENTS ? k : Math.floor((k * total) / count);
    const a: Facts = {};
    facts.forEach((f, i) => {
      a[f] = domains.get(f)![n % sizes[i]!]!;
      n = Math.floor(n / sizes[i]!);
    });
    out.push(a);
  }
  return out;
}

const stats = { cases: 0, withQuestions: 0, questions: 0, decides: 0, traceOnly: {} as Record<string, number>, kinds: {} as Record<string, number>, maxQuestions: 0 };

test(`questions are enough, each is relevant, and eligibility comes first (${RUNS} applications)`, { timeout: 120_000 }, async () => {
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(application(), fc.gen(), async (a, g) => {
      const d = await decideWith(a, {});
      stats.decides++;
      stats.cases++;
      stats.kinds[d.kind] = (stats.kinds[d.kind] ?? 0) + 1;
      const qs = d.questions;
      if (!p.data.items.has(a.item)) {
        expect(qs).toEqual([]);
        return;
      }
      if (qs.length > 0) stats.withQuestions++;
      stats.questions += qs.length;
      stats.maxQuestions = Math.max(stats.maxQuestions, qs.length);
      checkShape(a, d);
      checkOrder(a, d);

      // (1) Answering every question, with any allowed values, decides everything.
      const answers: Facts = {};
      for (const q of qs) answers[q.fact] = g(anyValue, q.fact);
      const answered = await decideWith(a, answers);
      stats.decides++;
      expect(answered.trace.filter((t) => t.passed === null)).toEqual([]);
      expect(answered.materials.filter((m) => !m.fetchedByCenter && m.required === 'unknown')).toEqual([]);
      expect(answered.questions).toEqual([]);

      // (2) Each listed fact, changed alone while the other listed facts take some values,
      // changes the decision for some value of its domain.
      for (const q of qs) {
        const others = qs.map((x) => x.fact).filter((f) => f !== q.fact);
        let found: 'outcome' | 'trace' | null = null;
        for (const rest of assignments(others)) {
          const seen = new Set<string>();
          const seenTrace = new Set<string>();
          for (const v of domains.get(q.fact)!) {
            const e = await decideWith(a, { ...rest, [q.fact]: v });
            stats.decides++;
            seen.add(outcome(e));
            seenTrace.add(traced(e));
          }
          if (seen.size > 1) {
            found = 'outcome';
            break;
          }
          // A rule's outcome alone still counts; an outcome the applicant sees is looked for further.
          if (seenTrace.size > 1) found = 'trace';
        }
        if (found === 'trace') stats.traceOnly[d.kind] = (stats.traceOnly[d.kind] ?? 0) + 1;
        expect(found, `${a.item}: ${q.fact} changes nothing (given ${JSON.stringify(a.applicant)})`).not.toBeNull();
      }
    }),
    { numRuns: RUNS },
  );
  const ms = performance.now() - started;
  console.log(
    `questions property: ${stats.cases} applications (${JSON.stringify(stats.kinds)}), ${stats.withQuestions} with questions ` +
      `(${stats.questions} questions, at most ${stats.maxQuestions}; relevant only in the trace: ${JSON.stringify(stats.traceOnly)}), ${stats.decides} decisions, ${Math.round(ms)} ms`,
  );
  expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
  expect(stats.withQuestions).toBeGreaterThan(RUNS / 4);
});

/** Facts not given, described as facts.yaml declares them; every undecided entry has its questions. */
function checkShape(a: App, d: Decision): void {
  const given = new Set(['applicantType', ...Object.keys(a.applicant.facts)]);
  const conditions = new Set<string>();
  const materials = new Set<string>();
  for (const q of d.questions) {
    expect(given.has(q.fact)).toBe(false);
    const def = defs.get(q.fact)!;
    expect(q).toMatchObject({ label: def.label, type: def.type, unit: def.unit ?? null, values: def.type === 'enum' ? def.values : null });
    q.conditions.forEach((c) => conditions.add(c));
    q.materials.forEach((m) => materials.add(m));
  }
  expect(new Set(d.questions.map((q) => q.fact)).size).toBe(d.questions.length);
  const undecided = d.trace.filter((t) => t.passed === null && t.rule.startsWith('condition:')).map((t) => t.rule.slice('condition:'.length));
  expect([...conditions].sort()).toEqual([...new Set(undecided)].sort());
  const unknown = d.materials.filter((m) => !m.fetchedByCenter && m.required === 'unknown').map((m) => m.id);
  expect([...materials].sort()).toEqual([...unknown].sort());
}

/** (3) Eligibility before material; within each, the declared order of conditions and materials. */
function checkOrder(a: App, d: Decision): void {
  const conditionOrder = d.trace.filter((t) => t.rule.startsWith('condition:')).map((t) => t.rule.slice('condition:'.length));
  const materialOrder = d.materials.map((m) => m.id);
  const purposes = d.questions.map((q) => q.purpose);
  expect(purposes).toEqual([...purposes].sort((x, y) => (x === y ? 0 : x === 'eligibility' ? -1 : 1)));
  let last = -1;
  for (const q of d.questions.filter((x: Question) => x.purpose === 'eligibility')) {
    expect(q.conditions.length).toBeGreaterThan(0);
    const first = conditionOrder.indexOf(q.conditions[0]!);
    expect(first, a.item).toBeGreaterThanOrEqual(last);
    last = first;
  }
  last = -1;
  for (const q of d.questions.filter((x) => x.purpose === 'material')) {
    expect(q.conditions).toEqual([]);
    expect(q.materials.length).toBeGreaterThan(0);
    const first = materialOrder.indexOf(q.materials[0]!);
    expect(first, a.item).toBeGreaterThanOrEqual(last);
    last = first;
  }
}
