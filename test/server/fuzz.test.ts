// Fuzzing, seeded and bounded. First 2,000 random and mutated bodies (fast-check) to the POST
// endpoints; then 3,200 requests spread over every endpoint of the built app, enumerated from the
// app itself (its OpenAPI document and its route tree, so endpoints added later are covered):
// impossible dates, hostile path parameters (traversal, encoded NUL, absolute paths), unknown
// query keys, bodies that are not UTF-8, huge or deeply nested JSON, wrong content types and
// methods, with and without tokens. Never a 5xx (but a 503 an operation documents), every refusal
// is the catalogue's error body with a Chinese message, and no log line (nor any public answer)
// holds an unmasked ID or mobile number. A few requests go over a real socket.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '../../src/core/index.ts';
import { findUnmasked } from '../../src/records/index.ts';
import { ADMIN, APPLICATIONS, CLERK, copyOfRules, start, tempDir, type Response, type Running } from './helpers.ts';

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

// ---------------------------------------------------------------------------------------------
// Every endpoint of the built app.

const ID_NUMBER = '320101194001011234';
const MOBILE = '13912345678';
const CHINESE = /[\u4e00-\u9fff]/;

type Schema = { [key: string]: unknown };
interface Operation {
  readonly parameters?: ReadonlyArray<{ name: string; in: string; schema?: Schema }>;
  readonly requestBody?: { content?: Record<string, { schema?: Schema }> };
  readonly responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { schemas?: Record<string, Schema> };
}

interface Endpoint {
  readonly method: string;
  /** Fastify's pattern: `/v1/items/:code`, `/docs/*`. */
  readonly pattern: string;
  readonly op: Operation | null;
  /** The operation may answer application/pdf (printing is for test/browser: never reached here). */
  readonly pdf: boolean;
}

/** `/v1/items/{code}` → `/v1/items/:code` (and `{*}` → `*`). */
const patternOf = (openApiPath: string): string => openApiPath.replace(/\{\*\}/g, '*').replace(/\{([^}]+)\}/g, ':$1');

/**
 * Every (method, pattern) the app routes, as Fastify reported them while they were registered
 * (its onRoute hook, kept in `app.bianmin.routes`; printRoutes' tree merges shared prefixes and
 * cannot be read back), each with its OpenAPI operation when documented.
 */
function endpointsOf(app: FastifyInstance): Endpoint[] {
  const doc = app.swagger() as unknown as OpenApi;
  const ops = new Map<string, Operation>();
  for (const [p, methods] of Object.entries(doc.paths)) for (const [m, op] of Object.entries(methods)) ops.set(`${m.toUpperCase()} ${patternOf(p)}`, op);
  return app.bianmin.routes.list().flatMap(({ url: pattern, methods }) =>
    methods.map((method) => {
      const op = ops.get(`${method} ${pattern}`) ?? (method === 'HEAD' ? (ops.get(`GET ${pattern}`) ?? null) : null);
      const pdf = pattern.endsWith('.pdf') || JSON.stringify(op?.responses ?? {}).includes('application/pdf');
      return { method, pattern, op, pdf };
    }),
  );
}

