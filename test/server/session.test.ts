// GET /v1/session and GET /v1/staff/{id}/cases over the sample pack, with real records in a temp
// data directory: who a token is (its name is a staff id of center.yaml), and the staff member's
// cases — open ones they answer for, those of the posts where they are B (covering), red first,
// today's concluded ones, the applicant masked, the discipline record only to oneself or an admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type Running } from './helpers.ts';
import { CASE_EVENT_LABELS, CASE_STATUS_LABELS } from '../../src/records/index.ts';

const CHEN = 'chen-li-token-aaaaaaaaaaaaaaaa'; // 陈丽: A of the 民政 post, B of the 残联 post
const WANG = 'wang-jianhua-token-bbbbbbbbbbbb'; // 王建华: B of the 民政 post
const OTHER = 'not-a-staff-token-cccccccccccc';
const ADMIN = 'office-admin-token-dddddddddddd';
const TOKENS = [
  { name: 'chen-li', token: CHEN, role: 'clerk' as const },
  { name: 'wang-jianhua', token: WANG, role: 'clerk' as const },
  { name: 'window-2', token: OTHER, role: 'clerk' as const },
  { name: 'office', token: ADMIN, role: 'admin' as const },
];

interface Session {
  name: string;
  role: string;
  staff: { id: string; name: string; windows: Array<{ id: string; number: number }>; posts: Array<{ id: string; window: string; role: string }> } | null;
}
interface StaffCase {
  view: { record: { id: string; application?: { applicant: Record<string, unknown> }; events: Array<{ type: string }> }; status: string; clock: { due: string; level: string } | null; notice: { number: string } | null };
  level: string;
  remaining: string;
  covering: boolean;
}
interface StaffCases {
  staff: { id: string; name: string };
  cases: StaffCase[];
  concluded: Array<{ view: { record: { id: string } }; reviewed: { grade: string } | null }>;
  record: { facts: Record<string, number>; countingWindow: { label: string } } | null;
}

let s: Running;

const applicant = { type: 'person', name: '王小明', idNumber: '320101194001011234', phone: '13912345678', hukouLocal: true, householdIncomePerCapita: 500, hasDisabilityCert: false, forDependant: false };
const complete = ['application', 'id-card', 'authorization', 'income-statement', 'bank-account'];

async function register(materials: string[], staff = 'chen-li'): Promise<string> {
  const res = await s.request('POST', '/v1/cases', { body: { application: { item: 'MZ-001', intent: 'apply', applicant, materials }, staff, firstInquiry: 'lin-xiaoyan' }, token: CHEN });
  expect(res.status, res.text).toBe(201);
  return res.json<{ record: { id: string } }>().record.id;
}

beforeAll(async () => {
  s = await start({ tokens: TOKENS });
});
afterAll(async () => {
  await s?.close();
});

