// Streaming what-if (`bianmin diff --data`): the register is read with a cursor, and a closed
// year is streamed from its files without being loaded; the replay on worker threads gives the
// very report the replay in this thread gives. On a real register (files in the store's format,
// two years, the earlier one closed) and real packs (the sample, and a copy with a lower income limit).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import type { CaseRecord } from '../../src/pack/index.ts';
import { logLine, SNAPSHOT_READ } from '../../src/records/collection.ts';
import { CASE_SHARD, CASE_SHARED, caseSpec } from '../../src/records/cases.ts';
import { openRecords, RecordsError } from '../../src/records/index.ts';
import { RecordStore } from '../../src/records/store.ts';
import { SharedReader } from '../../src/records/shared-values.ts';
import { runCli } from '../../src/cli/index.ts';
import { whatIf, type Changed, type WhatIfReport } from '../../src/scenarios/index.ts';
import { CaseReplayer, replayCaseOf } from '../../src/scenarios/replay.ts';
import { ReplayPool } from '../../src/scenarios/replay-pool.ts';
import { readRegisterOnThreads } from '../../src/scenarios/register-readers.ts';
import { readYear } from '../../src/scenarios/read-year.ts';
import { startReplayThread } from '../../src/scenarios/replay-thread.ts';
import { epoch } from '../../src/scenarios/time.ts';
import { writeRegister } from './recorded-register.ts';
import { replaceOnce, sampleCopy, tempDir } from './helpers.ts';

const CLOSED = new Date().getUTCFullYear() - 1;
const CURRENT = CLOSED + 1;
const NOW = `${CURRENT}-12-20T12:00:00+08:00`;
const PER_YEAR = 1_500;

let baseDir: string;
let currentDir: string;
let base: Pack;
let current: Pack;
let data: string;

beforeAll(async () => {
  baseDir = sampleCopy({}, 'base');
  // Below the limit means eligible: lowering it turns some accepted applications down.
  currentDir = sampleCopy({ 'items/mz-001.yaml': replaceOnce('operator: lessThan, value: 650 }', 'operator: lessThan, value: 600 }') }, 'current');
  [base, current] = await Promise.all([loadPack(baseDir), loadPack(currentDir)]);
  data = path.join(tempDir(), 'data');
  // Some accepted cases of the current year stay open: the sanctions look at them.
  await writeRegister(data, base, [
    { year: CLOSED, count: PER_YEAR },
    { year: CURRENT, count: PER_YEAR, openEvery: 7 },
  ]);
}, 120_000);

const suite = () => ({ dir: currentDir, files: [], scenarios: [], errors: [], warnings: [] });
const days = 800;

