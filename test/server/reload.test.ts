// Hot reload on a writable copy of the sample pack: a valid change swaps in, a broken file is
// refused with its located error in /readyz, and every request meanwhile is answered from the
// last good pack — including while a (slowed) load is in progress.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, rm } from 'node:fs/promises';
import pino from 'pino';
import { loadPack } from '../../src/index.ts';
import { PackReloader } from '../../src/server/reload.ts';
import { APPLICATIONS, CLERK, copyOfRules, start, tempDir, type ErrorResponse, type Running } from './helpers.ts';

let s: Running;
let rules = '';
let itemFile = '';
let original = '';
let loadsInProgress = 0;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`等待超时：${what}`);
    await sleep(50);
  }
}

async function readyz(): Promise<{ status: number; version: string | null; body: ErrorResponse | { status: string; pack: { version: string } } }> {
  const res = await s.request('GET', '/readyz');
  const body = res.json<ErrorResponse | { status: string; pack: { version: string } }>();
  return { status: res.status, version: res.headers.get('x-bianmin-pack'), body };
}

/** Requests sent continuously until stopped; each answer's status, pack version and item name. */
function traffic(): { stop: () => Promise<Array<{ status: number; version: string | null; name: string | null }>> } {
  const seen: Array<{ status: number; version: string | null; name: string | null }> = [];
  let running = true;
  const loop = async (): Promise<void> => {
    while (running) {
      const decision = await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted });
      seen.push({ status: decision.status, version: decision.headers.get('x-bianmin-pack'), name: decision.status === 200 ? decision.json<{ decision: { itemName: string } }>().decision.itemName : null });
      const item = await s.request('GET', '/v1/items/MZ-004');
      seen.push({ status: item.status, version: item.headers.get('x-bianmin-pack'), name: item.status === 200 ? item.json<{ name: string }>().name : null });
    }
  };
  const loops = [loop(), loop(), loop()];
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return seen;
    },
  };
}

beforeAll(async () => {
  const dir = await tempDir('reload');
  rules = await copyOfRules(dir);
  itemFile = path.join(rules, 'items', 'mz-004.yaml');
  original = await readFile(itemFile, 'utf8');
  // A slow load, so that files can change while one is in progress.
  s = await start({
    rules,
    watch: 'fs',
    load: async (d) => {
      const pack = await loadPack(d);
      // The files are read and validated; the load goes on (as a big pack's compilation would).
      loadsInProgress++;
      await sleep(400);
      loadsInProgress--;
      return pack;
    },
  });
});
afterAll(async () => {
  await s.close();
});

