/**
 * The records in a PostgreSQL database, for halls that run several service replicas.
 *
 * Every write runs in a transaction that first takes one advisory lock per schema: writes of all
 * replicas happen one at a time, exactly as the writes of one process on a data directory do, so
 * the registers' rules (the next id, the next document number, one supplement notice per case, a
 * complaint verified once) hold across replicas without knowing about them. Before it runs, the
 * transaction reads every row committed since this replica last looked, so each decision is taken
 * on the whole register. The constraints back it up: an id is inserted only once, a row is
 * replaced only at the rev this replica read, a notice number exists once.
 *
 * The registers read from memory (their API is synchronous), so each replica mirrors the records;
 * `refresh()` brings the mirror up to date (the service calls it before every request that uses the
 * records). Writes of all replicas are ordered by `rev` (a sequence drawn under the lock), so the
 * rows above the last rev seen are exactly the ones missed.
 */
import pg from 'pg';
import { crc32 } from 'node:zlib';
import { CollectionRegistry, type BackupResult, type ContentStore, type RecordBackend } from '../backend.ts';
import type { CollectionSpec, LoadProblem } from '../collection.ts';
import { RecordsError } from '../errors.ts';
import { formatPath } from '../../core/index.ts';
import { corrupt } from '../store.ts';
import { PgCollection, type PgCollectionHost } from './collection.ts';
import { migrate, schemaVersion, SCHEMA_VERSION } from './migrations.ts';
import { parseDatabaseUrl, type DatabaseLocation } from './url.ts';

export interface PgStoreOptions {
  readonly specFor: (name: string) => CollectionSpec<unknown> | null;
  /** Neither migrates nor writes. */
  readonly readonly?: boolean;
  /** Connections per replica (default 8). */
  readonly poolSize?: number;
}

interface Row {
  readonly collection: string;
  readonly id: string;
  readonly rev: string;
  readonly record: unknown;
}

interface Transaction {
  readonly client: pg.PoolClient;
  readonly undo: Array<() => void>;
  lastRev: number;
}

/** Rows per page when the whole register is read (opening, backup). */
const PAGE = 2000;
/** First key of the advisory lock: "bmn\0"; the second is the schema's CRC-32. */
const LOCK_CLASS = 0x626d6e00;

export class PgStore implements RecordBackend, PgCollectionHost {
  readonly kind = 'postgres';
  readonly warnings: string[] = [];
  readonly content: ContentStore;
  foreignWrites = 0;
  private readonly collections: CollectionRegistry<PgCollection<unknown>>;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The highest rev in the mirror. */
  private watermark = 0;
  private tx: Transaction | null = null;
  private pulling: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly lockKey: [number, number];

  private constructor(
    private readonly pool: pg.Pool,
    private readonly location: DatabaseLocation,
    readonly readonly: boolean,
    private readonly options: PgStoreOptions,
  ) {
    this.lockKey = [LOCK_CLASS, crc32(location.schema) | 0];
    this.content = new PgContent(this);
    this.collections = new CollectionRegistry(options.specFor, (name, spec) => new PgCollection(name, spec, this));
  }

  get dir(): string {
    return this.location.shown;
  }

  get shownDir(): string {
    return this.location.shown;
  }