describe('GET /v1/session', () => {
  it('names the staff member of the token, their windows and AB posts', async () => {
    const res = await s.request('GET', '/v1/session', { token: CHEN });
    expect(res.status).toBe(200);
    const body = res.json<Session>();
    expect(body).toMatchObject({ name: 'chen-li', role: 'clerk', staff: { id: 'chen-li', name: '陈丽' } });
    expect(body.staff!.posts).toEqual(
      expect.arrayContaining([
        { id: 'minzheng-post', name: '社会救助受理岗', window: 'minzheng-window', role: 'A' },
        expect.objectContaining({ id: 'canlian-post', window: 'canlian-window', role: 'B' }),
      ]),
    );
    // A posts first.
    expect(body.staff!.posts[0]!.role).toBe('A');
    expect(body.staff!.windows.map((w) => w.id)).toEqual(['minzheng-window', 'canlian-window']);
    expect(body.staff!.windows[0]).toEqual({ id: 'minzheng-window', number: 2, name: '民政窗口', location: '大厅东侧' });
  });

  it('a token that is not a staff member has no staff; no token is a located 401', async () => {
    expect((await s.request('GET', '/v1/session', { token: OTHER })).json<Session>()).toEqual({
      name: 'window-2',
      role: 'clerk',
      staff: null,
      reviews: { grades: ['非常满意', '满意', '基本满意', '不满意', '非常不满意'], bad: ['不满意', '非常不满意'] },
      // The screen names statuses and events as the register and its documents do.
      labels: { caseStatus: CASE_STATUS_LABELS, caseEvent: CASE_EVENT_LABELS },
    });
    expect((await s.request('GET', '/v1/session', { token: ADMIN })).json<Session>()).toMatchObject({ role: 'admin', staff: null });
    const anonymous = await s.request('GET', '/v1/session');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json().error).toMatchObject({ code: 'E-AUTH-MISSING', path: 'header.authorization' });
    expect(anonymous.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('GET /v1/staff/{id}/cases', () => {
  let accepted = '';
  let supplement = '';
  let completed = '';

  beforeAll(async () => {
    supplement = await register(complete.filter((m) => m !== 'income-statement'));
    accepted = await register(complete);
    completed = await register(complete);
    const done = await s.request('POST', `/v1/cases/${completed}/events`, { body: { type: 'completed', staff: 'chen-li' }, token: CHEN });
    expect(done.status, done.text).toBe(200);
  });

  it('lists the open cases the staff member answers for, with level, remaining time and events; applicants masked', async () => {
    const res = await s.request('GET', '/v1/staff/chen-li/cases', { token: CHEN });
    expect(res.status, res.text).toBe(200);
    const body = res.json<StaffCases>();
    expect(body.staff).toEqual({ id: 'chen-li', name: '陈丽' });
    const ids = body.cases.map((c) => c.view.record.id);
    expect(ids).toContain(accepted);
    expect(ids).toContain(supplement);
    expect(ids).not.toContain(completed);
    const a = body.cases.find((c) => c.view.record.id === accepted)!;
    expect(a).toMatchObject({ level: 'normal', covering: false, view: { status: 'accepted' } });
    expect(a.view.clock!.due).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(a.remaining).toMatch(/^剩余 \d+(\.\d+)? 个工作日$/);
    expect(a.view.record.events.map((e) => e.type)).toEqual(['received', 'accepted']);
    expect(a.view.notice!.number).toMatch(/^青便〔\d{4}〕\d+号$/);
    const sup = body.cases.find((c) => c.view.record.id === supplement)!;
    expect(sup).toMatchObject({ level: 'normal', view: { status: 'supplement', clock: null } });
    expect(sup.remaining).toContain('待补正');
    // Masked: the register keeps the whole identity, the listing never shows it.
    expect(a.view.record.application!.applicant).toMatchObject({ name: '王*明', idNumber: '3201**********1234', phone: '139****5678' });
    expect(res.text).not.toContain('王小明');
    expect(res.text).not.toContain('320101194001011234');
    expect(res.text).not.toContain('13912345678');
    // The register itself still has them.
    const full = await s.request('GET', `/v1/cases/${accepted}`, { token: CHEN });
    expect(full.text).toContain('王小明');
    // Today's concluded case waits for its review; the own record is visible.
    expect(body.concluded.map((c) => c.view.record.id)).toEqual([completed]);
    expect(body.concluded[0]!.reviewed).toBeNull();
    expect(body.record).not.toBeNull();
    expect(body.record!.facts.badReviews).toBe(0);
    expect(body.record!.countingWindow.label).toMatch(/\d{4}/);
  });

  it('B sees the open cases of the post they cover as B (covering: true), not the concluded ones', async () => {
    const body = (await s.request('GET', '/v1/staff/wang-jianhua/cases', { token: WANG })).json<StaffCases>();
    const ids = body.cases.map((c) => c.view.record.id);
    expect(ids).toEqual(expect.arrayContaining([accepted, supplement]));
    expect(body.cases.every((c) => c.covering)).toBe(true);
    expect(body.concluded).toEqual([]);
  });

  it('a red card comes first', async () => {
    // Accepted two months ago: long past its 25-working-day promise.
    const old = await s.request('POST', '/v1/cases', {
      body: { application: { item: 'MZ-001', intent: 'apply', applicant, materials: complete, receivedAt: '2026-01-05T09:00:00+08:00' }, staff: 'chen-li' },
      token: CHEN,
    });
    expect(old.status, old.text).toBe(201);
    const id = old.json<{ record: { id: string } }>().record.id;
    const body = (await s.request('GET', '/v1/staff/chen-li/cases', { token: CHEN })).json<StaffCases>();
    expect(body.cases[0]!.view.record.id).toBe(id);
    expect(body.cases[0]!.level).toBe('red');
    expect(body.cases[0]!.remaining).toMatch(/^已超期 /);
  });

  it('another clerk sees the cases but not the record; an admin sees it; an unknown id is a located 404', async () => {
    const other = (await s.request('GET', '/v1/staff/chen-li/cases', { token: WANG })).json<StaffCases>();
    expect(other.cases.length).toBeGreaterThan(0);
    expect(other.record).toBeNull();
    expect((await s.request('GET', '/v1/staff/chen-li/cases', { token: ADMIN })).json<StaffCases>().record).not.toBeNull();
    const missing = await s.request('GET', '/v1/staff/nobody/cases', { token: CHEN });
    expect(missing.status).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'E-STAFF-NOT-FOUND', path: 'params.id' });
    expect((await s.request('GET', '/v1/staff/chen-li/cases')).status).toBe(401);
  });
});

describe('GET /v1/staff/{id}/cases for a staff member with many open cases', () => {
  let many: Running;
  beforeAll(async () => {
    many = await start({ tokens: TOKENS });
  });
  afterAll(async () => {
    await many?.close();
  });

  it('lists the 300 most urgent, red first, and counts every one in totals', async () => {
    const post = async (receivedAt?: string): Promise<string> => {
      const res = await many.request('POST', '/v1/cases', { body: { application: { item: 'MZ-001', intent: 'apply', applicant, materials: complete, ...(receivedAt ? { receivedAt } : {}) }, staff: 'chen-li' }, token: CHEN });
      expect(res.status, res.text).toBe(201);
      return res.json<{ record: { id: string } }>().record.id;
    };
    const ids: string[] = [];
    for (let i = 0; i < 304; i++) ids.push(await post());
    // Registered last, overdue long since: listed first all the same.
    const red = await post('2026-01-05T09:00:00+08:00');
    for (const id of ids.slice(0, 2)) {
      const done = await many.request('POST', `/v1/cases/${id}/events`, { body: { type: 'completed', staff: 'chen-li' }, token: CHEN });
      expect(done.status, done.text).toBe(200);
    }
    const res = await many.request('GET', '/v1/staff/chen-li/cases', { token: CHEN });
    expect(res.status).toBe(200);
    const body = res.json<StaffCases & { totals: { open: number; red: number; yellow: number; concluded: number } }>();
    expect(body.totals).toEqual({ open: 303, red: 1, yellow: 0, concluded: 2 });
    expect(body.cases).toHaveLength(300);
    expect(body.cases[0]!.view.record.id).toBe(red);
    expect(new Set(body.cases.map((c) => c.view.record.id)).size).toBe(300);
    expect(body.concluded.map((c) => c.view.record.id).sort()).toEqual(ids.slice(0, 2).sort());
  }, 120_000);
});
