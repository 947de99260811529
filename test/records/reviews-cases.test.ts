// 好差评 at the end of a case: one review per case (一次一评, also under concurrent adds), only once
// the case is concluded, staff and window from the case; the follow-up clocks from policy.yaml
// (yellow, red, overdue); 申诉复核 once, a struck review out of metrics and sanctions.
import { expect, test } from 'vitest';
import type { Records } from '../../src/records/index.ts';
import { openRecords } from '../../src/records/index.ts';
import { completeApplication, decided, editedPack, openTemp, recordsPerTest, refusal, samplePack } from './helpers.ts';

const { fresh, reopen } = recordsPerTest();

/** A 低保 case of chen-li's post (民政窗口), received on 11-02, completed at `completedAt` (or left open). */
async function caseOf(records: Records, completedAt: string | null, receivedAt = '2026-11-02T09:30:00+08:00'): Promise<string> {
  const pack = await samplePack();
  const application = completeApplication(receivedAt);
  const v = await records.cases.register({ decision: await decided(pack, application, 'accepted'), application, staff: 'chen-li' });
  if (completedAt) await records.cases.addEvent(v.record.id, { type: 'completed', staff: 'chen-li', at: completedAt });
  return v.record.id;
}

test('a case review needs the case concluded; staff and window come from the case; indicators on the grades', async () => {
  const { records } = await fresh();
  const open = await caseOf(records, null);
  const err = await refusal(records.reviews.add({ grade: '满意', case: open, at: '2026-11-03T10:00:00+08:00' }));
  expect(err).toMatchObject({ code: 'E-REVIEW-CASE-OPEN', status: 409, location: { path: '$.case' } });
  expect(err.message).toContain('当前环节：受理');
  expect(await refusal(records.reviews.add({ grade: '满意', case: '2026-000099' }))).toMatchObject({ code: 'E-CASE-NOT-FOUND', status: 404, location: { path: '$.case' } });

  const done = await caseOf(records, '2026-11-05T10:00:00+08:00');
  // Not before the conclusion: at 09:00 the case was still open.
  expect((await refusal(records.reviews.add({ grade: '满意', case: done, at: '2026-11-05T09:00:00+08:00' }))).message).toContain('办结于 2026-11-05T10:00:00+08:00');
  expect(await refusal(records.reviews.add({ grade: '满意', case: done, at: '2026-11-05T11:00:00+08:00', indicators: { attitude: '很好' } }))).toMatchObject({ code: 'E-REVIEW-GRADE', location: { path: '$.indicators.attitude' } });

  const r = await records.reviews.add({ grade: '满意', case: done, at: '2026-11-05T11:00:00+08:00', indicators: { overall: '满意', attitude: '非常满意' }, comment: '办得快' });
  expect(r).toEqual({ id: 'P2026-00001', grade: '满意', at: '2026-11-05T11:00:00+08:00', staff: 'chen-li', window: 'minzheng-window', case: done, comment: '办得快', indicators: { overall: '满意', attitude: '非常满意' } });
  expect(records.reviews.view(r, '2026-11-05T11:00:00+08:00')).toEqual({ record: r, bad: false, struck: false, callback: null, rectification: null });
});

