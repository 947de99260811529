// The records in PostgreSQL, what only a database has: migrations, located damage in rows, two
// replicas on one database (here two stores in one process, each with its own connections and
// mirror), the constraints behind the write lock, backup / restore / migrate on the command line.
// (The whole records suite also runs on PostgreSQL: `npm run test:postgres`.)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { openRecords, restoreRecords, RecordsError, type Records } from '../../src/records/index.ts';
import { bianmin as runCliIn } from '../cli/run.ts';
import { completeApplication, decided, refusal, samplePack, tempDir } from '../records/helpers.ts';
import { freshDatabaseUrl, hasPostgres, PG_URL, skippedWithoutPostgres, withDatabase } from '../support/postgres.ts';

skippedWithoutPostgres('PostgreSQL 登记簿测试（test/postgres/store.test.ts）');

const AT = '2026-11-02T09:30:00+08:00';
const open: Records[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
async function opened(url: string, readonly = false): Promise<Records> {
  const r = await openRecords(url, await samplePack(), { readonly });
  open.push(r);
  return r;
}
const complaint = { channel: 'written' as const, staff: 'chen-li', content: '窗口态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: AT };

describe.runIf(hasPostgres)('the database and its migrations', () => {
  test('opening migrates an empty schema once, records each version, and refuses a newer database', async () => {
    const url = freshDatabaseUrl();
    // A reader never creates anything: an unmigrated database is not found.
    const missing = await refusal(openRecords(url, await samplePack(), { readonly: true }));
    expect(missing.code).toBe('E-STORE-NOT-FOUND');
    const r = await opened(url);
    expect(r.kind).toBe('postgres');
    await r.close();
    await opened(url); // a second opening applies nothing
    const versions = await withDatabase(url, async (c) => (await c.query<{ version: number }>('SELECT version FROM bianmin_migrations ORDER BY version')).rows.map((x) => x.version));
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions).toEqual([...versions.keys()].map((i) => i + 1));

    await withDatabase(url, (c) => c.query("INSERT INTO bianmin_migrations (version, name) VALUES (999, 'from-the-future')"));
    const newer = await refusal(openRecords(url, await samplePack()));
    expect(newer.code).toBe('E-STORE-PG-NEWER');
    expect(newer.message).toContain('999');
    expect(newer.exitCode).toBe(1);
  });

  test('a damaged row is refused at opening, located at its row and the path inside the record', async () => {
    const url = freshDatabaseUrl();
    const r = await opened(url);
    const c = await r.complaints.add(complaint);
    await r.close();
    open.pop();
    await withDatabase(url, (db) => db.query(`UPDATE bianmin_records SET record = json_build_object('id', id, 'channel', 'telepathy') WHERE id = $1`, [c.id]));
    const err = await refusal(openRecords(url, await samplePack()));
    expect(err.code).toBe('E-STORE-CORRUPT');
    expect(err.details[0]).toMatchObject({ file: `bianmin_records（complaints/${c.id}）` });
    expect(err.details.map((d) => d.path)).toContain('$.record.channel');
    expect(err.message).not.toMatch(/^\s+at /m);
  });

  test('bad addresses and an unreachable server are clear errors, the password never shown', async () => {
    const bad = await refusal(openRecords('postgres://127.0.0.1:5432', await samplePack()));
    expect([bad.code, bad.message]).toEqual(['E-STORE-PG-URL', expect.stringContaining('缺少数据库名')]);
    const schema = await refusal(openRecords(`${PG_URL}?schema=Bad-Name`, await samplePack()));
    expect(schema.code).toBe('E-STORE-PG-URL');
    const down = await refusal(openRecords('postgres://hall:s3cret-pw@127.0.0.1:1/bianmin', await samplePack()));
    expect(down.code).toBe('E-STORE-PG-CONNECT');
    expect(down.status).toBe(503);
    expect(down.message).not.toContain('s3cret-pw');
    expect(down.message).toContain('postgres://hall:***@127.0.0.1:1/bianmin');
  });
});

describe.runIf(hasPostgres)('two replicas on one database', () => {
  test('each reads what the other wrote; ids and notice numbers never repeat, whichever wrote first', async () => {
    const url = freshDatabaseUrl();
    const [a, b] = [await opened(url), await opened(url)];
    const pack = await samplePack();
    const d = await decided(pack, completeApplication(AT), 'accepted');
    const writes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).cases.register({ decision: d, staff: 'chen-li' })),
    );
    const ids = writes.map((w) => w.record.id);
    const numbers = writes.map((w) => w.record.noticeNumber);
    expect(new Set(ids).size).toBe(12);
    expect(new Set(numbers).size).toBe(12);
    await Promise.all([a.refresh(), b.refresh()]);
    for (const r of [a, b]) {
      expect(r.cases.size).toBe(12);
      for (const w of writes) expect(r.cases.byNoticeNumber(w.record.noticeNumber!)?.id).toBe(w.record.id);
    }
    // Complaints get yearly ids from both without a repeat either.
    const complaints = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a : b).complaints.add(complaint)));
    expect(new Set(complaints.map((c) => c.id)).size).toBe(6);
  });

  test('the one-time supplement notice and a complaint verification are taken once across replicas', async () => {
    const url = freshDatabaseUrl();
    const [a, b] = [await opened(url), await opened(url)];
    const pack = await samplePack();
    const supplement = await decided(pack, { ...completeApplication(AT), materials: ['application', 'id-card', 'authorization'] }, 'supplement');
    const c = await a.cases.register({ decision: supplement, staff: 'chen-li', noticeGiven: false });
    const tries = await Promise.allSettled([a, b, a, b].map((r) => r.cases.addEvent(c.record.id, { type: 'supplement-notified', staff: 'chen-li', at: AT })));
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    for (const t of tries) if (t.status === 'rejected') expect((t.reason as RecordsError).message).toContain('补正内容须一次性告知');

    const k = await b.complaints.add(complaint);
    const verdicts = await Promise.allSettled([
      a.complaints.verify(k.id, { result: 'verified', handler: 'li-xiuying', at: AT }),
      b.complaints.verify(k.id, { result: 'unfounded', handler: 'li-xiuying', at: AT }),
    ]);
    expect(verdicts.filter((v) => v.status === 'fulfilled')).toHaveLength(1);
    expect(verdicts.map((v) => (v.status === 'rejected' ? (v.reason as RecordsError).code : 'ok')).sort()).toEqual(['E-COMPLAINT-VERIFIED', 'ok']);
    await Promise.all([a.refresh(), b.refresh()]);
    expect(a.complaints.get(k.id)?.verification).toEqual(b.complaints.get(k.id)?.verification);
  });

  test('a write the constraints refuse is rolled back whole: nothing of it stays, the number series included', async () => {
    const url = freshDatabaseUrl();
    const r = await opened(url);
    const pack = await samplePack();
    const d = await decided(pack, completeApplication(AT), 'accepted');
    // A row written behind the store's back (not through the lock, no rev): the next case's id is taken.
    await withDatabase(url, (db) =>
      db.query(`INSERT INTO bianmin_records (collection, id, rev, record) VALUES ('cases-2026', '2026-000001', 0, '{}')`),
    );
    const err = await refusal(r.cases.register({ decision: d, staff: 'chen-li' }));
    expect(err.code).toBe('E-STORE-PG-CONFLICT');
    expect(err.message).toContain('2026-000001');
    expect(r.sequences.last('青便', 2026)).toBe(0);
    const stored = await withDatabase(url, async (db) => (await db.query(`SELECT count(*)::int AS n FROM bianmin_records WHERE collection = 'sequences'`)).rows[0] as { n: number });
    expect(stored.n).toBe(0);
  });
});

