// Issue 12, the HTTP surface as integrators and an attack run meet it: a body that is not UTF-8 is
// refused (400 E-REQ-ENCODING naming the byte offset, nothing stored), a mistyped path holding an ID
// number never reaches the log whole (real socket, real log stream), CORS only for the configured
// origins (`--cors-origin`), an X-Request-Id on every answer and in its log line, and 405 with
// Allow for a wrong method on a known path.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnmasked } from '../../src/records/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { firstInvalidUtf8 } from '../../src/server/json-body.ts';
import { newRequestId } from '../../src/server/request-id.ts';
import { bianmin } from '../cli/run.ts';
import { APPLICATIONS, CLERK, RULES, start, tempDir, TOKENS, type Running } from './helpers.ts';

const ID = '320101194001011234';
const MOBILE = '13912345678';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface LogLine {
  readonly reqId?: string;
  readonly route?: string;
  readonly status?: number;
  readonly code?: string;
  readonly method?: string;
}

/** A server listening on loopback, its log lines captured as pino writes them. */
interface Listening {
  readonly s: Running;
  readonly port: number;
  log(): string;
  lines(): LogLine[];
}

async function listening(options: Parameters<typeof start>[0] = {}): Promise<Listening> {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString('utf8');
      cb();
    },
  });
  const s = await start({ log: { level: 'info', stream }, ...options });
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (s.app.server.address() as AddressInfo).port;
  return {
    s,
    port,
    log: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
  };
}

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** One request over a real socket, the body sent byte for byte. */
function send(port: number, method: string, urlPath: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: urlPath, headers: { ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A request line written to the socket as is (no client library normalising the path). */
function rawRequestLine(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

function errorOf(text: string): { code: string; message: string; path: string } {
  return (JSON.parse(text) as { error: { code: string; message: string; path: string } }).error;
}

const complaint = (content: Buffer): Buffer =>
  Buffer.concat([Buffer.from('{"channel":"oral","target":{"window":"minzheng-window"},"content":"', 'utf8'), content, Buffer.from('","receivedBy":"lin-xiaoyan"}', 'utf8')]);

describe('a JSON body that is not UTF-8 (defect 10)', () => {
  let l: Listening;
  beforeAll(async () => {
    l = await listening();
  });
  afterAll(async () => {
    await l.s.close();
  });

  it('is refused with 400 E-REQ-ENCODING naming the first bad byte, over a real socket, and nothing is stored', async () => {
    const prefix = Buffer.from('{"channel":"oral","target":{"window":"minzheng-window"},"content":"', 'utf8');
    const cases: Array<[string, Buffer, string]> = [
      ['a stray 0xFF', Buffer.from([0xe7, 0xad, 0x89, 0xff, 0xfe]), '0xFF'],
      ['an overlong slash', Buffer.from([0xc0, 0xaf]), '0xC0'],
      ['a UTF-16 surrogate', Buffer.from([0xed, 0xa0, 0x80]), '0xED 0xA0 0x80'],
      ['beyond U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80]), '0xF4 0x90 0x80 0x80'],
      ['a character cut short', Buffer.from([0xe4, 0xb8, 0x41]), '0xE4 0xB8 0x41'],
    ];
    for (const [what, bad, shown] of cases) {
      const res = await send(l.port, 'POST', '/v1/complaints', complaint(bad), { authorization: `Bearer ${CLERK}` });
      expect(res.status, what).toBe(400);
      const error = errorOf(res.text);
      expect(error.code, what).toBe('E-REQ-ENCODING');
      // 等 (three bytes) is valid: the stray byte is the fourth of the content.
      const offset = prefix.length + (what === 'a stray 0xFF' ? 3 : 0);
      expect(error.message, what).toContain(`字节偏移 ${offset} 处的 ${shown}`);
      expect(error.path).toBe('$');
      expect(res.text).not.toContain('\ufffd');
    }
    // Nothing was stored: the first complaint that is accepted gets the first number.
    const ok = await send(l.port, 'POST', '/v1/complaints', complaint(Buffer.from('等候时间过长', 'utf8')), { authorization: `Bearer ${CLERK}` });
    expect(ok.status).toBe(201);
    const record = (JSON.parse(ok.text) as { record: { id: string; content: string } }).record;
    expect(record.content).toBe('等候时间过长');
    expect(record.id).toMatch(/-0*1$/);
  });

  it('also on /v1/decisions, anonymous, and a valid body with Chinese and emoji still passes', async () => {
    const bad = Buffer.concat([Buffer.from('{"item":"MZ-004","intent":"consult","applicant":{"type":"person","name":"', 'utf8'), Buffer.from([0x80]), Buffer.from('"}}', 'utf8')]);
    const res = await send(l.port, 'POST', '/v1/decisions', bad);
    expect(res.status).toBe(400);
    expect(errorOf(res.text).code).toBe('E-REQ-ENCODING');
    const good = Buffer.from(JSON.stringify({ ...APPLICATIONS.consultation, applicant: { type: 'person', name: '王小明😀' } }), 'utf8');
    expect((await send(l.port, 'POST', '/v1/decisions', good)).status).toBe(200);
  });

  it('finds the offset of the first bad sequence, and none in well-formed text', () => {
    expect(firstInvalidUtf8(Buffer.from('便民 ok 😀', 'utf8'))).toBe(Buffer.byteLength('便民 ok 😀'));
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe0, 0x80, 0x80]))).toBe(1); // overlong three-byte form
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xf0, 0x9f, 0x98]))).toBe(2); // truncated at the end
  });
});