function resolve(doc: OpenApi, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let at: unknown = doc;
  for (const seg of ref.slice(2).split('/')) at = (at as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  return resolve(doc, (at as Schema | undefined) ?? {}, depth + 1);
}

const IMPOSSIBLE_DATES = ['2026-02-30', '2027-02-29', '2026-04-31', '2026-06-31', '2026-13-01', '2026-00-10', '0000-00-00'];
const DATES = [...IMPOSSIBLE_DATES, '2026-11-23', '2028-02-29', '2026-12-31', '2100-01-01', '1900-01-01', 'today', '', '2026-11-23T10:00:00+08:00'];
const INSTANTS = ['2026-02-30T10:00:00+08:00', '2027-02-29T09:00:00+08:00', '2026-04-31T12:00:00Z', '2026-11-23T09:30:00+08:00', '2026-11-23T25:00:00+08:00', '2026-11-23', '9999-12-31T23:59:59+08:00', 'now'];
const STRINGS = ['', ' ', 'x', 'MZ-004', 'chen-li', 'minzheng-window', '高龄津贴', ID_NUMBER, MOBILE, `身份证${ID_NUMBER}电话${MOBILE}`, '<script>alert(1)</script>', '__proto__', 'constructor', '../../etc/passwd', 'a\u0000b', '\ud800', 'x'.repeat(5000), '%00', '2026-02-30'];
/** Raw path segments (already percent-encoded, as a client would put them in the URL). */
const HOSTILE_SEGMENTS = ['..', '.', '..%2F..%2Fetc%2Fpasswd', '..%2f..%2f..%2fetc%2fshadow', '%2E%2E%2F%2E%2E%2F', '%252e%252e%252f', 'a%00b', '%00', 'x%00.yaml', '%2Fetc%2Fpasswd', '%2F', 'C%3A%5CWindows%5Cwin.ini', '..%5C..%5C', '%E0%A4%A', '%C0%AF', '%FF', ID_NUMBER, MOBILE, encodeURIComponent('中文'), 'x'.repeat(300), '%20', 'items%2Fmz-004.yaml', 'items%2F..%2F..%2Fcenter.yaml', 'rules%2F..%2F..%2F..%2Fetc%2Fpasswd'];
/** Wildcard tails (a pack-relative path or a static file's). */
const HOSTILE_TAILS = ['items/mz-004.yaml', 'center.yaml', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', 'items/%00.yaml', 'items/../../../etc/passwd', 'items\\..\\center.yaml', 'index.html', 'swagger-ui.css', '%2e%2e/%2e%2e/package.json', `${ID_NUMBER}.yaml`, ''];
const UNKNOWN_KEYS = ['foo', 'idNumber', 'phone', '__proto__', 'constructor', 'date[]', 'Date', 'toString', 'x'.repeat(100)];
const TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1', 'application/yaml', 'application/octet-stream', 'application/json;;', 'garbage'];

type Body = { readonly bytes: Buffer; readonly type: string } | null;

function jsonBytes(v: unknown): Buffer {
  return Buffer.from(JSON.stringify(v) ?? 'null', 'utf8');
}

/** A value for `schema`: mostly of its type (so requests get past the shape checks), sometimes hostile. */
function valueFor(doc: OpenApi, raw: Schema | undefined, name: string, pools: Pools, depth: number): fc.Arbitrary<Json> {
  const schema = resolve(doc, raw);
  const hostile = fc.constantFrom<Json>(...STRINGS, ...IMPOSSIBLE_DATES, null, -1, 0, 1e308, true, [], {});
  if (depth > 4) return hostile;
  const typed = ((): fc.Arbitrary<Json> => {
    const known = pools.byName[name];
    if (known) return fc.constantFrom<Json>(...known);
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as Json[]));
    if ('const' in schema) return fc.constant(schema.const as Json);
    const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    if (Array.isArray(alternatives) && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => valueFor(doc, a, name, pools, depth + 1)));
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return valueFor(doc, schema.allOf[0] as Schema, name, pools, depth + 1);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'object' || schema.properties) {
      const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
      const required = new Set((schema.required ?? []) as string[]);
      const record = fc.record(Object.fromEntries(props.map(([k, v]) => [k, valueFor(doc, v, k, pools, depth + 1)])), { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
      return fc.tuple(record, fc.option(fc.tuple(fc.constantFrom(...UNKNOWN_KEYS), hostile), { freq: 6 })).map(([r, extra]) => (extra ? { ...r, [extra[0]]: extra[1] } : r) as Json);
    }
    if (type === 'array') return fc.array(valueFor(doc, schema.items as Schema | undefined, name, pools, depth + 1), { maxLength: 3 });
    if (type === 'integer') return fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.constantFrom(2026, 2027, 1, 10));
    if (type === 'number') return fc.double({ noNaN: true, min: -10, max: 1e4 });
    if (type === 'boolean') return fc.boolean();
    if (schema.format === 'date' || /date|day|month/i.test(name)) return fc.constantFrom(...DATES, '2026-11', '2026-02');
    if (schema.format === 'date-time' || /At$|^at$|time/i.test(name)) return fc.constantFrom(...INSTANTS);
    return fc.oneof(fc.constantFrom(...STRINGS.slice(0, 10)), fc.string({ maxLength: 20 }));
  })();
  return fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: hostile });
}

