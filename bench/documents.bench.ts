// Documents: one notice from a decision (templates precompiled once per pack), and the public board
// of a 5,000-item pack (data built, validated against its shape, rendered).
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { memorySequence, numbering, renderBoard, renderNotice } from '../src/documents/index.ts';
import type { LoadedItem, PackData } from '../src/pack/model.ts';
import { loadPack } from '../src/index.ts';
import { median, type BenchResult } from './types.ts';

const RULES = fileURLToPath(new URL('../rules', import.meta.url));
const RUNS = 5;

export default async function (): Promise<BenchResult[]> {
  const pack = await loadPack(RULES);
  const received = '2026-11-23T09:30:00+08:00';
  const local = { type: 'person', hukouLocal: true, householdIncomePerCapita: 400, forDependant: false, hasDisabilityCert: false };
  const supplement = await pack.decide({ item: 'MZ-001', intent: 'apply', applicant: local, materials: ['application', 'id-card', 'authorization'], receivedAt: received });
  const accepted = await pack.decide({ item: 'MZ-001', intent: 'apply', applicant: local, materials: ['application', 'id-card', 'authorization', 'income-statement'], receivedAt: received });
  const numbers = numbering(pack.data.center.center.code, memorySequence());
  const options = { numbering: numbers, date: '2026-11-23', applicant: { name: '张小三' } };

  const noticeMedian = async (decision: typeof supplement): Promise<number> => {
    for (let i = 0; i < 200; i++) await renderNotice(pack.data, decision, options); // warm-up (and the one-time compile)
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const times: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const t0 = performance.now();
        await renderNotice(pack.data, decision, options);
        times.push(performance.now() - t0);
      }
      runs.push(median(times));
    }
    return median(runs);
  };
  const supplementMs = await noticeMedian(supplement);
  const acceptedMs = await noticeMedian(accepted);

  // A 5,000-item pack: the sample items repeated under new codes, spread over the windows.
  const base = [...pack.data.items.values()];
  const items = new Map<string, LoadedItem>();
  for (let i = 0; i < 5000; i++) {
    const src = base[i % base.length]!;
    const code = `GEN-${String(i + 1).padStart(4, '0')}`;
    items.set(code, { file: `items/gen-${i + 1}.yaml`, data: { ...src.data, code, name: `${src.data.name}（${i + 1}）` } });
  }
  const big: PackData = { ...pack.data, items };
  renderBoard(big, { date: '2026-12-01' }); // compile the templates for this pack once
  const boardTimes: number[] = [];
  const boardCpu: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    bytes = renderBoard(big, { date: '2026-12-01' }).html.length;
    boardTimes.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    boardCpu.push((c.user + c.system) / 1000);
  }
  const boardMs = median(boardTimes);

  return [
    { name: '一份通知书（补正材料通知书，含编号）', value: supplementMs, unit: 'ms 中位数', target: '< 1 ms', ok: supplementMs < 1 },
    { name: '一份通知书（受理通知书，含编号）', value: acceptedMs, unit: 'ms 中位数', target: '< 1 ms', ok: acceptedMs < 1 },
    { name: '政务公开栏，5,000 个事项（打印版 HTML）', value: boardMs, unit: 'ms 中位数', target: '< 1 s', ok: boardMs < 1000 },
    // CPU time (all threads, GC included) shows the cost when other work shares the machine.
    { name: '政务公开栏，5,000 个事项（进程 CPU 时间）', value: median(boardCpu), unit: 'ms 中位数' },
    { name: '政务公开栏 HTML 大小，5,000 个事项', value: bytes / 1024 / 1024, unit: 'MiB' },
  ];
}