describe('the per-request log line', () => {
  let l: Listening;
  beforeAll(async () => {
    l = await listening();
  });
  afterAll(async () => {
    await l.s.close();
  });

  it('never carries an ID or mobile number from a mistyped path (real socket, raw request line, real log stream)', async () => {
    const targets = [
      `/v1/itemz/${ID}`,
      `/v1/cases/lookup/${MOBILE}/x?idNumber=${ID}`,
      `/${'%33%32%30%31%30%31%31%39%34%30%30%31%30%31%31%32%33%34'}`, // the ID, percent-encoded
      `/v1/nothing/${ID}%E0%A4%A`, // malformed encoding after the ID
      `/board/${encodeURIComponent(`身份证${ID}`)}`,
      `/v1/x/+86-139-1234-5678`,
    ];
    for (const target of targets) {
      const answer = await rawRequestLine(l.port, target);
      expect(answer, target).toMatch(/^HTTP\/1\.1 (400|404) /);
      // The 404 repeats the path, masked too.
      const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      expect(findUnmasked(body), `${target} → ${body}`).toEqual([]);
    }
    const log = l.log();
    expect(l.lines().filter((line) => line.status === 404 || line.status === 400).length).toBeGreaterThanOrEqual(targets.length);
    for (const line of log.split('\n').filter(Boolean)) expect(findUnmasked(line), line).toEqual([]);
    expect(log).not.toContain(ID);
    expect(log).not.toContain(MOBILE);
    expect(log).not.toContain('idNumber');
    // Masked, not dropped: the operator still sees which path was asked for.
    expect(l.lines().some((line) => line.route === '/v1/itemz/3201**********1234')).toBe(true);
  });

  it('logs a matched route by its pattern, never its parameters', async () => {
    await rawRequestLine(l.port, `/v1/items/${ID}`);
    const line = l.lines().find((x) => x.route === '/v1/items/:code' && x.status === 400);
    expect(line).toBeDefined();
    expect(l.log()).not.toContain(ID);
  });
});

