// 2,000 random and mutated bodies (fast-check) to the POST endpoints: never a 5xx, and every
// refusal is the documented error body with a Chinese message and a location.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, APPLICATIONS, CLERK, start, type Response, type Running } from './helpers.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let s: Running;
let caseId = '';
let complaintId = '';

beforeAll(async () => {
  s = await start();
  caseId = (await s.request('POST', '/v1/cases', { body: { application: APPLICATIONS.accepted, staff: 'chen-li' }, token: CLERK })).json<{ record: { id: string } }>().record.id;
  complaintId = (
    await s.request('POST', '/v1/complaints', { body: { channel: 'oral', target: { window: 'minzheng-window' }, content: '等候时间过长', receivedBy: 'lin-xiaoyan' }, token: CLERK })
  ).json<{ record: { id: string } }>().record.id;
});
afterAll(async () => {
  await s.close();
});

/** Every path to a value inside `v` (including the root). */
function paths(v: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

type Op = { kind: 'delete' | 'replace' | 'add'; at: number; value: Json; key: string };

function applyOp(base: Json, op: Op): Json {
  const all = paths(base);
  const path = all[op.at % all.length]!;
  if (path.length === 0) return op.kind === 'replace' ? op.value : base;
  const root = structuredClone(base);
  let parent: Json = root;
  for (const seg of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[seg]!;
  const last = path[path.length - 1]!;
  const container = parent as Record<string | number, Json>;
  if (op.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete container[last];
  } else if (op.kind === 'replace') {
    container[last] = op.value;
  } else {
    const target = container[last];
    if (Array.isArray(target)) target.push(op.value);
    else if (target !== null && typeof target === 'object') target[op.key] = op.value;
    else container[last] = op.value;
  }
  return root;
}

const jsonValue = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
const interesting: fc.Arbitrary<Json> = fc.oneof(
  jsonValue,
  fc.constantFrom<Json>('', ' ', '2026-02-30T10:00:00+08:00', '9999-12-31T23:59:59+08:00', '0001-01-01T00:00:00Z', 'MZ-004', 'consult', 'apply', 'person', 'organization', -1, 0, 1e308, 2 ** 53, 'x'.repeat(600), '<script>alert(1)</script>', '__proto__', 'constructor'),
);
const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('delete', 'replace', 'add'), at: fc.nat(), value: interesting, key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('record', 'staff', 'extra', 'age', 'hukouLocal')) });

/** A valid body with 1–4 mutations, a random JSON value, or raw text that is (mostly) not JSON. */
function bodies(valid: readonly Json[]): fc.Arbitrary<{ json?: Json; raw?: string }> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...valid), fc.array(op, { minLength: 1, maxLength: 4 })).map(([base, ops]) => ({ json: ops.reduce(applyOp, base) })) },
    { weight: 2, arbitrary: jsonValue.map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '{', '[1,2', '{"item":"MZ-004",}', '\u0000')).map((raw) => ({ raw })) },
  );
}

function checkAnswer(res: Response, what: string): void {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    const { error } = res.json();
    expect(typeof error.code).toBe('string');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(typeof error.path).toBe('string');
  }
}

async function fuzz(method: string, url: string, token: string | undefined, valid: readonly Json[], runs: number): Promise<number> {
  let count = 0;
  await fc.assert(
    fc.asyncProperty(bodies(valid), async (b) => {
      count++;
      const res = await s.request(method, url, b.raw !== undefined ? { raw: b.raw, headers: { 'content-type': 'application/json' }, ...(token ? { token } : {}) } : { body: b.json, ...(token ? { token } : {}) });
      checkAnswer(res, `${url} ${b.raw ?? JSON.stringify(b.json)?.slice(0, 300)}`);
    }),
    { numRuns: runs, seed: 20261121 },
  );
  return count;
}

const validApplications: Json[] = Object.values(APPLICATIONS).map((a) => structuredClone(a) as unknown as Json);

describe('no client input produces a 5xx', () => {
  let total = 0;

  it('POST /v1/decisions: 1,000 bodies, anonymous and with a token (record: true)', async () => {
    const recordable = validApplications.map((a) => ({ ...(a as Record<string, Json>), record: true, staff: 'chen-li' }));
    total += await fuzz('POST', '/v1/decisions', undefined, validApplications, 600);
    total += await fuzz('POST', '/v1/decisions', CLERK, [...validApplications, ...recordable], 400);
  });

  it('POST /v1/cases and /v1/cases/{id}/events: 500 bodies', async () => {
    total += await fuzz('POST', '/v1/cases', CLERK, validApplications.map((application) => ({ application, staff: 'chen-li' })), 250);
    total += await fuzz(
      'POST',
      `/v1/cases/${caseId}/events`,
      CLERK,
      [
        { type: 'suspended', staff: 'chen-li', reason: '专家评审', at: '2026-11-24T10:00:00+08:00' },
        { type: 'extended', staff: 'chen-li', extension: { amount: 10, unit: 'workingDays', approvedBy: '张卫国' } },
        { type: 'completed', staff: 'chen-li' },
      ],
      250,
    );
  });

  it('POST /v1/complaints and /v1/complaints/{id}/verification: 500 bodies', async () => {
    total += await fuzz(
      'POST',
      '/v1/complaints',
      CLERK,
      [
        { channel: 'phone', complainant: { name: '赵六', phone: '13800002222' }, target: { staff: 'chen-li' }, content: '态度生硬', receivedBy: 'lin-xiaoyan' },
        { channel: 'written', target: { window: 'minzheng-window' }, content: '重大事项', receivedBy: 'lin-xiaoyan', major: true, complex: true },
      ],
      250,
    );
    total += await fuzz('POST', `/v1/complaints/${complaintId}/verification`, ADMIN, [{ result: 'unfounded', handler: 'li-xiuying', note: '经核实不属实' }, { result: 'verified', handler: 'li-xiuying', staff: 'chen-li' }], 250);
    expect(total).toBe(2000);
  });

  it('wrong content types, empty and oversized bodies are 4xx too', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1']) {
      checkAnswer(await s.request('POST', '/v1/decisions', { raw: '{"item":"MZ-004"}', headers: { 'content-type': type } }), type);
    }
    checkAnswer(await s.request('POST', '/v1/decisions', {}), 'no body');
    checkAnswer(await s.request('POST', '/v1/decisions', { raw: '', headers: { 'content-type': 'application/json' } }), 'empty body');
    checkAnswer(await s.request('POST', '/v1/decisions', { raw: `{"item":"${'x'.repeat(1_100_000)}"}`, headers: { 'content-type': 'application/json' } }), 'oversized');
    checkAnswer(await s.request('POST', `/v1/cases/${encodeURIComponent('../../etc/passwd')}/events`, { body: { type: 'completed', staff: 'chen-li' }, token: CLERK }), 'path traversal id');
    checkAnswer(await s.request('GET', '/v1/items/%E0%A4%A'), 'bad percent-encoding');
    checkAnswer(await s.request('GET', `/notices/${'%E4%B8%80'.repeat(200)}`, { token: CLERK }), 'long notice number');
  });
});
