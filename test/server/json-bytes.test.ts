// The decision service's serializer (json-bytes.ts) writes exactly JSON.stringify's bytes: for the
// decisions of the sample pack of every kind (the first time and from the kept frozen parts), over
// HTTP, and for values built to trip it (getters, toJSON, holes, mutation beside frozen parts).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPack } from '../../src/documents/index.ts';
import type { Pack } from '../../src/engine/index.ts';
import type { Application, Decision } from '../../src/pack/index.ts';
import { jsonBytes } from '../../src/server/json-bytes.ts';
import { applicationMatrix, itemCodes } from '../support/application-matrix.ts';
import { APPLICATIONS, RULES, start, type Running } from './helpers.ts';

const same = (value: unknown): void => {
  expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));
};

/** Every item of the sample pack, applied for and consulted on, by a few applicants: every kind of decision. */
function applications(): Application[] {
  const applicants = [
    { type: 'person' },
    { type: 'person', age: 70, hukouLocal: false, forDependant: false },
    { type: 'person', age: 56, hukouLocal: true, householdIncomePerCapita: 420, forDependant: false, hasDisabilityCert: false },
    { type: 'person', age: 88, hukouLocal: true, forDependant: true },
    { type: 'organization' },
  ];
  const named = [APPLICATIONS.accepted, APPLICATIONS.supplement, APPLICATIONS.consultation] as unknown as Application[];
  return [...named, ...applicationMatrix(itemCodes(RULES), applicants)];
}

async function decisions(pack: Pack): Promise<Array<{ application: Application; decision: Decision }>> {
  const out: Array<{ application: Application; decision: Decision }> = [];
  for (const application of applications()) {
    try {
      out.push({ application, decision: await pack.decide(structuredClone(application)) });
    } catch {
      // An application the item refuses as input (E-APP-*): no decision to serialize.
    }
  }
  return out;
}

