// What-if over the case register (`bianmin diff --data`): 100,000 and 1,000,000 recorded
// applications (goal: 1,000,000 in ≤ 30 s), each beside its peer — the materializing replay
// before streaming at 100,000, and the parts of the time: reading the register alone (JSON parse
// and checks of each record, which stores the whole decision: ~1.3 KB in a compact snapshot, 7.6 KB
// before) and the two decisions per case alone; at 1,000,000 also the compiled `bianmin diff --data`
// itself, its text report written to a file. The registers are written once into a cache under
// /tmp (the store's own format, written directly; 1,000,000 cases are 1.3 GB) and kept for the next
// run (VERSION: the format they were written in).
//   BENCH_WHATIF=100k runs only the 100,000 figures.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../src/index.ts';
import { writeRegister } from '../test/scenarios/recorded-register.ts';
import buildDist from '../test/cli/build-dist.ts';
import { median, type BenchResult } from './types.ts';

const RULES = fileURLToPath(new URL('../rules', import.meta.url));
const CACHE = '/tmp/bianmin-bench-whatif';
const VERSION = '2';
const MB = 1024 * 1024;
// Two closed years (opened on first access, so streamed), all of them in the replay window.
const year = new Date().getUTCFullYear();
const NOW = `${year}-06-30T12:00:00+08:00`;
const DAYS = 3 * 366;

interface Figures {
  readonly ms: number;
  readonly cpuMs: number;
  readonly replayed: number;
  readonly changed: number;
  readonly maxRss: number;
}

async function packs(): Promise<{ base: string; current: string }> {
  const base = path.join(CACHE, 'base');
  const current = path.join(CACHE, 'current');
  if (!(await stat(current).catch(() => null))) {
    await cp(RULES, base, { recursive: true });
    await cp(RULES, current, { recursive: true });
    const item = path.join(current, 'items', 'mz-001.yaml');
    const text = await readFile(item, 'utf8');
    if (!text.includes('operator: lessThan, value: 650 }')) throw new Error('基准数据有误：示例规则包的低保标准已改');
    await writeFile(item, text.replace('operator: lessThan, value: 650 }', 'operator: lessThan, value: 600 }'));
  }
  return { base, current };
}

/** The register of `total` cases (half in each of the two closed years), written once. */
async function register(total: number, baseDir: string): Promise<{ dir: string; bytes: number }> {
  const dir = path.join(CACHE, `cases-${total}`);
  const mark = path.join(dir, 'bench-complete');
  const done = await readFile(mark, 'utf8').catch(() => null);
  if (done?.startsWith(`${VERSION} `)) return { dir, bytes: Number(done.split(' ')[1]) };
  await mkdir(dir, { recursive: true });
  const bytes = await writeRegister(dir, await loadPack(baseDir), [
    { year: year - 2, count: total / 2 },
    { year: year - 1, count: total / 2 },
  ]);
  await writeFile(mark, `${VERSION} ${bytes}`);
  return { dir, bytes };
}

