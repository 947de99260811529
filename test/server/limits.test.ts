// Request limits: 413 over 1 MB, 415 for anything but JSON, 429 (in Chinese) past the public rate
// limit. (Malformed HTTP, which only a socket can send, is in serve.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATIONS, CLERK, start, type Running } from './helpers.ts';

describe('body size and content type', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s.close();
  });

  it('413 for a body over 1 MB, whatever its content; a body just under is judged on its content', async () => {
    const big = { ...APPLICATIONS.accepted, applicant: { type: 'person', note: 'x'.repeat(1024 * 1024) } };
    const res = await s.request('POST', '/v1/decisions', { body: big });
    expect(res.status).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'E-REQ-TOO-LARGE' });
    expect(res.json().error.message).toContain('1 MB');
    const under = await s.request('POST', '/v1/decisions', { raw: JSON.stringify({ ...APPLICATIONS.accepted, padding: 'x'.repeat(1000 * 1000) }), headers: { 'content-type': 'application/json' } });
    expect(under.status).toBe(400);
    expect(under.json().error.path).toBe('$.padding');
  });

  it('415 for a body that is not JSON', async () => {
    const res = await s.request('POST', '/v1/decisions', { raw: 'item=MZ-004', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'E-REQ-MEDIA-TYPE', path: 'header.content-type' });
    const text = await s.request('POST', '/v1/complaints', { raw: '{}', headers: { 'content-type': 'text/plain' }, token: CLERK });
    expect(text.status).toBe(415);
  });

  it('400 for JSON that does not parse or carries __proto__', async () => {
    const bad = await s.request('POST', '/v1/decisions', { raw: '{"item": "MZ-004",', headers: { 'content-type': 'application/json' } });
    expect(bad.json().error.code).toBe('E-REQ-JSON');
    const proto = await s.request('POST', '/v1/decisions', { raw: '{"__proto__": {"admin": true}}', headers: { 'content-type': 'application/json' } });
    expect(proto.status).toBe(400);
    expect(proto.json().error.code).toBe('E-REQ-FORBIDDEN-KEY');
  });
});

describe('rate limit', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start({ rateLimit: { max: 5, timeWindowMs: 60_000 } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers 429 in Chinese past the limit on public endpoints; probes and authenticated callers are not limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await s.request('GET', '/v1/items/MZ-004')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted });
    expect(limited.status).toBe(429);
    expect(limited.json().error.code).toBe('E-RATE-LIMIT');
    expect(limited.json().error.message).toMatch(/请求过于频繁：每个地址每 60 秒内最多 5 次，请在 \d+ 秒后再试/);
    // The attack run saw "请在 1 minute 后再试" and a window of 59 seconds.
    expect(limited.json().error.message).not.toMatch(/[A-Za-z]/);
    expect(Number(/请在 (\d+) 秒/.exec(limited.json().error.message)?.[1])).toBeLessThanOrEqual(60);
    expect(limited.headers.get('retry-after')).toBeTruthy();

    expect((await s.request('GET', '/healthz')).status).toBe(200);
    expect((await s.request('GET', '/readyz')).status).toBe(200);
    const withToken = await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted, token: CLERK });
    expect(withToken.status).toBe(200);
  });
});
