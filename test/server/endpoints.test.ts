// Every endpoint over real HTTP on 127.0.0.1, on the sample pack with a fresh data directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/pack/schema-types.ts';
import { ref } from '../../src/server/schemas.ts';
import { validatorCompiler } from '../../src/server/validation.ts';
import { ADMIN, APPLICATIONS, CLERK, start, type Running } from './helpers.ts';

interface DecisionResponse {
  decision: Decision;
  notice: { document: string; title: string; number: string | null; href: string | null };
  case: { id: string; href: string } | null;
}

interface CaseResponse {
  record: { id: string; item: string; events: Array<{ type: string; staff: string }>; application?: { applicant: { name?: string } }; noticeNumber?: string };
  status: string;
  clock: { due: string; level: string; suspended: boolean } | null;
  notice: { number: string; href: string };
}

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(async () => {
  await s.close();
});

describe('POST /v1/decisions', () => {
  it('decides an application as the engine does, with the notice it calls for', async () => {
    const res = await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted });
    expect(res.status).toBe(200);
    const body = res.json<DecisionResponse>();
    expect(body.decision).toEqual(await s.app.bianmin.packs.served.pack.decide(APPLICATIONS.accepted));
    expect(body.decision.kind).toBe('accepted');
    expect(body.decision.deadline?.promised.due).toMatch(/^2026-12-\d\dT17:30:00\+08:00$/);
    expect(body.notice).toEqual({ document: 'accepted', title: '受理通知书', number: null, href: null });
    expect(body.case).toBeNull();
    expect(res.headers.get('x-bianmin-pack')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('answers with decisions that conform to schemas/decision.schema.json', async () => {
    const conforms = validatorCompiler({ schema: ref('decision'), httpPart: 'body', method: 'POST', url: '/' }) as (data: unknown) => boolean;
    for (const application of Object.values(APPLICATIONS)) {
      const { decision } = (await s.request('POST', '/v1/decisions', { body: application })).json<DecisionResponse>();
      expect(conforms(decision), JSON.stringify((conforms as unknown as { errors: unknown }).errors)).toBe(true);
    }
  });

  it('lists every missing material of a supplement at once', async () => {
    const body = (await s.request('POST', '/v1/decisions', { body: APPLICATIONS.supplement })).json<DecisionResponse>();
    expect(body.decision.kind).toBe('supplement');
    expect(body.decision.missing.map((m) => m.id)).toEqual(['power-of-attorney']);
    expect(body.notice.title).toBe('补正材料通知书');
  });

  it('answers an unknown item with 404 and where it most likely belongs', async () => {
    const res = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, item: 'MZ-04' } });
    expect(res.status).toBe(404);
    const { error } = res.json();
    expect(error.code).toBe('E-APP-UNKNOWN-ITEM');
    expect(error.path).toBe('$.item');
    expect(error.message).toMatch(/MZ-04.*不存在/);
    expect(error.suggestions?.[0]?.code).toBe('MZ-004');
  });

  it('locates every problem of a malformed application by JSON path, in Chinese', async () => {
    const res = await s.request('POST', '/v1/decisions', {
      body: { item: 'MZ-004', intent: 'aply', applicant: { type: 'person', nested: { a: 1 } }, materials: [{ id: 'id-card', copies: -1 }, 7], colour: 'red' },
    });
    expect(res.status).toBe(400);
    const { error } = res.json();
    const paths = (error.details ?? [error]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['$.colour', '$.intent', '$.applicant.nested', '$.materials[0].copies', '$.materials[1]']));
    const intent = error.details?.find((d) => d.path === '$.intent');
    expect(intent?.message).toContain('是否应为 apply');
    for (const d of error.details ?? []) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports a fact of the wrong type with the engine’s own code and path', async () => {
    const res = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, applicant: { type: 'person', age: '八十五' } } });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'E-APP-FACT', path: '$.applicant.age' });
  });

  it('needs a token and a staff member to register the case', async () => {
    const anonymous = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, record: true, staff: 'chen-li' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    const noStaff = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, record: true }, token: CLERK });
    expect(noStaff.status).toBe(400);
    expect(noStaff.json().error.path).toBe('$.staff');
  });

  it('with record: true registers the case and numbers its notice, which can then be printed', async () => {
    const res = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.supplement, record: true, staff: 'chen-li' }, token: CLERK });
    expect(res.status).toBe(201);
    const body = res.json<DecisionResponse>();
    expect(body.case?.id).toMatch(/^2026-\d{6}$/);
    expect(res.headers.get('location')).toBe(body.case?.href);
    // The center's one document-number series, the same as bianmin render's.
    expect(body.notice.number).toMatch(/^青便〔2026〕\d{4}号$/);

    const notice = await s.request('GET', body.notice.href!, { token: CLERK });
    expect(notice.status).toBe(200);
    expect(notice.headers.get('content-type')).toContain('text/html');
    expect(notice.text).toContain('补正材料通知书');
    expect(notice.text).toContain(body.notice.number);
    expect(notice.text).toContain('委托书');
    expect(notice.headers.get('content-security-policy')).toContain("script-src 'self'");

    const stored = (await s.request('GET', body.case!.href, { token: CLERK })).json<CaseResponse>();
    expect(stored.record.item).toBe('MZ-004');
    expect(stored.status).toBe('supplement');
    // The case keeps the number of the notice issued for it; the reprint finds the case by it.
    expect(stored.record.noticeNumber).toBe(body.notice.number);
    expect(stored.notice).toEqual({ number: body.notice.number, href: body.notice.href });
    const unknown = await s.request('GET', `/notices/${encodeURIComponent('青便〔2026〕9999号')}`, { token: CLERK });
    expect(unknown.status).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'E-NOTICE-NOT-FOUND', path: 'params.number' });
  });
});

