import { afterEach, describe, expect, test } from 'vitest';
import type { Records } from '../../src/records/index.ts';
import { openTemp, samplePack } from './helpers.ts';

const open: Records[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function fresh(): Promise<Records> {
  const { records } = await openTemp(await samplePack());
  open.push(records);
  return records;
}

describe('complaints ledger', () => {
  test('reply is due by the policy clocks: same or next day, a week when complex', async () => {
    const r = await fresh();
    // A Tuesday, so that no due day falls on a weekend.
    const simple = await r.complaints.add({ channel: 'phone', staff: 'chen-li', content: '电话无人接听', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-10T16:00:00+08:00' });
    const complex = await r.complaints.add({ channel: 'written', window: 'jianfang-window', content: '建房审批涉及三个部门互相推诿', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-10T16:00:00+08:00', complex: true });
    const sv = r.complaints.view(simple, '2026-11-10T17:00:00+08:00');
    const cv = r.complaints.view(complex, '2026-11-10T17:00:00+08:00');
    // policy.yaml: complaintReply 1 calendar day, complaintReplyComplex 7 calendar days.
    expect(sv.replyDue.slice(0, 10)).toBe('2026-11-11');
    expect(cv.replyDue.slice(0, 10)).toBe('2026-11-17');
    expect(sv.replyOverdue).toBe(false);
    expect(r.complaints.view(simple, '2026-11-12T09:00:00+08:00').replyOverdue).toBe(true);
    const replied = await r.complaints.reply(simple.id, { by: 'lin-xiaoyan', content: '已核实并致歉', at: '2026-11-11T10:00:00+08:00' });
    expect(replied.reply?.channel).toBe('phone');
    expect(r.complaints.view(replied, '2026-12-01T00:00:00+08:00').replyOverdue).toBe(false);
  });

  test('the reply goes back on the complaint\'s channel: written must be written', async () => {
    const r = await fresh();
    const written = await r.complaints.add({ channel: 'written', staff: 'chen-li', content: '材料被要求重复提交', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-06T10:00:00+08:00' });
    await expect(r.complaints.reply(written.id, { channel: 'oral', by: 'li-xiuying', content: '已处理' })).rejects.toThrow(/书面投诉必须书面答复/);
    const oral = await r.complaints.add({ channel: 'oral', staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-06T10:00:00+08:00' });
    await expect(r.complaints.reply(oral.id, { channel: 'phone', by: 'li-xiuying', content: '已处理' })).rejects.toThrow(/口头投诉应以口头方式答复/);
    expect((await r.complaints.reply(oral.id, { by: 'li-xiuying', content: '当面致歉', at: '2026-11-06T11:00:00+08:00' })).reply?.channel).toBe('oral');
    await expect(r.complaints.reply(oral.id, { by: 'li-xiuying', content: '再答复' })).rejects.toThrow(/已于 .* 答复/);
  });

  test('a major matter must come in writing; a target is required; a verification is final', async () => {
    const r = await fresh();
    await expect(r.complaints.add({ channel: 'phone', staff: 'chen-li', content: '索要好处费', receivedBy: 'lin-xiaoyan', major: true })).rejects.toThrow(/重大事项的投诉应采用书面形式/);
    await expect(r.complaints.add({ channel: 'oral', content: '不知道投诉谁', receivedBy: 'lin-xiaoyan' })).rejects.toThrow(/被投诉的工作人员或窗口/);
    await expect(r.complaints.add({ channel: 'oral', staff: 'zhang-san', content: 'x', receivedBy: 'lin-xiaoyan' })).rejects.toThrow(/`zhang-san` 未在 center.yaml 中声明/);
    const c = await r.complaints.add({ channel: 'written', staff: 'chen-li', content: '索要好处费', receivedBy: 'lin-xiaoyan', major: true, receivedAt: '2026-11-06T10:00:00+08:00' });
    await r.complaints.verify(c.id, { result: 'unfounded', handler: 'li-xiuying', at: '2026-11-07T10:00:00+08:00', note: '经调阅监控，不属实' });
    await expect(r.complaints.verify(c.id, { result: 'verified', handler: 'zhang-weiguo' })).rejects.toThrow(/结论不能更改/);
    expect(r.complaints.get(c.id)?.verification?.result).toBe('unfounded');
  });

  test('a published outcome never names the complainant', async () => {
    const r = await fresh();
    const c = await r.complaints.add({ channel: 'oral', staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-06T10:00:00+08:00', complainant: { name: '王小五', phone: '13900001111', idNumber: '320102199001011234', address: '青石镇人民路1号' } });
    const pending = r.complaints.publicOutcome(c);
    expect(pending.target).toBe('—');
    const v = await r.complaints.verify(c.id, { result: 'verified', handler: 'li-xiuying', at: '2026-11-07T10:00:00+08:00' });
    const outcome = r.complaints.publicOutcome(v);
    expect(outcome).toMatchObject({ result: '查实', target: '陈丽', channel: '口头' });
    const text = JSON.stringify(outcome);
    for (const secret of ['王小五', '13900001111', '320102199001011234', '人民路']) expect(text).not.toContain(secret);
  });
});

describe('好差评', () => {
  test('a bad review opens the return-call and rectification clocks; a good one none', async () => {
    const r = await fresh();
    await expect(r.reviews.add({ grade: '很差', staff: 'chen-li' })).rejects.toThrow(/不在 policy.yaml 的 reviews.grades 中/);
    const good = await r.reviews.add({ grade: '非常满意', staff: 'chen-li', at: '2026-11-06T10:00:00+08:00' });
    expect(r.reviews.view(good, '2026-11-06T10:00:00+08:00')).toMatchObject({ bad: false, callback: null, rectification: null });
    await expect(r.reviews.followUp(good.id, 'callback', { by: 'li-xiuying' })).rejects.toThrow(/不是差评/);

    const bad = await r.reviews.add({ grade: '不满意', staff: 'chen-li', at: '2026-11-10T10:00:00+08:00', comment: '等了很久', reviewer: { phone: '13900001111' } });
    const v = r.reviews.view(bad, '2026-11-10T12:00:00+08:00');
    expect(v.bad).toBe(true);
    // policy.yaml: callback within 1 calendar day, rectification within 15 working days.
    expect(v.callback!.due.slice(0, 10)).toBe('2026-11-11');
    expect(v.rectification!.due.slice(0, 10)).toBe('2026-12-01');
    expect(r.reviews.view(bad, '2026-11-12T09:00:00+08:00').callback!.overdue).toBe(true);
    const called = await r.reviews.followUp(bad.id, 'callback', { by: 'li-xiuying', at: '2026-11-11T09:00:00+08:00', note: '已电话回访致歉' });
    const later = r.reviews.view(called, '2026-12-31T00:00:00+08:00');
    expect(later.callback).toMatchObject({ doneAt: '2026-11-11T09:00:00+08:00', overdue: false });
    expect(later.rectification!.overdue).toBe(true);
    // A bad review is a discipline fact too (policy rules may use badReviews).
    const report = await r.sanctions({ now: '2026-12-01T00:00:00+08:00', all: true });
    expect(report.staff.find((s) => s.staff === 'chen-li')!.facts.badReviews).toBe(1);
  });
});
