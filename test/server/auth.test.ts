// Bearer tokens: configuration errors are located and in Chinese; writes and internal reads need a
// token (401), admin operations an admin token (403); public reads need none.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTokens, TokenConfigError, tokensFrom } from '../../src/server/auth.ts';
import { ADMIN, APPLICATIONS, CLERK, start, type Running } from './helpers.ts';

describe('token configuration', () => {
  it('reads name:token and name:token:admin, comma- or line-separated, with comments', () => {
    const list = parseTokens('window-2:abcdefghijklmnop1234, office:qrstuvwxyz0123456789:admin', 'BIANMIN_TOKENS');
    expect(list).toEqual([
      { name: 'window-2', token: 'abcdefghijklmnop1234', role: 'clerk' },
      { name: 'office', token: 'qrstuvwxyz0123456789', role: 'admin' },
    ]);
    expect(parseTokens('# 窗口\nw1:abcdefghijklmnop1234\n\nw2:abcdefghijklmnop5678 # 二号窗口\n', 'tokens.txt').map((t) => t.name)).toEqual(['w1', 'w2']);
  });

  it('refuses short, duplicate, malformed and unknown-role entries, naming where', () => {
    expect(() => parseTokens('w1:short', 'BIANMIN_TOKENS')).toThrow(/BIANMIN_TOKENS.*太短/);
    // A malformed entry never shows any part of what may be a secret (the attack run saw 20 characters of it).
    const secret = 'Zq8vN3xL0pR7tW2yK5mB';
    for (const text of [secret, `${secret}:`, `w1:${secret.slice(0, 10)}:${secret.slice(10)}`, `w1:${secret}:admin:extra`]) {
      let message = '';
      try {
        parseTokens(text, 'BIANMIN_TOKENS');
      } catch (e) {
        message = e instanceof TokenConfigError ? e.message : String(e);
      }
      expect(message, text).toMatch(/BIANMIN_TOKENS.*令牌/);
      for (let i = 0; i + 4 <= secret.length; i++) expect(message, text).not.toContain(secret.slice(i, i + 4));
    }
    expect(() => parseTokens('w1:abcdefghijklmnop1234\nw1:abcdefghijklmnop5678', 'tokens.txt')).toThrow(/tokens\.txt:2.*重复/);
    expect(() => parseTokens('justatoken', 'x')).toThrow(TokenConfigError);
    expect(() => parseTokens('w1:abcdefghijklmnop1234:root', 'x')).toThrow(/角色/);
  });

  it('combines the environment and a tokens file; an unreadable file is a Chinese error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-tokens-'));
    const file = path.join(dir, 'tokens.txt');
    await writeFile(file, 'office:qrstuvwxyz0123456789:admin\n');
    expect(tokensFrom('w1:abcdefghijklmnop1234', file).map((t) => t.name)).toEqual(['w1', 'office']);
    expect(() => tokensFrom(undefined, path.join(dir, 'missing.txt'))).toThrow(/无法读取令牌文件/);
  });
});

describe('over HTTP', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s.close();
  });

  it('public reads need no token', async () => {
    for (const url of ['/v1/items', '/v1/items/MZ-004', '/v1/route?q=%E4%BD%8E%E4%BF%9D', '/v1/calendar/2026', '/board', '/healthz', '/readyz', '/openapi.json']) {
      expect((await s.request('GET', url)).status, url).toBe(200);
    }
    expect((await s.request('POST', '/v1/decisions', { body: APPLICATIONS.consultation })).status).toBe(200);
  });

  it('writes and internal reads answer 401 without a token, with a wrong one, or a malformed header', async () => {
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/v1/cases', { application: APPLICATIONS.accepted, staff: 'chen-li' }],
      ['POST', '/v1/cases/2026-000001/events', { type: 'completed', staff: 'chen-li' }],
      ['GET', '/v1/cases/2026-000001', undefined],
      ['GET', '/v1/cases?level=red', undefined],
      ['POST', '/v1/complaints', { channel: 'oral', target: { window: 'minzheng-window' }, content: 'x', receivedBy: 'lin-xiaoyan' }],
      ['POST', '/v1/complaints/T2026-00001/verification', { result: 'verified', handler: 'li-xiuying' }],
      ['GET', '/v1/staff/chen-li/record', undefined],
      ['GET', '/v1/metrics?month=2026-11', undefined],
      ['GET', '/notices/x', undefined],
    ];
    for (const [method, url, body] of writes) {
      const none = await s.request(method, url, body === undefined ? {} : { body });
      expect(none.status, `${method} ${url}`).toBe(401);
      expect(none.json().error).toMatchObject({ code: 'E-AUTH-MISSING', path: 'header.authorization' });
      const wrong = await s.request(method, url, { ...(body === undefined ? {} : { body }), token: 'not-a-valid-token-at-all' });
      expect(wrong.json().error.code, `${method} ${url}`).toBe('E-AUTH-INVALID');
      const malformed = await s.request(method, url, { ...(body === undefined ? {} : { body }), headers: { authorization: `Basic ${CLERK}` } });
      expect(malformed.status).toBe(401);
      expect(malformed.json().error.message).toContain('Bearer');
    }
  });

  it('a clerk token may not do what needs an admin: 403', async () => {
    const verify = await s.request('POST', '/v1/complaints/T2026-00001/verification', { body: { result: 'verified', handler: 'li-xiuying' }, token: CLERK });
    expect(verify.status).toBe(403);
    expect(verify.json().error.message).toContain('window-2');
    expect((await s.request('GET', '/v1/staff/chen-li/record', { token: CLERK })).status).toBe(403);
    expect((await s.request('GET', '/v1/staff/chen-li/record', { token: ADMIN })).status).toBe(200);
  });

  it('an unauthenticated write is refused before its body is even read', async () => {
    const res = await s.request('POST', '/v1/cases', { raw: '{not json', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
  });
});

describe('without any token configured', () => {
  it('says that writes are disabled', async () => {
    const s = await start({ tokens: [] });
    try {
      const res = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, record: true, staff: 'chen-li' } });
      expect(res.status).toBe(401);
      expect(res.json().error.message).toContain('未配置任何令牌');
    } finally {
      await s.close();
    }
  });
});