describe('items, guide, routing', () => {
  it('GET /v1/items lists every item with its window and materials', async () => {
    const res = await s.request('GET', '/v1/items');
    expect(res.status).toBe(200);
    const items = res.json<Array<{ code: string; window: { number: number } | null; materials: Array<{ necessity: string }> }>>();
    expect(items.map((i) => i.code)).toEqual([...s.app.bianmin.packs.served.pack.data.items.keys()].sort());
    expect(items.find((i) => i.code === 'MZ-004')?.materials.some((m) => m.necessity === 'core')).toBe(true);
  });

  it('GET /v1/items/{code} gives the item and its declaration; an unknown code a 404 with suggestions', async () => {
    const res = await s.request('GET', '/v1/items/MZ-004');
    expect(res.status).toBe(200);
    const item = res.json<{ code: string; name: string; declaration: { limits: unknown; changes?: unknown[] }; file: string }>();
    expect(item).toMatchObject({ code: 'MZ-004', name: '高龄津贴申领', file: 'items/mz-004.yaml' });
    expect(item.declaration.changes?.length).toBeGreaterThan(0);

    const missing = await s.request('GET', '/v1/items/MZ-040');
    expect(missing.status).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'E-ITEM-UNKNOWN', path: 'params.code' });
    expect(missing.json().error.suggestions?.length).toBeGreaterThan(0);
  });

  it('GET /v1/items/{code}/guide gives HTML by default and 406 for a format it cannot give', async () => {
    const html = await s.request('GET', '/v1/items/MZ-004/guide');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('办事指南');
    expect(html.text).toContain('高龄津贴申领');
    const json = await s.request('GET', '/v1/items/MZ-004/guide', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(406);
    expect(json.json().error.code).toBe('E-NOT-ACCEPTABLE');
  });

  it('GET /v1/route finds an item from what people say', async () => {
    const res = await s.request('GET', `/v1/route?q=${encodeURIComponent('低保')}`);
    expect(res.status).toBe(200);
    const body = res.json<{ query: string; matches: Array<{ kind: string; code: string | null; window: { name: string } | null }> }>();
    expect(body.matches[0]).toMatchObject({ kind: 'item', code: 'MZ-001' });
    const empty = await s.request('GET', '/v1/route?q=');
    expect(empty.status).toBe(400);
    expect(empty.json().error.path).toBe('query.q');
  });
});

