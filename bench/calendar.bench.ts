// The statutory clock: deadline computations per second (precomputed day index) and a 电子监察
// warning sweep over 1,000,000 open cases.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clock, computeDeadline, formatInstant, sweepClocks, type ClockCase } from '../src/calendar/index.ts';
import type { Limits } from '../src/pack/schema-types.ts';
import { defaultLimits, itemVersionAt } from '../src/pack/index.ts';
import { loadPack } from '../src/index.ts';
import { median, type BenchResult } from './types.ts';

const RULES = fileURLToPath(new URL('../rules', import.meta.url));
const RUNS = 5;

export default async function (): Promise<BenchResult[]> {
  const pack = await loadPack(path.resolve(RULES));
  const cal = pack.calendar;
  const limits: Limits[] = [...pack.data.items.values()].map((i) => defaultLimits(itemVersionAt(i.data, '2026-01-05'), pack.data.policy));

  // Acceptance times spread over 2026 at minute resolution, as ISO strings (what callers pass).
  const base = Date.parse('2026-01-05T00:30:00Z');
  const starts = Array.from({ length: 10_000 }, (_, i) => formatInstant(base + ((i * 7919) % (350 * 1440)) * 60_000));

  const N = 1_000_000;
  const rates: number[] = [];
  let sink = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) sink += computeDeadline(cal, limits[i % limits.length]!, starts[i % starts.length]!).promised.due.length;
    rates.push(N / ((performance.now() - t0) / 1000));
  }
  const deadlineRate = median(rates);

  // The full clock state (due, remaining, level, warnings, ISO output) of one case.
  const policy = pack.data.policy;
  const clockCase: ClockCase = { acceptedAt: '', promised: { amount: 10, unit: 'workingDays' }, statutory: { amount: 20, unit: 'workingDays' } };
  const clockRates: number[] = [];
  const clockNow = Date.parse('2026-12-01T02:00:00Z');
  for (let run = 0; run < RUNS; run++) {
    const M = 300_000;
    const t0 = performance.now();
    for (let i = 0; i < M; i++) sink += clock(cal, policy, { ...clockCase, acceptedAt: starts[i % starts.length]! }, clockNow).remaining.amount;
    clockRates.push(M / ((performance.now() - t0) / 1000));
  }
  const clockRate = median(clockRates);

  // 1,000,000 open cases accepted over the last ~60 days, 10 % suspended once, 5 % extended.
  const now = Date.parse('2026-11-20T02:00:00Z');
  const cases: ClockCase[] = [];
  const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });
  const promised = [wd(5), wd(10), wd(15), wd(20)];
  const statutory = wd(20);
  const max = wd(10);
  for (let i = 0; i < 1_000_000; i++) {
    const accepted = now - ((i * 104729) % (60 * 1440)) * 60_000;
    const c: ClockCase = { acceptedAt: formatInstant(accepted), promised: promised[i % 4]!, statutory, extensionMax: max };
    if (i % 10 === 3) {
      const from = accepted + 2 * 86_400_000;
      cases.push({ ...c, suspensions: [{ from: formatInstant(from), ...(i % 20 === 3 ? {} : { to: formatInstant(from + 3 * 86_400_000) }), reason: '补正' }] });
    } else if (i % 20 === 7) {
      cases.push({ ...c, extensions: [{ amount: 5, unit: 'workingDays', approvedBy: '中心主任', approvedAt: formatInstant(accepted + 86_400_000) }] });
    } else cases.push(c);
  }
  const sweeps: number[] = [];
  let flagged = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const r = sweepClocks(cal, pack.data.policy, cases, now);
    sweeps.push((performance.now() - t0) / 1000);
    flagged = r.yellow + r.red;
    if (r.errors.length > 0) throw new Error(`基准数据有误：${r.errors[0]!.error.message}`);
  }
  const sweep = median(sweeps);
  if (Number.isNaN(sink) || flagged === 0) throw new Error('基准没有产生结果');

  return [
    { name: '期限计算（computeDeadline：承诺+法定，ISO 输入输出）', value: deadlineRate, unit: '次/秒', target: '≥ 1,000,000 次/秒', ok: deadlineRate >= 1_000_000 },
    { name: '单件时钟状态（clock：到期、剩余、黄牌红牌、警告，ISO 输出）', value: clockRate, unit: '次/秒' },
    { name: '电子监察扫描 1,000,000 件在办件（clock：黄牌/红牌）', value: sweep, unit: '秒', target: '< 5 秒', ok: sweep < 5 },
  ];
}