describe('X-Request-Id', () => {
  let l: Listening;
  beforeAll(async () => {
    l = await listening({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  afterAll(async () => {
    await l.s.close();
  });

  it('is on every answer: success, 400, 401, 404, 405, 415, a malformed URL, a page, HEAD, and 429', async () => {
    const requests: Array<[string, string, Record<string, string>?, Buffer?]> = [
      ['GET', '/healthz'],
      ['GET', '/v1/items?date=bad'],
      ['GET', '/v1/cases'],
      ['GET', '/v2/nothing'],
      ['DELETE', '/v1/items'],
      ['POST', '/v1/decisions', { 'content-type': 'text/plain' }, Buffer.from('x')],
      ['GET', '/v1/items/%E0%A4%A'],
      ['GET', '/board'],
      ['HEAD', '/healthz'],
    ];
    const ids = new Set<string>();
    for (const [method, target, headers, body] of requests) {
      const res = await send(l.port, method, target, body, { ...(headers ?? {}), authorization: `Bearer ${CLERK}`, ...(target === '/v1/cases' ? { authorization: 'Bearer nope' } : {}) });
      const id = res.headers['x-request-id'];
      expect(typeof id, `${method} ${target} ${res.status}`).toBe('string');
      expect(id as string).toMatch(UUID);
      ids.add(id as string);
    }
    expect(ids.size).toBe(requests.length);
    // The limit is for anonymous callers: the fourth anonymous request is refused, with an id too.
    let limited: Raw | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await send(l.port, 'GET', '/v1/items');
      if (res.status === 429) limited = res;
    }
    expect(limited?.headers['x-request-id']).toMatch(UUID);
    expect(errorOf(limited!.text).code).toBe('E-RATE-LIMIT');
  });

  it("repeats the caller's id when it is safe, and is the log line's reqId", async () => {
    const res = await send(l.port, 'GET', `/v1/route?q=${encodeURIComponent('低保')}`, undefined, { 'x-request-id': 'oa-2026.11.23:000042_a', authorization: `Bearer ${CLERK}` });
    expect(res.headers['x-request-id']).toBe('oa-2026.11.23:000042_a');
    const line = l.lines().find((x) => x.reqId === 'oa-2026.11.23:000042_a');
    expect(line).toMatchObject({ route: '/v1/route', status: 200 });
  });

  it('replaces an id that is too long, has unsafe characters or holds a mobile or ID number', async () => {
    for (const unsafe of ['x'.repeat(129), 'a b', 'id<script>', '"quoted"', `call-${MOBILE}`, ID, '身份证']) {
      const res = await l.s.request('GET', '/healthz', { headers: { 'x-request-id': unsafe } });
      const id = res.headers.get('x-request-id') ?? '';
      expect(id, unsafe).toMatch(UUID);
    }
    expect(l.log()).not.toContain(MOBILE);
    expect(l.log()).not.toContain('id<script>');
    // 128 safe characters are kept.
    const long = 'a'.repeat(128);
    expect((await l.s.request('GET', '/healthz', { headers: { 'x-request-id': long } })).headers.get('x-request-id')).toBe(long);
  });

  it('never reads as a mobile number when generated (about one random UUID in 1,000 does: …d147-4058-4394…)', () => {
    const uuids = Array.from({ length: 20_000 }, () => randomUUID());
    expect(uuids.filter((u) => findUnmasked(u).length > 0).length).toBeGreaterThan(0);
    const ids = Array.from({ length: 20_000 }, () => newRequestId());
    expect(ids.filter((u) => findUnmasked(u).length > 0)).toEqual([]);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(UUID);
  });

  it('is on the raw-socket answer to malformed HTTP too', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(l.port, '127.0.0.1');
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write('GARBAGE\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/\r\nX-Request-Id: [0-9a-f-]{36}\r\n/);
  });
});

describe('405 with Allow for a wrong method on a known path', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s.close();
  });

  it('names the route and the methods it has, in Chinese, from the catalogue', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['DELETE', '/v1/items', 'GET, HEAD', '/v1/items'],
      ['POST', '/v1/items/MZ-004', 'GET, HEAD', '/v1/items/:code'],
      ['GET', '/v1/decisions', 'POST', '/v1/decisions'],
      ['PUT', '/v1/cases', 'GET, HEAD, POST', '/v1/cases'],
      ['PATCH', '/v1/complaints/T2026-00001/verification', 'POST', '/v1/complaints/:id/verification'],
      ['POST', '/board.pdf?date=2026-11-23', 'GET, HEAD', '/board.pdf'],
      ['OPTIONS', '/v1/route', 'GET, HEAD', '/v1/route'],
    ];
    for (const [method, url, allow, route] of cases) {
      const res = await s.request(method, url, { token: CLERK });
      expect(res.status, `${method} ${url}`).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      const { error } = res.json();
      expect(error.code).toBe('E-METHOD-NOT-ALLOWED');
      expect(error.message).toBe(`接口 ${route} 不支持 ${method} 方法；可用：${allow.split(', ').join('、')}`);
    }
  });

  it('leaves an unknown path a 404, also for a method the service never uses', async () => {
    for (const [method, url] of [
      ['GET', '/v1/itemz'],
      ['DELETE', '/v1/nothing/at/all'],
      ['POST', '/v1/items/MZ-004/guide/extra'],
    ] as const) {
      const res = await s.request(method, url);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.headers.get('allow')).toBeNull();
      expect(res.json().error.code).toBe('E-NOT-FOUND');
    }
  });
});

