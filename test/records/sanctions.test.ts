import { afterEach, describe, expect, test } from 'vitest';
import type { Pack } from '../../src/index.ts';
import type { Records, SanctionsReport } from '../../src/records/index.ts';
import { completeApplication, decided, editedPack, openTemp, samplePack } from './helpers.ts';

const open: Records[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function fresh(pack?: Pack): Promise<Records> {
  const { records } = await openTemp(pack ?? (await samplePack()));
  open.push(records);
  return records;
}

async function complaint(r: Records, staff: string, receivedAt: string, result: 'verified' | 'unfounded' | null): Promise<string> {
  const c = await r.complaints.add({ channel: 'oral', staff, content: '办事时态度生硬', receivedBy: 'lin-xiaoyan', receivedAt, complainant: { name: '王五', phone: '13900001111' } });
  if (result) await r.complaints.verify(c.id, { result, handler: 'li-xiuying', at: receivedAt.replace('T09', 'T15') });
  return c.id;
}

function actionsOf(report: SanctionsReport, staff: string): string[] {
  return report.staff.find((s) => s.staff === staff)?.actions.map((a) => a.actionName) ?? [];
}

describe('the seed rule: 一次投诉，查实通报；二次投诉，查实下岗 (counted per calendar year)', () => {
  test('first verified complaint → 通报批评, second → 下岗, each linking its complaints', async () => {
    const r = await fresh();
    const first = await complaint(r, 'chen-li', '2026-03-02T09:00:00+08:00', 'verified');
    let report = await r.sanctions({ now: '2026-03-10T12:00:00+08:00' });
    expect(actionsOf(report, 'chen-li')).toEqual(['通报批评']);
    const action = report.staff.find((s) => s.staff === 'chen-li')!.actions[0]!;
    expect(action.evidence.complaints).toEqual([first]);
    expect(action.source.file).toBe('policy.yaml');
    expect(action.source.line).toBeGreaterThan(0);

    const second = await complaint(r, 'chen-li', '2026-09-15T09:00:00+08:00', 'verified');
    report = await r.sanctions({ now: '2026-09-20T12:00:00+08:00' });
    expect(actionsOf(report, 'chen-li')).toEqual(['下岗']);
    expect(report.staff.find((s) => s.staff === 'chen-li')!.actions[0]!.evidence.complaints).toEqual([first, second].sort());
    // Nobody else is touched.
    expect(report.staff.map((s) => s.staff)).toEqual(['chen-li']);
  });

  test('an unverified or unfounded complaint counts for nothing', async () => {
    const r = await fresh();
    await complaint(r, 'chen-li', '2026-03-02T09:00:00+08:00', 'unfounded');
    await complaint(r, 'chen-li', '2026-03-05T09:00:00+08:00', null);
    let report = await r.sanctions({ now: '2026-04-01T12:00:00+08:00' });
    expect(actionsOf(report, 'chen-li')).toEqual([]);
    const verified = await complaint(r, 'chen-li', '2026-04-02T09:00:00+08:00', 'verified');
    report = await r.sanctions({ now: '2026-04-10T12:00:00+08:00' });
    expect(actionsOf(report, 'chen-li')).toEqual(['通报批评']);
    expect(report.staff[0]!.facts.verifiedComplaints).toBe(1);
    expect(report.staff[0]!.actions[0]!.evidence.complaints).toEqual([verified]);
  });

  test('a new calendar year resets the count', async () => {
    const r = await fresh();
    await complaint(r, 'chen-li', '2026-05-02T09:00:00+08:00', 'verified');
    await complaint(r, 'chen-li', '2026-11-02T09:00:00+08:00', 'verified');
    expect(actionsOf(await r.sanctions({ now: '2026-12-31T23:00:00+08:00' }), 'chen-li')).toEqual(['下岗']);
    // 1 January (Shanghai time, whatever the machine's zone): nothing counts any more.
    expect(actionsOf(await r.sanctions({ now: '2027-01-01T00:30:00+08:00' }), 'chen-li')).toEqual([]);
    await complaint(r, 'chen-li', '2027-01-04T09:00:00+08:00', 'verified');
    expect(actionsOf(await r.sanctions({ now: '2027-01-05T12:00:00+08:00' }), 'chen-li')).toEqual(['通报批评']);
  });

  test('the complaint counts against the person the verification found responsible', async () => {
    const r = await fresh();
    const c = await r.complaints.add({ channel: 'phone', window: 'minzheng-window', content: '窗口无人', receivedBy: 'lin-xiaoyan', receivedAt: '2026-03-02T09:00:00+08:00' });
    await r.complaints.verify(c.id, { result: 'verified', handler: 'li-xiuying', staff: 'wang-jianhua', at: '2026-03-02T16:00:00+08:00' });
    const report = await r.sanctions({ now: '2026-03-03T12:00:00+08:00' });
    expect(actionsOf(report, 'wang-jianhua')).toEqual(['通报批评']);
    expect(actionsOf(report, 'chen-li')).toEqual([]);
  });
});

describe('the counting window is policy, not code', () => {
  const rolling = (yaml: string): string => yaml.replace(/countingWindow:\s*calendarYear/, 'countingWindow: rolling12Months');

  test('rolling 12 months (a YAML edit): complaints across New Year add up until a year has passed', async () => {
    const calendar = await fresh();
    const roll = await fresh(await editedPack(rolling));
    for (const r of [calendar, roll]) {
      await complaint(r, 'chen-li', '2026-06-10T09:00:00+08:00', 'verified');
      await complaint(r, 'chen-li', '2027-02-01T09:00:00+08:00', 'verified');
    }
    const asOf = '2027-03-01T12:00:00+08:00';
    expect(actionsOf(await calendar.sanctions({ now: asOf }), 'chen-li')).toEqual(['通报批评']);
    const report = await roll.sanctions({ now: asOf });
    expect(report.countingWindow.kind).toBe('rolling12Months');
    expect(actionsOf(report, 'chen-li')).toEqual(['下岗']);
    // Twelve months after the first one it has dropped out of the window.
    expect(actionsOf(await roll.sanctions({ now: '2027-06-10T08:00:00+08:00' }), 'chen-li')).toEqual(['下岗']);
    expect(actionsOf(await roll.sanctions({ now: '2027-06-10T10:00:00+08:00' }), 'chen-li')).toEqual(['通报批评']);
  });

  test('thresholds and actions come from the YAML too', async () => {
    const pack = await editedPack((yaml) => yaml.replace(/(id: complaint-first[\s\S]*?when: \{ fact: verifiedComplaints, operator: )equal, value: 1 \}/, '$1greaterThanInclusive, value: 1 }'));
    const r = await fresh(pack);
    await complaint(r, 'chen-li', '2026-06-10T09:00:00+08:00', 'verified');
    await complaint(r, 'chen-li', '2026-07-10T09:00:00+08:00', 'verified');
    expect(actionsOf(await r.sanctions({ now: '2026-08-01T00:00:00+08:00' }), 'chen-li')).toEqual(['通报批评', '下岗']);
  });
});

describe('other discipline facts', () => {
  test('an overdue case without reason counts against the person responsible; a recorded reason clears it', async () => {
    const pack = await samplePack();
    const r = await fresh(pack);
    const a = await r.cases.register({ decision: await decided(pack, completeApplication('2026-03-02T09:00:00+08:00'), 'accepted'), staff: 'chen-li' });
    const b = await r.cases.register({ decision: await decided(pack, completeApplication('2026-03-02T10:00:00+08:00'), 'accepted'), staff: 'chen-li' });
    const due = a.clock!.due;
    const late = new Date(Date.parse(due) + 3 * 86_400_000).toISOString();
    await r.cases.addEvent(a.record.id, { type: 'completed', staff: 'chen-li', at: late });
    await r.cases.addEvent(b.record.id, { type: 'completed', staff: 'chen-li', at: late });
    await r.cases.addEvent(b.record.id, { type: 'overdue-explained', staff: 'li-xiuying', at: late, reason: '入户调查遇暴雨道路中断' });
    const report = await r.sanctions({ now: '2026-06-01T00:00:00+08:00' });
    const chen = report.staff.find((s) => s.staff === 'chen-li')!;
    expect(chen.facts.overdueWithoutReason).toBe(1);
    expect(chen.actions.map((x) => x.actionName)).toEqual(['批评教育']);
    expect(chen.actions[0]!.evidence.cases).toEqual([a.record.id]);
  });

  test('forbidden-phrase findings, empty posts and bad reviews are counted from their records', async () => {
    const r = await fresh();
    const i1 = await r.incidents.add({ kind: 'forbidden-phrase', staff: 'liu-yang', recordedBy: 'li-xiuying', text: '这个不归我管，你找别人去', at: '2026-04-01T10:00:00+08:00' });
    expect(i1.phrases).toEqual(expect.arrayContaining(['不归我管', '找别人去']));
    await r.incidents.add({ kind: 'post-left-empty', staff: 'sun-wen', post: 'jianfang-post', recordedBy: 'li-xiuying', at: '2026-04-02T10:00:00+08:00' });
    const report = await r.sanctions({ now: '2026-05-01T00:00:00+08:00' });
    expect(actionsOf(report, 'liu-yang')).toEqual(['批评教育']);
    expect(report.staff.find((s) => s.staff === 'liu-yang')!.actions[0]!.evidence.incidents).toEqual([i1.id]);
    expect(actionsOf(report, 'sun-wen')).toEqual(['批评教育']);
    await expect(r.incidents.add({ kind: 'forbidden-phrase', staff: 'liu-yang', recordedBy: 'li-xiuying', text: '请稍等，我帮您查一下' })).rejects.toThrow(/没有 policy.yaml 所列的服务忌语/);
  });
});
