// `bianmin check` benchmark (issue 15): the static check (one-time notice completeness, dead and
// overlapping rules, coherence) of the sample pack (target ≤ 2 s) and of the generated 5,000-item
// pack (≤ 60 s), each timed beside its peer in the same run: `validatePack` of the same pack, which
// `bianmin check` runs first. A check run is what the command does: validate, compile, check.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPack } from '../src/check/index.ts';
import { Pack } from '../src/engine/index.ts';
import { withTemplateChecks } from '../src/documents/index.ts';
import { ParseCache } from '../src/pack/index.ts';
import { validatePack } from '../src/pack/load.ts';
import { generatePack } from './pack.bench.ts';
import { median, type BenchResult } from './types.ts';

const RULES = fileURLToPath(new URL('../rules/', import.meta.url));
const NOW = new Date('2026-12-02T10:00:00+08:00');
const SAMPLE_RUNS = Number(process.env.BENCH_CHECK_RUNS ?? 7);
const LARGE_RUNS = Number(process.env.BENCH_CHECK_LARGE_RUNS ?? 3);

interface Timing {
  readonly check: number;
  /** Of a check run: compiling the engine (new Pack), and checkPack itself. */
  readonly compile: number;
  readonly analysis: number;
  readonly validate: number;
  readonly load: number;
  readonly findings: number;
  /** The findings by code, e.g. `W-CHECK-ALWAYS 5,000`. */
  readonly codes: string;
  readonly combinations: number;
}

/** Median times of `runs` check runs and `runs` validations of `dir`, alternated, after a warm-up. */
async function measure(dir: string, runs: number): Promise<Timing> {
  const checks: number[] = [];
  const compiles: number[] = [];
  const analyses: number[] = [];
  const validations: number[] = [];
  let findings = 0;
  let codes = '';
  let combinations = 0;
  const once = async (): Promise<number> => {
    const start = performance.now();
    const result = await validatePack(dir, { now: NOW });
    if (!result.pack) throw new Error(`pack ${dir} invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const compiled = performance.now();
    const pack = new Pack(result.pack);
    const analysed = performance.now();
    const report = await checkPack(pack);
    compiles.push(analysed - compiled);
    analyses.push(performance.now() - analysed);
    findings = report.errors.length + report.warnings.length;
    const byCode = new Map<string, number>();
    for (const f of [...report.errors, ...report.warnings]) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    codes = [...byCode].map(([c, n]) => `${c} ${n.toLocaleString('en-US')}`).join('、');
    combinations = report.stats.combinations;
    return performance.now() - start;
  };
  const validate = async (): Promise<number> => {
    const start = performance.now();
    await validatePack(dir, { now: NOW });
    return performance.now() - start;
  };
  // Warm-up (schemas compiled, JIT warm), as in every other bench of this folder.
  await once();
  compiles.length = 0;
  analyses.length = 0;
  for (let i = 0; i < runs; i++) {
    validations.push(await validate());
    checks.push(await once());
  }
  return { check: median(checks), compile: median(compiles), analysis: median(analyses), validate: median(validations), load: os.loadavg()[0]!, findings, codes, combinations };
}

/**
 * The workbench's answer to an edit of one item file (PUT …/files/items/…): the draft validated
 * incrementally, then that item checked on a pack of it alone (src/server/workbench.ts). Median of
 * `runs` edits.
 */
async function workbenchEdit(dir: string, rel: string, runs: number): Promise<number> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bianmin-bench-check-draft-'));
  try {
    const draftFile = path.join(scratch, 'edited.yaml');
    const text = readFileSync(path.join(dir, rel), 'utf8');
    const cache = new ParseCache();
    const overlay = new Map([[rel, draftFile]]);
    writeFileSync(draftFile, text);
    await validatePack(dir, { overlay, cache, now: NOW });
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      writeFileSync(draftFile, `${text}# 第 ${i} 次修改\n`);
      const start = performance.now();
      const result = withTemplateChecks(await validatePack(dir, { overlay, cache, now: NOW }));
      if (!result.pack) throw new Error(`edited pack invalid: ${result.errors[0]?.message}`);
      const item = [...result.pack.items.values()].find((x) => x.file === rel)!;
      await checkPack(new Pack({ ...result.pack, items: new Map([[item.data.code, item]]) }), { items: [item.data.code] });
      // The first edit warms up (schemas, JIT); it is not counted.
      if (i > 0) times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export default async function (): Promise<BenchResult[]> {
  const loadSample = os.loadavg()[0]!;
  const sample = await measure(RULES, SAMPLE_RUNS);
  const sampleEdit = await workbenchEdit(RULES, 'items/mz-001.yaml', 15);
  const dir = generatePack();
  try {
    const loadLarge = os.loadavg()[0]!;
    const large = await measure(dir, LARGE_RUNS);
    const largeEdit = await workbenchEdit(dir, 'items/generated/gen-2500.yaml', 5);
    const load = (a: number, b: number): string => `负载 ${a.toFixed(1)}→${b.toFixed(1)}`;
    return [
      {
        name: `bianmin check 示例规则包（校验、编译、检查；中位数，${SAMPLE_RUNS} 次；${sample.combinations.toLocaleString('en-US')} 个事实组合，${sample.findings} 条发现${sample.codes ? `：${sample.codes}` : ''}；${load(loadSample, sample.load)}）`,
        value: sample.check,
        unit: 'ms',
        target: '≤ 2 s',
        ok: sample.check <= 2000,
      },
      { name: '同上，同一次运行中的对照：validatePack 示例规则包', value: sample.validate, unit: 'ms' },
      { name: '同上，其中编译引擎（new Pack）/ checkPack 本身', value: sample.compile, unit: `ms / ${sample.analysis.toFixed(1)} ms` },
      {
        name: `bianmin check 5,000 个事项的规则包（中位数，${LARGE_RUNS} 次；${large.combinations.toLocaleString('en-US')} 个事实组合，${large.findings} 条发现${large.codes ? `：${large.codes}` : ''}；${load(loadLarge, large.load)}）`,
        value: large.check,
        unit: 'ms',
        target: '≤ 60 s',
        ok: large.check <= 60_000,
      },
      { name: '同上，同一次运行中的对照：validatePack 5,000 个事项的规则包', value: large.validate, unit: 'ms' },
      { name: '同上，其中编译引擎（new Pack）/ checkPack 本身', value: large.compile, unit: `ms / ${Math.round(large.analysis).toLocaleString('en-US')} ms` },
      { name: '工作台改一个事项文件：增量校验加该事项的静态检查，示例规则包（MZ-001，15 次中位数）', value: sampleEdit, unit: 'ms' },
      { name: '同上，5,000 个事项的规则包（5 次中位数）', value: largeEdit, unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
