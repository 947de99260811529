// 告知承诺制 in the register (issue 16), on real data directories: the post-check clock in the sweep
// (yellow/red), commitment-verified and commitment-false, and the false-commitment record that
// excludes the applicant from 告知承诺 next time.
import { describe, expect, test } from 'vitest';
import type { Application } from '../../src/pack/schema-types.ts';
import { RecordsError } from '../../src/records/index.ts';
import { recordsPerTest, samplePack } from './helpers.ts';

const { fresh, reopen } = recordsPerTest();

const ID = '320102198001011234';

function burial(receivedAt: string, extra: Partial<Application> = {}): Application {
  return {
    item: 'MZ-005',
    intent: 'apply',
    applicant: { type: 'person', name: '李四', idNumber: ID, phone: '13912345678', deceasedHukouLocal: true, cremated: true },
    materials: ['application', 'medical-death-cert', 'cremation-cert', 'applicant-id-card', 'hukou-cancellation', 'bank-account'],
    commitments: ['kinship-proof'],
    receivedAt,
    ...extra,
  };
}

describe('post-check (核查) of 告知承诺', () => {
  test('the sweep watches the 20-working-day post-check: none early, yellow near due, red past it, none once verified', async () => {
    const pack = await samplePack();
    const { records, dir } = await fresh();
    const app = burial('2026-11-23T09:00:00+08:00');
    const v = await records.cases.register({ decision: await pack.decide(app), application: app, staff: 'chen-li' });
    expect(v.record.decision.committed).toEqual([{ id: 'kinship-proof', name: '申请人与逝者的亲属关系证明' }]);
    // The subsidy is paid within the promised 5 working days; the post-check clock keeps running.
    await records.cases.addEvent(v.record.id, { type: 'completed', staff: 'chen-li', at: '2026-11-25T16:00:00+08:00' });

    expect(records.sweep({ now: '2026-12-01T10:00:00+08:00' }).postChecks).toEqual([]);
    // 2026-11-23 + 20 working days (no holiday in between) = end of 2026-12-21; 2 working days left from the 17th.
    const yellow = records.sweep({ now: '2026-12-17T10:00:00+08:00' });
    expect(yellow.postChecks).toEqual([
      expect.objectContaining({ case: v.record.id, item: 'MZ-005', level: 'yellow', due: '2026-12-21T17:30:00+08:00', materials: [{ id: 'kinship-proof', name: '申请人与逝者的亲属关系证明' }], by: '民政办向逝者户籍所在村（居）民委员会核实', responsible: { staff: 'chen-li', name: '陈丽' } }),
    ]);
    expect(yellow.flagged).toEqual([]);
    expect(records.sweep({ now: '2026-12-22T10:00:00+08:00' }).postChecks).toEqual([expect.objectContaining({ level: 'red' })]);

    // Survives a restart; verification stops the clock.
    const again = await reopen(dir);
    await again.cases.addEvent(v.record.id, { type: 'commitment-verified', staff: 'chen-li', at: '2026-12-18T10:00:00+08:00', note: '村委会核实属实' });
    expect(again.sweep({ now: '2026-12-22T10:00:00+08:00' }).postChecks).toEqual([]);
    // Only once: a second conclusion is refused.
    await expect(again.cases.addEvent(v.record.id, { type: 'commitment-false', staff: 'chen-li', at: '2026-12-19T10:00:00+08:00', reason: '重复' })).rejects.toThrow(/已有核查结论/);
  });

  test('commitment-false ends a running case and excludes the applicant next time (matched by ID number, cited by case)', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const first = burial('2026-11-23T09:00:00+08:00');
    const v = await records.cases.register({ decision: await pack.decide(first), application: first, staff: 'chen-li' });
    const ended = await records.cases.addEvent(v.record.id, { type: 'commitment-false', staff: 'chen-li', at: '2026-11-24T15:00:00+08:00', reason: '村委会证实申请人与逝者无亲属关系' });
    expect(ended.record.events.map((e) => e.type)).toEqual(['received', 'accepted', 'commitment-false', 'completed']);
    expect(ended.status).toBe('completed');
    expect(ended.record.events.at(-1)?.reason).toBe('终止办理：核查发现告知承诺不实（终止办理、追回补贴、记入信用记录）');
    expect(records.sweep({ now: '2026-12-22T10:00:00+08:00' }).postChecks).toEqual([]);

    // The same person, the ID number typed with a lowercase check letter and spaces: still found.
    const second = burial('2026-12-01T09:00:00+08:00', { applicant: { type: 'person', name: '李四', idNumber: ' 320102 19800101 1234 ', deceasedHukouLocal: true, cremated: true } });
    const excluded = await records.cases.commitmentExclusion(second);
    expect(excluded?.reason).toBe(`登记簿中有虚假承诺记录：办件 ${v.record.id}（惠民殡葬补贴申领）于 2026-11-24 核查发现承诺不实`);
    expect(excluded?.reason).not.toContain('1234');
    const d = await pack.decide(second, { commitmentExcluded: excluded! });
    expect(d.kind).toBe('supplement');
    expect(d.missing.map((m) => m.id)).toEqual(['kinship-proof']);
    const s = await records.cases.register({ decision: d, application: second, staff: 'chen-li' });
    expect(s.status).toBe('supplement');

    // Another person is not excluded; nor is an application that commits to nothing.
    expect(await records.cases.commitmentExclusion(burial('2026-12-01T09:00:00+08:00', { applicant: { type: 'person', idNumber: '110101199001011235', deceasedHukouLocal: true, cremated: true } }))).toBeUndefined();
    expect(await records.cases.commitmentExclusion({ ...second, commitments: [] })).toBeUndefined();
  });

  test('commitment-false requires a reason; a case without committed materials has nothing to check', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const app = burial('2026-11-23T09:00:00+08:00');
    const v = await records.cases.register({ decision: await pack.decide(app), application: app, staff: 'chen-li' });
    await expect(records.cases.addEvent(v.record.id, { type: 'commitment-false', staff: 'chen-li', at: '2026-11-24T15:00:00+08:00' })).rejects.toBeInstanceOf(RecordsError);
    const plain = { ...app, commitments: [], materials: [...app.materials!, 'kinship-proof'] };
    const p = await records.cases.register({ decision: await pack.decide(plain), application: plain, staff: 'chen-li' });
    const err = await records.cases.addEvent(p.record.id, { type: 'commitment-verified', staff: 'chen-li', at: '2026-11-24T15:00:00+08:00' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordsError);
    expect((err as RecordsError).message).toContain('没有以告知承诺代替的材料');
  });
});