describe('deadlines and the calendar', () => {
  it('GET /v1/deadline computes promised and statutory due as the pack does', async () => {
    const acceptedAt = '2026-09-28T09:30:00+08:00';
    const res = await s.request('GET', `/v1/deadline?item=MZ-004&acceptedAt=${encodeURIComponent(acceptedAt)}`);
    expect(res.status).toBe(200);
    const body = res.json<{ item: string; deadline: unknown }>();
    expect(body.deadline).toEqual(s.app.bianmin.packs.served.pack.deadline('MZ-004', acceptedAt));
  });

  it('GET /v1/deadline rejects a bad time at query.acceptedAt and an unknown item with 404', async () => {
    const bad = await s.request('GET', '/v1/deadline?item=MZ-004&acceptedAt=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.json().error.path).toBe('query.acceptedAt');
    const unknown = await s.request('GET', '/v1/deadline?item=XX-1&acceptedAt=2026-09-28T09:30:00%2B08:00');
    expect(unknown.status).toBe(404);
    const missing = await s.request('GET', '/v1/deadline?item=MZ-004');
    expect(missing.status).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'E-REQ-REQUIRED', path: 'query.acceptedAt' });
  });

  it('GET /v1/calendar/{year} gives the declared holidays and working days per month', async () => {
    const res = await s.request('GET', '/v1/calendar/2026');
    expect(res.status).toBe(200);
    const cal = res.json<{ year: number; source: string; holidays: Array<{ name: string }>; months: unknown[] }>();
    expect(cal).toMatchObject({ year: 2026, source: 'pack' });
    expect(cal.holidays.map((h) => h.name)).toContain('国庆节');
    expect(cal.months).toHaveLength(12);
    const out = await s.request('GET', '/v1/calendar/1800');
    expect(out.status).toBe(400);
    expect(out.json().error.path).toBe('params.year');
  });
});

