// One error shape for every failure, with the HTTP status the catalogue gives its code (never
// one guessed from how the code is spelled), located where the caller put the bad value: the
// body's JSON path, `query.…`, `params.…`, `header.…`.
import { readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueEntry, type ErrorCode } from '../../src/core/index.ts';
import { loadPack } from '../../src/index.ts';
import { parseTokens, TokenConfigError } from '../../src/server/auth.ts';
import { installErrorHandling } from '../../src/server/error-handler.ts';
import { ADMIN, CLERK, copyOfRules, RULES, saveFile, start, tempDir, type Response, type Running } from './helpers.ts';

/** The error answered, checked against the catalogue's status for its code. */
function failure(res: Response, code: ErrorCode, path: string): { code: string; message: string; path: string } {
  const { error } = res.json();
  expect({ status: res.status, code: error.code, path: error.path }).toEqual({ status: catalogueEntry(code).status, code, path });
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  return error;
}

const ACCEPTED_AT = '2026-09-28T09:30:00+08:00';

describe('requests the service refuses', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s.close();
  });

  it('a URL it cannot route: bad percent-encoding 400, an over-long parameter 414', async () => {
    failure(await s.request('GET', '/v1/items/%E0%A4%A'), 'E-REQ-URL', '$');
    failure(await s.request('GET', `/v1/items/${'x'.repeat(120)}`), 'E-REQ-URL-TOO-LONG', '$');
  });

  it('a body that is empty, or shorter than its Content-Length says', async () => {
    failure(await s.request('POST', '/v1/decisions', { raw: '', headers: { 'content-type': 'application/json' } }), 'E-REQ-EMPTY-BODY', '$');
    const short = await s.app.inject({ method: 'POST', url: '/v1/decisions', headers: { 'content-type': 'application/json', 'content-length': '3' }, payload: '{"item":"MZ-004"}' });
    failure({ status: short.statusCode, headers: new Headers(), text: short.body, json: <T>() => JSON.parse(short.body) as T }, 'E-REQ-LENGTH', 'header.content-length');
  });

  it('query and path parameters of the wrong type, range, value or name, each located', async () => {
    failure(await s.request('GET', '/v1/calendar/abc'), 'E-REQ-TYPE', 'params.year');
    failure(await s.request('GET', '/v1/calendar/1999'), 'E-REQ-RANGE', 'params.year');
    failure(await s.request('GET', `/v1/deadline?item=&acceptedAt=${encodeURIComponent(ACCEPTED_AT)}`), 'E-REQ-EMPTY', 'query.item');
    failure(await s.request('GET', `/v1/deadline?item=MZ-004&acceptedAt=${encodeURIComponent(ACCEPTED_AT)}&bogus=1`), 'E-REQ-UNKNOWN-KEY', 'query.bogus');
    failure(await s.request('GET', '/v1/cases?level=green', { token: CLERK }), 'E-REQ-ENUM', 'query.level');
  });

  it("the clock's refusal is placed at the query parameter it came from", async () => {
    const suspend = encodeURIComponent('2026-10-14T15:00:00+08:00/2026-10-09T10:00:00+08:00');
    const error = failure(await s.request('GET', `/v1/deadline?item=MZ-004&acceptedAt=${encodeURIComponent(ACCEPTED_AT)}&suspend=${suspend}`), 'E-CLOCK-SUSPENSION-INVALID', 'query.suspend[0].to');
    expect(error.message).toBe('恢复计时时间 2026-10-09T10:00:00+08:00 早于暂停时间 2026-10-14T15:00:00+08:00');
  });

  it('records and staff that do not exist are 404s at the path parameter', async () => {
    failure(await s.request('GET', '/v1/cases/2026-999999', { token: CLERK }), 'E-CASE-NOT-FOUND', 'params.id');
    failure(await s.request('POST', '/v1/cases/2026-999999/events', { token: CLERK, body: { type: 'accepted', staff: 'chen-li' } }), 'E-CASE-NOT-FOUND', '$');
    failure(await s.request('GET', '/v1/staff/nobody/record', { token: ADMIN }), 'E-STAFF-NOT-FOUND', 'params.id');
  });

  it("complaints: the records' own refusals keep their codes, statuses and paths into the body", async () => {
    const complaint = { channel: 'oral', target: { staff: 'chen-li' }, content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-10T10:00:00+08:00' };
    failure(await s.request('POST', '/v1/complaints', { token: CLERK, body: { ...complaint, major: true } }), 'E-COMPLAINT-MAJOR', '$.channel');
    failure(await s.request('POST', '/v1/complaints', { token: CLERK, body: { ...complaint, case: '2026-999999' } }), 'E-COMPLAINT-CASE', '$.case');
    failure(await s.request('POST', '/v1/complaints/T2026-99999/verification', { token: ADMIN, body: { result: 'verified', handler: 'li-xiuying' } }), 'E-COMPLAINT-NOT-FOUND', '$');

    const created = await s.request('POST', '/v1/complaints', { token: CLERK, body: complaint });
    expect(created.status).toBe(201);
    const id = created.json<{ record: { id: string } }>().record.id;
    // The records locate the time inside the complaint ($.verification.at); the body is the verification itself.
    failure(await s.request('POST', `/v1/complaints/${id}/verification`, { token: ADMIN, body: { result: 'verified', handler: 'li-xiuying', at: '2026-11-09T10:00:00+08:00' } }), 'E-COMPLAINT-TIME', '$.at');
    expect((await s.request('POST', `/v1/complaints/${id}/verification`, { token: ADMIN, body: { result: 'verified', handler: 'li-xiuying', at: '2026-11-11T10:00:00+08:00' } })).status).toBe(200);
    const again = failure(await s.request('POST', `/v1/complaints/${id}/verification`, { token: ADMIN, body: { result: 'unfounded', handler: 'li-xiuying' } }), 'E-COMPLAINT-VERIFIED', '$');
    expect(again.message).toContain('结论不能更改');
  });

  it('headers too large: 431 in the same shape, on the raw socket', async () => {
    await s.app.listen({ host: '127.0.0.1', port: 0 });
    const address = s.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
      let text = '';
      socket.on('data', (d) => (text += d.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.startsWith('HTTP/1.1 431 ')).toBe(true);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'E-REQ-HEADERS-TOO-LARGE', message: '请求头过大', path: '$' } });
  });
});