test('a consultation is concluded at receipt and can be reviewed at once', async () => {
  const { records } = await fresh();
  const pack = await samplePack();
  const application = { item: 'MZ-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: '2026-11-06T09:00:00+08:00' } as const;
  const v = await records.cases.register({ decision: await decided(pack, application, 'consultation'), staff: 'lin-xiaoyan' });
  const r = await records.reviews.add({ grade: '非常满意', case: v.record.id, at: '2026-11-06T09:05:00+08:00' });
  // The person answering for the case is the A holder of the item's post (民政), not the registrar.
  expect(r).toMatchObject({ case: v.record.id, staff: 'chen-li', window: 'minzheng-window' });
});

test('one review per case (一次一评): a second add is refused, also after a restart', async () => {
  const { records, dir } = await fresh();
  const id = await caseOf(records, '2026-11-05T10:00:00+08:00');
  const first = await records.reviews.add({ grade: '不满意', case: id, at: '2026-11-05T11:00:00+08:00' });
  const err = await refusal(records.reviews.add({ grade: '非常满意', case: id, at: '2026-11-05T11:01:00+08:00' }));
  expect(err).toMatchObject({ code: 'E-REVIEW-DUPLICATE', status: 409, location: { path: '$.case' } });
  expect(err.message).toContain(`办件 ${id} 已于 2026-11-05T11:00:00+08:00 评价（${first.id}）；一次一评，不能再次评价`);
  const again = await reopen(dir);
  expect((await refusal(again.reviews.add({ grade: '非常满意', case: id }))).code).toBe('E-REVIEW-DUPLICATE');
  expect([...again.reviews.all()]).toEqual([first]);
});

test('concurrent adds for one case save exactly one review', async () => {
  const { records, dir } = await fresh();
  const id = await caseOf(records, '2026-11-05T10:00:00+08:00');
  const other = await caseOf(records, '2026-11-05T10:30:00+08:00', '2026-11-02T10:00:00+08:00');
  const grades = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
  const settled = await Promise.allSettled([
    ...Array.from({ length: 20 }, (_, i) => records.reviews.add({ grade: grades[i % 5]!, case: id, at: '2026-11-05T11:00:00+08:00' })),
    records.reviews.add({ grade: '满意', case: other, at: '2026-11-05T11:00:00+08:00' }),
  ]);
  const saved = settled.filter((s) => s.status === 'fulfilled');
  expect(saved).toHaveLength(2);
  const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
  expect(refused.map((s) => (s.reason as { code: string }).code)).toEqual(Array(19).fill('E-REVIEW-DUPLICATE'));
  const again = await reopen(dir);
  const stored = [...again.reviews.all()];
  expect(stored.filter((r) => r.case === id)).toHaveLength(1);
  expect(stored.map((r) => r.id).sort()).toEqual(['P2026-00001', 'P2026-00002']);
});

test('the follow-up clocks run on policy.yaml: due, yellow, red, overdue', async () => {
  const { records } = await fresh();
  const id = await caseOf(records, '2026-11-05T10:00:00+08:00');
  const bad = await records.reviews.add({ grade: '不满意', case: id, at: '2026-11-05T11:00:00+08:00' });
  const at = (now: string) => records.reviews.view(bad, now);
  // badReviewCallback 1 calendar day → the end of the next day's office hours; 1 day is within the
  // 2-working-day yellow threshold (policy.warnings) from the start.
  expect(at('2026-11-05T11:00:00+08:00').callback).toEqual({ due: '2026-11-06T17:30:00+08:00', doneAt: null, overdue: false, level: 'yellow' });
  expect(at('2026-11-06T17:31:00+08:00').callback).toMatchObject({ overdue: true, level: 'red' });
  // badReviewRectification 15 working days → 11-26; yellow with 2 working days left, red after.
  expect(at('2026-11-05T11:00:00+08:00').rectification).toEqual({ due: '2026-11-26T17:30:00+08:00', doneAt: null, overdue: false, level: 'normal' });
  expect(at('2026-11-23T09:00:00+08:00').rectification?.level).toBe('normal');
  expect(at('2026-11-24T09:00:00+08:00').rectification?.level).toBe('yellow');
  expect(at('2026-11-27T09:00:00+08:00').rectification).toMatchObject({ overdue: true, level: 'red' });

  const called = await records.reviews.followUp(bad.id, 'callback', { by: 'li-xiuying', at: '2026-11-06T10:00:00+08:00', note: '已电话回访' });
  expect(records.reviews.view(called, '2026-11-30T09:00:00+08:00').callback).toEqual({ due: '2026-11-06T17:30:00+08:00', doneAt: '2026-11-06T10:00:00+08:00', overdue: false, level: 'normal' });
  const late = await records.reviews.followUp(bad.id, 'rectification', { by: 'li-xiuying', at: '2026-11-27T10:00:00+08:00' });
  expect(records.reviews.view(late, '2026-11-30T09:00:00+08:00').rectification).toMatchObject({ doneAt: '2026-11-27T10:00:00+08:00', overdue: true, level: 'red' });
});

test('the clocks are policy: other values in policy.yaml give other due times', async () => {
  const pack = await editedPack((yaml) =>
    yaml.replace(/badReviewCallback:\n {4}amount: 1\n {4}unit: calendarDays/, 'badReviewCallback:\n    amount: 3\n    unit: workingDays').replace(/badReviewRectification:\n {4}amount: 15/, 'badReviewRectification:\n    amount: 5'),
  );
  expect(pack.data.policy.clocks.badReviewCallback).toMatchObject({ amount: 3, unit: 'workingDays' });
  // The source documents are cited with the clocks.
  expect(pack.data.policy.clocks.badReviewCallback.basis?.map((b) => b.law)).toContain('《便民服务大厅管理制度》');
  const { records } = await openTemp(pack);
  try {
    const r = await records.reviews.add({ grade: '非常不满意', staff: 'chen-li', at: '2026-11-05T11:00:00+08:00' });
    const v = records.reviews.view(r, '2026-11-05T11:00:00+08:00');
    expect(v.callback?.due).toBe('2026-11-10T17:30:00+08:00');
    expect(v.rectification?.due).toBe('2026-11-12T17:30:00+08:00');
  } finally {
    await records.close();
  }
});

test('申诉复核 once, only of a bad review; struck: out of metrics and sanctions, no follow-up owed; upheld stays', async () => {
  const { records, dir } = await fresh();
  const a = await caseOf(records, '2026-11-05T10:00:00+08:00');
  const b = await caseOf(records, '2026-11-05T10:30:00+08:00', '2026-11-02T10:00:00+08:00');
  const c = await caseOf(records, '2026-11-05T10:40:00+08:00', '2026-11-02T10:10:00+08:00');
  const good = await records.reviews.add({ grade: '满意', case: c, at: '2026-11-05T12:00:00+08:00' });
  const struck = await records.reviews.add({ grade: '非常不满意', case: a, at: '2026-11-05T11:00:00+08:00', comment: '等太久' });
  const upheld = await records.reviews.add({ grade: '不满意', case: b, at: '2026-11-05T11:30:00+08:00' });

  expect(await refusal(records.reviews.appeal(good.id, { by: 'li-xiuying', outcome: 'struck', reason: 'x' }))).toMatchObject({ code: 'E-REVIEW-APPEAL-GOOD', status: 409 });
  expect(await refusal(records.reviews.appeal(struck.id, { by: 'li-xiuying', outcome: 'struck', reason: 'x', at: '2026-11-05T10:59:00+08:00' }))).toMatchObject({ code: 'E-REVIEW-TIME', location: { path: '$.appeal.at' } });
  expect(await refusal(records.reviews.appeal(struck.id, { by: 'nobody', outcome: 'struck', reason: 'x' }))).toMatchObject({ code: 'E-RECORD-STAFF', location: { path: '$.appeal.by' } });
  expect(await refusal(records.reviews.appeal('P2026-00099', { by: 'li-xiuying', outcome: 'struck', reason: 'x' }))).toMatchObject({ code: 'E-REVIEW-NOT-FOUND' });

  const before = await records.metrics('2026-11', { now: '2026-11-10T09:00:00+08:00' });
  expect(before.staff.find((s) => s.staff === 'chen-li')!.reviews).toMatchObject({ total: 3, bad: 2, struck: 0 });

  const s = await records.reviews.appeal(struck.id, { by: 'li-xiuying', outcome: 'struck', reason: '办件按时办结，评价人误评', at: '2026-11-12T09:00:00+08:00' });
  expect(s.appeal).toEqual({ at: '2026-11-12T09:00:00+08:00', by: 'li-xiuying', outcome: 'struck', reason: '办件按时办结，评价人误评' });
  const again = await refusal(records.reviews.appeal(struck.id, { by: 'li-xiuying', outcome: 'upheld', reason: '再议' }));
  expect(again).toMatchObject({ code: 'E-REVIEW-APPEALED', status: 409 });
  expect(again.message).toContain('“撤销”');
  await records.reviews.appeal(upheld.id, { by: 'li-xiuying', outcome: 'upheld', reason: '确有等候过久', at: '2026-11-12T09:30:00+08:00' });
  expect(await refusal(records.reviews.followUp(struck.id, 'rectification', { by: 'li-xiuying' }))).toMatchObject({ code: 'E-REVIEW-STRUCK', status: 409 });

  const r = await reopen(dir);
  const v = r.reviews.view(r.reviews.get(struck.id)!, '2026-12-31T09:00:00+08:00');
  expect(v).toMatchObject({ bad: true, struck: true });
  // The clocks stopped at the strike: nothing is owed after it.
  expect(v.rectification).toMatchObject({ overdue: false, doneAt: null });
  expect(r.reviews.view(r.reviews.get(upheld.id)!, '2026-12-31T09:00:00+08:00')).toMatchObject({ struck: false, rectification: { overdue: true } });

  const m = await r.metrics('2026-11', { now: '2026-11-30T18:00:00+08:00' });
  const chen = m.staff.find((x) => x.staff === 'chen-li')!;
  expect(chen.reviews).toEqual({
    total: 2,
    bad: 1,
    struck: 1,
    satisfaction: { numerator: 1, denominator: 2, rate: 0.5 },
    // The upheld review: its callback was due 11-06 and never made; its rectification was due 11-26.
    callback: { done: 0, late: 0, pending: 0, overdue: 1 },
    rectification: { done: 0, late: 0, pending: 0, overdue: 1 },
  });
  expect(m.windows.find((w) => w.window === 'minzheng-window')!.reviews).toMatchObject({ total: 2, bad: 1, struck: 1 });
  // As of before the appeal the struck review still counted.
  expect((await r.metrics('2026-11', { now: '2026-11-11T09:00:00+08:00' })).staff.find((x) => x.staff === 'chen-li')!.reviews).toMatchObject({ total: 3, bad: 2, struck: 0 });

  const sanctions = await r.sanctions({ now: '2026-11-30T18:00:00+08:00', all: true });
  expect(sanctions.staff.find((x) => x.staff === 'chen-li')!.facts.badReviews).toBe(1);
  expect((await r.sanctions({ now: '2026-11-11T09:00:00+08:00', all: true })).staff.find((x) => x.staff === 'chen-li')!.facts.badReviews).toBe(2);
});

test('metrics count each bad review’s follow-ups: in time, late, pending, overdue', async () => {
  const { records } = await fresh();
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push(await caseOf(records, `2026-11-05T1${i}:00:00+08:00`, `2026-11-02T09:${i + 1}0:00+08:00`));
  const reviews = [];
  for (const [i, id] of ids.entries()) reviews.push(await records.reviews.add({ grade: '不满意', case: id, at: `2026-11-05T1${i}:30:00+08:00` }));
  await records.reviews.followUp(reviews[0]!.id, 'callback', { by: 'li-xiuying', at: '2026-11-06T09:00:00+08:00' });
  await records.reviews.followUp(reviews[1]!.id, 'callback', { by: 'li-xiuying', at: '2026-11-09T09:00:00+08:00' });
  await records.reviews.followUp(reviews[0]!.id, 'rectification', { by: 'li-xiuying', at: '2026-11-20T09:00:00+08:00' });
  const m = await records.metrics('2026-11', { now: '2026-11-10T09:00:00+08:00' });
  const w = m.windows.find((x) => x.window === 'minzheng-window')!;
  expect(w.reviews.callback).toEqual({ done: 1, late: 1, pending: 0, overdue: 2 });
  // As of 11-10 the rectification done on 11-20 had not happened yet: all four still in time.
  expect(w.reviews.rectification).toEqual({ done: 0, late: 0, pending: 4, overdue: 0 });
  expect(w.reviews.satisfaction.rate).toBe(0);
});

test('a restart keeps the one-per-case index right for a review added by another writer before', async () => {
  // Written by one handle, refused by the next: the index is rebuilt from the register.
  const pack = await samplePack();
  const { records, dir } = await openTemp(pack);
  const id = await caseOf(records, '2026-11-05T10:00:00+08:00');
  await records.reviews.add({ grade: '满意', case: id, at: '2026-11-05T11:00:00+08:00' });
  await records.close();
  const next = await openRecords(dir, pack);
  try {
    expect(next.reviews.ofCase(id)?.grade).toBe('满意');
    expect((await refusal(next.reviews.add({ grade: '满意', case: id }))).code).toBe('E-REVIEW-DUPLICATE');
  } finally {
    await next.close();
  }
});

test('a review dated in the future is refused, and the case keeps its one review for the real one', async () => {
  const { records } = await fresh();
  const done = await caseOf(records, '2026-11-05T10:00:00+08:00');
  const err = await refusal(records.reviews.add({ grade: '非常不满意', case: done, at: '2099-01-01T10:00:00+08:00' }));
  expect(err).toMatchObject({ code: 'E-REVIEW-FUTURE', location: { path: '$.at' } });
  expect(err.message).toContain('晚于现在');
  const r = await records.reviews.add({ grade: '非常不满意', case: done, at: '2026-11-05T11:00:00+08:00' });
  expect(r.case).toBe(done);
  // The return call cannot be dated ahead either.
  expect(await refusal(records.reviews.followUp(r.id, 'callback', { by: 'li-xiuying', at: '2099-01-01T10:00:00+08:00' }))).toMatchObject({ code: 'E-REVIEW-FUTURE' });
});
