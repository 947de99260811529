/**
 * The database's structure, as numbered migrations applied in order at start and recorded in
 * bianmin_migrations. A migration is never edited once released: a change is a new one. Every
 * record is kept as the JSON the registers validate (json, not jsonb: key order and text are
 * kept as written), so a new record field needs no migration, only the registers' upgrade.
 */
import type { PoolClient } from 'pg';
import { RecordsError } from '../errors.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records-and-contents',
    sql: `
      CREATE SEQUENCE bianmin_rev;
      -- One row per record; rev orders every write (a write takes the next value), so a replica
      -- catches up by reading the rows with a rev above the last it saw.
      CREATE TABLE bianmin_records (
        collection text NOT NULL,
        id text NOT NULL,
        rev bigint NOT NULL,
        record json NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX bianmin_records_rev ON bianmin_records (rev);
      -- Archived publication contents, by name (<sha256>.<ext>): written once, never changed.
      CREATE TABLE bianmin_contents (
        name text PRIMARY KEY,
        bytes bytea NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'notice-numbers-unique',
    sql: `
      -- A document number is issued once: two cases can never carry the same notice number,
      -- whichever replica registered them.
      CREATE UNIQUE INDEX bianmin_records_notice ON bianmin_records ((record->>'noticeNumber'))
        WHERE collection LIKE 'cases-%' AND record->>'noticeNumber' IS NOT NULL;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The version the database is at (0: never migrated), creating the migrations table if asked. */
export async function schemaVersion(client: PoolClient, create: boolean): Promise<number> {
  if (create) {
    await client.query(`CREATE TABLE IF NOT EXISTS bianmin_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  } else {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('bianmin_migrations')::text AS t`);
    if (!exists.rows[0]?.t) return 0;
  }
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM bianmin_migrations');
  return r.rows[0]?.v ?? 0;
}

/**
 * Brings the database to SCHEMA_VERSION inside the caller's transaction (which holds the store's
 * lock, so two replicas starting together migrate once). A database newer than this version is
 * refused: this version would not know what the newer one keeps.
 */
export async function migrate(client: PoolClient, shown: string): Promise<number[]> {
  const at = await schemaVersion(client, true);
  if (at > SCHEMA_VERSION) throw RecordsError.of('E-STORE-PG-NEWER', { url: shown, found: at, known: SCHEMA_VERSION });
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= at) continue;
    await client.query(m.sql);
    await client.query('INSERT INTO bianmin_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    applied.push(m.version);
  }
  return applied;
}
