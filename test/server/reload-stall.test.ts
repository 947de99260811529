// Issue 12, defects 2 and 7 on a live service: a real server on loopback under a steady load of
// real HTTP requests while hostile files land in its rule pack. A 40,000-key item file (657 KB of
// YAML that the fast reader leaves to the full parser, seconds of parsing) used to stall every
// endpoint for 15 s during the hot reload; now it is validated off the request thread, no request
// takes a second, and the reload is refused with a located error. A rule file replaced by a
// directory is refused too: the old pack keeps serving and /readyz says why.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { APPLICATIONS, CLERK, copyOfRules, reloadOutcomes, saveFile, tempDir, TOKENS } from './helpers.ts';
import type { FastifyInstance } from 'fastify';

let app: FastifyInstance;
let base = '';
let dir = '';
let rules = '';

/** One answer of the load: what was asked, its status and how long it took. */
interface Timed {
  readonly what: string;
  readonly status: number;
  readonly ms: number;
}

/**
 * Requests over real sockets, three at a time, until stopped: the health check, a public item
 * and a clerk's decision.
 */
function load(): { count: () => number; stop: () => Promise<Timed[]> } {
  const seen: Timed[] = [];
  let running = true;
  const one = async (what: string, init?: RequestInit): Promise<void> => {
    const started = performance.now();
    const res = await fetch(`${base}${what}`, { ...init, signal: AbortSignal.timeout(20_000) });
    await res.arrayBuffer();
    seen.push({ what, status: res.status, ms: performance.now() - started });
  };
  const decide = {
    method: 'POST',
    headers: { authorization: `Bearer ${CLERK}`, 'content-type': 'application/json' },
    body: JSON.stringify(APPLICATIONS.accepted),
  };
  const loop = async (k: number): Promise<void> => {
    while (running) {
      if (k === 0) await one('/healthz');
      else if (k === 1) await one('/v1/items/MZ-004');
      else await one('/v1/decisions', decide);
    }
  };
  const loops = [0, 1, 2].map(loop);
  return {
    count: () => seen.length,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return seen;
    },
  };
}

/** Resolves once `n` more answers have come (polling the count; the load itself is the clock). */
async function answers(l: { count: () => number }, n: number): Promise<void> {
  const target = l.count() + n;
  const deadline = Date.now() + 30_000;
  while (l.count() < target) {
    if (Date.now() > deadline) throw new Error(`等待超时：${n} 个答复`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An item file with a 40,000-key mapping: quoted keys, so that the full YAML parser reads it. */
function fortyThousandKeys(itemText: string): string {
  const keys = Array.from({ length: 40_000 }, (_, i) => `  "k${String(i).padStart(5, '0')}": 值${i}`);
  return `${itemText.replace(/^code: .*$/m, 'code: MZ-990')}notes2:\n${keys.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await tempDir('reload-stall');
  rules = await copyOfRules(dir);
  app = await buildServer({ rules, data: path.join(dir, 'data'), tokens: TOKENS, log: false, watch: 'fs', watchExtra: [], rateLimit: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('hot reload never stalls the service', () => {
  it('a 40,000-key file written under load: no request takes a second, and the reload is refused with a located error', async () => {
    const outcomes = reloadOutcomes(app.bianmin.packs);
    const traffic = load();
    onTestFinished(async () => {
      outcomes.stop();
      await traffic.stop();
    });
    const before = app.bianmin.packs.served.version;
    await answers(traffic, 40);

    const text = fortyThousandKeys(await readFile(path.join(rules, 'items', 'mz-001.yaml'), 'utf8'));
    expect(Buffer.byteLength(text)).toBeGreaterThan(600_000);
    await saveFile(path.join(rules, 'items', 'mz-990.yaml'), text);
    const outcome = await outcomes.next(120_000);
    // Answers keep coming after the refusal, too.
    await answers(traffic, 20);
    const seen = await traffic.stop();

    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    const errors = outcome.rejection.errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.file).toBe('items/mz-990.yaml');
      expect(e.line).toBeGreaterThan(0);
      expect(e.column).toBeGreaterThan(0);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // One error, at the key past the limit: not one "unknown field" per key.
    expect(errors).toEqual([expect.objectContaining({ code: 'E-YAML-KEYS', path: '$.notes2', line: text.split('\n').indexOf('notes2:') + 1 + 1_001, column: 3 })]);
    expect(outcome.rejection.kept.version).toBe(before);

    const failed = seen.filter((t) => t.status !== 200);
    expect(failed).toEqual([]);
    const slowest = seen.reduce((a, b) => (b.ms > a.ms ? b : a));
    expect(seen.length).toBeGreaterThan(60);
    expect(slowest.ms, `${slowest.what} 用了 ${Math.round(slowest.ms)} ms`).toBeLessThan(1000);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { error: { code: string; errors: Array<{ file: string; line: number }> } };
    expect(body.error.code).toBe('E-PACK-INVALID');
    expect(body.error.errors[0]?.file).toBe('items/mz-990.yaml');

    // The file removed: the pack on disk is the one in service again.
    const cleared = reloadOutcomes(app.bianmin.packs);
    await rm(path.join(rules, 'items', 'mz-990.yaml'));
    await expect.poll(async () => (await fetch(`${base}/readyz`)).status, { timeout: 30_000, interval: 100 }).toBe(200);
    cleared.stop();
  }, 180_000);

  it('a rule file replaced by a directory: the reload is refused, the old pack keeps serving, /readyz tells', async () => {
    const item = path.join(rules, 'items', 'mz-004.yaml');
    const original = await readFile(item, 'utf8');
    const outcomes = reloadOutcomes(app.bianmin.packs);
    onTestFinished(async () => {
      outcomes.stop();
      await rm(item, { recursive: true, force: true });
      await saveFile(item, original);
    });
    // Back to back, well within the reloader's debounce: one change, judged once.
    await rm(item);
    await mkdir(item);
    const outcome = await outcomes.next(60_000);
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    expect(outcome.rejection.errors).toContainEqual(expect.objectContaining({ file: 'items/mz-004.yaml', code: 'E-FILE-READ', message: expect.stringContaining('这是一个目录') }));

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { error: { errors: Array<{ file: string; code: string }> } };
    expect(body.error.errors).toContainEqual(expect.objectContaining({ file: 'items/mz-004.yaml', code: 'E-FILE-READ' }));
    expect((await fetch(`${base}/v1/items/MZ-004`)).status).toBe(200);
  }, 120_000);
});
