/**
 * What every records command shares: the common options, loading the pack, opening the data
 * directory (read-only for listings, so they work while the service writes), Chinese errors
 * with their location and the exit code, and the display helpers for people and times.
 */
import type { Command } from 'commander';
import type { Pack } from '../engine/index.ts';
import { loadPack } from '../documents/index.ts';
import { formatDiagnostic, PackLoadError } from '../pack/index.ts';
import { openRecords, RecordsError, type Records } from '../records/index.ts';
import { EXIT, UsageError } from './exit.ts';

export interface RecordsFlags {
  rules: string;
  data: string;
  json?: boolean;
}

/** Adds --rules, --data and --json to a command. */
export function withRecordsOptions(cmd: Command): Command {
  return cmd
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--data <目录>', '数据目录（登记簿）', 'data')
    .option('--json', '以 JSON 输出（个人信息已脱敏）');
}

/**
 * Loads the pack, opens the records and runs `fn`; every RecordsError or pack error is printed
 * in Chinese with its location and sets exit code 1 (usage errors: 2).
 */
export async function runWithRecords(flags: RecordsFlags, mode: 'read' | 'write', fn: (records: Records, pack: Pack) => Promise<void>): Promise<void> {
  let pack: Pack;
  try {
    pack = await loadPack(flags.rules);
  } catch (err) {
    if (!(err instanceof PackLoadError)) throw err;
    for (const d of err.errors) process.stderr.write(`错误 ${formatDiagnostic(d, flags.rules)}\n`);
    process.stderr.write(`规则包 ${flags.rules} 无法加载：${err.errors.length} 处错误（运行 bianmin validate --rules ${flags.rules} 查看详情）\n`);
    process.exitCode = EXIT.invalid;
    return;
  }
  let records: Records | null = null;
  try {
    records = await openRecords(flags.data, pack, { readonly: mode === 'read' });
    for (const w of records.warnings) process.stderr.write(`警告：${w}\n`);
    await fn(records, pack);
    if (process.exitCode === undefined) process.exitCode = EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`错误：${err.message}\n`);
      process.exitCode = EXIT.usage;
    } else if (err instanceof RecordsError) {
      process.stderr.write(`错误：${err.message}\n`);
      process.exitCode = EXIT.invalid;
    } else throw err;
  } finally {
    await records?.close();
  }
}

/** `2026-11-23T09:30:00+08:00` → `2026-11-23 09:30`. */
export function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** 0.953 → `95.3%`; null → `—`. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
