// Issue 12, defect 4: the end of a log after a crash or an editor. A complete record whose only
// damage is a missing final newline is an acknowledged write and is kept; only a record cut off
// mid-write is set aside, byte for byte, into a quarantine file beside the log (never deleted),
// and the warning names the log's file and line and where the bytes went.
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { openRecords, type Records } from '../../src/records/index.ts';
import { LOCK_FILE } from '../../src/records/lock.ts';
import { samplePack, tempDir } from './helpers.ts';

const AT = '2026-03-02T09:00:00+08:00';

/** Two complaints, both only in the log, and the directory as a crash leaves it (no lock). */
async function crashedWithTwo(): Promise<{ dir: string; log: string; text: string; ids: string[] }> {
  const dir = path.join(await tempDir(), 'data');
  const r = await openRecords(dir, await samplePack(), { compactAfterBytes: 1 << 30 });
  const ids: string[] = [];
  try {
    for (const content of ['态度生硬', '多次往返']) ids.push((await r.complaints.add({ channel: 'oral', staff: 'chen-li', content, receivedBy: 'lin-xiaoyan', receivedAt: AT })).id);
    const crashed = path.join(await tempDir(), 'crashed');
    await cp(dir, crashed, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
    const log = path.join(crashed, 'complaints.log');
    const text = await readFile(log, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    return { dir: crashed, log, text, ids };
  } finally {
    await r.close();
  }
}

async function reopen(dir: string, readonly = false): Promise<Records> {
  return openRecords(dir, await samplePack(), { readonly, compactAfterBytes: 1 << 30 });
}

test('a complete last record without its final newline is kept, and the next write starts a new line', async () => {
  const { dir, log, text, ids } = await crashedWithTwo();
  const damaged = text.slice(0, -1);
  await writeFile(log, damaged);

  // Read-only: kept, and the file is left exactly as it is.
  const reader = await reopen(dir, true);
  expect([...reader.complaints.all()].map((c) => c.id)).toEqual(ids);
  await reader.close();
  expect(await readFile(log, 'utf8')).toBe(damaged);

  const r = await reopen(dir);
  try {
    expect(r.complaints.get(ids[1]!)?.content).toBe('多次往返');
    const warning = r.warnings.join('\n');
    expect(warning).toContain(`${log}:2：最后一条记录完整，只缺行尾的换行符`);
    expect(warning).toContain('该记录已保留');
    expect(warning).not.toMatch(/未曾确认|丢弃|隔离/);
    // Nothing was set aside.
    expect((await readdir(dir)).filter((n) => n.includes('.torn-'))).toEqual([]);
    const third = await r.complaints.add({ channel: 'oral', staff: 'liu-yang', content: '推诿', receivedBy: 'lin-xiaoyan', receivedAt: AT });
    ids.push(third.id);
  } finally {
    await r.close();
  }
  const again = await reopen(dir, true);
  expect([...again.complaints.all()].map((c) => c.id)).toEqual(ids);
  expect(again.warnings).toEqual([]);
  await again.close();
});

test('a record cut off mid-write is moved, byte for byte, into a quarantine file beside the log, and the warning says where', async () => {
  const { dir, log, text, ids } = await crashedWithTwo();
  const torn = '{"seq":3,"op":"put","record":{"id":"T2026-00003","channel":"or';
  await writeFile(log, `${text}${torn}`);

  // Read-only: ignored, nothing moved or changed.
  const reader = await reopen(dir, true);
  expect([...reader.complaints.all()].map((c) => c.id)).toEqual(ids);
  expect(reader.warnings.join('\n')).toContain(`${log}:3：末尾有一条未写完的记录（${Buffer.byteLength(torn)} 字节`);
  expect(reader.warnings.join('\n')).toContain('只读打开，已忽略，文件未改动');
  await reader.close();
  expect(await readFile(log, 'utf8')).toBe(`${text}${torn}`);
  expect((await readdir(dir)).filter((n) => n.includes('.torn-'))).toEqual([]);

  const r = await reopen(dir);
  try {
    expect([...r.complaints.all()].map((c) => c.id)).toEqual(ids);
    const quarantined = (await readdir(dir)).filter((n) => n.startsWith('complaints.log.torn-'));
    expect(quarantined).toHaveLength(1);
    const kept = path.join(dir, quarantined[0]!);
    expect(await readFile(kept, 'utf8')).toBe(torn);
    const warning = r.warnings.join('\n');
    expect(warning).toContain(`${log}:3：末尾有一条未写完的记录（${Buffer.byteLength(torn)} 字节`);
    expect(warning).toContain(`已移出日志，原样保存在 ${kept}`);
    // The log no longer has the cut-off bytes (and was folded into the snapshot on opening).
    expect(await readFile(log, 'utf8')).not.toContain(torn);
  } finally {
    await r.close();
  }
  // The quarantine file is not a register: the directory opens cleanly and leaves it alone.
  const again = await reopen(dir);
  expect(again.warnings).toEqual([]);
  expect(again.complaints.size).toBe(2);
  await again.close();
  expect((await readdir(dir)).filter((n) => n.startsWith('complaints.log.torn-'))).toHaveLength(1);
});

test('a complete last line that is not a valid record is corruption, not a torn write: refused, nothing moved', async () => {
  const { dir, log, text } = await crashedWithTwo();
  const bad = text.slice(0, -1).replace(/"staff":"chen-li"(?![\s\S]*"staff":"chen-li")/, '"staff":"Chen Li"');
  await writeFile(log, bad);
  const err = await reopen(dir).then(
    async (r) => {
      await r.close();
      return null;
    },
    (e: unknown) => e as { code: string; details: Array<{ line?: number; file?: string }> },
  );
  expect(err?.code).toBe('E-STORE-CORRUPT');
  expect(err?.details[0]).toMatchObject({ file: log, line: 2 });
  expect(await readFile(log, 'utf8')).toBe(bad);
  expect((await readdir(dir)).filter((n) => n.includes('.torn-'))).toEqual([]);
});
