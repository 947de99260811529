// Danger 11 of issue 15 over HTTP: a case received as supplement on 2026-11-23 and accepted after
// 补正 on 2026-11-27 shows its 容缺 material (银行账户, 10 working days) due from the acceptance,
// 2026-12-11, in GET /v1/cases/{id} and in the window screen's GET /v1/staff/{id}/cases. Before
// the fix neither answer carried a deferred due at all. And a 当场更正 decision is not registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type Running } from './helpers.ts';

const CHEN = 'chen-li-token-aaaaaaaaaaaaaaaa';
const TOKENS = [{ name: 'chen-li', token: CHEN, role: 'clerk' as const }];

const applicant = { type: 'person', hukouLocal: true, householdIncomePerCapita: 500, hasDisabilityCert: false, forDependant: false };

let s: Running;
beforeAll(async () => {
  s = await start({ tokens: TOKENS });
});
afterAll(async () => {
  await s?.close();
});

interface Deferred {
  deferred: Array<{ id: string; name: string; due: string | null }>;
}

describe('容缺 due from the acceptance the register holds', () => {
  it('GET /v1/cases/{id} and GET /v1/staff/{id}/cases show the due counted from 受理 after 补正', async () => {
    const created = await s.request('POST', '/v1/cases', {
      token: CHEN,
      body: { application: { item: 'MZ-001', intent: 'apply', applicant, materials: ['application', 'id-card', 'authorization'], receivedAt: '2026-11-23T09:00:00+08:00' }, staff: 'chen-li' },
    });
    expect(created.status, created.text).toBe(201);
    const first = created.json<Deferred & { record: { id: string }; status: string }>();
    expect(first.status).toBe('supplement');
    expect(first.deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due: null }]);
    const id = first.record.id;

    const accepted = await s.request('POST', `/v1/cases/${id}/events`, { token: CHEN, body: { type: 'accepted', staff: 'chen-li', at: '2026-11-27T10:00:00+08:00' } });
    expect(accepted.status, accepted.text).toBe(200);
    const due = accepted.json<Deferred>().deferred[0]!.due;
    expect(due?.slice(0, 10)).toBe('2026-12-11');

    const got = await s.request('GET', `/v1/cases/${id}`, { token: CHEN });
    expect(got.status).toBe(200);
    expect(got.json<Deferred>().deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due }]);

    const screen = await s.request('GET', '/v1/staff/chen-li/cases', { token: CHEN });
    expect(screen.status, screen.text).toBe(200);
    const mine = screen.json<{ cases: Array<{ view: Deferred & { record: { id: string } } }> }>().cases.find((c) => c.view.record.id === id);
    expect(mine?.view.deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due }]);
  });

  it('POST /v1/cases with a decision to correct on the spot is refused: 409 E-CASE-CORRECTABLE', async () => {
    const res = await s.request('POST', '/v1/cases', {
      token: CHEN,
      body: {
        application: {
          item: 'WJ-001',
          intent: 'apply',
          applicant: { type: 'person', hukouLocal: true, maritalStatus: '已婚', forDependant: false },
          materials: [
            { id: 'id-card', party: '男方' },
            { id: 'id-card', party: '女方' },
          ],
          receivedAt: '2026-11-25T10:10:00+08:00',
        },
        staff: 'chen-li',
      },
    });
    expect(res.status, res.text).toBe(409);
    expect(res.json().error.code).toBe('E-CASE-CORRECTABLE');
    expect(res.json().error.message).toContain('更正后重新判断');
  });
});