interface Pools {
  /** Known-good values by property or parameter name (the sample pack's and the seeded records'). */
  readonly byName: Record<string, Json[]>;
  /** Valid bodies by `METHOD pattern`: sent as they are or with a mutation or two. */
  readonly bodies: Record<string, Json[]>;
}

/** Deep and huge JSON, bodies that are not UTF-8, and other bytes no schema expects. */
const odd: fc.Arbitrary<Body> = fc.oneof(
  fc.constantFrom<Body>(
    { bytes: Buffer.from('['.repeat(200_000) + ']'.repeat(200_000)), type: 'application/json' },
    { bytes: Buffer.from('{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)), type: 'application/json' },
    { bytes: jsonBytes({ items: Array.from({ length: 60_000 }, (_x, i) => i) }), type: 'application/json' },
    { bytes: Buffer.from(`{"x":"${'a'.repeat(1_100_000)}"}`), type: 'application/json' },
    { bytes: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from('"}')]), type: 'application/json' },
    { bytes: Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), type: 'application/json' },
    { bytes: Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), type: 'application/json' },
    { bytes: Buffer.from('{"__proto__":{"admin":true}}'), type: 'application/json' },
    { bytes: Buffer.from('{"a":1,"a":2}'), type: 'application/json' },
    { bytes: Buffer.from(''), type: 'application/json' },
    { bytes: Buffer.from('null'), type: 'application/json' },
    { bytes: Buffer.concat([Buffer.from('text: '), Buffer.from([0xff])]), type: 'application/yaml' },
    { bytes: Buffer.from('%TAG ! tag:x\n--- !x 1\n'), type: 'application/yaml' },
  ),
  fc.tuple(fc.constantFrom(...TYPES), fc.oneof(fc.string({ maxLength: 60 }), fc.constant('{"item":"MZ-004"}'))).map(([type, text]) => ({ bytes: Buffer.from(text), type })),
  fc.uint8Array({ maxLength: 64 }).map((a) => ({ bytes: Buffer.from(a), type: 'application/json' })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ bytes: jsonBytes(v), type: 'application/json' })),
);

interface Generated {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Body;
}

function requestsFor(doc: OpenApi, e: Endpoint, pools: Pools): fc.Arbitrary<Generated> {
  const params = e.op?.parameters ?? [];
  const segments = e.pattern.split('/').map((seg) => {
    if (seg === '*') return fc.oneof(fc.constantFrom(...HOSTILE_TAILS), fc.constantFrom(...(pools.byName['*'] ?? ['x'])).map(String));
    if (!seg.includes(':')) return fc.constant(seg);
    const name = /:([A-Za-z0-9_]+)/.exec(seg)?.[1] ?? '';
    const good = (pools.byName[name] ?? []).map((v) => encodeURIComponent(String(v)));
    const value = good.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...good) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) }) : fc.constantFrom(...HOSTILE_SEGMENTS);
    return value.map((v) => seg.replace(/:[A-Za-z0-9_]+(\([^)]*\))?/, v));
  });
  const path = fc.tuple(...segments).map((parts) => parts.join('/'));
  const declared = params.filter((p) => p.in === 'query');
  const query = fc.tuple(
    fc.tuple(...declared.map((p) => fc.option(valueFor(doc, p.schema, p.name, pools, 2).map((v) => [p.name, typeof v === 'string' ? v : JSON.stringify(v)] as const), { freq: 3 }))),
    fc.option(fc.tuple(fc.constantFrom(...UNKNOWN_KEYS), fc.constantFrom(...STRINGS.slice(0, 12))), { freq: 4 }),
    fc.option(fc.constantFrom(...IMPOSSIBLE_DATES), { freq: 3 }),
  );
  const bodySchema = e.op?.requestBody?.content?.['application/json']?.schema;
  const hasBody = e.method === 'POST' || e.method === 'PUT' || e.method === 'PATCH' || e.method === 'DELETE';
  const valid = pools.bodies[`${e.method} ${e.pattern}`] ?? [];
  const mutated: fc.Arbitrary<Body> = valid.length === 0 ? fc.constant(null) : fc.tuple(fc.constantFrom(...valid), fc.array(op, { maxLength: 2 })).map(([base, ops]) => ({ bytes: jsonBytes(ops.reduce(applyOp, base)), type: 'application/json' }));
  const body: fc.Arbitrary<Body> = !hasBody
    ? fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: odd })
    : fc.oneof(
        { weight: valid.length > 0 ? 5 : 0, arbitrary: mutated },
        { weight: 4, arbitrary: valueFor(doc, bodySchema, '$', pools, 0).map((v) => ({ bytes: jsonBytes(v), type: 'application/json' })) },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: odd },
      );
  const wrongMethod = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
  return fc
    .record({
      path,
      query,
      body,
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(e.method) }, { weight: 1, arbitrary: wrongMethod }),
      token: fc.constantFrom<string | undefined>(undefined, undefined, CLERK, CLERK, ADMIN, ADMIN, 'Bearer-not-a-token', 'x'),
      accept: fc.constantFrom('*/*', '*/*', 'application/json', 'text/html', 'application/xml', 'application/pdf'),
      requestId: fc.option(fc.constantFrom('fuzz-1', MOBILE, 'a b', 'x'.repeat(200)), { freq: 4 }),
    })
    .map(({ path: p, query: [known, unknown, impossible], body: b, method, token, accept, requestId }) => {
      const pairs: Array<readonly [string, string]> = known.filter((x): x is readonly [string, string] => x !== null);
      if (unknown) pairs.push(unknown);
      const dateParam = declared.find((d) => /date|month|At$/.test(d.name));
      if (impossible && dateParam) pairs.push([dateParam.name, impossible]);
      // A PDF is printed by Chromium (test/browser only): a request that could print carries an
      // unknown key, which every operation refuses before it renders anything.
      const printable = e.pdf && (p.endsWith('.pdf') || accept === 'application/pdf') && !pairs.some(([k, v]) => IMPOSSIBLE_DATES.includes(v) || !declared.some((d) => d.name === k));
      if (printable) pairs.push(['zzz-no-print', '1']);
      const search = pairs.length > 0 ? `?${pairs.map(([k, v]) => `${encoded(k)}=${encoded(v)}`).join('&')}` : '';
      const headers: Record<string, string> = { accept };
      if (token) headers.authorization = token.startsWith('Bearer') || token === 'x' ? token : `Bearer ${token}`;
      if (requestId) headers['x-request-id'] = requestId;
      if (b) headers['content-type'] = b.type;
      return { method, url: `${p}${search}`, headers, body: method === 'GET' || method === 'HEAD' ? null : b };
    });
}

