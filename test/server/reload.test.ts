// Hot reload on a writable copy of the sample pack: a valid change swaps in, a broken file is
// refused with its located error in /readyz, and every request meanwhile is answered from the
// last good pack — including while a (held) load is in progress. The tests wait for the
// reloader's events, never for time to pass.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import pino from 'pino';
import { loadPack } from '../../src/index.ts';
import { PackReloader } from '../../src/server/reload.ts';
import { APPLICATIONS, CLERK, copyOfRules, reloadOutcomes, saveFile, start, tempDir, within, type ErrorResponse, type ReloadOutcome, type Running } from './helpers.ts';

let s: Running;
let rules = '';
let itemFile = '';
let original = '';

/** A promise and its resolver. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = (): void => undefined;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/** Set to hold the next load after its files are read and validated, until `release` fires. */
let hold: { started: () => void; release: Promise<void> } | null = null;

function kindOf(outcome: ReloadOutcome): string {
  return outcome.kind === 'rejected' ? `rejected: ${outcome.rejection.errors.map((e) => `${e.file}:${e.line} ${e.message}`).join('; ')}` : 'reloaded';
}

async function readyz(): Promise<{ status: number; version: string | null; body: ErrorResponse | { status: string; pack: { version: string } } }> {
  const res = await s.request('GET', '/readyz');
  const body = res.json<ErrorResponse | { status: string; pack: { version: string } }>();
  return { status: res.status, version: res.headers.get('x-bianmin-pack'), body };
}

type Answer = { status: number; version: string | null; name: string | null };

/**
 * Requests sent continuously until stopped (three at a time); each answer's status, pack version
 * and item name. `reached(n)` resolves once n answers have come.
 */
function traffic(): { count: () => number; reached: (n: number) => Promise<void>; stop: () => Promise<Answer[]> } {
  const seen: Answer[] = [];
  const waiters: Array<{ n: number; fire: () => void }> = [];
  let running = true;
  const record = (answer: Answer): void => {
    seen.push(answer);
    for (const w of waiters.filter((x) => seen.length >= x.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.fire();
    }
  };
  const loop = async (): Promise<void> => {
    while (running) {
      const decision = await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted });
      record({ status: decision.status, version: decision.headers.get('x-bianmin-pack'), name: decision.status === 200 ? decision.json<{ decision: { itemName: string } }>().decision.itemName : null });
      const item = await s.request('GET', '/v1/items/MZ-004');
      record({ status: item.status, version: item.headers.get('x-bianmin-pack'), name: item.status === 200 ? item.json<{ name: string }>().name : null });
    }
  };
  const loops = [loop(), loop(), loop()];
  return {
    count: () => seen.length,
    reached: (n) => {
      if (seen.length >= n) return Promise.resolve();
      const { promise, fire } = signal();
      waiters.push({ n, fire });
      return within(`${n} 个答复`, promise);
    },
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
  // A load that can be held, so that files can change while one is in progress.
  s = await start({
    rules,
    watch: 'fs',
    load: async (d) => {
      const pack = await loadPack(d);
      // The files are read and validated; the load goes on (as a big pack's compilation would).
      const held = hold;
      hold = null;
      if (held) {
        held.started();
        await held.release;
      }
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
    const outcomes = reloadOutcomes(s.app.bianmin.packs);
    const started = signal();
    const release = signal();
    hold = { started: started.fire, release: release.promise };
    const load = traffic();
    // Should a step fail: no load left held, no requests left running into the next tests.
    onTestFinished(async () => {
      hold = null;
      release.fire();
      outcomes.stop();
      await load.stop();
    });

    // A valid edit starts a load …
    await saveFile(itemFile, original.replace('name: 高龄津贴申领', 'name: 高龄津贴申领（新）'));
    await within('load in progress', started.promise);
    // … and while it runs, the same file is broken, and requests go on being answered.
    await saveFile(itemFile, original.replace('name: 高龄津贴申领', 'name: [高龄津贴申领'));
    await load.reached(load.count() + 12);
    release.fire();

    const swapped = await outcomes.next();
    expect(kindOf(swapped)).toBe('reloaded');
    const broken = await outcomes.next();
    expect(kindOf(broken)).toMatch(/^rejected/);
    outcomes.stop();
    const refused = await readyz();
    expect(refused.status).toBe(503);
    expect('error' in refused.body && refused.body.error.code).toBe('E-PACK-INVALID');
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
    const outcomes = reloadOutcomes(s.app.bianmin.packs);
    await saveFile(itemFile, original);
    expect(kindOf(await outcomes.next())).toBe('reloaded');
    outcomes.stop();
    const ready = await readyz();
    expect(ready.status).toBe(200);
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

    const outcomes = reloadOutcomes(s.app.bianmin.packs);
    await saveFile(centerFile, center.replace(/^staff:\n/m, 'staff:\n  - { id: qian-xin, name: 钱欣, title: 综合窗口受理员, rank: 3, department: zonghe, since: "2026-11-01" }\n'));
    expect(kindOf(await outcomes.next())).toBe('reloaded');
    outcomes.stop();
    expect((await readyz()).status).toBe(200);
    expect(s.app.bianmin.packs.served.pack.data.center.staff.some((m) => m.id === 'qian-xin')).toBe(true);
    const after = await s.request('POST', '/v1/complaints', { body: complaint, token: CLERK });
    expect(after.status).toBe(201);
  });

  it('refuses a template that cannot print, naming its file and line; the pages keep their last good templates', async () => {
    const dir = path.join(rules, 'templates');
    const outcomes = reloadOutcomes(s.app.bianmin.packs);
    await mkdir(dir, { recursive: true });
    await saveFile(path.join(dir, 'guide.hbs'), '<!DOCTYPE html>\n<p>{{item.name}</p>\n');
    expect(kindOf(await outcomes.next())).toMatch(/^rejected/);
    outcomes.stop();
    const r = await readyz();
    expect(r.status).toBe(503);
    const refused = 'error' in r.body ? r.body.error : null;
    expect(refused?.code).toBe('E-PACK-INVALID');
    expect(refused?.errors?.find((e) => e.file === 'templates/guide.hbs')?.line).toBe(2);
    const guide = await s.request('GET', '/v1/items/MZ-004/guide');
    expect(guide.status).toBe(200);
    expect(guide.text).toContain('高龄津贴申领');
    // The files on disk are the pack in service again: ready at once, no reload needed.
    await rm(dir, { recursive: true });
    expect((await readyz()).status).toBe(200);
  });

  it('also works by polling, where watching is unavailable', async () => {
    const pollRules = await copyOfRules(await tempDir('poll'));
    const reloader = await PackReloader.start({ rules: pollRules, load: (d) => loadPack(d), logger: pino({ level: 'silent' }), watch: 'poll', pollMs: 100 });
    try {
      const before = reloader.served.version;
      const outcomes = reloadOutcomes(reloader);
      const file = path.join(pollRules, 'items', 'mz-004.yaml');
      await saveFile(file, (await readFile(file, 'utf8')).replace('name: 高龄津贴申领', 'name: 高龄津贴申领（轮询）'));
      expect(kindOf(await outcomes.next())).toBe('reloaded');
      outcomes.stop();
      expect(reloader.served.version).not.toBe(before);
      expect(reloader.served.pack.data.items.get('MZ-004')?.data.name).toBe('高龄津贴申领（轮询）');
      expect((await reloader.status()).ready).toBe(true);
    } finally {
      reloader.close();
    }
  });
});