describe('CORS (--cors-origin)', () => {
  const ALLOWED = 'https://oa.example.gov.cn';
  const OTHER = 'https://evil.example.com';
  const preflight = (origin: string, method = 'POST'): Record<string, string> => ({
    origin,
    'access-control-request-method': method,
    'access-control-request-headers': 'authorization, content-type, x-request-id',
  });

  describe('off by default', () => {
    let s: Running;
    beforeAll(async () => {
      s = await start();
    });
    afterAll(async () => {
      await s.close();
    });

    it('refuses every preflight with 403 E-CORS-ORIGIN and marks no answer readable cross-origin', async () => {
      const res = await s.request('OPTIONS', '/v1/decisions', { headers: preflight(ALLOWED) });
      expect(res.status).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'E-CORS-ORIGIN', path: 'header.origin' });
      expect(res.json().error.message).toContain('未开启跨域访问');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const get = await s.request('GET', '/v1/items', { headers: { origin: ALLOWED } });
      expect(get.status).toBe(200);
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('with an origin configured', () => {
    let l: Listening;
    beforeAll(async () => {
      l = await listening({ corsOrigin: [ALLOWED, 'http://127.0.0.1:5173'] });
    });
    afterAll(async () => {
      await l.s.close();
    });

    it('answers an allowed origin’s preflight (real socket) with the methods and headers it may use', async () => {
      const res = await send(l.port, 'OPTIONS', '/v1/decisions', undefined, preflight(ALLOWED));
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('x-request-id');
      expect(res.headers['access-control-max-age']).toBe('600');
      expect(String(res.headers.vary)).toContain('Origin');
      expect(res.headers['x-request-id']).toMatch(UUID);
    });

    it('marks the allowed origin’s answers readable, errors included, and exposes X-Request-Id', async () => {
      const ok = await send(l.port, 'GET', '/v1/items', undefined, { origin: ALLOWED });
      expect(ok.status).toBe(200);
      expect(ok.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(String(ok.headers['access-control-expose-headers'])).toContain('X-Request-Id');
      const refused = await send(l.port, 'GET', '/v1/cases', undefined, { origin: 'http://127.0.0.1:5173' });
      expect(refused.status).toBe(401);
      expect(refused.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    });

    it('refuses another origin: its preflight is 403 E-CORS-ORIGIN, its answers carry no Allow-Origin', async () => {
      const res = await send(l.port, 'OPTIONS', '/v1/decisions', undefined, preflight(OTHER));
      expect(res.status).toBe(403);
      const error = errorOf(res.text);
      expect(error.code).toBe('E-CORS-ORIGIN');
      expect(error.message).toBe(`不允许来自 ${OTHER} 的跨域请求：该来源不在 --cors-origin 允许的来源之中`);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const get = await send(l.port, 'GET', '/v1/items', undefined, { origin: OTHER });
      expect(get.status).toBe(200);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
      // A look-alike is another origin.
      const lookalike = await send(l.port, 'OPTIONS', '/v1/items', undefined, preflight(`${ALLOWED}.evil.example.com`, 'GET'));
      expect(lookalike.status).toBe(403);
    });

    it('still answers a wrong method with 405 and an unknown path with 404 (a preflight is not a route)', async () => {
      expect((await send(l.port, 'DELETE', '/v1/items', undefined, { origin: ALLOWED })).status).toBe(405);
      expect((await send(l.port, 'GET', '/v2/nothing', undefined, { origin: ALLOWED })).status).toBe(404);
    });
  });

  it('refuses a malformed origin before anything starts: in buildServer and on the command line', async () => {
    const dir = await tempDir('cors');
    for (const bad of ['oa.example.gov.cn', 'https://oa.example.gov.cn/', 'https://oa.example.gov.cn/path', 'ftp://oa.example.gov.cn']) {
      const err = await buildServer({ rules: RULES, data: path.join(dir, 'data'), tokens: TOKENS, log: false, watch: 'off', watchExtra: [], corsOrigin: [bad] }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, bad).toMatchObject({ code: 'E-USAGE-OPTION', location: { path: 'corsOrigin[0]' } });
    }
    const cli = await bianmin(['serve', '--data', path.join(dir, 'data'), '--port', '0', '--cors-origin', `${ALLOWED},https://x.example/app`]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--cors-origin');
    expect(cli.stderr).toContain('不带路径');
    expect(cli.stderr).not.toMatch(/^\s+at /m);
    const help = await bianmin(['serve', '--help']);
    expect(help.stdout).toContain('--cors-origin');
  });
});
