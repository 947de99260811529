// 好差评 over real HTTP on 127.0.0.1: a case's review once (also under concurrent requests), the
// follow-ups, 申诉复核 by the office (admin) and what a struck review no longer counts in; the
// reviewer never appears in an answer, personal numbers in free text are masked.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ref } from '../../src/server/schemas.ts';
import { validatorCompiler } from '../../src/server/validation.ts';
import { ADMIN, APPLICATIONS, CLERK, start, type Running } from './helpers.ts';

interface FollowUp {
  due: string;
  doneAt: string | null;
  overdue: boolean;
  level: string;
}
interface View {
  record: { id: string; grade: string; staff?: string; window?: string; case?: string; comment?: string; indicators?: Record<string, string>; appeal?: { outcome: string; reason: string } };
  bad: boolean;
  struck: boolean;
  callback: FollowUp | null;
  rectification: FollowUp | null;
}
interface Answer {
  status: number;
  text: string;
  json<T = { error: { code: string; message: string; path: string } }>(): T;
}

let s: Running;
let base: string;

async function call(method: string, url: string, options: { body?: unknown; token?: string } = {}): Promise<Answer> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, text, json: <T>() => JSON.parse(text) as T };
}

/** Registers a case over HTTP (高龄津贴, accepted, chen-li) and, unless `open`, completes it. */
async function concludedCase(receivedAt: string, open = false): Promise<string> {
  const res = await call('POST', '/v1/cases', { token: CLERK, body: { application: { ...APPLICATIONS.accepted, receivedAt }, staff: 'chen-li' } });
  expect(res.status).toBe(201);
  const id = res.json<{ record: { id: string } }>().record.id;
  if (!open) expect((await call('POST', `/v1/cases/${id}/events`, { token: CLERK, body: { type: 'completed', staff: 'chen-li', at: '2026-11-24T10:00:00+08:00' } })).status).toBe(200);
  return id;
}

function failure(res: Answer, status: number, code: string, path: string): string {
  expect(res.status, res.text).toBe(status);
  const { error } = res.json();
  expect(error).toMatchObject({ code, path });
  return error.message;
}

beforeAll(async () => {
  s = await start();
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await s.close();
});