describe('hot reload', () => {
  it('swaps in a valid change; a file broken during the load is refused and the last good pack keeps answering', async () => {
    const v1 = (await readyz()).version;
    expect((await readyz()).status).toBe(200);
    const load = traffic();

    // A valid edit starts a load …
    await writeFile(itemFile, original.replace('name: 高龄津贴申领', 'name: 高龄津贴申领（新）'));
    await until('load in progress', async () => (loadsInProgress > 0 ? true : null));
    // … and while it runs, the same file is broken.
    await writeFile(itemFile, original.replace('name: 高龄津贴申领', 'name: [高龄津贴申领'));

    const refused = await until('readyz reports the located error', async () => {
      const r = await readyz();
      return r.status === 503 && 'error' in r.body && r.body.error.code === 'E-PACK-INVALID' ? r : null;
    });
    const seen = await load.stop();

    // The load that began with valid files finished and swapped in; the broken files never did.
    const v2 = refused.version;
    expect(v2).not.toBe(v1);
    expect(seen.length).toBeGreaterThan(10);
    for (const answer of seen) {
      expect(answer.status).toBe(200);
      expect([v1, v2]).toContain(answer.version);
      expect(answer.name).toBe(answer.version === v1 ? '高龄津贴申领' : '高龄津贴申领（新）');
    }
    const error = 'error' in refused.body ? refused.body.error : null;
    expect(error?.message).toMatch(/未启用.*上一版/);
    const located = error?.errors?.find((e) => e.file === 'items/mz-004.yaml');
    expect(located?.line).toBe(original.split('\n').findIndex((l) => l.startsWith('name:')) + 1);
    expect(located?.message).toMatch(/[\u4e00-\u9fff]/);

    // Still answering from the last good pack while the files stay broken.
    const after = await s.request('GET', '/v1/items/MZ-004');
    expect(after.status).toBe(200);
    expect(after.headers.get('x-bianmin-pack')).toBe(v2);
    expect(after.json<{ name: string }>().name).toBe('高龄津贴申领（新）');
  });

  it('is ready again once the files are valid, serving them', async () => {
    await writeFile(itemFile, original);
    const ready = await until('readyz 200', async () => {
      const r = await readyz();
      return r.status === 200 ? r : null;
    });
    expect(ready.body).toMatchObject({ status: 'ready' });
    const item = await s.request('GET', '/v1/items/MZ-004');
    expect(item.json<{ name: string }>().name).toBe('高龄津贴申领');
    expect(item.headers.get('x-bianmin-pack')).toBe(ready.version);
  });

  it('rebinds the records to the new pack: a staff member added to center.yaml can be named at once', async () => {
    const centerFile = path.join(rules, 'center.yaml');
    const center = await readFile(centerFile, 'utf8');
    const complaint = { channel: 'oral', target: { window: 'minzheng-window' }, content: '等候时间过长', receivedBy: 'qian-xin' };
    const before = await s.request('POST', '/v1/complaints', { body: complaint, token: CLERK });
    expect(before.status).toBe(400);
    expect(before.json().error.code).toBe('E-RECORD-STAFF');

    await writeFile(centerFile, center.replace(/^staff:\n/m, 'staff:\n  - { id: qian-xin, name: 钱欣, title: 综合窗口受理员, rank: 3, department: zonghe, since: "2026-11-01" }\n'));
    await until('new pack in service', async () => ((await readyz()).status === 200 && s.app.bianmin.packs.served.pack.data.center.staff.some((m) => m.id === 'qian-xin') ? true : null));
    const after = await s.request('POST', '/v1/complaints', { body: complaint, token: CLERK });
    expect(after.status).toBe(201);
  });

  it('refuses a template that cannot print, naming its file and line; the pages keep their last good templates', async () => {
    const dir = path.join(rules, 'templates');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'guide.hbs'), '<!DOCTYPE html>\n<p>{{item.name}</p>\n');
    const refused = await until('template refused', async () => {
      const r = await readyz();
      return r.status === 503 && 'error' in r.body && r.body.error.code === 'E-PACK-INVALID' ? r.body.error : null;
    });
    expect(refused.errors?.find((e) => e.file === 'templates/guide.hbs')?.line).toBe(2);
    const guide = await s.request('GET', '/v1/items/MZ-004/guide');
    expect(guide.status).toBe(200);
    expect(guide.text).toContain('高龄津贴申领');
    await rm(dir, { recursive: true });
    await until('ready again', async () => ((await readyz()).status === 200 ? true : null));
  });

  it('also works by polling, where watching is unavailable', async () => {
    const pollRules = await copyOfRules(await tempDir('poll'));
    const reloader = await PackReloader.start({ rules: pollRules, load: (d) => loadPack(d), logger: pino({ level: 'silent' }), watch: 'poll', pollMs: 100 });
    try {
      const before = reloader.served.version;
      const file = path.join(pollRules, 'items', 'mz-004.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('name: 高龄津贴申领', 'name: 高龄津贴申领（轮询）'));
      await until('polled reload', async () => (reloader.served.version !== before ? true : null));
      expect(reloader.served.pack.data.items.get('MZ-004')?.data.name).toBe('高龄津贴申领（轮询）');
      expect((await reloader.status()).ready).toBe(true);
    } finally {
      reloader.close();
    }
  });
});