/** Percent-encoded as UTF-8; a lone surrogate as the bytes a careless client would send (ED A0 80). */
function encoded(text: string): string {
  return Array.from(text, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}

/** ID and mobile numbers of `text` that `sent` did not contain (the sample center's phones are landlines: none is one). */
function leaked(text: string, sent: string): string[] {
  const digits = (x: string): string => x.replace(/\D/g, '');
  const sentDigits = digits(decodeURIComponentSafe(sent));
  // A number sent where an integer goes comes back as the double it became (…011234 → …011260):
  // still the caller's own, so 15 significant digits decide.
  return findUnmasked(text)
    .map((f) => f.text)
    .filter((t) => !sentDigits.includes(digits(t)) && !sentDigits.includes(digits(t).slice(0, 15)));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

describe('every endpoint of the built app', () => {
  let s: Running;
  let logText = '';
  let endpoints: Endpoint[] = [];
  let doc: OpenApi;
  const pools: Pools = { byName: {}, bodies: {} };

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logText += chunk.toString('utf8');
        cb();
      },
    });
    // A copy of the pack: the workbench's publish and rollback write to it.
    s = await start({ rules: await copyOfRules(await tempDir('fuzz')), log: { level: 'info', stream } });
    doc = s.app.swagger() as unknown as OpenApi;
    endpoints = endpointsOf(s.app);
    const kase = (await s.request('POST', '/v1/cases', { body: { application: APPLICATIONS.accepted, staff: 'chen-li' }, token: CLERK })).json<{ record: { id: string; noticeNumber?: string } }>().record;
    const complaint = (
      await s.request('POST', '/v1/complaints', { body: { channel: 'phone', complainant: { name: '赵六', phone: '13800002222' }, target: { staff: 'chen-li' }, content: '态度生硬', receivedBy: 'lin-xiaoyan' }, token: CLERK })
    ).json<{ record: { id: string } }>().record;
    // A draft when the workbench API is there (its endpoints are then fuzzed with a real id too).
    const draft = endpoints.some((e) => e.method === 'POST' && e.pattern === '/v1/drafts') ? (await s.request('POST', '/v1/drafts', { body: { name: '模糊测试' }, token: CLERK })).json<{ id?: string }>().id : undefined;
    pools.byName.id = [kase.id, complaint.id, 'chen-li', ...(draft ? [draft] : []), '2026-000001', 'T2026-00001'];
    pools.byName.code = ['MZ-004', 'MZ-001', 'mz-004', 'XX-999'];
    pools.byName.item = ['MZ-004', 'MZ-001', 'XX-999'];
    pools.byName.year = [2026, 2027, 1999, 2101];
    pools.byName.number = [kase.noticeNumber ?? '青便〔2026〕1号', '青便〔2026〕999号'];
    pools.byName.name = ['item', 'center', 'application', 'records/case', 'nothing'];
    pools.byName.path = ['items/mz-004.yaml', 'items%2Fmz-004.yaml', 'center.yaml', 'new.yaml'];
    pools.byName['*'] = ['items/mz-004.yaml', 'center.yaml', 'calendar/2026.yaml', 'index.html'];
    pools.byName.staff = ['chen-li', 'wang-fang', 'nobody'];
    pools.byName.receivedBy = ['lin-xiaoyan'];
    pools.byName.handler = ['li-xiuying'];
    pools.byName.window = ['minzheng-window'];
    pools.byName.application = [APPLICATIONS.accepted, APPLICATIONS.supplement, APPLICATIONS.consultation] as unknown as Json[];
    const application = validApplications;
    Object.assign(pools.bodies, {
      'POST /v1/decisions': [...application, ...application.map((a) => ({ ...(a as Record<string, Json>), record: true, staff: 'chen-li' }))],
      'POST /v1/cases': application.map((a) => ({ application: a, staff: 'chen-li' })),
      'POST /v1/cases/:id/events': [{ type: 'suspended', staff: 'chen-li', reason: '专家评审', at: '2026-11-24T10:00:00+08:00' }, { type: 'completed', staff: 'chen-li' }],
      'POST /v1/complaints': [{ channel: 'oral', target: { window: 'minzheng-window' }, content: '等候时间过长', receivedBy: 'lin-xiaoyan' }],
      'POST /v1/complaints/:id/verification': [{ result: 'unfounded', handler: 'li-xiuying', note: '经核实不属实' }],
      'POST /v1/drafts': [{ name: '模糊测试草稿' }, {}],
      'PUT /v1/drafts/:id/files/:path': [{ text: '# 模糊测试\n' }],
      'PUT /v1/drafts/:id/files/*': [{ text: '# 模糊测试\n' }],
      'POST /v1/drafts/:id/decisions': application,
      'POST /v1/drafts/:id/render': [{ doc: 'consultation', item: 'MZ-004' }, { doc: 'guide', item: 'MZ-004' }, { doc: 'board-item', item: 'MZ-001' }],
      'POST /v1/drafts/:id/test': [{}, { name: '高龄' }],
      'POST /v1/drafts/:id/publish': [{ reason: '模糊测试' }, { reason: '模糊测试', confirmFailing: true }],
      'POST /v1/pack/rollback': [{ version: 'nothing', reason: '模糊测试' }],
    } satisfies Record<string, Json[]>);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const TOTAL = 3200;
  let sent = 0;
  const statuses = new Map<string, Set<number>>();

  it('enumerates the endpoints from the app itself', () => {
    const patterns = new Set(endpoints.map((e) => `${e.method} ${e.pattern}`));
    for (const known of ['POST /v1/decisions', 'GET /v1/items/:code', 'GET /v1/items/:code/guide', 'GET /board.pdf', 'POST /v1/cases/:id/events', 'GET /notices/:number', 'GET /readyz']) expect(patterns).toContain(known);
    // Every documented operation is among them.
    for (const [p, methods] of Object.entries(doc.paths)) for (const m of Object.keys(methods)) expect(patterns, `${m} ${p}`).toContain(`${m.toUpperCase()} ${patternOf(p)}`);
    // And the routes the document hides (the docs UI's files, the pages).
    for (const hidden of ['GET /docs/static/*', 'GET /docs/static/index.html']) expect(patterns).toContain(hidden);
  });

  it(`${TOTAL} requests: no 5xx, every refusal in the catalogue's shape, nothing unmasked`, { timeout: 300_000 }, async () => {
    const perEndpoint = Math.ceil(TOTAL / endpoints.length);
    for (const [i, e] of endpoints.entries()) {
      const seen = statuses.get(`${e.method} ${e.pattern}`) ?? new Set<number>();
      statuses.set(`${e.method} ${e.pattern}`, seen);
      await fc.assert(
        fc.asyncProperty(requestsFor(doc, e, pools), async (g) => {
          sent++;
          const res = await s.app.inject({ method: g.method as 'GET', url: g.url, headers: g.headers, ...(g.body ? { payload: g.body.bytes } : {}) });
          seen.add(res.statusCode);
          const what = `${g.method} ${g.url.slice(0, 200)} [${e.method} ${e.pattern}] ${g.headers['content-type'] ?? ''} ${g.body?.bytes.subarray(0, 120).toString('utf8') ?? ''} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          const documented503 = res.statusCode === 503 && e.op?.responses?.['503'] !== undefined;
          expect(res.statusCode < 500 || documented503, what).toBe(true);
          expect(res.headers['x-request-id'], what).toBeTruthy();
          if (res.statusCode >= 400 && g.method !== 'HEAD') {
            expect(String(res.headers['content-type']), what).toMatch(/^application\/json/);
            const { error } = res.json<{ error: { code: string; message: string; path: string } }>();
            expect(isErrorCode(error.code), what).toBe(true);
            expect(error.message, what).toMatch(CHINESE);
            expect(typeof error.path, what).toBe('string');
          }
          // A public answer shows no number the caller did not send (internal ones, with a token, may).
          if (!g.headers.authorization && g.method !== 'HEAD') {
            expect(leaked(res.body, `${g.url} ${g.body?.bytes.toString('utf8') ?? ''}`), what).toEqual([]);
          }
        }),
        { numRuns: perEndpoint, seed: 20261123 + i, endOnFailure: true },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(3000);
  });

  it('reached past the shape checks: most endpoints answered some request with a 2xx', () => {
    const succeeded = [...statuses].filter(([, seen]) => [...seen].some((c) => c >= 200 && c < 300)).map(([k]) => k);
    expect(succeeded.length, [...statuses].map(([k, v]) => `${k}: ${[...v].join(',')}`).join('\n')).toBeGreaterThanOrEqual(Math.floor(statuses.size / 2));
  });

  it('a few over a real socket: a body that is not UTF-8 and a raw path holding an ID number', async () => {
    await s.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (s.app.server.address() as AddressInfo).port;
    const send = (method: string, target: string, body?: Buffer): Promise<{ status: number; text: string }> =>
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method, path: target, headers: body ? { 'content-type': 'application/json', 'content-length': String(body.length), authorization: `Bearer ${CLERK}` } : {} }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    for (const e of endpoints.filter((x) => x.method === 'POST').slice(0, 12)) {
      const target = e.pattern.replace(/:[A-Za-z0-9_]+/g, String(pools.byName.id?.[0] ?? 'x')).replace('*', 'items/mz-004.yaml');
      const res = await send('POST', target, Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xe4, 0xb8]), Buffer.from('"}')]));
      // Never accepted (stored with U+FFFD), never a 5xx: refused as E-REQ-ENCODING unless refused earlier (path, method, token).
      expect(res.status, `${target} ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${target} ${res.text}`).toBeLessThan(500);
      expect(res.text).not.toContain('\ufffd');
      if (res.status === 400 && !/params\./.test(res.text)) expect(JSON.parse(res.text).error.code, `${target} ${res.text}`).toBe('E-REQ-ENCODING');
    }
    for (const target of [`/v1/items/${ID_NUMBER}/guidez`, `/v1/cases/${ID_NUMBER}/eventz`, `/${MOBILE}`, `/notices/${ID_NUMBER}/x`]) {
      const res = await send('GET', target);
      expect(res.status, target).toBe(404);
    }
  });

  it('wrote no log line with an unmasked ID or mobile number, and no stack trace', () => {
    const lines = logText.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(sent);
    const bad = lines.filter((l) => findUnmasked(l).length > 0);
    expect(bad.slice(0, 5)).toEqual([]);
    const errors = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors.slice(0, 3)).toEqual([]);
  });
});
