// Workbench benchmark: re-validating a draft after a one-file edit (incremental: only the edited
// file is parsed and schema-checked again and only the edited item cross-checked again; the
// pack-wide cross-checks run, the prepared templates are reused), on the sample pack and on a
// generated 5,000-item pack.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withTemplateChecks } from '../src/documents/index.ts';
import { ParseCache, validatePack } from '../src/pack/index.ts';
import { median, type BenchResult } from './types.ts';

const RULES = fileURLToPath(new URL('../rules/', import.meta.url));
const RUNS = 15;

/** Median time of a one-file edit and re-validation of `pack` (the draft file rewritten each run). */
async function editTimes(pack: string, rel: string): Promise<{ ms: number; parsed: number; checked: number }> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bianmin-bench-draft-'));
  try {
    const draftFile = path.join(scratch, 'edited.yaml');
    const text = readFileSync(path.join(pack, rel), 'utf8');
    const cache = new ParseCache();
    const overlay = new Map([[rel, draftFile]]);
    writeFileSync(draftFile, text);
    // Opening the draft: the first validation parses every file.
    const first = withTemplateChecks(await validatePack(pack, { overlay, cache }));
    if (!first.ok) throw new Error(`bench pack invalid: ${first.errors[0]?.message}`);
    const times: number[] = [];
    const before = cache.misses;
    const checkedBefore = cache.crossCheck.misses;
    for (let i = 0; i < RUNS; i++) {
      writeFileSync(draftFile, `${text}# 第 ${i} 次修改\n`);
      const start = performance.now();
      const result = withTemplateChecks(await validatePack(pack, { overlay, cache }));
      times.push(performance.now() - start);
      if (!result.ok) throw new Error('edit made the pack invalid');
    }
    return { ms: median(times), parsed: (cache.misses - before) / RUNS, checked: (cache.crossCheck.misses - checkedBefore) / RUNS };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<BenchResult[]> {
  const sample = await editTimes(RULES, 'items/mz-004.yaml');
  const { generatePack } = await import('./pack.bench.ts');
  const large = generatePack();
  try {
    const big = await editTimes(large, 'items/generated/gen-17.yaml');
    return [
      { name: '草稿改一个文件后重新校验（示例规则包，15 次中位数）', value: sample.ms, unit: 'ms', target: '≤ 100 ms', ok: sample.ms <= 100 },
      { name: '草稿改一个文件后重新校验（5,000 个事项，15 次中位数）', value: big.ms, unit: 'ms', target: '≤ 300 ms', ok: big.ms <= 300 },
      { name: '每次重新解析的文件数（5,000 个事项）', value: big.parsed, unit: '个' },
      { name: '每次重新交叉检查的事项数（5,000 个事项）', value: big.checked, unit: '个' },
    ];
  } finally {
    rmSync(large, { recursive: true, force: true });
  }
}

