// Danger 9 of issue 15: policy was not dated — `sanctions` and `metrics` for a past period applied
// today's policy.yaml. policy.yaml now takes `changes` (effectiveFrom, whole top-level fields), and
// each period is judged under the policy then in force. Before the fix the `changes` block was
// refused by the schema (and, without the schema, ignored): the 2027 period was judged by the
// 2026 thresholds, and the tightened rule below never fired.
import { afterEach, describe, expect, test } from 'vitest';
import type { Pack } from '../../src/index.ts';
import type { Records, SanctionsReport } from '../../src/records/index.ts';
import { policyAt, policyPeriods } from '../../src/pack/index.ts';
import { editedPack, openTemp } from './helpers.ts';

const open: Records[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const ACTIONS = `        actions:
          - { id: criticism-notice, name: 通报批评 }
          - { id: off-post, name: 下岗 }
          - { id: education, name: 批评教育 }
          - { id: warning, name: 警告 }
          - { id: demerit, name: 记过 }
          - { id: demotion, name: 降职 }
          - { id: dismissal, name: 撤职 }
        ladder: [education, warning, demerit, demotion, dismissal]`;

/** From 2027-01-01 one verified complaint already means 下岗, and 称职 needs no verified complaint. */
const TIGHTENED = (window: string) => `
changes:
  - effectiveFrom: "2027-01-01"
    reference: 《便民服务中心投诉管理监督制度》（2026年12月修订）
    note: 投诉查实一次即下岗；有查实投诉的不得评为称职
    set:
      discipline:
        countingWindow: ${window}
${ACTIONS}
        rules:
          - id: complaint-first
            name: 一次投诉，查实下岗
            when: { fact: verifiedComplaints, operator: greaterThanInclusive, value: 1 }
            action: off-post
      assessment:
        period: year
        standards:
          firstInquiryAcceptanceRate: 1
          firstInquiryCompletionRate: 0.95
          timelyCompletionRate: 0.95
        grades:
          - grade: 优秀
            when:
              all:
                - { fact: meetsStandards, operator: equal, value: true }
                - { fact: verifiedComplaints, operator: equal, value: 0 }
          - grade: 称职
            when:
              all:
                - { fact: meetsStandards, operator: equal, value: true }
                - { fact: verifiedComplaints, operator: equal, value: 0 }
          - grade: 不称职
`;

async function packWithChange(window = 'calendarYear', before = (t: string) => t): Promise<Pack> {
  return editedPack((text) => `${before(text)}${TIGHTENED(window)}`);
}

async function fresh(pack: Pack): Promise<Records> {
  const { records } = await openTemp(pack);
  open.push(records);
  return records;
}

async function complaint(r: Records, staff: string, receivedAt: string): Promise<string> {
  const c = await r.complaints.add({ channel: 'oral', staff, content: '办事时态度生硬', receivedBy: 'lin-xiaoyan', receivedAt, complainant: { name: '王五', phone: '13900001111' } });
  await r.complaints.verify(c.id, { result: 'verified', handler: 'li-xiuying', at: receivedAt.replace('T09', 'T15') });
  return c.id;
}

function actionsOf(report: SanctionsReport, staff: string): string[] {
  return report.staff.find((s) => s.staff === staff)?.actions.map((a) => a.actionName) ?? [];
}

describe('policyAt: changes applied in order of effectiveFrom, each replacing whole fields', () => {
  test('the version in force on a day, and the spans of a range', async () => {
    const pack = await packWithChange();
    const policy = pack.data.policy;
    expect(policyAt(policy, '2026-12-31').discipline.rules.map((r) => r.id)).toContain('complaint-second');
    const v2027 = policyAt(policy, '2027-01-01');
    expect(v2027.discipline.rules.map((r) => r.id)).toEqual(['complaint-first']);
    // Fields the change does not set stay as the top level writes them.
    expect(v2027.clocks).toEqual(policy.clocks);
    // Keeping `changes` makes it composable.
    expect(policyAt(policyAt(policy, '2026-06-01'), '2027-06-01')).toEqual(v2027);
    const spans = policyPeriods(policy, '2026-06-01', '2027-06-01');
    expect(spans.map((s) => [s.from, s.to])).toEqual([[null, '2027-01-01'], ['2027-01-01', null]]);
    expect(spans[1]!.version.at('discipline')).toEqual(['changes', 0, 'set', 'discipline']);
    expect(spans[1]!.version.at('clocks')).toEqual(['clocks']);
    expect(policyPeriods(policy, '2026-01-01', '2026-12-31')).toHaveLength(1);
  });
});

describe('sanctions: each matter judged under the rules in force on its day', () => {
  test('a 2026 complaint by the old thresholds (通报批评), a 2027 one by the new (下岗)', async () => {
    const r = await fresh(await packWithChange());
    await complaint(r, 'chen-li', '2026-03-02T09:00:00+08:00');
    await complaint(r, 'liu-yang', '2027-03-02T09:00:00+08:00');
    const past = await r.sanctions({ now: '2026-12-20T12:00:00+08:00' });
    expect(actionsOf(past, 'chen-li')).toEqual(['通报批评']);
    expect(past.staff[0]!.actions[0]!.effectiveFrom).toBeNull();

    const later = await r.sanctions({ now: '2027-03-10T12:00:00+08:00' });
    expect(actionsOf(later, 'chen-li')).toEqual([]); // a new calendar year: counted afresh
    expect(actionsOf(later, 'liu-yang')).toEqual(['下岗']);
    const action = later.staff.find((s) => s.staff === 'liu-yang')!.actions[0]!;
    expect(action.effectiveFrom).toBe('2027-01-01');
    // The rule is located in the change that writes it, not at the top level.
    const top = past.staff[0]!.actions[0]!.source.line;
    expect(action.source.line).toBeGreaterThan(top);
  });

  test('a window across the change: a complaint before it is not judged by the later, stricter rule', async () => {
    const pack = await packWithChange('rolling12Months', (t) => t.replace('countingWindow: calendarYear', 'countingWindow: rolling12Months'));
    const r = await fresh(pack);
    await complaint(r, 'chen-li', '2026-12-10T09:00:00+08:00');
    // In force on 2027-01-05: “一次投诉，查实下岗”. The complaint came under “查实通报”.
    let report = await r.sanctions({ now: '2027-01-05T12:00:00+08:00' });
    expect(report.countingWindow.kind).toBe('rolling12Months');
    expect(actionsOf(report, 'chen-li')).toEqual(['通报批评']);
    // A second complaint under the new rules brings the count to 2 under them.
    await complaint(r, 'chen-li', '2027-01-04T09:00:00+08:00');
    report = await r.sanctions({ now: '2027-01-05T12:00:00+08:00' });
    expect(actionsOf(report, 'chen-li')).toEqual(['下岗']);
    expect(report.staff[0]!.facts.verifiedComplaints).toBe(2);
  });
});

describe('metrics: a period judged by the standards and grades in force at its end', () => {
  test('one verified complaint: 称职 in 2026, 不称职 in 2027', async () => {
    const r = await fresh(await packWithChange());
    await complaint(r, 'chen-li', '2026-03-02T09:00:00+08:00');
    await complaint(r, 'chen-li', '2027-03-02T09:00:00+08:00');
    const now = { now: '2027-06-01T12:00:00+08:00' };
    const grade = (m: Awaited<ReturnType<Records['metrics']>>) => m.staff.find((s) => s.staff === 'chen-li')!.grade;
    expect(grade(await r.metrics('2026', now))).toBe('称职');
    expect(grade(await r.metrics('2027', now))).toBe('不称职');
    // Asked before the change took effect, a running 2027 period is not judged by it yet.
    expect(grade(await r.metrics('2026-12', { now: '2026-12-31T12:00:00+08:00' }))).toBe('优秀');
  });
});
