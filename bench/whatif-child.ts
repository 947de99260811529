// A child of bench/whatif.bench.ts: one what-if replay of a register, in a process of its own (its
// memory and CPU its own), printing what it measured as one JSON line.
//   whatif-child.ts DATA BASE CURRENT NOW DAYS threads|local|old|scan|replay|cli|cli-all
//   threads: the streaming replay on worker threads (as `bianmin diff --data`)
//   local:   the streaming replay in one thread
//   old:     the materializing replay before streaming (register opened twice, cases.all() sorted, one thread)
//   scan:    only the cursor over the register (reading, parsing and checking each record)
//   replay:  only the two decisions and the comparison per case, on the first 20,000 cases, in one thread
//   cli:     the compiled `bianmin diff --data` (dist/cli, its threads from dist/), the text report
//            (its first 100 changed cases, every change summed up) written to diff-report.txt
//            beside the register's directory
//   cli-all: the same with --all (every changed case listed)
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPack } from '../src/index.ts';
import type { CaseRecord } from '../src/pack/index.ts';
import { openRecords } from '../src/records/index.ts';
import { compareOutcomes } from '../src/scenarios/diff.ts';
import { whatIf } from '../src/scenarios/index.ts';
import { PackRefs } from '../src/scenarios/refs.ts';
import { CaseReplayer, replayCaseOf, type ReplayCase } from '../src/scenarios/replay.ts';
import { ScenarioRunner } from '../src/scenarios/run.ts';

const [data, baseDir, currentDir, now, daysText, mode] = process.argv.slice(2) as [string, string, string, string, string, string];
const days = Number(daysText);
const [base, current] = await Promise.all([loadPack(baseDir), loadPack(currentDir)]);
const suite = { dir: currentDir, files: [], scenarios: [], errors: [], warnings: [] };

const t0 = performance.now();
const c0 = process.cpuUsage();
let replayed = 0;
let changed = 0;
if (mode === 'threads' || mode === 'local') {
  const report = await whatIf({ base, current, suite, data: { dir: data, days, now, ...(mode === 'threads' ? { packDirs: { base: baseDir, current: currentDir } } : {}) } });
  replayed = report.cases!.replayed;
  changed = report.changed.length;
} else if (mode === 'old') {
  // The replay as it was: both packs each open the register, every case materialized and sorted.
  const a = new ScenarioRunner(base);
  const b = new ScenarioRunner(current);
  const refs = new PackRefs(current);
  const ra = await openRecords(data, base, { readonly: true });
  const rb = await openRecords(data, current, { readonly: true });
  const to = Date.parse(now);
  const from = to - days * 86_400_000;
  const recent = [...rb.cases.all()].filter((r) => Date.parse(r.receivedAt) >= from && Date.parse(r.receivedAt) <= to);
  recent.sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const r of recent) {
    const c = replayCaseOf(r);
    if (!c) continue;
    replayed++;
    const cmp = compareOutcomes(base, current, await a.run(c.input), await b.run(c.input), (id) => refs.staffName(id));
    if (cmp.changes.length > 0) changed++;
  }
  await ra.sanctions({ now: to });
  await rb.sanctions({ now: to });
  await ra.close();
  await rb.close();
} else if (mode === 'cli' || mode === 'cli-all') {
  const { runCli } = (await import(new URL('../dist/cli/index.js', import.meta.url).href)) as typeof import('../src/cli/index.ts');
  const out = createWriteStream(path.join(path.dirname(data), 'diff-report.txt'));
  const err: string[] = [];
  const at = now.replace('T', ' ').slice(0, 16);
  const code = await runCli(['diff', '--base', baseDir, '--rules', currentDir, '--data', data, '--days', daysText, '--at', at, ...(mode === 'cli-all' ? ['--all'] : [])], { stdout: out, stderr: { write: (t: string) => err.push(t) } });
  await new Promise<void>((resolve) => out.end(resolve));
  if (code !== 0) throw new Error(`bianmin diff 退出码 ${code}：${err.join('')}`);
} else if (mode === 'scan') {
  const r = await openRecords(data, current, { readonly: true });
  for await (const c of r.cases.scan()) if (c.application) replayed++;
  await r.close();
} else if (mode === 'replay') {
  const r = await openRecords(data, current, { readonly: true });
  const cases: ReplayCase[] = [];
  for await (const c of r.cases.scan()) {
    cases.push(replayCaseOf(c as CaseRecord)!);
    if (cases.length === 20_000) break;
  }
  await r.close();
  const replayer = new CaseReplayer(base, current);
  const t = performance.now();
  const u = process.cpuUsage();
  changed = (await replayer.replay(cases)).length;
  replayed = cases.length;
  const cu = process.cpuUsage(u);
  console.log(JSON.stringify({ ms: performance.now() - t, cpuMs: (cu.user + cu.system) / 1000, replayed, changed, maxRss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, replayed, changed, maxRss: process.resourceUsage().maxRSS * 1024 }));
