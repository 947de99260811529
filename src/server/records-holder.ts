/**
 * The records (src/records/) as the service uses them. They are bound to a Pack (staff, windows,
 * policy, calendar), so when the pack is reloaded they are rebound to the new one: new record
 * operations wait at a gate, those in flight finish, and the open records switch to the new pack
 * without being read again. Pack reloads are rare; the gate is open otherwise.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Pack } from '../engine/index.ts';
import { openRecords, type Records } from '../records/index.ts';
import { HttpError } from './http-error.ts';

export class RecordsHolder {
  private records: Records | null;
  private failure: string | null = null;
  private active = 0;
  private gate: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  private constructor(
    private readonly dir: string,
    records: Records,
    private readonly log: FastifyBaseLogger,
  ) {
    this.records = records;
  }

  /** Opens the data directory as its writer; rejects with RecordsError (locked, corrupt …). */
  static async open(dir: string, pack: Pack, log: FastifyBaseLogger): Promise<RecordsHolder> {
    const records = await openRecords(dir, pack);
    for (const w of records.warnings) log.warn({ event: 'records-warning' }, w);
    return new RecordsHolder(dir, records, log);
  }

  /** Why the records are unavailable, or null. */
  get problem(): string | null {
    return this.failure;
  }

  /** Runs `fn` on the records bound to the current pack. */
  async use<T>(fn: (records: Records) => Promise<T> | T): Promise<T> {
    while (this.gate) await this.gate;
    const records = this.records;
    if (!records) throw HttpError.of('E-RECORDS-UNAVAILABLE', { reason: this.failure ?? '未打开' });
    this.active++;
    try {
      // Replicas on one database: what the others wrote is read before this request is answered.
      await records.refresh();
      return await fn(records);
    } finally {
      this.active--;
      if (this.active === 0) this.drained?.();
    }
  }

  /** Rebinds the records to `pack` once every operation in flight has finished (reopens them if they had failed to open). */
  async rebind(pack: Pack): Promise<void> {
    while (this.gate) await this.gate;
    let open!: () => void;
    this.gate = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.active > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      // Open records are rebound in place (no second read of the register); only records that
      // failed to open are opened anew.
      if (this.records) {
        this.records.rebind(pack);
        return;
      }
      try {
        this.records = await openRecords(this.dir, pack);
        this.failure = null;
      } catch (err) {
        this.failure = err instanceof Error ? err.message : String(err);
        this.log.error({ event: 'records-reopen-failed', err: this.failure }, '规则包切换后重新打开登记簿失败');
      }
    } finally {
      this.gate = null;
      open();
    }
  }

  async close(): Promise<void> {
    while (this.gate) await this.gate;
    const records = this.records;
    this.records = null;
    this.failure = '服务正在关闭';
    await records?.close();
  }
}
