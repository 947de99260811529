/**
 * Issue 15, "Done when": a seeded mutation test — 1,000 random single edits of the sample pack —
 * shows every mutation that makes the one-time notice incomplete caught by `bianmin check`.
 *
 * Each mutation (test/check/mutate.ts) is applied as a draft overlay, the way the workbench
 * validates a draft (one ParseCache for all, so each run re-reads one file); mutations the
 * validator rejects are counted and skipped. For the valid ones the independent oracle
 * (test/check/oracle.ts: sampled applications, the printed notice against what `decide` demands)
 * looks for an incomplete notice; every mutation it finds incomplete must have an E-CHECK- error
 * on that item from `checkPack(pack, { items: [code] })`. Mutations check flags that the sampling
 * did not find are counted, not asserted (the proof covers every combination; sampling does not).
 *
 * Fails before issue 15: `checkPack` was a stub that found nothing, so every incomplete mutation
 * (a pack template that drops the conditional materials, for one) went uncaught.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { checkPack, type CheckFinding } from '../../src/check/index.ts';
import { BUILTIN_TEMPLATE_DIR, withTemplateChecks } from '../../src/documents/index.ts';
import { Pack } from '../../src/engine/index.ts';
import { ParseCache, validatePack } from '../../src/pack/index.ts';
import { generateMutations, readPack, Rng, type Mutation } from './mutate.ts';
import { oracle, type Counterexample } from './oracle.ts';

const RULES = fileURLToPath(new URL('../../rules/', import.meta.url));
const COUNT = Number(process.env.BIANMIN_MUTATIONS ?? 1000);
const SEED = Number(process.env.BIANMIN_MUTATION_SEED ?? 20261202);
/** Sampled applications per mutated item. */
const SAMPLES = 30;
const NOW = new Date('2026-12-02T10:00:00+08:00');

const scratch = mkdtempSync(path.join(os.tmpdir(), 'bianmin-mutations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const key = (f: CheckFinding): string => `${f.code}\u0000${f.file}\u0000${f.path}\u0000${f.message}`;

interface Row {
  readonly mutation: Mutation;
  readonly item: string;
  readonly example: Counterexample | null;
  readonly flagged: readonly CheckFinding[];
}

it(`every one of ${COUNT} seeded mutations that makes the one-time notice incomplete is caught by check`, { timeout: 600_000 }, async () => {
  const started = performance.now();
  const texts = readPack(RULES, BUILTIN_TEMPLATE_DIR);
  const mutations = generateMutations(texts, COUNT, SEED);
  expect(mutations).toHaveLength(COUNT);
  const cache = new ParseCache();

  const base = withTemplateChecks(await validatePack(RULES, { cache, now: NOW }));
  expect(base.errors, 'the sample pack must validate before it is mutated').toEqual([]);
  const basePack = new Pack(base.pack!);
  // The findings on the unmutated pack: a mutation is "flagged" only by findings of its own.
  const baseline = new Map<string, Set<string>>();
  for (const code of basePack.data.items.keys()) {
    const report = await checkPack(basePack, { items: [code] });
    baseline.set(code, new Set(report.errors.map(key)));
    // The unmutated pack's notices are complete (the oracle agrees with the engine on it).
    const verdict = await oracle(basePack, code, new Rng(SEED), SAMPLES * 2);
    expect(verdict.counterexample, `the sample pack's ${code}`).toBeNull();
  }

  let rejected = 0;
  const rows: Row[] = [];
  const spent = { load: 0, oracle: 0, check: 0 };
  let clock = performance.now();
  const lap = (part: keyof typeof spent): void => {
    const now = performance.now();
    spent[part] += now - clock;
    clock = now;
  };
  const refusedSamples = { n: 0 };
  for (const m of mutations) {
    const overlay = new Map<string, string>();
    for (const [rel, text] of m.files) {
      const file = path.join(scratch, String(m.index), rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      overlay.set(rel, file);
    }
    clock = performance.now();
    const result = withTemplateChecks(await validatePack(RULES, { overlay, cache, now: NOW }));
    if (!result.pack) {
      rejected++;
      lap('load');
      continue;
    }
    const pack = new Pack(result.pack);
    lap('load');
    for (const code of m.items) {
      if (!pack.data.items.has(code)) continue;
      const verdict = await oracle(pack, code, new Rng(SEED ^ (m.index * 7919)), SAMPLES);
      refusedSamples.n += verdict.refused;
      lap('oracle');
      const report = await checkPack(pack, { items: [code] });
      lap('check');
      const known = baseline.get(code) ?? new Set<string>();
      const flagged = report.errors.filter((e) => e.code.startsWith('E-CHECK-') && !known.has(key(e)));
      rows.push({ mutation: m, item: code, example: verdict.counterexample, flagged });
    }
  }

  const incomplete = rows.filter((r) => r.example);
  const caught = incomplete.filter((r) => r.flagged.length > 0);
  const missed = incomplete.filter((r) => r.flagged.length === 0);
  const beyond = rows.filter((r) => !r.example && r.flagged.length > 0);
  const byOperator = new Map<string, { valid: number; incomplete: number; caught: number }>();
  for (const r of rows) {
    const o = byOperator.get(r.mutation.operator) ?? { valid: 0, incomplete: 0, caught: 0 };
    o.valid++;
    if (r.example) o.incomplete++;
    if (r.example && r.flagged.length > 0) o.caught++;
    byOperator.set(r.mutation.operator, o);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      `变异测试（种子 ${SEED}）：生成 ${mutations.length} 个，校验拒绝 ${rejected} 个，有效 ${mutations.length - rejected} 个（检查了 ${rows.length} 个事项），用时 ${seconds} 秒`,
      `  抽样判定告知不完整 ${incomplete.length} 个，其中 bianmin check 报错 ${caught.length} 个，漏报 ${missed.length} 个`,
      `  其中校验和编译 ${(spent.load / 1000).toFixed(1)} 秒，抽样 ${(spent.oracle / 1000).toFixed(1)} 秒，checkPack ${(spent.check / 1000).toFixed(1)} 秒`,
      `  bianmin check 另报错 ${beyond.length} 个（抽样未发现的；含死规则等其他检查）；抽样中被引擎拒绝的申请 ${refusedSamples.n} 份`,
      ...[...byOperator].map(([op, o]) => `  ${op}: 有效 ${o.valid}，不完整 ${o.incomplete}，检出 ${o.caught}`),
      ...missed.slice(0, 10).map((r) => `  漏报 #${r.mutation.index} ${r.mutation.description} → ${r.item} ${r.example!.material} ${r.example!.problem}（${r.example!.at}，咨询时 ${JSON.stringify(r.example!.partial)}，申请时 ${JSON.stringify(r.example!.full)}）`),
    ].join('\n'),
  );

  // Not vacuous: the operators do make incomplete notices, and sampling finds them.
  expect(incomplete.length).toBeGreaterThanOrEqual(5);
  expect(
    missed.map((r) => `#${r.mutation.index} ${r.mutation.description}: ${r.item} ${r.example!.material} ${r.example!.problem}`),
    'mutations that make the notice incomplete and that check does not report',
  ).toEqual([]);
});