describe('jsonBytes', () => {
  let pack: Pack;
  let decided: Array<{ application: Application; decision: Decision }>;
  beforeAll(async () => {
    pack = await loadPack(RULES);
    decided = await decisions(pack);
  });

  it('writes every decision of the sample pack as JSON.stringify does, the first time and from the kept parts', async () => {
    const kinds = new Set(decided.map((d) => d.decision.kind));
    for (const kind of ['accepted', 'supplement', 'returned', 'rejected', 'consultation'] as const) expect(kinds).toContain(kind);
    for (const { decision } of decided) {
      const answer = { decision, notice: { document: decision.notice.document, title: '通知书', number: null, href: null }, case: null };
      same(answer);
      same(answer);
    }
    // Decided again, the shared frozen parts come from what was kept: still the same bytes.
    for (const { application } of decided.slice(0, 40)) same(await pack.decide(structuredClone(application)));
  });

  it('writes the frozen parts of a decision (three levels below the answer) from kept bytes, not serializing them again', () => {
    for (const { decision } of decided.slice(0, 20)) {
      const answer = { decision, notice: { document: decision.notice.document, title: '通知书', number: null, href: null }, case: null };
      const expected = JSON.stringify(answer);
      same(answer);
      const stringify = vi.spyOn(JSON, 'stringify');
      let written: string;
      let args: unknown[];
      try {
        written = jsonBytes(answer).toString('utf8');
      } finally {
        // Read before the restore, which forgets the calls.
        args = stringify.mock.calls.map(([v]) => v as unknown);
        stringify.mockRestore();
      }
      expect(written).toBe(expected);
      // The fresh parts (the notice link at least) are JSON.stringify's.
      expect(args.length).toBeGreaterThan(0);
      expect(args.filter((v) => typeof v === 'object' && v !== null && Object.isFrozen(v))).toEqual([]);
      // Nor is the answer or the decision serialized whole.
      expect(args.some((v) => v === answer || v === decision)).toBe(false);
    }
  });

  it('reflects a change to anything not frozen, also inside a frozen object', () => {
    const inner = { n: 1 };
    const outer = Object.freeze({ a: 'x', inner });
    same([outer]);
    inner.n = 2;
    expect(jsonBytes([outer]).toString()).toBe('[{"a":"x","inner":{"n":2}}]');
    let calls = 0;
    const withGetter = Object.freeze(
      Object.defineProperty({}, 'n', {
        enumerable: true,
        get: () => ++calls,
      }),
    );
    expect(jsonBytes({ v: withGetter }).toString()).toBe('{"v":{"n":1}}');
    expect(jsonBytes({ v: withGetter }).toString()).toBe('{"v":{"n":2}}');
    // Deeper, below frozen parents, as in a decision: still read once per answer, never kept.
    const deep = { decision: { list: [Object.freeze({ at: Object.freeze({ inner: withGetter }) })] } };
    expect(jsonBytes(deep).toString()).toBe('{"decision":{"list":[{"at":{"inner":{"n":3}}}]}}');
    expect(jsonBytes(deep).toString()).toBe('{"decision":{"list":[{"at":{"inner":{"n":4}}}]}}');
    expect(calls).toBe(4);
  });

  it('follows JSON.stringify on what JSON leaves out or turns into null, toJSON, holes and odd numbers', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const frozenDate = Object.freeze(new Date(Date.UTC(2026, 10, 23)));
    same({ u: undefined, f: () => 1, s: Symbol('s'), n: null, nan: Number.NaN, inf: -Infinity, neg: -0, e: 1e21, tiny: 5e-7 });
    same([undefined, () => 1, Symbol('s'), , 1]);
    same({ date: new Date(Date.UTC(2026, 10, 23)), frozenDate, nested: Object.freeze({ frozenDate }) });
    same({ p: new Point(1, 2), m: new Map([[1, 2]]), set: new Set([1]), bare: Object.assign(Object.create(null) as object, { a: 1 }) });
    same(Object.freeze({ '1': 'one', b: 'two', '0': 'zero', 'quote"key': '\u2028\u0000\ud800 "引号"', 中文键: '值' }));
    same({ toJSON: () => ({ replaced: true }) });
    expect(() => jsonBytes({ big: 1n })).toThrow(TypeError);
    const cycle: Record<string, unknown> = { a: Object.freeze({ b: 1 }) };
    cycle.self = cycle;
    expect(() => jsonBytes(cycle)).toThrow(TypeError);
    // Empty lists, written without JSON.stringify, unless something makes them more than `[]`.
    class Listing extends Array<number> {
      toJSON(): string {
        return 'listing';
      }
    }
    const withToJson = Object.assign([], { toJSON: () => ({ not: 'empty' }) });
    const inherited = Object.setPrototypeOf([], Object.assign(Object.create(Array.prototype) as object, { toJSON: () => 'inherited' })) as unknown[];
    same({ a: [], frozen: Object.freeze([]), extra: Object.assign([], { extra: 1 }), withToJson, listing: new Listing(), inherited, keep: Object.freeze({ x: [] }) });
    same([[], [[]], Object.freeze([Object.freeze([])])]);
    // After a failure the next answer is whole.
    same({ after: Object.freeze(['ok']) });
    for (const v of [null, 1, 'text', true, undefined]) expect(jsonBytes(v).toString()).toBe(JSON.stringify(v) ?? '');
  });

  it('writes answers larger than its buffer, and many answers in a row without mixing them up', () => {
    const big = Object.freeze(Array.from({ length: 3000 }, (_, i) => Object.freeze({ i, text: '一次性告知'.repeat(i % 7) })));
    same({ big, tail: [1, 2] });
    const answers = Array.from({ length: 200 }, (_, i) => ({ i, big: i % 50 === 0 ? big : null, text: `第${i}件` }));
    const written = answers.map((a) => jsonBytes(a));
    written.forEach((b, i) => expect(b.toString()).toBe(JSON.stringify(answers[i])));
  });

  it('matches JSON.stringify on random values, frozen in part', () => {
    const leaf = fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const tree = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.tuple(fc.array(tie('value'), { maxLength: 5 }), fc.boolean()).map(([a, f]) => (f ? Object.freeze(a) : a)),
      object: fc.tuple(fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }), fc.boolean()).map(([o, f]) => (f ? Object.freeze(o) : o)),
    }));
    fc.assert(
      fc.property(tree.value, (v) => {
        expect(jsonBytes(v).toString('utf8')).toBe(JSON.stringify(v) ?? '');
        expect(jsonBytes(v).toString('utf8')).toBe(JSON.stringify(v) ?? '');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('POST /v1/decisions', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers with the bytes JSON.stringify gives for the decision, its notice link and case', async () => {
    const pack = s.app.bianmin.packs.served.pack;
    const seen = new Set<string>();
    for (const { application, decision } of await decisions(pack)) {
      const res = await s.request('POST', '/v1/decisions', { body: application });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const answer = res.json<{ notice: unknown }>();
      expect(res.text).toBe(JSON.stringify({ decision, notice: answer.notice, case: null }));
      seen.add(decision.kind);
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });
});
