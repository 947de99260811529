// 好差评: grades from the pack, the follow-ups of a bad review, each recorded once and in order.
import { expect, test } from 'vitest';
import { recordsPerTest, refusal } from './helpers.ts';

const { fresh, reopen } = recordsPerTest();

test('a review names a declared window or staff member; an empty reviewer is not stored', async () => {
  const { records } = await fresh();
  expect(await refusal(records.reviews.add({ grade: '满意', window: 'window-99' }))).toMatchObject({ code: 'E-RECORD-WINDOW', location: { path: '$.window' } });
  expect(await refusal(records.reviews.add({ grade: '满意', staff: 'nobody' }))).toMatchObject({ code: 'E-RECORD-STAFF' });
  // A case review needs the case in the register.
  expect(await refusal(records.reviews.add({ grade: '满意', case: '2026-000001' }))).toMatchObject({ code: 'E-CASE-NOT-FOUND', status: 404, location: { path: '$.case' } });
  const r = await records.reviews.add({ grade: '满意', window: 'minzheng-window', at: '2026-11-23T10:00:00+08:00', reviewer: {} });
  expect(r).toEqual({ id: 'P2026-00001', grade: '满意', window: 'minzheng-window', at: '2026-11-23T10:00:00+08:00' });
  expect(await refusal(records.reviews.add({ grade: 'good' }))).toMatchObject({ code: 'E-REVIEW-GRADE', location: { path: '$.grade' } });
});

test('each follow-up of a bad review is recorded once, not before the review, by a declared staff member', async () => {
  const { records } = await fresh();
  const bad = await records.reviews.add({ grade: '非常不满意', staff: 'chen-li', at: '2026-11-10T10:00:00+08:00' });
  expect(await refusal(records.reviews.followUp('P2026-00099', 'callback', { by: 'li-xiuying' }))).toMatchObject({ code: 'E-REVIEW-NOT-FOUND' });
  expect(await refusal(records.reviews.followUp(bad.id, 'callback', { by: 'li-xiuying', at: '2026-11-10T09:59:00+08:00' }))).toMatchObject({ code: 'E-REVIEW-TIME', location: { path: '$.callback.at' } });
  expect(await refusal(records.reviews.followUp(bad.id, 'rectification', { by: 'nobody' }))).toMatchObject({ code: 'E-RECORD-STAFF', location: { path: '$.rectification.by' } });
  await records.reviews.followUp(bad.id, 'callback', { by: 'li-xiuying', at: '2026-11-10T15:00:00+08:00' });
  const err = await refusal(records.reviews.followUp(bad.id, 'callback', { by: 'li-xiuying', at: '2026-11-11T15:00:00+08:00' }));
  expect(err.code).toBe('E-REVIEW-DONE');
  expect(err.message).toContain('回访');
  expect(err.status).toBe(409);
  // The first callback stands.
  expect(records.reviews.get(bad.id)?.callback?.at).toBe('2026-11-10T15:00:00+08:00');
});

test('a rectification done after its due time counts as overdue; follow-ups survive a restart', async () => {
  const { records, dir } = await fresh();
  const bad = await records.reviews.add({ grade: '不满意', staff: 'chen-li', at: '2026-11-10T10:00:00+08:00' });
  // policy.yaml: rectification within 15 working days, due 2026-12-01.
  await records.reviews.followUp(bad.id, 'rectification', { by: 'li-xiuying', at: '2026-12-02T09:00:00+08:00', note: '已整改并反馈' });
  const again = await reopen(dir);
  const stored = again.reviews.get(bad.id)!;
  expect(stored.rectification).toEqual({ at: '2026-12-02T09:00:00+08:00', by: 'li-xiuying', note: '已整改并反馈' });
  expect(again.reviews.view(stored, '2026-12-02T09:00:00+08:00').rectification).toMatchObject({ doneAt: '2026-12-02T09:00:00+08:00', overdue: true });
  expect((await again.reviews.add({ grade: '满意', at: '2026-12-02T09:30:00+08:00' })).id).toBe('P2026-00002');
});