describe('failures that are the service\'s, not the caller\'s', () => {
  it('a bug is a bare 500 E-INTERNAL that reveals nothing of it', async () => {
    const real = await loadPack(RULES);
    // A pack whose engine fails the way a bug would: with an ordinary Error.
    const failing = new Proxy(real, {
      get(target, prop) {
        if (prop === 'decide') return () => Promise.reject(new Error('secret internals at /srv/bianmin'));
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const s = await start({ load: async () => failing });
    try {
      const res = await s.request('POST', '/v1/decisions', { body: { item: 'MZ-004', intent: 'consult', applicant: { type: 'person' } } });
      expect(res.status).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'E-INTERNAL', message: '服务内部错误，已记录日志，请联系管理员', path: '$' } });
    } finally {
      await s.close();
    }
  });

  it('a number typed into the pack is masked on the board, which is shown and archived', async () => {
    const dir = await tempDir('board');
    const rules = await copyOfRules(dir);
    const center = path.join(rules, 'center.yaml');
    const text = await readFile(center, 'utf8');
    const leaked = text.replace('一个电话即可预约上门服务。', '一个电话即可预约上门服务（联系人手机 13812345678）。');
    expect(leaked).not.toBe(text);
    await writeFile(center, leaked);
    const s = await start({ rules });
    try {
      const res = await s.request('GET', '/board');
      expect(res.status).toBe(200);
      expect(res.text).toContain('联系人手机 138****5678');
      expect(res.text).not.toContain('13812345678');
      const archived = await s.app.bianmin.records.use(async (r) => [...r.publications.all()].filter((p) => p.kind === 'board').length);
      expect(archived).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('readyz: a reload under way, a load that fails outright; records rebound, then closed', async () => {
    const dir = await tempDir('ready');
    const rules = await copyOfRules(dir);
    const policy = path.join(rules, 'policy.yaml');
    const original = await readFile(policy, 'utf8');
    let broken = false;
    const s = await start({ rules, watch: 'off', load: async (d) => (broken ? Promise.reject(new Error('磁盘读取失败')) : loadPack(d)) });
    try {
      expect((await s.request('GET', '/readyz')).status).toBe(200);
      // Changed files nobody has judged yet (no watcher here): the last good pack serves meanwhile.
      await saveFile(policy, `${original}\n# 1\n`);
      const reloading = failure(await s.request('GET', '/readyz'), 'E-PACK-RELOADING', '$');
      expect(reloading.message).toContain('正在重新加载');
      await s.app.bianmin.packs.reload();
      expect((await s.request('GET', '/readyz')).status).toBe(200);

      // A load that fails other than by the pack's own errors is still reported, located at the pack.
      broken = true;
      await saveFile(policy, `${original}\n# 2\n`);
      await s.app.bianmin.packs.reload();
      const invalid = (await s.request('GET', '/readyz')).json().error;
      expect(invalid.code).toBe('E-PACK-INVALID');
      expect(invalid.errors?.map((e) => e.code)).toEqual(['E-PACK-LOAD']);
      expect(invalid.errors?.[0]?.message).toContain('磁盘读取失败');

      // The open register is rebound to the new pack, not read again: a file damaged underneath the
      // running writer does not take the records down (its memory holds every acknowledged write).
      broken = false;
      await writeFile(path.join(s.dir, 'data', 'reviews.json'), '{"format":1,');
      await saveFile(policy, `${original}\n# 3\n`);
      await s.app.bianmin.packs.reload();
      expect((await s.request('GET', '/readyz')).status).toBe(200);
      expect((await s.request('GET', '/v1/cases', { token: CLERK })).status).toBe(200);

      // Records closed (the service shutting down): a request that needs them is told so.
      await s.app.bianmin.records.close();
      const closed = failure(await s.request('GET', '/v1/cases', { token: CLERK }), 'E-RECORDS-UNAVAILABLE', '$');
      expect(closed.message).toContain('登记簿暂时不可用');
    } finally {
      await s.close();
    }
  });
});

describe('a misconfigured token list', () => {
  it('is E-AUTH-CONFIG, located at the file and line', () => {
    let err: unknown = null;
    try {
      parseTokens('window-2:abcdefghijklmnop1234\noffice:short', '/etc/bianmin/tokens');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TokenConfigError);
    const e = err as TokenConfigError;
    expect([e.code, e.location]).toEqual(['E-AUTH-CONFIG', { file: '/etc/bianmin/tokens', line: 2 }]);
    expect(e.message).toBe('/etc/bianmin/tokens:2 令牌 office 太短（至少 16 个字符），请用随机生成的长令牌');
  });
});

describe("a client error Fastify or a plugin raises with no code we know", () => {
  it('is a 400 E-REQ-INVALID in the same shape, not a 500', async () => {
    const app = Fastify();
    installErrorHandling(app);
    app.get('/teapot', async () => {
      throw Object.assign(new Error("I'm a teapot"), { statusCode: 418 });
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/teapot' });
      expect([res.statusCode, res.json()]).toEqual([400, { error: { code: 'E-REQ-INVALID', message: '请求无效', path: '$' } }]);
    } finally {
      await app.close();
    }
  });
});
