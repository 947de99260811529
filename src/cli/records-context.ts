/**
 * What every records command shares: loading the pack, opening the data directory (read-only for
 * listings, so they work while the service writes) and closing it, and the display helpers for
 * times, rates and JSON. Errors go to `runCli`, which prints them located with their exit code.
 */
import type { Pack } from '../engine/index.ts';
import { isDatabaseUrl, openRecords, type Records } from '../records/index.ts';
import type { Context } from './context.ts';
import { EXIT } from './exit.ts';
import { openPack } from './open-pack.ts';
import type { RecordsFlags } from './syntax/records-options.ts';

/** Where the records are (`--data`): a directory, as `ctx.file` opens it, or a postgres:// URL as given. */
export function dataLocation(ctx: Context, given: string): string {
  return isDatabaseUrl(given) ? given : ctx.file(given);
}

/** Loads the pack, opens the records, runs `fn` and closes them again; exit 1 when the pack is invalid. */
export async function runWithRecords(ctx: Context, flags: RecordsFlags, mode: 'read' | 'write', fn: (records: Records, pack: Pack) => Promise<void>): Promise<number> {
  const pack = await openPack(ctx, flags.rules);
  if (!pack) return EXIT.invalid;
  const records = await openRecords(dataLocation(ctx, flags.data), pack, { readonly: mode === 'read' });
  try {
    for (const w of records.warnings) ctx.stderr.write(`警告：${w}\n`);
    await fn(records, pack);
    return EXIT.ok;
  } finally {
    await records.close();
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

export function printJson(ctx: Context, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