describe.runIf(hasPostgres)('backup, restore and migration on the command line', { timeout: 60_000 }, () => {
  test('a database backs up to a directory, which restores into another database record for record', async () => {
    const url = freshDatabaseUrl();
    const r = await opened(url);
    const pack = await samplePack();
    await r.cases.register({ decision: await decided(pack, completeApplication(AT), 'accepted'), staff: 'chen-li' });
    await r.cases.register({ decision: await decided(pack, completeApplication('2025-06-02T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    await r.complaints.add(complaint);
    const p = await r.publications.archive({ kind: 'announcement', title: '办结公告', content: '<p>本月办结 2 件</p>', issuer: 'li-xiuying', issuedAt: AT });
    const dir = path.join(await tempDir(), 'backup');
    const backup = await runCliIn(['backup', '--data', url, '--to', dir]);
    expect(backup.stderr).toBe('');
    expect([backup.code, backup.last]).toEqual([0, expect.stringContaining('校验通过')]);
    expect(JSON.parse(await readFile(path.join(dir, 'backup-manifest.json'), 'utf8')).source).toBe(r.dir);

    const target = freshDatabaseUrl();
    const restored = await runCliIn(['restore', dir, '--data', target]);
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(restored.last).toContain('cases-2025 1 条，cases-2026 1 条，complaints 1 条');
    const back = await opened(target, true);
    expect([...back.cases.all()]).toEqual([...r.cases.all()]);
    expect([...back.complaints.all()]).toEqual([...r.complaints.all()]);
    expect((await back.publications.content(p.id)).toString()).toBe('<p>本月办结 2 件</p>');

    // Never over records, never from nowhere.
    const again = await runCliIn(['restore', dir, '--data', target]);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('数据库中已有登记簿（cases-2025、cases-2026、complaints')]);
    expect((await refusal(restoreRecords(dir, target))).code).toBe('E-RESTORE-TARGET');
    const nowhere = await runCliIn(['restore', path.join(dir, 'missing'), '--data', freshDatabaseUrl()]);
    expect([nowhere.code, nowhere.stderr]).toEqual([1, expect.stringContaining('目录不存在')]);
    expect((await refusal(restoreRecords(path.join(dir, 'missing'), freshDatabaseUrl()))).code).toBe('E-RESTORE-SOURCE');
  });

  test('bianmin migrate moves a data directory into a database; the service then reads the same records', async () => {
    const dir = path.join(await tempDir(), 'data');
    const pack = await samplePack();
    const lowdb = await openRecords(dir, pack);
    await lowdb.cases.register({ decision: await decided(pack, completeApplication(AT), 'accepted'), staff: 'chen-li' });
    await lowdb.cases.register({ decision: await decided(pack, completeApplication('2024-03-04T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    const k = await lowdb.complaints.add(complaint);
    await lowdb.complaints.verify(k.id, { result: 'verified', handler: 'li-xiuying', at: AT });
    await lowdb.publications.archive({ kind: 'board', title: '公开栏', content: '<p>公开栏</p>', issuer: 'li-xiuying', issuedAt: AT });
    const expected = { cases: [...lowdb.cases.all()], complaints: [...lowdb.complaints.all()], sequences: lowdb.sequences.last('青便', 2026) };
    await lowdb.close();

    const url = freshDatabaseUrl();
    const moved = await runCliIn(['migrate', '--data', dir, '--to', url, '--json']);
    expect([moved.code, moved.stderr]).toEqual([0, '']);
    expect(JSON.parse(moved.stdout)).toMatchObject({ counts: { 'cases-2024': 1, 'cases-2026': 1, complaints: 1, publications: 1 }, contents: 1 });
    const pg = await opened(url, true);
    expect([...pg.cases.all()]).toEqual(expected.cases);
    expect([...pg.complaints.all()]).toEqual(expected.complaints);
    expect(pg.sequences.last('青便', 2026)).toBe(expected.sequences);

    const wrong = await runCliIn(['migrate', '--data', dir, '--to', path.join(dir, 'elsewhere')]);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('--to 须是 postgres://')]);
  });
});

describe.runIf(hasPostgres)('records an earlier version wrote', () => {
  test('read into a database, they are upgraded as a data directory upgrades them', async () => {
    const url = freshDatabaseUrl();
    await restoreRecords(fileURLToPath(new URL('../fixtures/records-2026-12-01', import.meta.url)), url);
    const r = await opened(url, true);
    const [c] = [...r.cases.all()];
    expect(c?.decision.questions).toEqual([]);
  });
});

describe.runIf(hasPostgres)('the database connection dropped under the service', () => {
  test('connections cut by the server: the next read and write reconnect, nothing acknowledged is lost', async () => {
    const url = freshDatabaseUrl();
    const r = await opened(url);
    const first = await r.complaints.add(complaint);
    // What a database restart or a proxy timeout does to the idle connections of the pool.
    const schema = new URL(url).searchParams.get('schema');
    const cut = await withDatabase(url, async (db) =>
      (await db.query<{ n: number }>('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1', [`bianmin/${schema}`])).rows[0]!.n,
    );
    expect(cut).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await r.refresh();
    const second = await r.complaints.add(complaint);
    expect(second.id).not.toBe(first.id);
    await r.close();
    open.pop();
    const back = await opened(url, true);
    expect([...back.complaints.all()].map((c) => c.id)).toEqual([first.id, second.id]);
  });
});
