// A child of bench/records.bench.ts: opens a data directory as `bianmin serve` does, in a process
// of its own so that its memory is its own, and prints what it measured as one JSON line.
//   records-open-child.ts DIR open|append|decade
//   records-open-child.ts DIR import URL   (bianmin restore DIR into the database URL, timed)
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../src/index.ts';
import { COMPACTION } from '../src/records/collection.ts';
import { openRecords, restoreRecords } from '../src/records/index.ts';

const RULES = fileURLToPath(new URL('../rules', import.meta.url));
const [dir, mode, url] = process.argv.slice(2) as [string, string, string | undefined];
if (mode === 'import') {
  const t = performance.now();
  const result = await restoreRecords(dir, url!);
  console.log(JSON.stringify({ importMs: performance.now() - t, cases: Object.values(result.counts).reduce((a, b) => a + b, 0), maxRss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const pack = await loadPack(RULES);
const rssBefore = process.memoryUsage().rss;
let t0 = performance.now();
const cpu0 = process.cpuUsage();
const r = await openRecords(dir, pack);
const openMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const rssOpen = process.memoryUsage().rss;
// The CPU time says what the machine's load does not: wall time on a shared machine can be many times it.
const openCpuMs = (cpu.user + cpu.system) / 1000;
const year = new Date().getUTCFullYear();
const out: Record<string, number> = { openMs, openCpuMs, rssBefore, rssOpen, maxRssOpen: process.resourceUsage().maxRSS * 1024, cases: 0 };
if (mode === 'decade') {
  // The current year is read at start; a closed one at its first access.
  out.cases = [...r.cases.all([year])].length;
  t0 = performance.now();
  const c0 = process.cpuUsage();
  const old = r.cases.get(`${year - 5}-000001`);
  out.lazyMs = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  out.lazyCpuMs = (c1.user + c1.system) / 1000;
  if (!old) throw new Error('closed year not found');
  out.rssLazy = process.memoryUsage().rss;
} else {
  out.cases = r.cases.size;
}
if (mode === 'append') {
  // The log is compacted into the large snapshot after ~1,000 events: the rest run beside it.
  COMPACTION.maxLogBytes = 256 * 1024;
  const times: number[] = [];
  for (let i = 0; i < 1_500; i++) {
    const id = `${year}-${String(1 + ((i * 7919) % out.cases)).padStart(6, '0')}`;
    const day = String(3 + (i % 20)).padStart(2, '0');
    t0 = performance.now();
    await r.cases.addEvent(id, { type: 'suspended', staff: 'chen-li', at: `${year}-11-${day}T10:00:00+08:00`, reason: '入户调查' });
    times.push(performance.now() - t0);
    t0 = performance.now();
    await r.cases.addEvent(id, { type: 'resumed', staff: 'chen-li', at: `${year}-11-${day}T15:00:00+08:00` });
    times.push(performance.now() - t0);
  }
  out.p50 = percentile(times, 50);
  out.p99 = percentile(times, 99);
  out.max = Math.max(...times);
}
t0 = performance.now();
await r.close();
out.closeMs = performance.now() - t0;
out.maxRss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(out));
