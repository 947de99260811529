/**
 * Document numbers: prefix (the center's code) + year + sequence, e.g. 青便〔2026〕0001号, unique
 * per center and year. There is one series, kept in the records store (`records.sequences`);
 * `memorySequence` is for previews and tests that keep nothing.
 */
import { formatDocumentNumber, type DocumentSeries } from '../records/index.ts';
import { DocumentError } from './errors.ts';

export { formatDocumentNumber };

/** What a renderer takes: the next number of a year for one center. */
export interface DocumentNumbering {
  next(year: number): Promise<string>;
}

/** Where numbers are drawn from: the records' series (`records.sequences`), or a memory one. */
export type SequenceStore = Pick<DocumentSeries, 'next'>;

/** Numbers of the center with code `prefix`, drawn from `store`. */
export function numbering(prefix: string, store: SequenceStore): DocumentNumbering {
  return {
    async next(year: number): Promise<string> {
      if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new DocumentError('E-DOC-NUMBER', `文书编号的年份 ${year} 无效`);
      return formatDocumentNumber(prefix, year, await store.next(prefix, year));
    },
  };
}

export function memorySequence(): SequenceStore {
  const counters = new Map<string, number>();
  return {
    async next(series: string, year: number): Promise<number> {
      const key = `${series}/${year}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n;
    },
  };
}