function child(dir: string, dirs: { base: string; current: string }, mode: string): Figures {
  const script = fileURLToPath(new URL('./whatif-child.ts', import.meta.url));
  // The CLI with node's own heap limits, as a user runs it.
  const heap = mode.startsWith('cli') ? [] : ['--max-old-space-size=16000'];
  const out = execFileSync(process.execPath, [...heap, '--import', 'tsx', script, dir, dirs.base, dirs.current, NOW, String(DAYS), mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    timeout: 3_600_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Figures;
}

export default async function (): Promise<BenchResult[]> {
  await mkdir(CACHE, { recursive: true });
  const dirs = await packs();
  const results: BenchResult[] = [];
  const small = await register(100_000, dirs.base);
  const runs = [child(small.dir, dirs, 'threads'), child(small.dir, dirs, 'threads'), child(small.dir, dirs, 'threads')];
  const t100 = median(runs.map((r) => r.ms)) / 1000;
  if (runs[0]!.replayed !== 100_000) throw new Error(`基准数据有误：重放 ${runs[0]!.replayed} 件`);
  results.push({ name: `重放 100,000 件登记的申请（流式读取，工作线程，${(small.bytes / MB).toFixed(0)} MB）`, value: t100, unit: 's' });
  results.push({ name: '　其 CPU 时间（全部线程）/ 内存峰值', value: median(runs.map((r) => r.cpuMs)) / 1000, unit: `s / ${(Math.max(...runs.map((r) => r.maxRss)) / MB).toFixed(0)} MB` });
  const local = child(small.dir, dirs, 'local');
  results.push({ name: '　对照：流式读取，单线程', value: local.ms / 1000, unit: `s（CPU ${(local.cpuMs / 1000).toFixed(1)} s，${(local.maxRss / MB).toFixed(0)} MB）` });
  const old = child(small.dir, dirs, 'old');
  if (old.replayed !== 100_000) throw new Error('基准数据有误：旧方式重放件数不符');
  results.push({ name: '　对照：改前的方式（登记簿打开两次、全部办件读入内存后排序、单线程）', value: old.ms / 1000, unit: `s（CPU ${(old.cpuMs / 1000).toFixed(1)} s，${(old.maxRss / MB).toFixed(0)} MB）` });
  const scan = child(small.dir, dirs, 'scan');
  results.push({ name: '　其中：只读登记簿（逐条读取、解析、校验）每件', value: (scan.cpuMs * 1000) / scan.replayed, unit: `µs CPU（100,000 件 ${(scan.ms / 1000).toFixed(1)} s）` });
  const replay = child(small.dir, dirs, 'replay');
  results.push({ name: '　其中：两个规则包各判断一次并对比，每件', value: (replay.cpuMs * 1000) / replay.replayed, unit: `µs CPU（${replay.replayed.toLocaleString('en-US')} 件）` });
  if (process.env.BENCH_WHATIF === '100k') return results;
  const big = await register(1_000_000, dirs.base);
  const m = child(big.dir, dirs, 'threads');
  if (m.replayed !== 1_000_000) throw new Error(`基准数据有误：重放 ${m.replayed} 件`);
  results.push({ name: `重放 1,000,000 件登记的申请（流式读取，工作线程，${(big.bytes / MB / 1024).toFixed(1)} GB）`, value: m.ms / 1000, unit: 's', target: '≤ 30 s', ok: m.ms <= 30_000 });
  results.push({ name: '　其 CPU 时间（全部线程）/ 内存峰值', value: m.cpuMs / 1000, unit: `s / ${(m.maxRss / MB).toFixed(0)} MB` });
  // The CLI runs the compiled dist/: measure the current sources, not a stale build.
  buildDist();
  const cli = async (mode: 'cli' | 'cli-all') => {
    const c = child(big.dir, dirs, mode);
    const report = (await stat(path.join(CACHE, 'diff-report.txt'))).size;
    await rm(path.join(CACHE, 'diff-report.txt'), { force: true });
    return { ...c, report: report < MB ? `${(report / 1024).toFixed(0)} KB` : `${(report / MB).toFixed(0)} MB` };
  };
  const c = await cli('cli');
  results.push({ name: `　同上，编译后的 bianmin diff --data（另加示例规则包的场景；逐件列出最前 100 件、汇总全部变化，${c.report} 文字报告写入文件）`, value: c.ms / 1000, unit: `s（CPU ${(c.cpuMs / 1000).toFixed(1)} s，${(c.maxRss / MB).toFixed(0)} MB）`, target: '≤ 30 s', ok: c.ms <= 30_000 });
  const every = await cli('cli-all');
  results.push({ name: `　对照：加 --all 逐件列出全部有变化的办件（${every.report} 文字报告）`, value: every.ms / 1000, unit: `s（CPU ${(every.cpuMs / 1000).toFixed(1)} s，${(every.maxRss / MB).toFixed(0)} MB）` });
  return results;
}
