/**
 * Shanghai wall time (UTC+8, no daylight saving) for records, independent of the machine's zone:
 * every stored timestamp is normalised to `YYYY-MM-DDTHH:mm:ss+08:00`. Read by the one parser in
 * core, written by the clock's one formatter.
 */
import { formatInstant, shanghaiDate } from '../calendar/index.ts';
import { BianminError, SHANGHAI_OFFSET_MS, parseInstant } from '../core/index.ts';
import { RecordsError } from './errors.ts';

export { shanghaiDate };

/**
 * Epoch ms of an input time (ISO 8601 with or without seconds, a zone or Shanghai time); a bad
 * value is a RecordsError E-RECORD-TIME located at `$.field`.
 */
export function parseTime(text: string, field: string): number {
  const path = `$.${field}`;
  try {
    return parseInstant(text, { code: 'E-RECORD-TIME', path });
  } catch (err) {
    // The records' callers (the server, the CLI, the scenario runner) catch RecordsError.
    if (err instanceof BianminError) throw new RecordsError('E-RECORD-TIME', err.detail, { path });
    throw err;
  }
}

// Read for every stored time in metrics and sanctions: one options object, not one per call.
const STORED = { code: 'E-RECORD-TIME' } as const;

/** Epoch ms of a stored time (normalised when written, checked when loaded), by the one parser. */
export function epochOf(stored: string): number {
  return parseInstant(stored, STORED);
}


/** Epoch ms → `2026-11-23T09:30:00+08:00`: stored times keep whole seconds. */
export function toIso(ms: number): string {
  return formatInstant(Math.floor(ms / 1000) * 1000);
}

/** Normalises any accepted time text to the stored form. */
export function normalizeTime(text: string, field: string): string {
  return toIso(parseTime(text, field));
}

/** The Shanghai year of an instant. */
export function shanghaiYear(ms: number): number {
  return Number(shanghaiDate(ms).slice(0, 4));
}

/** Midnight (Shanghai) at the start of a given calendar date, as epoch ms; month may overflow. */
export function shanghaiMidnight(year: number, month: number, day = 1): number {
  return Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS;
}
