/**
 * The one document-number series (青便〔2026〕0012号): a counter per center prefix and year, kept in
 * the records store so that backups, the durable log and the writer lock cover it. A number is
 * taken inside the store's write queue and returned only once its log entry is fsynced, so no
 * two documents ever get the same number; a write that fails after taking one leaves a gap,
 * never a repeat. `bianmin render` and the notice issued when a case is registered both draw here.
 */
import path from 'node:path';
import type { SequenceRecord } from '../pack/index.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import type { RecordBackend } from './backend.ts';

export const SEQUENCES = 'sequences';

/**
 * The counter file of earlier versions (`bianmin render --numbers`, by default
 * data/document-numbers.json): its counts are taken over on opening, so that no number issued
 * before the series moved into the store is issued again.
 */
export const LEGACY_COUNTER_FILE = 'document-numbers.json';

/** `青便`, 2026, 12 → `青便〔2026〕0012号`. */
export function formatDocumentNumber(series: string, year: number, sequence: number): string {
  return `${series}〔${year}〕${String(sequence).padStart(4, '0')}号`;
}

function keyOf(series: string, year: number): string {
  return `${series}/${year}`;
}

export function sequenceSpec(): CollectionSpec<SequenceRecord> {
  return {
    kind: 'sequence',
    idOf: (r) => r.id,
    check: (r) => (r.id === keyOf(r.series, r.year) ? [] : [{ path: ['id'], message: `序列标识 ${r.id} 与前缀和年份不符（应为 ${keyOf(r.series, r.year)}）` }]),
  };
}

/** What other folders see of the series: taking a number always goes through the write queue. */
export interface DocumentSeries {
  /** The last number issued in `series` and `year` (0: none yet). */
  last(series: string, year: number): number;
  /** The next number of `series` in `year`: 1, 2, 3 …, never the same twice. */
  next(series: string, year: number): Promise<number>;
}

export class Sequences implements DocumentSeries {
  constructor(private readonly store: RecordBackend) {}

  private collection() {
    return this.store.collection<SequenceRecord>(SEQUENCES);
  }

  last(series: string, year: number): number {
    if (!this.store.names().includes(SEQUENCES)) return 0;
    return this.collection().get(keyOf(series, year))?.last ?? 0;
  }

  next(series: string, year: number): Promise<number> {
    return this.store.exclusive(() => this.take(series, year));
  }

  /**
   * Takes the next number. Only inside the store's write queue: registering a case takes its
   * notice's number in the same turn of the queue as the case itself.
   */
  async take(series: string, year: number): Promise<number> {
    return (await this.raise(series, year, this.last(series, year) + 1)).last;
  }

  private raise(series: string, year: number, last: number): Promise<SequenceRecord> {
    return this.collection().put({ id: keyOf(series, year), series, year, last });
  }

  /** Takes over the counts of the legacy counter file in the data directory, if there is one. */
  adoptLegacyCounters(): Promise<void> {
    if (this.store.readonly) return Promise.resolve();
    return this.store.exclusive(async () => {
      const shown = path.join(this.store.shownDir, LEGACY_COUNTER_FILE);
      const text = await this.store.legacyText(LEGACY_COUNTER_FILE);
      if (text === null) return;
      // A damaged file could hide numbers already issued: refuse rather than risk a repeat.
      const damaged = (why: string, at = '$'): RecordsError =>
        RecordsError.of('E-STORE-CORRUPT', { dir: this.store.shownDir, count: 1, detail: `早期版本的文书编号计数文件${why}；为免文书编号重复，请人工核对后修复或删除该文件` }, { file: shown, path: at });
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw damaged('不是有效的 JSON');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw damaged('应为 {"前缀/年份": 序号} 形式的对象');
      for (const [key, value] of Object.entries(parsed)) {
        const m = /^(\S{1,32})\/(\d{4})$/.exec(key);
        if (!m) throw damaged(`中的键 ${JSON.stringify(key)} 不是“前缀/年份”`, `$[${JSON.stringify(key)}]`);
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw damaged(`中 ${key} 的值 ${JSON.stringify(value)} 不是非负整数`, `$[${JSON.stringify(key)}]`);
        const [series, year] = [m[1]!, Number(m[2])];
        if (value > this.last(series, year)) await this.raise(series, year, value);
      }
    });
  }
}
