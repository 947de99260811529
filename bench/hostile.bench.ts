// Hostile rule files (issue 12): a mapping of 40,000 keys used to take 13–30 s to parse (the YAML
// library compared every key with every earlier one). Measured here: the parse of 20,000 and
// 40,000 keys through the full parser (quoted keys, which the fast reader leaves to it), their
// ratio (about 2 when linear, 4 when quadratic), and the whole refusal by the validator.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePack } from '../src/pack/load.ts';
import { parseSource } from '../src/pack/source.ts';
import { median, type BenchResult } from './types.ts';

const FIXTURE = fileURLToPath(new URL('../test/fixtures/minimal-pack/', import.meta.url));
const RUNS = 5;
const NOW = new Date('2026-03-02T10:00:00+08:00');

/** A top-level mapping of `n` keys, as one hostile item file. */
function mapping(n: number): Uint8Array {
  const lines = Array.from({ length: n }, (_, i) => `"k${String(i).padStart(5, '0')}": v${i}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** Median wall and CPU time of parsing `bytes` (CPU time does not grow when other processes share the cores). */
function parseTimes(bytes: Uint8Array): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = process.cpuUsage();
    const start = performance.now();
    const result = parseSource('items/hostile.yaml', bytes);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    if (result.ok || !result.errors.some((e) => e.code === 'E-YAML-KEYS')) throw new Error('the hostile mapping was not refused with E-YAML-KEYS');
  }
  return { wall: median(wall), cpu: median(cpu) };
}

async function refusal(bytes: Uint8Array): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-bench-hostile-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'items', 'hostile.yaml'), bytes);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const result = await validatePack(dir, { now: NOW });
      times.push(performance.now() - start);
      const mine = result.errors.filter((e) => e.file === 'items/hostile.yaml');
      if (mine.length !== 1 || mine[0]!.code !== 'E-YAML-KEYS') throw new Error(`expected one E-YAML-KEYS, got ${JSON.stringify(mine.slice(0, 3))}`);
    }
    return median(times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (): Promise<BenchResult[]> {
  // Warm the parser (and the JIT) on a file of the same shape first.
  parseSource('warm.yaml', mapping(5_000));
  parseSource('warm.yaml', new TextEncoder().encode(readFileSync(path.join(FIXTURE, 'items', 'mz-001.yaml'), 'utf8')));
  const small = mapping(20_000);
  const large = mapping(40_000);
  const t20 = parseTimes(small);
  const t40 = parseTimes(large);
  const ratio = t40.cpu / t20.cpu;
  const whole = await refusal(large);
  const kb = Math.round(large.byteLength / 1024);
  return [
    { name: `解析 20,000 个键的映射（完整解析器，中位数，${RUNS} 次）`, value: t20.wall, unit: 'ms' },
    { name: `解析 40,000 个键的映射（${kb} KB）`, value: t40.wall, unit: 'ms' },
    // Before the fix: 13–30 s. The YAML library's own speed (about 25 µs per key) is the floor.
    { name: '同上，CPU 时间（不受机器上其他进程影响）', value: t40.cpu, unit: 'ms', target: '< 2 s', ok: t40.cpu < 2000 },
    // Linear: doubling the keys doubles the time; the old quadratic check gave about 4.
    { name: '40,000 键与 20,000 键的 CPU 时间之比（线性约为 2）', value: ratio, unit: '倍', target: '< 2.6', ok: ratio < 2.6 },
    { name: '校验器拒绝含 40,000 个键的事项文件（E-YAML-KEYS，中位数）', value: whole, unit: 'ms' },
  ];
}