describe('cases', () => {
  let id = '';
  it('POST /v1/cases decides and registers; the case carries its clock', async () => {
    const res = await s.request('POST', '/v1/cases', { body: { application: APPLICATIONS.accepted, staff: 'chen-li' }, token: CLERK });
    expect(res.status).toBe(201);
    const view = res.json<CaseResponse>();
    id = view.record.id;
    expect(view.status).toBe('accepted');
    expect(view.clock?.due).toMatch(/\+08:00$/);
    expect(view.notice.number).toMatch(/^青便〔2026〕\d{4}号$/);
    expect(view.record.noticeNumber).toBe(view.notice.number);
    expect(view.record.events.map((e) => e.type)).toEqual(['received', 'accepted']);
  });

  it('POST /v1/cases locates errors of the nested application', async () => {
    const res = await s.request('POST', '/v1/cases', { body: { application: { ...APPLICATIONS.accepted, item: 'NOPE-1' }, staff: 'chen-li' }, token: CLERK });
    expect(res.status).toBe(404);
    expect(res.json().error.path).toBe('$.application.item');
    const staff = await s.request('POST', '/v1/cases', { body: { application: APPLICATIONS.accepted, staff: 'no-such-person' }, token: CLERK });
    expect(staff.status).toBe(400);
    expect(staff.json().error).toMatchObject({ code: 'E-RECORD-STAFF', path: '$.staff' });
  });

  it('POST /v1/cases/{id}/events suspends and resumes the clock; out-of-order events are refused', async () => {
    const suspended = await s.request('POST', `/v1/cases/${id}/events`, { body: { type: 'suspended', staff: 'chen-li', at: '2026-11-24T10:00:00+08:00', reason: '入户调查核实' }, token: CLERK });
    expect(suspended.status).toBe(200);
    expect(suspended.json<CaseResponse>().status).toBe('suspended');
    const completedWhileSuspended = await s.request('POST', `/v1/cases/${id}/events`, { body: { type: 'resumed', staff: 'chen-li', at: '2026-11-20T10:00:00+08:00' }, token: CLERK });
    expect(completedWhileSuspended.status).toBe(409);
    expect(completedWhileSuspended.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const noReason = await s.request('POST', `/v1/cases/${id}/events`, { body: { type: 'returned', staff: 'chen-li' }, token: CLERK });
    expect(noReason.status).toBeGreaterThanOrEqual(400);
    expect(noReason.status).toBeLessThan(500);
    const unknown = await s.request('POST', '/v1/cases/2026-999999/events', { body: { type: 'completed', staff: 'chen-li' }, token: CLERK });
    expect(unknown.status).toBe(404);
  });

  it('GET /v1/cases/{id} and GET /v1/cases?level= need a token; a bad level is a 400', async () => {
    expect((await s.request('GET', `/v1/cases/${id}`)).status).toBe(401);
    const view = await s.request('GET', `/v1/cases/${id}`, { token: CLERK });
    expect(view.status).toBe(200);
    expect(view.json<CaseResponse>().record.application?.applicant.name).toBe('张三丰');
    expect((await s.request('GET', '/v1/cases/2026-999998', { token: CLERK })).status).toBe(404);
    const red = await s.request('GET', '/v1/cases?level=red', { token: CLERK });
    expect(red.status).toBe(200);
    const sweep = red.json<{ open: number; cases: Array<{ level: string }> }>();
    expect(sweep.open).toBeGreaterThanOrEqual(1);
    expect(sweep.cases.every((c) => c.level === 'red')).toBe(true);
    expect((await s.request('GET', '/v1/cases?level=purple', { token: CLERK })).json().error.path).toBe('query.level');
  });
});

let complaint = '';
describe('complaints, staff records, metrics', () => {
  it('POST /v1/complaints registers a complaint with its reply due', async () => {
    const res = await s.request('POST', '/v1/complaints', {
      body: { channel: 'phone', complainant: { name: '王五', phone: '13800001111' }, target: { staff: 'chen-li', window: 'minzheng-window' }, content: '窗口人员说“不归我管”', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-20T10:00:00+08:00' },
      token: CLERK,
    });
    expect(res.status).toBe(201);
    const view = res.json<{ record: { id: string }; replyDue: string; replied: boolean }>();
    complaint = view.record.id;
    expect(complaint).toMatch(/^T2026-\d{5}$/);
    expect(view.replied).toBe(false);
    const bad = await s.request('POST', '/v1/complaints', { body: { channel: 'letter', target: {}, content: '', receivedBy: 'lin-xiaoyan' }, token: CLERK });
    expect(bad.status).toBe(400);
    expect((bad.json().error.details ?? []).map((d) => d.path)).toEqual(expect.arrayContaining(['$.channel', '$.target', '$.content']));
  });

  it('verification needs an admin token; a second verdict is a conflict', async () => {
    const body = { result: 'verified', handler: 'li-xiuying', at: '2026-11-21T09:00:00+08:00' };
    expect((await s.request('POST', `/v1/complaints/${complaint}/verification`, { body })).status).toBe(401);
    const clerk = await s.request('POST', `/v1/complaints/${complaint}/verification`, { body, token: CLERK });
    expect(clerk.status).toBe(403);
    expect(clerk.json().error.code).toBe('E-AUTH-FORBIDDEN');
    const ok = await s.request('POST', `/v1/complaints/${complaint}/verification`, { body, token: ADMIN });
    expect(ok.status).toBe(200);
    expect(ok.json<{ counted: string | null }>().counted).toBe('chen-li');
    const again = await s.request('POST', `/v1/complaints/${complaint}/verification`, { body, token: ADMIN });
    expect(again.status).toBe(409);
    expect((await s.request('POST', '/v1/complaints/T2026-99999/verification', { body, token: ADMIN })).status).toBe(404);
  });

  it('GET /v1/staff/{id}/record shows the action the seed rule derives and its evidence, complainant masked', async () => {
    const res = await s.request('GET', '/v1/staff/chen-li/record', { token: ADMIN });
    expect(res.status).toBe(200);
    const record = res.json<{ actions: Array<{ actionName: string; evidence: { complaints: string[] } }>; evidence: { complaints: Array<{ id: string; complainant: { name?: string; phone?: string } }> } }>();
    expect(record.actions.map((a) => a.actionName)).toContain('通报批评');
    expect(record.evidence.complaints[0]?.id).toBe(complaint);
    expect(record.evidence.complaints[0]?.complainant.phone).not.toBe('13800001111');
    expect(res.text).not.toContain('13800001111');
    expect((await s.request('GET', '/v1/staff/chen-li/record', { token: CLERK })).status).toBe(403);
    expect((await s.request('GET', '/v1/staff/nobody/record', { token: ADMIN })).status).toBe(404);
  });

  it('GET /v1/metrics?month= gives per-staff and per-window figures', async () => {
    const res = await s.request('GET', '/v1/metrics?month=2026-11', { token: CLERK });
    expect(res.status).toBe(200);
    const m = res.json<{ period: { label: string }; staff: Array<{ staff: string }>; windows: unknown[] }>();
    expect(m.period.label).toBe('2026年11月');
    expect(m.staff.some((x) => x.staff === 'chen-li')).toBe(true);
    expect((await s.request('GET', '/v1/metrics?month=2026-13', { token: CLERK })).json().error.path).toBe('query.month');
    expect((await s.request('GET', '/v1/metrics?month=2026-11')).status).toBe(401);
  });
});

describe('the board and health', () => {
  it('GET /board and /board?screen=1 serve the board as HTML under the CSP, and archive each distinct content once', async () => {
    const board = await s.request('GET', '/board');
    expect(board.status).toBe(200);
    expect(board.headers.get('content-type')).toContain('text/html');
    expect(board.text).toContain('政务公开栏');
    const csp = board.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(board.headers.get('x-content-type-options')).toBe('nosniff');
    // The verified complaint is on the board, the complainant's name masked.
    expect(board.text).toContain(`投诉 ${complaint}`);
    expect(board.text).toContain('王*');
    expect(board.text).not.toContain('王五');
    expect(board.text).not.toContain('不归我管');

    const screen = await s.request('GET', '/board?screen=1');
    expect(screen.status).toBe(200);
    expect(screen.text).not.toBe(board.text);
    await s.request('GET', '/board');
    const archived = await s.app.bianmin.records.use((r) => [...r.publications.all()].filter((p) => p.kind === 'board'));
    expect(archived).toHaveLength(2);
    expect((await s.request('GET', '/board?screen=yes')).status).toBe(400);
  });

  it('GET /healthz, /readyz, /openapi.json and /docs', async () => {
    expect((await s.request('GET', '/healthz')).json<{ status: string }>()).toEqual({ status: 'ok' });
    const ready = await s.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json<{ status: string; pack: { items: number } }>()).toMatchObject({ status: 'ready', pack: { items: s.app.bianmin.packs.served.pack.data.items.size } });
    const docs = await s.request('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('便民 决策服务 API 文档');
  });

  it('answers an unknown path with a Chinese 404', async () => {
    const res = await s.request('GET', '/v2/nothing?x=1');
    expect(res.status).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'E-NOT-FOUND', path: '$' });
    expect(res.json().error.message).toContain('/v2/nothing');
  });
});