describe('the case register read with a cursor', () => {
  test('a closed year is streamed from its files and stays unloaded; the records are those loading gives', async () => {
    const specFor = (n: string) => (CASE_SHARD.test(n) ? caseSpec() : null);
    const lazy = (n: string): boolean => n === `cases-${CLOSED}`;
    const store = await RecordStore.open(data, { specFor: specFor as never, lazy, readonly: true });
    try {
      const shard = store.collection<CaseRecord>(`cases-${CLOSED}`);
      expect(store.loadedNames()).toEqual([`cases-${CURRENT}`]);
      const scanned: CaseRecord[] = [];
      for await (const r of shard.scan()) scanned.push(r);
      expect(scanned).toHaveLength(PER_YEAR);
      expect(store.loadedNames()).toEqual([`cases-${CURRENT}`]);
      expect(shard.loaded).toBe(false);
      // The same records as loading the shard gives (which it does now, on first access).
      expect(scanned).toEqual([...shard.values()]);
      expect(store.loadedNames()).toEqual([`cases-${CLOSED}`, `cases-${CURRENT}`]);
    } finally {
      await store.close();
    }
  });

  test('Cases.scan goes through the years in order, the closed one unread into memory (its snapshot can be damaged afterwards: nothing of it is held)', async () => {
    const dir = path.join(tempDir(), 'data');
    await writeRegister(dir, base, [
      { year: CLOSED, count: 300 },
      { year: CURRENT, count: 200 },
    ]);
    const records = await openRecords(dir, current, { readonly: true });
    try {
      const ids: string[] = [];
      for await (const r of records.cases.scan()) ids.push(r.id);
      expect(ids).toHaveLength(500);
      expect(ids[0]).toBe(`${CLOSED}-000001`);
      expect(ids.at(-1)).toBe(`${CURRENT}-000200`);
      const only: string[] = [];
      for await (const r of records.cases.scan({ fromYear: CURRENT })) only.push(r.id);
      expect(only).toHaveLength(200);
      // Damaged after the scan: the first access loads the shard only now, and refuses it.
      const file = path.join(dir, `cases-${CLOSED}.json`);
      await writeFile(file, (await readFile(file, 'utf8')).replace('"hukouLocal":true', '"hukouLocal":false'));
      let err: unknown = null;
      try {
        records.cases.get(`${CLOSED}-000001`);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RecordsError);
      expect((err as RecordsError).code).toBe('E-STORE-CORRUPT');
      expect((err as RecordsError).message).toContain('第 1 条记录与写入时不同');
      // The scan refuses it too, with the loader's error.
      await expect(async () => {
        for await (const _ of records.cases.scan()) void _;
      }).rejects.toMatchObject({ code: 'E-STORE-CORRUPT' });
    } finally {
      await records.close();
    }
  });

  test('a closed year with operations still in its log, streamed record by record (a snapshot too large to read whole): the log applied as loading applies it', async () => {
    const dir = path.join(tempDir(), 'data');
    await writeRegister(dir, base, [{ year: CLOSED, count: 50 }]);
    // The first line of a compact snapshot holds the first record and the parts it shares.
    const decoded = new SharedReader(CASE_SHARED).decode(JSON.parse((await readFile(path.join(dir, `cases-${CLOSED}.json`), 'utf8')).split('\n')[1]!.replace(/,$/, '')));
    const first = (decoded as { record: CaseRecord }).record;
    const extra: CaseRecord = { ...first, id: `${CLOSED}-000051` };
    const log = [
      logLine({ seq: 1, op: 'event', id: `${CLOSED}-000002`, event: { type: 'overdue-explained', at: `${CLOSED}-12-01T10:00:00+08:00`, staff: 'chen-li', reason: '系统故障' } } as never),
      logLine({ seq: 2, op: 'put', record: extra } as never),
    ];
    await writeFile(path.join(dir, `cases-${CLOSED}.log`), `${log.join('\n')}\n`);
    const saved = { ...SNAPSHOT_READ };
    SNAPSHOT_READ.fallbackBytes = 1;
    SNAPSHOT_READ.chunkBytes = 4096;
    try {
      const specFor = (n: string) => (CASE_SHARD.test(n) ? caseSpec() : null);
      const store = await RecordStore.open(dir, { specFor: specFor as never, lazy: () => true, readonly: true });
      try {
        const shard = store.collection<CaseRecord>(`cases-${CLOSED}`);
        const scanned: CaseRecord[] = [];
        for await (const r of shard.scan()) scanned.push(r);
        expect(shard.loaded).toBe(false);
        expect(scanned).toHaveLength(51);
        expect(scanned.find((r) => r.id === `${CLOSED}-000002`)!.events.at(-1)!.type).toBe('overdue-explained');
        const sorted = (rs: readonly CaseRecord[]) => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(sorted(scanned)).toEqual(sorted([...shard.values()]));
      } finally {
        await store.close();
      }
    } finally {
      Object.assign(SNAPSHOT_READ, saved);
    }
  });
});

describe('replay on worker threads', () => {
  let inProcess: WhatIfReport;

  beforeAll(async () => {
    inProcess = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW } });
  }, 120_000);

  test('the register replayed in this thread: every application, some of them changed by the new limit', () => {
    expect(inProcess.cases).toMatchObject({ replayed: 2 * PER_YEAR, withoutApplication: 0 });
    const cases = inProcess.changed.filter((c) => c.subject.kind === 'case');
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.length).toBeLessThan(2 * PER_YEAR);
    // In case-id order, across both years.
    const ids = cases.map((c) => (c.subject.kind === 'case' ? c.subject.id : ''));
    expect(ids).toEqual([...ids].sort());
    expect(ids.some((id) => id.startsWith(`${CLOSED}-`)) && ids.some((id) => id.startsWith(`${CURRENT}-`))).toBe(true);
  });

  test('on worker threads (each loading both packs from their directories) the report is identical', async () => {
    const threaded = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW, packDirs: { base: baseDir, current: currentDir }, startAfter: 0, threads: 2, replayWhileStarting: false } });
    expect(threaded).toEqual(inProcess);
  }, 120_000);

  test('the threads answer the batches (not this thread), and their changes are those this thread finds', async () => {
    const local = new CaseReplayer(base, current);
    const pool = new ReplayPool(local, { dirs: { base: baseDir, current: currentDir }, threads: 2, startAfter: 0, replayWhileStarting: false });
    const records = await openRecords(data, current, { readonly: true });
    const all = [];
    try {
      for await (const r of records.cases.scan()) {
        const c = replayCaseOf(r)!;
        all.push(c);
        await pool.add(c);
      }
    } finally {
      await records.close();
    }
    const changed = await pool.finish();
    expect(pool.threaded).toBeGreaterThan(PER_YEAR);
    const byId = (xs: typeof changed) => [...xs].sort((a, b) => (a.subject.id < b.subject.id ? -1 : 1));
    expect(byId(changed)).toEqual(byId(await local.replay(all)));
    await local.close();
  }, 120_000);

  test('packs a thread cannot load from their directories: replayed in this thread instead, same report', async () => {
    const empty = tempDir();
    const fallback = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW, packDirs: { base: empty, current: empty }, startAfter: 0, threads: 2, replayWhileStarting: false } });
    expect(fallback).toEqual(inProcess);
  }, 120_000);
});