  /**
   * Connects, brings the schema to this version's migrations (as a writer; a reader refuses a
   * database that has none) and reads every record, validated; a damaged row makes it throw
   * E-STORE-CORRUPT listing every located problem, and nothing is opened.
   */
  static async open(url: string, options: PgStoreOptions): Promise<PgStore> {
    const location = parseDatabaseUrl(url);
    const pool = new pg.Pool({
      connectionString: location.connectionString,
      max: options.poolSize ?? 8,
      options: `-c search_path=${location.schema}`,
      connectionTimeoutMillis: 10_000,
      // Which hall's replica holds a connection, for the operator looking at pg_stat_activity.
      application_name: `bianmin/${location.schema}`,
    });
    // A connection that breaks while idle is dropped by the pool; the next query reports it.
    pool.on('error', () => undefined);
    const store = new PgStore(pool, location, options.readonly ?? false, options);
    try {
      const client = await store.connect();
      try {
        if (store.readonly) {
          const at = await schemaVersion(client, false);
          if (at === 0) throw RecordsError.of('E-STORE-NOT-FOUND', {}, { file: location.shown });
          if (at > SCHEMA_VERSION) throw RecordsError.of('E-STORE-PG-NEWER', { url: location.shown, found: at, known: SCHEMA_VERSION });
        } else {
          await client.query('BEGIN');
          await client.query('SELECT pg_advisory_xact_lock($1, $2)', store.lockKey);
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(location.schema)}`);
          await migrate(client, location.shown);
          await client.query('COMMIT');
        }
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
      await store.loadAll();
      return store;
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw store.failure(e);
    }
  }

  /** Reads every row in one snapshot, so that the rev it ends at covers exactly what was read. */
  private async loadAll(): Promise<void> {
    const problems: LoadProblem[] = [];
    await this.inSnapshot(async (client) => {
      const max = await client.query<{ max: string | null }>('SELECT max(rev) AS max FROM bianmin_records');
      for await (const row of pages(client)) {
        for (const p of this.apply(row)) if (problems.length < 20) problems.push(p);
      }
      this.watermark = Math.max(this.watermark, Number(max.rows[0]?.max ?? 0));
    });
    if (problems.length > 0) throw corrupt(this.location.shown, problems);
  }

  /** Runs `fn` in a read-only transaction that sees one snapshot of the database. */
  private async inSnapshot<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.failure(e);
    } finally {
      client.release();
    }
  }

  /** Takes a row into the mirror; its problems, located (the row, the path inside the record). */
  private apply(row: Row): LoadProblem[] {
    const spec = this.options.specFor(row.collection);
    const file = `bianmin_records（${row.collection}/${row.id}）`;
    if (!spec) return [{ file, detail: `未知的登记簿 ${row.collection}（由更新版本的 bianmin 写入？）` }];
    const rev = Number(row.rev);
    const problems = this.collection<unknown>(row.collection).applyRow(row.id, rev, row.record);
    if (problems.length > 0) return problems.map((p) => ({ file, path: formatPath(['record', ...p.path]), detail: p.message }));
    this.watermark = Math.max(this.watermark, rev);
    return [];
  }

  /** Rows committed since the mirror's last rev; a damaged one is E-STORE-CORRUPT. */
  private async catchUp(client: pg.PoolClient | pg.Pool): Promise<void> {
    const r = await client.query<Row>('SELECT collection, id, rev, record FROM bianmin_records WHERE rev > $1 ORDER BY rev', [this.watermark]);
    const problems: LoadProblem[] = [];
    for (const row of r.rows) problems.push(...this.apply(row));
    if (r.rows.length > 0) this.foreignWrites += r.rows.length;
    if (problems.length > 0) throw corrupt(this.location.shown, problems);
  }

  refresh(): Promise<void> {
    if (this.closed) return Promise.reject(RecordsError.of('E-STORE-CLOSED'));
    if (!this.pulling) {
      this.pulling = this.catchUp(this.pool)
        .catch((e: unknown) => {
          throw this.failure(e);
        })
        .finally(() => {
          this.pulling = null;
        });
      return this.pulling;
    }
    // One is running and may have started before this call: one more after it, shared by every caller meanwhile.
    this.queued ??= this.pulling
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.refresh();
      });
    return this.queued;
  }

  collection<R>(name: string): PgCollection<R> {
    return this.collections.get(name) as unknown as PgCollection<R>;
  }

  names(): string[] {
    return this.collections.names();
  }

  loadedNames(): string[] {
    return this.names();
  }

  legacyText(): Promise<string | null> {
    return Promise.resolve(null);
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(RecordsError.of('E-STORE-CLOSED'));
    const run = (): Promise<T> => (this.readonly ? fn() : this.transaction(fn));
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.connect();
    const tx: Transaction = { client, undo: [], lastRev: 0 };
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', this.lockKey);
      await this.catchUp(client);
      this.tx = tx;
      const out = await fn();
      this.tx = null;
      await client.query('COMMIT');
      this.watermark = Math.max(this.watermark, tx.lastRev);
      return out;
    } catch (e) {
      this.tx = null;
      for (const undo of tx.undo.reverse()) undo();
      // Caches built on the undone writes (next numbers …) are built again.
      if (tx.undo.length > 0) this.foreignWrites++;
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.failure(e);
    } finally {
      client.release();
    }
  }

  async writeRow(collection: string, id: string, record: unknown, expectedRev: number | undefined, undo: () => void): Promise<number> {
    if (this.readonly) throw RecordsError.of('E-STORE-READONLY', { dir: this.location.shown });
    const tx = this.tx;
    // Outside `exclusive` (the registers never do this): a transaction of its own.
    if (!tx) return this.exclusive(() => this.writeRow(collection, id, record, expectedRev, undo));
    tx.undo.push(undo);
    const text = JSON.stringify(record);
    const r =
      expectedRev === undefined
        ? await tx.client.query<{ rev: string }>(
            `INSERT INTO bianmin_records (collection, id, rev, record) VALUES ($1, $2, nextval('bianmin_rev'), $3) RETURNING rev`,
            [collection, id, text],
          )
        : await tx.client.query<{ rev: string }>(
            `UPDATE bianmin_records SET record = $3, rev = nextval('bianmin_rev') WHERE collection = $1 AND id = $2 AND rev = $4 RETURNING rev`,
            [collection, id, text, expectedRev],
          );
    const row = r.rows[0];
    if (!row) throw RecordsError.of('E-STORE-PG-CONFLICT', { id, collection });
    tx.lastRev = Number(row.rev);
    return tx.lastRev;
  }

  /**
   * Inserts records read from a data directory (restore, migration), in the running transaction,
   * 500 to a statement; the mirror takes them at the next refresh.
   */
  async insertAll(collection: string, records: Iterable<unknown>, idOf: (r: unknown) => string): Promise<number> {
    if (!this.tx) throw RecordsError.of('E-INTERNAL');
    let n = 0;
    let batch: Array<{ id: string; record: unknown }> = [];
    const flush = async (): Promise<void> => {
      await this.tx!.client.query(
        `INSERT INTO bianmin_records (collection, id, rev, record)
         SELECT $1, x.id, nextval('bianmin_rev'), x.record FROM json_to_recordset($2::json) AS x(id text, record json)`,
        [collection, JSON.stringify(batch)],
      );
      n += batch.length;
      batch = [];
    };
    for (const record of records) {
      batch.push({ id: idOf(record), record });
      if (batch.length === 500) await flush();
    }
    if (batch.length > 0) await flush();
    return n;
  }

  query<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<T>> {
    return (this.tx?.client ?? this.pool).query<T>(sql, values).catch((e: unknown) => {
      throw this.failure(e);
    });
  }

  backup(dest?: string): Promise<BackupResult> {
    return import('./dump.ts').then((m) => m.dumpToDirectory(this, this.options.specFor, dest));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    await this.pool.end().catch(() => undefined);
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (e) {
      throw this.failure(e);
    }
  }

  /** A pg or network error as the catalogue's; a RecordsError unchanged. */
  failure(e: unknown): Error {
    if (e instanceof RecordsError) return e;
    const err = e as { code?: string; message?: string; detail?: string; constraint?: string };
    const message = err.message ?? String(e);
    if (err.code === '23505') {
      const m = /\(collection, id\)=\(([^,]+), (.+)\)/.exec(err.detail ?? '');
      return RecordsError.of('E-STORE-PG-CONFLICT', { id: m?.[2] ?? err.detail ?? '', collection: m?.[1] ?? err.constraint ?? '' });
    }
    const network = ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '3D000', '28P01', '28000', '57P01', '57P03'];
    if ((err.code && network.includes(err.code)) || /timeout|Connection terminated/i.test(message)) {
      return RecordsError.of('E-STORE-PG-CONNECT', { url: this.location.shown, reason: message });
    }
    return RecordsError.of('E-STORE-IO', { detail: `数据库 ${this.location.shown}：${message}` });
  }
}

/** Every row, a page at a time, in (collection, id) order (keyset pages: no offset to skip). */
async function* pages(client: pg.PoolClient): AsyncGenerator<Row> {
  let after: readonly [string, string] = ['', ''];
  for (;;) {
    const r = await client.query<Row>(
      'SELECT collection, id, rev, record FROM bianmin_records WHERE (collection, id) > ($1, $2) ORDER BY collection, id LIMIT $3',
      [after[0], after[1], PAGE],
    );
    yield* r.rows;
    if (r.rows.length < PAGE) return;
    const last = r.rows[r.rows.length - 1]!;
    after = [last.collection, last.id];
  }
}

/** Archived contents in bianmin_contents. */
class PgContent implements ContentStore {
  constructor(private readonly store: PgStore) {}

  async put(name: string, bytes: Buffer): Promise<void> {
    await this.store.query('INSERT INTO bianmin_contents (name, bytes) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, bytes]);
  }

  async get(name: string): Promise<Buffer | null> {
    const r = await this.store.query<{ bytes: Buffer }>('SELECT bytes FROM bianmin_contents WHERE name = $1', [name]);
    return r.rows[0]?.bytes ?? null;
  }

  shown(name: string): string {
    return `${this.store.shownDir} 表 bianmin_contents 中的 ${name}`;
  }
}
