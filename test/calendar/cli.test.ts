// `bianmin deadline` and `bianmin calendar` on the sample pack, run in-process through runCli.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { bianmin as run, type Ran } from '../cli/run.ts';
import { ROOT, RULES } from './helpers.ts';

function bianmin(...args: string[]): Promise<Ran> {
  return run(args);
}

let pack: Pack;
let item: string;
beforeAll(async () => {
  pack = await loadPack(RULES);
  // Any item of the sample pack with a day limit.
  item = [...pack.data.items.values()].find((i) => i.data.limits?.promised.unit === 'workingDays')!.data.code;
});

describe('bianmin deadline', () => {
  test('--json prints the same deadline as the library, suspensions applied', async () => {
    const args = ['deadline', '--item', item, '--accepted-at', '2026-09-28T09:30:00+08:00', '--suspend', '2026-10-09T10:00/2026-10-14T15:00', '--json'];
    const r = await bianmin(...args);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const expected = pack.deadline(item, '2026-09-28T09:30:00+08:00', { suspensions: [{ from: '2026-10-09T10:00', to: '2026-10-14T15:00' }] });
    expect(out).toMatchObject({ item, ...expected });
    // The suspension moved both dues.
    const plain = pack.deadline(item, '2026-09-28T09:30:00+08:00');
    expect(expected.promised.due > plain.promised.due).toBe(true);
  });

  test('text output in Chinese with both dues', async () => {
    const r = await bianmin('deadline', '--item', item, '--accepted-at', '2026-09-28T09:30:00+08:00');
    const d = pack.deadline(item, '2026-09-28T09:30:00+08:00');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('受理时间：2026-09-28（星期一）09:30');
    expect(r.stdout).toContain(`承诺期限：${d.promised.amount} 个工作日，应于 ${d.promised.due.slice(0, 10)}`);
    expect(r.stdout).toContain(`法定期限：${d.statutory.amount}`);
  });

  test('an item the pack does not have is wrong input, exit 1 as in decide and guide (test/cli/exit-codes.test.ts)', async () => {
    const r = await bianmin('deadline', '--item', 'NO-SUCH', '--accepted-at', '2026-09-28T09:30');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/没有事项 NO-SUCH/);
  });

  test.each([
    [['--item', 'X', '--accepted-at', '2026-02-30T09:30'], /--accepted-at：时间 '2026-02-30T09:30' 不是真实存在的日期/],
    [['--item', 'X', '--accepted-at', '2026-09-28', '--suspend', '2026-10-09'], /--suspend 的值 '2026-10-09' 应写成/],
    [['--accepted-at', '2026-09-28'], /必须提供选项 '--item/],
    [['--item', 'X', '--accepted-at', '2026-09-28', '--bogus'], /未知选项 '--bogus'/],
  ])('bad flags %j: Chinese usage error, exit 2', async (args, message) => {
    const r = await bianmin('deadline', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  test('a suspension ending before it starts is a usage error naming the flag', async () => {
    const r = await bianmin('deadline', '--item', item, '--accepted-at', '2026-09-28', '--suspend', '2026-10-09/2026-10-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 1 个 --suspend 的恢复时间');
  });

  test('a pack that cannot load: exit 1 with the diagnostics', async () => {
    const r = await bianmin('deadline', '--item', item, '--accepted-at', '2026-09-28', '--rules', path.join(ROOT, 'no-such-pack'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[E-PACK-NOT-FOUND]');
    expect(r.stderr).toContain('无法加载');
  });
});

describe('bianmin calendar', () => {
  test('--year 2026 --json: holidays, make-up days and working days per month', async () => {
    const r = await bianmin('calendar', '--year', '2026', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { source: string; workingDays: number; holidays: Array<{ from: string; to: string }>; workdays: Array<{ date: string }>; months: Array<{ month: number; workingDays: number }> };
    expect(s.source).toBe('pack');
    expect(s.workingDays).toBe(248);
    expect(s.holidays).toContainEqual(expect.objectContaining({ from: '2026-10-01', to: '2026-10-07' }));
    expect(s.workdays.map((w) => w.date)).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
    expect(s.months.reduce((t, m) => t + m.workingDays, 0)).toBe(248);
  });

  test('text output: the statutory holidays for a later year nobody declares, weekends only before the package data', async () => {
    const r = await bianmin('calendar', '--year', '2030');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2030 年节假日安排');
    expect(r.stdout).toContain('《全国年节及纪念日放假办法》');
    expect(r.stdout).toContain('春节：2030-02-02 至 2030-02-05，共 4 天');
    expect(r.stdout).toContain('警告 [calendar-provisional]');
    const early = await bianmin('calendar', '--year', '2002');
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('只按周末推算');
    expect(early.stdout).toContain('警告 [calendar-uncovered]');
  });

  test.each([['1999'], ['20x6'], ['2101']])('--year %s: usage error, exit 2', async (year) => {
    const r = await bianmin('calendar', '--year', year);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--year 的值');
  });
});
