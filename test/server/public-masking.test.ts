// Issue 12, defect 6, over HTTP: what the service answers shows no whole ID or mobile number —
// POST /v1/complaints and its verification answer the complaint masked, the board and the hall
// screen mask what complaints carry, the public JSON endpoints echo nothing whole — while the
// register (read back with a token, or from the records themselves) keeps every value as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnmasked, publishedPhones } from '../../src/records/index.ts';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ADMIN, APPLICATIONS, CLERK, copyOfRules, start, tempDir, type Running } from './helpers.ts';

const ID = '320102199003071239';
const ID_X = '11010519491231002X';
const MOBILE = '13912345678';
// As people type them: in groups, with +86, in full-width digits.
const TYPED = [ID, ID_X, '110105 19491231 002x', '１１０１０５１９４９１２３１００２Ｘ', MOBILE, '139 1234 5678', '139-1234-5678', '+86 139-1234-5678', '１３９１２３４５６７８'];
const PII = `身份证 ${TYPED.slice(0, 4).join('、')}，电话 ${TYPED.slice(4).join('、')}`;

let s: Running;
let allowed: readonly string[];
const leaks = (text: string) => findUnmasked(text, allowed).map((f) => f.text);

beforeAll(async () => {
  s = await start();
  allowed = publishedPhones(s.app.bianmin.packs.served.pack.data);
});
afterAll(async () => s.close());

describe('the complaints ledger answers masked and keeps the register whole', () => {
  let id = '';
  it('POST /v1/complaints: complainant, content', async () => {
    const res = await s.request('POST', '/v1/complaints', {
      body: {
        channel: 'phone',
        complainant: { name: MOBILE, idNumber: ID, phone: '+86 139-1234-5678', address: `人民路 8 号 ${PII}` },
        target: { staff: 'chen-li', window: 'minzheng-window' },
        content: `窗口人员推诿。${PII}`,
        receivedBy: 'lin-xiaoyan',
        receivedAt: '2026-11-20T10:00:00+08:00',
      },
      token: CLERK,
    });
    expect(res.status).toBe(201);
    expect(leaks(res.text)).toEqual([]);
    const view = res.json<{ record: { id: string; complainant: Record<string, string>; content: string } }>();
    id = view.record.id;
    expect(view.record.complainant).toEqual({ name: '1*********8', idNumber: '3201**********1239', phone: '+86**********5678' });
    expect(view.record.content).toContain('窗口人员推诿。身份证 3201**********1239');
    // The register keeps what was typed.
    const stored = await s.app.bianmin.records.use(async (r) => r.complaints.get(id));
    expect(stored?.complainant).toEqual({ name: MOBILE, idNumber: ID, phone: '+86 139-1234-5678', address: `人民路 8 号 ${PII}` });
    expect(stored?.content).toBe(`窗口人员推诿。${PII}`);
  });

  it('POST /v1/complaints/{id}/verification: the note too', async () => {
    const res = await s.request('POST', `/v1/complaints/${id}/verification`, { body: { result: 'verified', handler: 'li-xiuying', at: '2026-11-21T09:00:00+08:00', note: `已电话核实 ${PII}` }, token: ADMIN });
    expect(res.status).toBe(200);
    expect(leaks(res.text)).toEqual([]);
    const stored = await s.app.bianmin.records.use(async (r) => r.complaints.get(id));
    expect(stored?.verification?.note).toBe(`已电话核实 ${PII}`);
  });

  it('the board and the hall screen (and so the board PDF, printed from that HTML) name no one whole', async () => {
    for (const url of ['/board?date=2026-12-01', '/board?date=2026-12-01&screen=1']) {
      const res = await s.request('GET', url);
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      expect(leaks(res.text)).toEqual([]);
      // The complaint is there, complainant masked.
      expect(res.text).toContain('1*********8');
    }
  });
});

describe('public JSON endpoints', () => {
  it('echo no whole number typed into a query or an application', async () => {
    const route = await s.request('GET', `/v1/route?q=${encodeURIComponent(`低保 ${MOBILE}`)}`);
    expect(route.status).toBe(200);
    const decision = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, applicant: { ...APPLICATIONS.accepted.applicant, name: `张三丰 ${PII}`, idNumber: ID, phone: MOBILE } } });
    expect(decision.status).toBe(200);
    for (const res of [route, decision, await s.request('GET', '/v1/items'), await s.request('GET', '/v1/items/MZ-004'), await s.request('GET', '/v1/items/MZ-004/guide')]) {
      expect(leaks(res.text)).toEqual([]);
    }
  });

  it('the register, read with a token, still holds an applicant\'s numbers whole', async () => {
    const created = await s.request('POST', '/v1/cases', { body: { application: { ...APPLICATIONS.accepted, applicant: { ...APPLICATIONS.accepted.applicant, idNumber: ID, phone: MOBILE } }, staff: 'chen-li' }, token: CLERK });
    expect(created.status).toBe(201);
    const caseId = created.json<{ record: { id: string } }>().record.id;
    const stored = await s.app.bianmin.records.use(async (r) => r.cases.get(caseId));
    expect(JSON.stringify(stored)).toContain(ID);
    expect(JSON.stringify(stored)).toContain(MOBILE);
  });
});

describe('an item whose text an officer filled with numbers', () => {
  it('GET /v1/items/{code} answers its declaration masked, as the guide does', async () => {
    const rules = await copyOfRules(await tempDir('mask-item'));
    const file = path.join(rules, 'items/mz-004.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('notes: 窗口核验原件后当场退还。', `notes: 窗口核验原件后当场退还。${PII}`));
    const own = await start({ rules });
    try {
      const res = await own.request('GET', '/v1/items/MZ-004');
      expect(res.status).toBe(200);
      expect(res.text).toContain('窗口核验原件后当场退还。身份证 3201**********1239');
      expect(leaks(res.text)).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
