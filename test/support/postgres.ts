/**
 * The PostgreSQL server the PostgreSQL suites use: BIANMIN_TEST_PG (a postgres:// URL; .ci/run
 * starts a loopback cluster and sets it). Without it those suites are skipped, saying so once.
 * Each test gets a schema of its own (?schema=t_…), dropped when the file's tests are done.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

export const PG_URL = process.env.BIANMIN_TEST_PG ?? '';
export const hasPostgres = PG_URL !== '';

let told = false;
/** Prints, once per file, that the PostgreSQL tests are skipped and how to run them. */
export function skippedWithoutPostgres(what: string): void {
  if (hasPostgres || told) return;
  told = true;
  process.stderr.write(`[跳过] ${what}：未配置 PostgreSQL（设置 BIANMIN_TEST_PG=postgres://… 或运行 .ci/run；eval "$(.ci/pg-start)" 启动本机测试库）\n`);
}

const schemas: string[] = [];
afterAll(async () => {
  if (!hasPostgres || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(s)} CASCADE`);
  } finally {
    await client.end();
  }
});

/** A URL for a new, empty schema of the test database. */
export function freshDatabaseUrl(): string {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
}

/** Runs `fn` with a connection to the schema of the records URL `url` (to look at or damage rows behind the store's back). */
export async function withDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? 'public';
  u.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: u.href, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
