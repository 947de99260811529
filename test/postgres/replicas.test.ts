// Two `bianmin serve` processes on one PostgreSQL database, as the README sets them up: writes go
// through both at once, every write is read back from the other, and the register's rules hold
// across them (ids and notice numbers once, one supplement notice per case, one verification).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APPLICATIONS, ADMIN, CLERK, tempDir } from '../server/helpers.ts';
import { serve, startedAt, type Spawned } from '../support/serve-process.ts';
import { freshDatabaseUrl, hasPostgres, skippedWithoutPostgres } from '../support/postgres.ts';

skippedWithoutPostgres('两个服务副本共用一个 PostgreSQL（test/postgres/replicas.test.ts）');

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly pack: string | null;
}

describe.runIf(hasPostgres)('two replicas on one database', { timeout: 120_000 }, () => {
  const replicas: Spawned[] = [];
  const bases: string[] = [];

  beforeAll(async () => {
    const url = freshDatabaseUrl();
    const env = { BIANMIN_TOKENS: `window-2:${CLERK},office:${ADMIN}:admin` };
    // The second replica's address carries a password (the loopback test server does not ask for one): it is never printed.
    const withPassword = new URL(url);
    withPassword.password = 'pw-never-shown';
    for (const [name, data] of [['a', url], ['b', withPassword.href]] as const) {
      replicas.push(serve(['--data', data, '--workdir', path.join(await tempDir('replica'), name), '--port', '0'], env));
    }
    for (const r of replicas) bases.push(await startedAt(r));
  }, 120_000);

  afterAll(async () => {
    for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => r.exited));
  });

  const call = async (replica: number, method: string, url: string, body?: unknown, token = CLERK): Promise<Answer> => {
    const res = await fetch(bases[replica]! + url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, pack: res.headers.get('x-bianmin-pack') };
  };
  const record = (a: Answer): { id: string; noticeNumber: string } => a.body.record as { id: string; noticeNumber: string };

  test('each replica says which database it serves, the password masked', async () => {
    const banner = await replicas[1]!.printed('按 Ctrl+C 停止服务');
    expect(banner).toMatch(/数据库：postgres:\/\/[^:\s]+:\*\*\*@127\.0\.0\.1/);
    expect(banner).not.toContain('pw-never-shown');
  });

  test('cases registered through both at once: every one read from the other, no id or number twice', async () => {
    expect(bases.every((b) => b.startsWith('http://127.0.0.1:'))).toBe(true);
    const writes = await Promise.all(Array.from({ length: 24 }, (_, i) => call(i % 2, 'POST', '/v1/cases', { application: APPLICATIONS.accepted, staff: 'chen-li' })));
    expect(writes.map((w) => w.status)).toEqual(writes.map(() => 201));
    const ids = writes.map((w) => record(w).id);
    const numbers = writes.map((w) => record(w).noticeNumber);
    expect(new Set(ids).size).toBe(24);
    expect(new Set(numbers).size).toBe(24);
    // Each replica answers with the same pack version.
    expect(new Set(writes.map((w) => w.pack)).size).toBe(1);
    for (const [i, w] of writes.entries()) {
      const other = await call((i + 1) % 2, 'GET', `/v1/cases/${record(w).id}`);
      expect(other.status).toBe(200);
      expect(record(other).noticeNumber).toBe(record(w).noticeNumber);
    }
  });

  test('one supplement notice per case and one verification per complaint, whichever replica is asked', async () => {
    const c = await call(0, 'POST', '/v1/cases', { application: APPLICATIONS.supplement, staff: 'chen-li', noticeGiven: false });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = record(c).id;
    const notices = await Promise.all([0, 1, 0, 1].map((r) => call(r, 'POST', `/v1/cases/${id}/events`, { type: 'supplement-notified', staff: 'chen-li' })));
    expect(notices.filter((n) => n.status < 300)).toHaveLength(1);
    for (const n of notices.filter((x) => x.status >= 300)) expect(JSON.stringify(n.body)).toContain('补正内容须一次性告知');

    const k = await call(1, 'POST', '/v1/complaints', { channel: 'written', target: { staff: 'chen-li' }, content: '窗口态度生硬', receivedBy: 'lin-xiaoyan' });
    expect(k.status, JSON.stringify(k.body)).toBe(201);
    const kid = (k.body.record as { id: string }).id;
    const verdicts = await Promise.all(
      [0, 1].map((r) => call(r, 'POST', `/v1/complaints/${kid}/verification`, { result: 'verified', handler: 'li-xiuying' }, ADMIN)),
    );
    expect(verdicts.map((v) => v.status).sort()).toEqual([200, 409]);
    // The staff member's discipline record counts the verified complaint once, read from either replica.
    const [fromA, fromB] = [await call(0, 'GET', '/v1/staff/chen-li/record', undefined, ADMIN), await call(1, 'GET', '/v1/staff/chen-li/record', undefined, ADMIN)];
    expect(fromA.status).toBe(200);
    // The two reads may straddle a second, so the as-of instant is left out of the comparison.
    const withoutClock = (body: Record<string, unknown>) => {
      const { asOf: _asOf, countingWindow, ...rest } = body as { asOf?: unknown; countingWindow?: Record<string, unknown> };
      const { to: _to, ...window } = countingWindow ?? {};
      return { ...rest, window };
    };
    expect(withoutClock(fromA.body)).toEqual(withoutClock(fromB.body));
    expect(JSON.stringify(fromA.body)).toContain(kid);
    expect((fromA.body.facts as { verifiedComplaints: number }).verifiedComplaints).toBe(1);
  });
});
