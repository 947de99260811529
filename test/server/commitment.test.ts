// 告知承诺制 over HTTP (issue 16): POST /v1/cases registers a committed material; the post-check
// events go through POST /v1/cases/{id}/events; a recorded false commitment refuses the same
// applicant's commitments at the next registration (POST /v1/cases and POST /v1/decisions record: true).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type Running } from './helpers.ts';

const CHEN = 'chen-li-token-aaaaaaaaaaaaaaaa';
const TOKENS = [{ name: 'chen-li', token: CHEN, role: 'clerk' as const }];

const application = (receivedAt: string, idNumber: string) => ({
  item: 'MZ-005',
  intent: 'apply',
  applicant: { type: 'person', name: '李四', idNumber, deceasedHukouLocal: true, cremated: true },
  materials: ['application', 'medical-death-cert', 'cremation-cert', 'applicant-id-card', 'hukou-cancellation', 'bank-account'],
  commitments: ['kinship-proof'],
  receivedAt,
});

let s: Running;
beforeAll(async () => {
  s = await start({ tokens: TOKENS });
});
afterAll(async () => {
  await s?.close();
});

interface CaseAnswer {
  record: { id: string; decision: { kind: string; committed?: Array<{ id: string }>; warnings: Array<{ code: string; message: string }> }; events: Array<{ type: string }> };
  status: string;
}

describe('告知承诺 over HTTP', () => {
  it('accepted with the commitment; commitment-false ends it; the next registration refuses the commitment', async () => {
    const created = await s.request('POST', '/v1/cases', { token: CHEN, body: { application: application('2026-11-23T09:00:00+08:00', '320102198001011234'), staff: 'chen-li' } });
    expect(created.status, created.text).toBe(201);
    const first = created.json<CaseAnswer>();
    expect(first.status).toBe('accepted');
    expect(first.record.decision.committed).toEqual([{ id: 'kinship-proof', name: '申请人与逝者的亲属关系证明' }]);

    const noReason = await s.request('POST', `/v1/cases/${first.record.id}/events`, { token: CHEN, body: { type: 'commitment-false', staff: 'chen-li', at: '2026-11-24T10:00:00+08:00' } });
    expect(noReason.status).toBe(409);
    const found = await s.request('POST', `/v1/cases/${first.record.id}/events`, { token: CHEN, body: { type: 'commitment-false', staff: 'chen-li', at: '2026-11-24T10:00:00+08:00', reason: '村委会证实无亲属关系' } });
    expect(found.status, found.text).toBe(200);
    const ended = found.json<CaseAnswer>();
    expect(ended.status).toBe('completed');
    expect(ended.record.events.map((e) => e.type)).toEqual(['received', 'accepted', 'commitment-false', 'completed']);

    const again = await s.request('POST', '/v1/cases', { token: CHEN, body: { application: application('2026-12-01T09:00:00+08:00', '320102198001011234'), staff: 'chen-li' } });
    expect(again.status, again.text).toBe(201);
    const second = again.json<CaseAnswer>();
    expect(second.status).toBe('supplement');
    expect(second.record.decision.committed).toEqual([]);
    expect(second.record.decision.warnings.find((w) => w.code === 'commitment-excluded')?.message).toContain(`办件 ${first.record.id}`);

    const viaDecisions = await s.request('POST', '/v1/decisions', { token: CHEN, body: { ...application('2026-12-01T10:00:00+08:00', '320102198001011234'), record: true, staff: 'chen-li' } });
    expect(viaDecisions.status, viaDecisions.text).toBe(201);
    expect(viaDecisions.json<{ decision: { kind: string } }>().decision.kind).toBe('supplement');

    // Someone else still may commit.
    const other = await s.request('POST', '/v1/cases', { token: CHEN, body: { application: application('2026-12-01T11:00:00+08:00', '110101199001011235'), staff: 'chen-li' } });
    expect(other.json<CaseAnswer>().status).toBe('accepted');
  });

  it('a commitment for a material that accepts none is 400 E-APP-COMMITMENT at $.application.commitments[0]', async () => {
    const body = { application: { ...application('2026-11-23T09:00:00+08:00', '320102198001011234'), commitments: ['bank-account'] }, staff: 'chen-li' };
    const res = await s.request('POST', '/v1/cases', { token: CHEN, body });
    expect(res.status).toBe(400);
    expect(res.text).toContain('E-APP-COMMITMENT');
    expect(res.text).toContain('$.application.commitments[0]');
  });
});
