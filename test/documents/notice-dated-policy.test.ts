// The printed supplement period is the one of the policy in force on the notice's date
// (policy.yaml `changes`). Before, a revision from 2027-01-01 declaring a 10-working-day period
// printed nothing on 2027 notices: the notice read the undated base (none declared).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { memorySequence, numbering, renderNotice } from '../../src/documents/index.ts';
import { loadPack, type Pack } from '../../src/index.ts';
import { APPLICATIONS, checkedDecision, copyOfRules } from './sample.ts';

let pack: Pack;
let remove: () => Promise<void>;
beforeAll(async () => {
  const copy = await copyOfRules();
  remove = copy.remove;
  const file = path.join(copy.dir, 'policy.yaml');
  const text = readFileSync(file, 'utf8');
  const clocks = (parse(text) as { clocks: Record<string, unknown> }).clocks;
  const documents = (parse(text) as { documents: Record<string, unknown> }).documents;
  // The consequence and the review rights printed on notices are policy texts too: dated alike.
  const set = {
    clocks: { ...clocks, supplementPeriod: { amount: 10, unit: 'workingDays' } },
    documents: { ...documents, supplementConsequence: '逾期未补正的，视为放弃本次申请（2027年修订）。' },
  };
  writeFileSync(file, `${text}\nchanges:\n  - ${JSON.stringify({ effectiveFrom: '2027-01-01', reference: '补正材料管理规定（2026年12月）', set })}\n`);
  pack = await loadPack(copy.dir);
});
afterAll(async () => {
  await remove();
});

async function noticeText(receivedAt: string, date: string): Promise<string> {
  const d = checkedDecision(await pack.decide({ ...APPLICATIONS.supplement, receivedAt } as Parameters<Pack['decide']>[0]));
  const doc = await renderNotice(pack.data, d, { numbering: numbering(pack.data.center.center.code, memorySequence()), date, applicant: { name: '张小三' } });
  return doc.html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
}

describe('the supplement period on a notice follows the policy of its date', () => {
  test('a 2026 notice: none declared yet', async () => {
    const text = await noticeText('2026-11-23T09:30:00+08:00', '2026-11-23');
    expect(text).toContain('补正期限：本中心未规定补正期限');
  });

  test('a 2027 notice: the revised 10 working days, counted from the notice date', async () => {
    // Issued Monday 11 January 2027: the tenth working day is Monday 25 January.
    const text = await noticeText('2027-01-11T09:30:00+08:00', '2027-01-11');
    expect(text).toContain('请于2027年1月25日 17:30前补正（自本通知书出具之日起10个工作日）');
    expect(text).not.toContain('未规定补正期限');
    expect(text).toContain('逾期未补正的，视为放弃本次申请（2027年修订）。');
  });

  test('the 2026 notice keeps the consequence then in force', async () => {
    const text = await noticeText('2026-11-23T09:30:00+08:00', '2026-11-23');
    expect(text).not.toContain('2027年修订');
  });
});
