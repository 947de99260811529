// Danger 11 of issue 15: deferred (容缺) materials' due dates counted from receipt, and never
// recomputed when the register records acceptance later (受理 after 补正). An application received
// on Monday 2026-11-23 as a supplement (收入证明 missing) and accepted on Friday 2026-11-27 after
// 补正 must have its 银行账户 (10 working days) due from 11-27 (2026-12-11), not from 11-23
// (2026-12-07). Before the fix the case had no deferred due at all (the supplement decision listed
// none and the register computed none): the tests on the register, the CLI and the case views fail.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { addDuration } from '../../src/calendar/index.ts';
import { openRecords } from '../../src/records/index.ts';
import { bianmin } from '../cli/run.ts';
import { completeApplication, RULES, recordsPerTest, samplePack, tempDir, freshLocation } from './helpers.ts';

const { fresh } = recordsPerTest();

const RECEIVED = '2026-11-23T09:00:00+08:00'; // Monday
const ACCEPTED = '2026-11-27T10:00:00+08:00'; // Friday, after 补正
const BANK = { amount: 10, unit: 'workingDays' } as const; // MZ-001 bank-account: 容缺, 10 working days

/** MZ-001 without its income statement (补正) and without the bank account (容缺). */
function incomplete() {
  return { ...completeApplication(RECEIVED), materials: ['application', 'id-card', 'authorization'] };
}

describe('the decision', () => {
  test('an accepted decision counts the 容缺 due from its acceptance, the instant its deadline counts from', async () => {
    const pack = await samplePack();
    const d = await pack.decide(completeApplication(RECEIVED));
    expect(d.kind).toBe('accepted');
    expect(d.deferred).toHaveLength(1);
    expect(d.deferred[0]!.due).toBe(addDuration(pack.calendar, d.deadline!.acceptedAt, BANK).due);
  });

  test('a supplement decision lists the 容缺 material still outstanding, with no due yet (not accepted)', async () => {
    const pack = await samplePack();
    const d = await pack.decide(incomplete());
    expect(d.kind).toBe('supplement');
    expect(d.deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due: null }]);
  });
});

describe('the register', () => {
  test('received as supplement 11-23, accepted after 补正 11-27: the 容缺 due counts from 11-27', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const v = await records.cases.register({ decision: await pack.decide(incomplete()), staff: 'chen-li' });
    expect(v.status).toBe('supplement');
    expect(v.deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due: null }]);

    const accepted = await records.cases.addEvent(v.record.id, { type: 'accepted', staff: 'chen-li', at: ACCEPTED });
    const due = addDuration(pack.calendar, ACCEPTED, BANK).due;
    expect(due.slice(0, 10)).toBe('2026-12-11');
    expect(accepted.deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due }]);
    // Not the date counted from receipt.
    expect(addDuration(pack.calendar, RECEIVED, BANK).due.slice(0, 10)).toBe('2026-12-07');

    // Every later view of the case (read back, at another time) shows the recomputed date.
    const again = records.viewCase(records.cases.get(v.record.id)!, '2026-12-01T09:00:00+08:00');
    expect(again.deferred[0]!.due).toBe(due);
    expect(JSON.parse(JSON.stringify(again)).deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due }]);
  });

  test('deemed accepted at receipt (no supplement notice in time): the 容缺 due counts from receipt', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const v = await records.cases.register({ decision: await pack.decide(incomplete()), staff: 'chen-li', noticeGiven: false });
    const later = records.viewCase(v.record, '2026-12-03T09:00:00+08:00');
    expect(later.deemedAccepted).toBe(true);
    expect(later.deferred[0]!.due).toBe(addDuration(pack.calendar, later.acceptedAt!, BANK).due);
  });

  test('an accepted decision keeps the due it was issued with', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const d = await pack.decide(completeApplication(RECEIVED));
    const v = await records.cases.register({ decision: d, staff: 'chen-li' });
    expect(v.deferred).toEqual(d.deferred);
  });
});

describe('bianmin cases show', { timeout: 120_000 }, () => {
  test('prints and gives as JSON the due recomputed from the acceptance', async () => {
    const pack = await samplePack();
    const data = await freshLocation();
    const records = await openRecords(data, pack);
    let id: string;
    try {
      id = (await records.cases.register({ decision: await pack.decide(incomplete()), staff: 'chen-li' })).record.id;
      await records.cases.addEvent(id, { type: 'accepted', staff: 'chen-li', at: ACCEPTED });
    } finally {
      await records.close();
    }
    const text = await bianmin(['cases', 'show', id, '--rules', RULES, '--data', data, '--at', '2026-12-01T09:00:00+08:00']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/容缺材料：.*2026-12-11.*前补交/);
    const json = await bianmin(['cases', 'show', id, '--json', '--rules', RULES, '--data', data, '--at', '2026-12-01T09:00:00+08:00']);
    const shown = JSON.parse(json.stdout) as { deferred: Array<{ id: string; due: string | null }> };
    expect(shown.deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due: addDuration(pack.calendar, ACCEPTED, BANK).due }]);
  });
});