describe('POST /v1/cases/{id}/review', () => {
  let reviewed: string;

  it('records the review of a concluded case: staff and window from the case, clocks of a bad review', async () => {
    reviewed = await concludedCase('2026-11-23T09:30:00+08:00');
    const body = { grade: '不满意', indicators: { overall: '不满意', attitude: '基本满意' }, comment: '等了很久，请回电 13912345678', at: '2026-11-24T11:00:00+08:00' };
    expect((await call('POST', `/v1/cases/${reviewed}/review`, { body })).status).toBe(401);
    const res = await call('POST', `/v1/cases/${reviewed}/review`, { token: CLERK, body });
    expect(res.status, res.text).toBe(201);
    const v = res.json<View>();
    expect(v.record).toMatchObject({ grade: '不满意', staff: 'chen-li', window: 'minzheng-window', case: reviewed, indicators: { overall: '不满意', attitude: '基本满意' } });
    expect(v).toMatchObject({ bad: true, struck: false });
    // policy.yaml: return call within 1 calendar day, rectification within 15 working days.
    expect(v.callback).toMatchObject({ due: '2026-11-25T17:30:00+08:00', doneAt: null });
    expect(v.rectification).toMatchObject({ due: '2026-12-15T17:30:00+08:00', doneAt: null });
    expect(v.record.comment).toBe('等了很久，请回电 139****5678');
    expect(res.text).not.toContain('13912345678');
    const conforms = validatorCompiler({ schema: ref('records/review'), httpPart: 'body', method: 'POST', url: '/' }) as (data: unknown) => boolean;
    expect(conforms(v.record)).toBe(true);
  });

  it('refuses a second review of the same case (一次一评): 409 at the path parameter', async () => {
    const message = failure(await call('POST', `/v1/cases/${reviewed}/review`, { token: CLERK, body: { grade: '非常满意' } }), 409, 'E-REVIEW-DUPLICATE', 'params.id');
    expect(message).toContain('一次一评');
  });

  it('of ten concurrent reviews of one case exactly one is saved', async () => {
    const id = await concludedCase('2026-11-23T10:30:00+08:00');
    const answers = await Promise.all(Array.from({ length: 10 }, () => call('POST', `/v1/cases/${id}/review`, { token: CLERK, body: { grade: '满意', at: '2026-11-24T11:00:00+08:00' } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const list = (await call('GET', `/v1/reviews?case=${id}`, { token: CLERK })).json<View[]>();
    expect(list).toHaveLength(1);
  });

  it('refuses an unknown or open case, a grade not in policy.yaml and fields the body may not carry, each located', async () => {
    failure(await call('POST', '/v1/cases/2026-999999/review', { token: CLERK, body: { grade: '满意' } }), 404, 'E-CASE-NOT-FOUND', 'params.id');
    const open = await concludedCase('2026-11-23T11:00:00+08:00', true);
    expect(failure(await call('POST', `/v1/cases/${open}/review`, { token: CLERK, body: { grade: '满意' } }), 409, 'E-REVIEW-CASE-OPEN', 'params.id')).toContain('尚未办结');
    failure(await call('POST', `/v1/cases/${reviewed}/review`, { token: CLERK, body: { grade: '好' } }), 400, 'E-REVIEW-GRADE', '$.grade');
    const other = await concludedCase('2026-11-23T11:30:00+08:00');
    failure(await call('POST', `/v1/cases/${other}/review`, { token: CLERK, body: { grade: '满意', indicators: { attitude: '好' } } }), 400, 'E-REVIEW-GRADE', '$.indicators.attitude');
    expect((await call('POST', `/v1/cases/${other}/review`, { token: CLERK, body: { grade: '满意', reviewer: { name: '王小五' } } })).status).toBe(400);
    expect((await call('POST', `/v1/cases/${other}/review`, { token: CLERK, body: { grade: '满意', at: '2026-13-01T00:00' } })).status).toBe(400);
  });
});

describe('GET /v1/reviews and the follow-ups', () => {
  it('lists by case, staff and month, never with the reviewer', async () => {
    // A review taken at the window with the reviewer's contact for the return call (confidential).
    const secret = await s.app.bianmin.records.use((r) => r.reviews.add({ grade: '非常不满意', staff: 'liu-yang', window: 'renshe-window', at: '2026-11-20T15:00:00+08:00', reviewer: { name: '王小五', phone: '13900001111', idNumber: '110101198001011234' } }));
    const all = await call('GET', '/v1/reviews', { token: CLERK });
    expect(all.status).toBe(200);
    for (const text of ['王小五', '王*五', '13900001111', '139****1111', '110101198001011234', 'reviewer']) expect(all.text).not.toContain(text);
    const mine = (await call('GET', '/v1/reviews?staff=liu-yang&month=2026-11', { token: CLERK })).json<View[]>();
    expect(mine.map((v) => v.record.id)).toEqual([secret.id]);
    expect((await call('GET', '/v1/reviews?month=2026-10', { token: CLERK })).json<View[]>()).toEqual([]);
    failure(await call('GET', '/v1/reviews?month=2026-13', { token: CLERK }), 400, 'E-REQ-FORMAT', 'query.month');
    expect((await call('GET', '/v1/reviews')).status).toBe(401);
  });

  it('records the return call and the rectification once each, by a declared staff member', async () => {
    const [bad] = (await call('GET', '/v1/reviews?staff=liu-yang', { token: CLERK })).json<View[]>();
    const id = bad!.record.id;
    failure(await call('POST', `/v1/reviews/${id}/callback`, { token: CLERK, body: { by: 'nobody' } }), 400, 'E-RECORD-STAFF', '$.by');
    failure(await call('POST', `/v1/reviews/${id}/callback`, { token: CLERK, body: { by: 'zhao-min', at: '2026-11-20T14:00:00+08:00' } }), 400, 'E-REVIEW-TIME', '$.at');
    const called = await call('POST', `/v1/reviews/${id}/callback`, { token: CLERK, body: { by: 'zhao-min', at: '2026-11-21T10:00:00+08:00', note: '已回访' } });
    expect(called.status, called.text).toBe(200);
    expect(called.json<View>().callback).toMatchObject({ doneAt: '2026-11-21T10:00:00+08:00', overdue: false, level: 'normal' });
    failure(await call('POST', `/v1/reviews/${id}/callback`, { token: CLERK, body: { by: 'zhao-min' } }), 409, 'E-REVIEW-DONE', '$');
    const fixed = await call('POST', `/v1/reviews/${id}/rectification`, { token: CLERK, body: { by: 'zhao-min', at: '2026-11-25T10:00:00+08:00', note: '已整改并反馈' } });
    expect(fixed.json<View>().rectification).toMatchObject({ doneAt: '2026-11-25T10:00:00+08:00', overdue: false });
    failure(await call('POST', '/v1/reviews/P2026-09999/rectification', { token: CLERK, body: { by: 'zhao-min' } }), 404, 'E-REVIEW-NOT-FOUND', '$');
  });
});

describe('POST /v1/reviews/{id}/appeal', () => {
  it('is the office’s (admin); struck: out of metrics, sanctions’ facts, and shown struck with the reason on the staff record', async () => {
    const [bad] = (await call('GET', '/v1/reviews?staff=chen-li&month=2026-11', { token: CLERK })).json<View[]>().filter((v) => v.bad);
    const id = bad!.record.id;
    const body = { by: 'li-xiuying', outcome: 'struck', reason: '经核实，办件按承诺时限办结，评价与事实不符', at: '2026-11-26T09:00:00+08:00' };
    failure(await call('POST', `/v1/reviews/${id}/appeal`, { token: CLERK, body }), 403, 'E-AUTH-FORBIDDEN', 'header.authorization');

    const metricsBefore = (await call('GET', '/v1/metrics?month=2026-11', { token: CLERK })).json<{ staff: Array<{ staff: string; reviews: { total: number; bad: number; struck: number } }> }>();
    expect(metricsBefore.staff.find((m) => m.staff === 'chen-li')!.reviews).toMatchObject({ bad: 1, struck: 0 });

    const res = await call('POST', `/v1/reviews/${id}/appeal`, { token: ADMIN, body });
    expect(res.status, res.text).toBe(200);
    expect(res.json<View>()).toMatchObject({ struck: true, record: { appeal: { outcome: 'struck', reason: body.reason } } });
    expect(failure(await call('POST', `/v1/reviews/${id}/appeal`, { token: ADMIN, body: { ...body, outcome: 'upheld' } }), 409, 'E-REVIEW-APPEALED', '$')).toContain('只能进行一次');
    failure(await call('POST', `/v1/reviews/${id}/appeal`, { token: ADMIN, body: { ...body, outcome: 'maybe' } }), 400, 'E-REQ-ENUM', '$.outcome');
    failure(await call('POST', `/v1/reviews/${id}/callback`, { token: CLERK, body: { by: 'chen-li' } }), 409, 'E-REVIEW-STRUCK', '$');

    const metrics = (await call('GET', '/v1/metrics?month=2026-11', { token: CLERK })).json<{ staff: Array<{ staff: string; reviews: { total: number; bad: number; struck: number } }> }>();
    expect(metrics.staff.find((m) => m.staff === 'chen-li')!.reviews).toMatchObject({ bad: 0, struck: 1 });

    const record = await call('GET', '/v1/staff/chen-li/record', { token: ADMIN });
    const r = record.json<{ facts: { badReviews: number } | null; reviews: View[] }>();
    expect(r.facts?.badReviews ?? 0).toBe(0);
    expect(r.reviews.find((v) => v.record.id === id)).toMatchObject({ struck: true, record: { appeal: { outcome: 'struck', reason: body.reason } } });
    expect(record.text).not.toContain('13912345678');
  });

  it('upheld keeps the review counted; a good review cannot be appealed', async () => {
    const id = await concludedCase('2026-11-23T14:00:00+08:00');
    const bad = (await call('POST', `/v1/cases/${id}/review`, { token: CLERK, body: { grade: '非常不满意', at: '2026-11-24T12:00:00+08:00' } })).json<View>();
    const res = await call('POST', `/v1/reviews/${bad.record.id}/appeal`, { token: ADMIN, body: { by: 'li-xiuying', outcome: 'upheld', reason: '确有等候过久' } });
    expect(res.json<View>()).toMatchObject({ struck: false, bad: true, record: { appeal: { outcome: 'upheld' } } });
    const record = (await call('GET', '/v1/staff/chen-li/record', { token: ADMIN })).json<{ facts: { badReviews: number } }>();
    expect(record.facts.badReviews).toBe(1);
    const [good] = (await call('GET', '/v1/reviews?staff=chen-li', { token: CLERK })).json<View[]>().filter((v) => !v.bad);
    failure(await call('POST', `/v1/reviews/${good!.record.id}/appeal`, { token: ADMIN, body: { by: 'li-xiuying', outcome: 'struck', reason: 'x' } }), 409, 'E-REVIEW-APPEAL-GOOD', '$');
  });
});
