// 电子监察: at one instant, which open cases are yellow or red, worst first, and who answers for each.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Pack } from '../../src/index.ts';
import type { Records, SweepReport } from '../../src/records/index.ts';
import { completeApplication, decided, openTemp, samplePack } from './helpers.ts';

let records: Records;
let pack: Pack;
const ids: Record<string, string> = {};
const due: Record<string, string> = {};

beforeAll(async () => {
  pack = await samplePack();
  records = (await openTemp(pack)).records;
  const accepted = async (name: string, at: string, staff = 'chen-li'): Promise<void> => {
    const v = await records.cases.register({ decision: await decided(pack, completeApplication(at), 'accepted'), staff });
    ids[name] = v.record.id;
    due[name] = v.clock!.due;
  };
  // Registered out of order on purpose: the sweep sorts by due time, not by registration.
  await accepted('red2', '2026-11-03T09:30:00+08:00');
  await accepted('red1', '2026-11-02T09:30:00+08:00');
  await accepted('yellow', '2026-11-05T09:30:00+08:00', 'wang-jianhua');
  await accepted('normal', '2026-11-20T09:30:00+08:00');
  const other = async (name: string, app: ReturnType<typeof completeApplication>, kind: 'consultation' | 'supplement' | 'returned'): Promise<void> => {
    ids[name] = (await records.cases.register({ decision: await decided(pack, app, kind), staff: 'chen-li' })).record.id;
  };
  await other('consultation', { ...completeApplication('2026-11-02T10:00:00+08:00'), intent: 'consult' }, 'consultation');
  // Waiting for the applicant: the one-time notice was given, the clock has not started.
  await other('supplement', { ...completeApplication('2026-11-02T10:00:00+08:00'), materials: ['application', 'id-card', 'authorization'] }, 'supplement');
  const done = await records.cases.register({ decision: await decided(pack, completeApplication('2026-11-02T11:00:00+08:00'), 'accepted'), staff: 'chen-li' });
  await records.cases.addEvent(done.record.id, { type: 'completed', staff: 'chen-li', at: '2026-11-30T10:00:00+08:00' });
  ids.completed = done.record.id;
});
afterAll(() => records.close());

function sweepAt(): SweepReport {
  // A minute past the second red case's due time.
  return records.sweep({ now: Date.parse(due.red2!) + 60_000 });
}

test('only cases with a running clock are open; concluded, consultations and those waiting for a supplement are not', () => {
  const report = sweepAt();
  expect(report.open).toBe(4);
  expect(report.normal + report.yellow + report.red).toBe(report.open);
  const flagged = report.flagged.map((f) => f.case);
  for (const name of ['consultation', 'supplement', 'completed', 'normal']) expect(flagged, name).not.toContain(ids[name]);
  expect(report.errors).toEqual([]);
});

test('red before yellow, each by due time, with the person responsible', () => {
  const report = sweepAt();
  expect(report).toMatchObject({ red: 2, yellow: 1, normal: 1 });
  expect(report.flagged.map((f) => [f.case, f.level])).toEqual([
    [ids.red1, 'red'],
    [ids.red2, 'red'],
    [ids.yellow, 'yellow'],
  ]);
  expect(report.flagged[0]).toMatchObject({ item: 'MZ-001', window: '2号民政窗口', due: due.red1, responsible: { staff: 'chen-li', name: '陈丽', role: 'A' }, suspended: false, deemedAccepted: false });
  expect(report.flagged[2]!.responsible).toMatchObject({ staff: 'wang-jianhua', role: 'B' });
});

test('the report is as of the instant asked, in Beijing time', () => {
  const report = records.sweep({ now: '2026-11-23T01:00:00Z' });
  expect(report.asOf).toBe('2026-11-23T09:00:00+08:00');
  // Two weeks before the first due time, nothing is flagged yet.
  expect(report).toMatchObject({ open: 4, normal: 4, red: 0, yellow: 0, flagged: [] });
});