/** A year job over `dir` (every case of the window replayed, every case counted), the register opened to read, and a replayer here. */
async function readingOf(dir: string) {
  const to = epoch(NOW);
  const job = { dir, from: to - days * 86_400_000, to, window: { from: 0, to: to + 1, label: '' }, list: Infinity };
  return { job, records: await openRecords(dir, current, { readonly: true }), local: new CaseReplayer(base, current) };
}

describe('each thread reading its own years of the register', () => {
  let inProcess: WhatIfReport;
  const threaded = { base: '', current: '' };

  beforeAll(async () => {
    inProcess = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW } });
    threaded.base = baseDir;
    threaded.current = currentDir;
  }, 120_000);

  test('two years, two threads: each year read and replayed by a thread (none here), the results those of this thread', async () => {
    const { job, records, local } = await readingOf(data);
    try {
      const readHere: number[] = [];
      const told: number[] = [];
      const years = records.cases.years();
      expect(years).toEqual([CLOSED, CURRENT]);
      const results = await readRegisterOnThreads({
        dirs: threaded,
        threads: 2,
        job,
        years: years.map((year) => ({ year, weight: 1 })),
        readHere: (year) => {
          readHere.push(year);
          return readYear(records, { ...job, year }, local);
        },
        onProgress: (n) => told.push(n),
      });
      expect(readHere).toEqual([]);
      expect(results.map((r) => r.replayed)).toEqual([PER_YEAR, PER_YEAR]);
      // The progress went up in steps to the whole count.
      expect(told.at(-1)).toBe(2 * PER_YEAR);
      expect(told).toEqual([...told].sort((a, b) => a - b));
      for (const [i, year] of years.entries()) {
        const here = await readYear(records, { ...job, year }, local);
        expect(results[i]).toEqual(here);
      }
    } finally {
      await local.close();
      await records.close();
    }
  }, 120_000);

  test('whatIf with the pack directories and two threads: the same report as in one thread, the progress reaching every case', async () => {
    const told: number[] = [];
    const report = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW, packDirs: threaded, threads: 2, onProgress: (n) => told.push(n) } });
    expect(report).toEqual(inProcess);
    expect(told.at(-1)).toBe(2 * PER_YEAR);
  }, 120_000);

  test('more years than threads, years outside the window: still the same report', async () => {
    const dir = path.join(tempDir(), 'data');
    await writeRegister(dir, base, [
      { year: CLOSED - 2, count: 200 },
      { year: CLOSED - 1, count: 300 },
      { year: CLOSED, count: 400, openEvery: 5 },
      { year: CURRENT, count: 100, openEvery: 3 },
    ]);
    const d = { dir, days: 500, now: NOW };
    const one = await whatIf({ base, current, suite: suite(), data: d });
    const two = await whatIf({ base, current, suite: suite(), data: { ...d, packDirs: threaded, threads: 2 } });
    expect(two).toEqual(one);
    expect(one.cases!.replayed).toBeLessThan(1_000);
  }, 120_000);

  test('a thread that dies in the middle of a year: the year is read again here, its changes counted once', async () => {
    const dir = path.join(tempDir(), 'data');
    // More cases than a thread reads between two progress messages, so that it dies mid-year.
    await writeRegister(dir, base, [
      { year: CLOSED, count: 2_600 },
      { year: CURRENT, count: 2_600, openEvery: 5 },
    ]);
    const { job, records, local } = await readingOf(dir);
    try {
      const years = records.cases.years();
      const readHere: number[] = [];
      const told: number[] = [];
      let killed: number | null = null;
      let started = 0;
      const results = await readRegisterOnThreads({
        dirs: threaded,
        threads: 2,
        job,
        years: years.map((year) => ({ year, weight: 1 })),
        readHere: (year, onProgress) => {
          readHere.push(year);
          return readYear(records, { ...job, year }, local, onProgress);
        },
        onProgress: (n) => told.push(n),
        // The first thread is stopped as soon as it reports its first cases (changes among them).
        startThread: (dirs) => {
          const worker = startReplayThread(dirs);
          if (started++ === 0) {
            worker.on('message', (a: { progress?: number; changed?: readonly unknown[] }) => {
              if (killed !== null || a.progress === undefined || a.progress >= 2_600) return;
              expect(a.changed!.length).toBeGreaterThan(0);
              killed = a.progress;
              void worker.terminate();
            });
          }
          return worker;
        },
      });
      expect(killed).not.toBeNull();
      expect(readHere).toHaveLength(1);
      expect(results.map((r) => r.replayed)).toEqual([2_600, 2_600]);
      for (const [i, year] of years.entries()) expect(results[i]).toEqual(await readYear(records, { ...job, year }, local));
      // Reported as it went, never going back, ending at every case.
      expect(told).toEqual([...told].sort((a, b) => a - b));
      expect(told.at(-1)).toBe(2 * 2_600);
    } finally {
      await local.close();
      await records.close();
    }
  }, 180_000);

  test('threads that cannot load the packs: every year read here, same report', async () => {
    const empty = tempDir();
    const told: number[] = [];
    const report = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW, packDirs: { base: empty, current: empty }, threads: 2, onProgress: (n) => told.push(n) } });
    expect(report).toEqual(inProcess);
    expect(told.at(-1)).toBe(2 * PER_YEAR);
  }, 120_000);

  test('a damaged closed year met by a thread: the same located register error as reading it in this thread', async () => {
    const dir = path.join(tempDir(), 'data');
    await writeRegister(dir, base, [
      { year: CLOSED, count: 300 },
      { year: CURRENT, count: 200 },
    ]);
    const file = path.join(dir, `cases-${CLOSED}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"hukouLocal":true', '"hukouLocal":false'));
    const catchOf = async (p: Promise<unknown>): Promise<unknown> => p.then(() => null, (e: unknown) => e);
    const here = await catchOf(whatIf({ base, current, suite: suite(), data: { dir, days, now: NOW } }));
    const there = await catchOf(whatIf({ base, current, suite: suite(), data: { dir, days, now: NOW, packDirs: threaded, threads: 2 } }));
    expect(here).toBeInstanceOf(RecordsError);
    expect(there).toBeInstanceOf(RecordsError);
    const seen = (e: unknown) => {
      const r = e as RecordsError;
      return { code: r.code, message: r.message, detail: r.detail, location: r.location, details: r.details };
    };
    expect(seen(there)).toEqual(seen(here));
    // Opened only to read: it is not read, rather than "refused to start".
    expect((here as RecordsError).message).toMatch(/中的登记簿有 \d+ 处错误，无法读取（未作任何改动/);
    expect((there as RecordsError).code).toBe('E-STORE-CORRUPT');
    expect((there as RecordsError).message).toContain('第 1 条记录与写入时不同');
    expect((there as RecordsError).message).not.toContain('重放线程');
  }, 120_000);

  test('one year only: read here and replayed on the threads as before, same report as in one thread', async () => {
    const dir = path.join(tempDir(), 'data');
    await writeRegister(dir, base, [{ year: CURRENT, count: 600, openEvery: 4 }]);
    const d = { dir, days, now: NOW };
    const one = await whatIf({ base, current, suite: suite(), data: d });
    const two = await whatIf({ base, current, suite: suite(), data: { ...d, packDirs: threaded, threads: 2, startAfter: 0, replayWhileStarting: false } });
    expect(two).toEqual(one);
  }, 120_000);
});

describe('bianmin diff --data: progress on a terminal', () => {
  const run = async (args: readonly string[], tty: boolean): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['diff', '--base', baseDir, '--rules', currentDir, '--data', data, '--days', String(days), '--at', NOW, ...args], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t), isTTY: tty } as never,
    });
    return { code, stdout, stderr };
  };

  test('on a terminal: one line rewritten in place with the count so far, cleared before the report', async () => {
    const r = await run([], true);
    expect(r.code).toBe(0);
    const updates = r.stderr.split('\r').filter((x) => x.startsWith('重放 '));
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) expect(u).toMatch(/^重放 [\d,]+ 件登记的申请…$/);
    expect(r.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(r.stdout).toContain(`${2 * PER_YEAR} 件申请`);
  }, 120_000);

  test('not on a terminal, or with --json: nothing on stderr', async () => {
    expect((await run([], false)).stderr).toBe('');
    const json = await run(['--json'], true);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).cases.replayed).toBe(2 * PER_YEAR);
  }, 120_000);
});

describe('a report listing only the first changed cases: every change still counted', () => {
  let all: WhatIfReport;
  const casesOf = (r: WhatIfReport) => r.changed.filter((c): c is Changed & { subject: { kind: 'case' } } => c.subject.kind === 'case');

  beforeAll(async () => {
    all = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW } });
  }, 120_000);

  test('with no limit: every changed case listed, none left out; the counts are those of the list', () => {
    const cases = casesOf(all);
    // The lower income limit turns some of both years' accepted applications down.
    expect(new Set(cases.map((c) => c.subject.id.slice(0, 4)))).toEqual(new Set([String(CLOSED), String(CURRENT)]));
    expect(all.unlisted).toBe(0);
    expect(all.tally.subjects).toBe(all.changed.length);
    expect(all.tally.kind).toBe(all.changed.filter((c) => c.changes.some((f) => f.aspect === 'kind')).length);
    const perItem = new Map<string, number>();
    for (const c of cases) perItem.set(c.subject.item, (perItem.get(c.subject.item) ?? 0) + 1);
    expect(all.tally.items.map((i) => [i.item, i.cases])).toEqual([...perItem].sort((a, b) => b[1] - a[1]));
    const moves = all.tally.moves.reduce((n, m) => n + m.subjects, 0);
    expect(moves).toBe(all.tally.kind);
  });

  test.each([
    ['in this thread', {}],
    ['each thread reading its own years', { threads: 2, packDirs: 'threaded' }],
  ])('%s: the first N by case id listed, the rest counted as unlisted, the counts unchanged', async (_, how) => {
    const threads = 'packDirs' in how ? { threads: how.threads, packDirs: { base: baseDir, current: currentDir } } : {};
    const cases = casesOf(all);
    const n = 7;
    expect(cases.length).toBeGreaterThan(n);
    const some = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW, list: n, ...threads } });
    expect(casesOf(some)).toEqual(cases.slice(0, n));
    expect(some.unlisted).toBe(cases.length - n);
    expect(some.tally).toEqual(all.tally);
    // The scenarios' and the register's own changes are always listed.
    expect(some.changed.filter((c) => c.subject.kind !== 'case')).toEqual(all.changed.filter((c) => c.subject.kind !== 'case'));
    const none = await whatIf({ base, current, suite: suite(), data: { dir: data, days, now: NOW, list: 0, ...threads } });
    expect(casesOf(none)).toEqual([]);
    expect(none.unlisted).toBe(cases.length);
  }, 120_000);

  test('bianmin diff --data: the text lists the first 100 unless told, says how many are left out, and sums up every change', async () => {
    const out = async (args: readonly string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(['diff', '--base', baseDir, '--rules', currentDir, '--data', data, '--days', String(days), '--at', NOW, ...args], {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
      });
      return { code, stdout, stderr };
    };
    const total = casesOf(all).length;
    const listed = (text: string) => text.split('\n').filter((l) => l.startsWith('办件 ')).length;
    const three = await out(['--limit', '3']);
    expect(three.code).toBe(0);
    expect(listed(three.stdout)).toBe(3);
    expect(three.stdout).toContain(`另有 ${total - 3} 件办件有变化，未逐件列出（以上是按办件编号最前的 3 件；加 --all 全部列出，或 --limit <件数>）`);
    expect(three.stdout).toContain(`共 ${all.tally.subjects} 处有变化：分类变化 ${all.tally.kind} 个`);
    const byDefault = await out([]);
    expect(listed(byDefault.stdout)).toBe(Math.min(100, total));
    const every = await out(['--all']);
    expect(listed(every.stdout)).toBe(total);
    expect(every.stdout).not.toContain('未逐件列出');
    // JSON lists every case unless told.
    expect(JSON.parse((await out(['--json'])).stdout).changed).toHaveLength(all.changed.length);
    const json = JSON.parse((await out(['--json', '--limit', '2'])).stdout) as WhatIfReport;
    expect(casesOf(json)).toHaveLength(2);
    expect(json.unlisted).toBe(total - 2);
    for (const bad of [['--limit', '-1'], ['--limit', 'ten'], ['--limit', '1.5'], ['--all', '--limit', '3']]) {
      const r = await out(bad);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^错误：--(limit|all) .*\n（使用 --help 查看用法）\n$/);
    }
  }, 180_000);
});
