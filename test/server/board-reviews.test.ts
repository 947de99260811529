// The board's 好差评 column: a month's counts per window and grade from the real register, struck
// reviews left out, nothing about the reviewer, the comment or the staff member.
import { expect, test } from 'vitest';
import { boardReviews } from '../../src/server/board-reviews.ts';
import { openTemp, refusal, samplePack } from '../records/helpers.ts';

test('monthly counts per window: every window, every grade in policy order, struck excluded, no reviewer data', async () => {
  const pack = await samplePack();
  const { records } = await openTemp(pack);
  try {
    const add = (grade: string, window: string, at: string, extra = {}) => records.reviews.add({ grade, window, at, ...extra });
    await add('满意', 'minzheng-window', '2026-11-02T10:00:00+08:00', { reviewer: { name: '王小五', phone: '13900001111' }, comment: '很好，陈丽态度好' });
    await add('满意', 'minzheng-window', '2026-11-30T23:59:00+08:00');
    await add('非常不满意', 'minzheng-window', '2026-11-10T10:00:00+08:00', { staff: 'chen-li' });
    const struck = await add('不满意', 'minzheng-window', '2026-11-11T10:00:00+08:00');
    await records.reviews.appeal(struck.id, { by: 'li-xiuying', outcome: 'struck', reason: '误评', at: '2026-11-12T10:00:00+08:00' });
    await add('非常满意', 'renshe-window', '2026-11-15T10:00:00+08:00');
    // Outside the month (Beijing time): 10-31 23:59 and 12-01 00:00.
    await add('非常满意', 'minzheng-window', '2026-10-31T23:59:00+08:00');
    await add('非常满意', 'minzheng-window', '2026-12-01T00:00:00+08:00');
    // No window: nothing to put it under.
    await records.reviews.add({ grade: '不满意', staff: 'chen-li', at: '2026-11-20T10:00:00+08:00' });

    const board = boardReviews(records, pack.data, '2026-11');
    expect(board.month).toBe('2026-11');
    expect(board.windows.map((w) => w.window)).toEqual(pack.data.center.windows.map((w) => w.id));
    const minzheng = board.windows.find((w) => w.window === 'minzheng-window')!;
    expect(minzheng).toEqual({
      window: 'minzheng-window',
      number: 2,
      name: '民政窗口',
      total: 3,
      bad: 1,
      counts: [
        { grade: '非常满意', count: 0 },
        { grade: '满意', count: 2 },
        { grade: '基本满意', count: 0 },
        { grade: '不满意', count: 0 },
        { grade: '非常不满意', count: 1 },
      ],
    });
    expect(board.windows.find((w) => w.window === 'renshe-window')).toMatchObject({ total: 1, bad: 0 });
    expect(board.windows.find((w) => w.window === 'zonghe-window')).toMatchObject({ total: 0, bad: 0, counts: pack.data.policy.reviews.grades.map((grade) => ({ grade, count: 0 })) });
    const text = JSON.stringify(board);
    for (const secret of ['王小五', '王*五', '13900001111', '陈丽', 'chen-li', '很好']) expect(text).not.toContain(secret);
    // The served Pack works as well as its data.
    expect(boardReviews(records, pack, '2026-10').windows.find((w) => w.window === 'minzheng-window')!.total).toBe(1);
    expect(await refusal(Promise.resolve().then(() => boardReviews(records, pack, '2026')))).toMatchObject({ code: 'E-PERIOD' });
    expect(await refusal(Promise.resolve().then(() => boardReviews(records, pack, '2026-13')))).toMatchObject({ code: 'E-PERIOD' });
  } finally {
    await records.close();
  }
});
