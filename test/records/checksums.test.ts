// Issue 12, defect 5: silent corruption is found on opening. Every log line and every snapshot
// carries a checksum, the snapshot its record count and the log that follows it; a changed digit
// in a stored value and a deleted log (after a SIGKILL) are refused with a located Chinese error,
// while data written before checksums existed (format 1) still opens and is upgraded.
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, test } from 'vitest';
import { openRecords, RecordsError } from '../../src/records/index.ts';
import { LOCK_FILE } from '../../src/records/lock.ts';
import { ROOT, RULES, samplePack, tempDir } from './helpers.ts';

const complaint = (content: string, receivedAt: string) => ({ channel: 'oral' as const, staff: 'chen-li', content, receivedBy: 'lin-xiaoyan', receivedAt });

/** Two complaints; closed (both in the snapshot) or as a crash leaves them (both only in the log). */
async function withTwo(state: 'closed' | 'crashed'): Promise<string> {
  const dir = path.join(await tempDir(), 'data');
  const r = await openRecords(dir, await samplePack(), { compactAfterBytes: 1 << 30 });
  await r.complaints.add(complaint('态度生硬', '2026-03-02T09:00:00+08:00'));
  await r.complaints.add(complaint('多次往返', '2026-03-03T09:00:00+08:00'));
  if (state === 'closed') {
    await r.close();
    return dir;
  }
  const crashed = path.join(await tempDir(), 'crashed');
  await cp(dir, crashed, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
  await r.close();
  return crashed;
}

async function openError(dir: string): Promise<RecordsError> {
  const err = await openRecords(dir, await samplePack()).then(
    async (r) => {
      await r.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordsError);
  return err as RecordsError;
}

describe('a changed digit inside a stored value is found', () => {
  test('in a snapshot: refused, at the record\'s line, E-STORE-CHECKSUM; the file is left as it is and no lock stays', async () => {
    const dir = await withTwo('closed');
    const file = path.join(dir, 'complaints.json');
    const text = await readFile(file, 'utf8');
    // Still a valid complaint: only the checksum can tell.
    const changed = text.replace('"receivedAt":"2026-03-03T09:00:00+08:00"', '"receivedAt":"2026-03-03T08:00:00+08:00"');
    expect(changed).not.toBe(text);
    await writeFile(file, changed);
    const err = await openError(dir);
    expect(err.code).toBe('E-STORE-CORRUPT');
    expect(err.details).toHaveLength(1);
    expect(err.details[0]).toMatchObject({ code: 'E-STORE-CHECKSUM', file, line: 3, path: '$.records[1]' });
    expect(err.message).toContain(`${file}:3`);
    expect(err.message).toMatch(/校验和不符：第 2 条记录与写入时不同/);
    expect(err.message).toMatch(/拒绝启动/);
    expect(await readFile(file, 'utf8')).toBe(changed);
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
    // A read-only opening (backup check, `bianmin cases list`) refuses it too.
    await expect(openRecords(dir, await samplePack(), { readonly: true })).rejects.toMatchObject({ code: 'E-STORE-CORRUPT' });
  });

  test('in a log line: refused at that line of the log', async () => {
    const dir = await withTwo('crashed');
    const log = path.join(dir, 'complaints.log');
    const text = await readFile(log, 'utf8');
    const changed = text.replace('"receivedAt":"2026-03-03T09:00:00+08:00"', '"receivedAt":"2026-03-03T09:00:01+08:00"');
    expect(changed).not.toBe(text);
    await writeFile(log, changed);
    const err = await openError(dir);
    expect(err.details).toHaveLength(1);
    expect(err.details[0]).toMatchObject({ code: 'E-STORE-CHECKSUM', file: log, line: 2 });
    expect(err.message).toContain(`${log}:2`);
    expect(err.message).toMatch(/这一行与写入时不同/);
    expect(await readFile(log, 'utf8')).toBe(changed);
  });

  test('in the snapshot\'s own header: the sequence number it covers', async () => {
    const dir = await withTwo('closed');
    const file = path.join(dir, 'complaints.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"seq":2,', '"seq":1,'));
    const err = await openError(dir);
    expect(err.details[0]).toMatchObject({ file, line: 1 });
    expect(err.message).toMatch(/所跟随的日志应为 complaints\.log、自第 2 号操作起/);
  });

  test('a record removed from a snapshot: the count says so', async () => {
    const dir = await withTwo('closed');
    const file = path.join(dir, 'complaints.json');
    const lines = (await readFile(file, 'utf8')).split('\n');
    // Line 2 is the first record `{…},`: without it the file is still valid JSON.
    await writeFile(file, [lines[0], ...lines.slice(2)].join('\n'));
    const err = await openError(dir);
    expect(err.details.map((d) => d.path)).toContain('$.count');
    expect(err.message).toMatch(/快照注明有 2 条记录，实际有 1 条/);
  });
});

describe('a deleted log is found', () => {
  test('a writer killed with SIGKILL after its acknowledged writes, then the log deleted: refused, naming the missing file', { timeout: 120_000 }, async () => {
    const dir = path.join(await tempDir(), 'data');
    const acked = await new Promise<{ complaints: number }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/records/crash-writer.ts'), dir, RULES], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let complaints = 0;
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('complaint ')) complaints++;
        // 20 acknowledged complaints (with their cases and verifications in between).
        if (complaints === 20) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve({ complaints }) : reject(new Error(`writer exited (${code}): ${stderr}`))));
    });
    // Lines already in the pipe when the kill lands are read too: at least 20 acknowledged.
    expect(acked.complaints).toBeGreaterThanOrEqual(20);
    // Before: every acknowledged complaint opens.
    const check = await openRecords(dir, await samplePack(), { readonly: true });
    expect(check.complaints.size).toBeGreaterThanOrEqual(acked.complaints);
    await check.close();

    const copy = path.join(await tempDir(), 'copy');
    await cp(dir, copy, { recursive: true });
    await rm(path.join(copy, 'complaints.log'));
    const err = await openError(copy);
    expect(err.code).toBe('E-STORE-CORRUPT');
    const missing = err.details.find((d) => d.code === 'E-STORE-LOG-MISSING');
    expect(missing).toMatchObject({ file: path.join(copy, 'complaints.json'), line: 1, path: '$.log' });
    expect(err.message).toContain(`快照注明其后的操作记在 ${path.join(copy, 'complaints.log')}`);
    expect(err.message).toMatch(/但该文件不存在（被删除或移走？）；其中已确认保存的记录会丢失/);
    await expect(openRecords(copy, await samplePack(), { readonly: true })).rejects.toMatchObject({ code: 'E-STORE-CORRUPT' });
  });

  test('a new register names its log from its first write on: a log deleted before any compaction is found too', async () => {
    const dir = await withTwo('crashed');
    // The complaints were never compacted (the limit is never reached): only the log holds them.
    const snap = JSON.parse(await readFile(path.join(dir, 'complaints.json'), 'utf8')) as { seq: number; count: number; log: unknown };
    expect(snap).toMatchObject({ seq: 0, count: 0, log: { file: 'complaints.log', from: 1 } });
    await rm(path.join(dir, 'complaints.log'));
    const err = await openError(dir);
    expect(err.details[0]).toMatchObject({ code: 'E-STORE-LOG-MISSING', path: '$.log' });
  });

  test('an empty log (everything folded into the snapshot) is not a missing one', async () => {
    const dir = await withTwo('closed');
    expect((await readFile(path.join(dir, 'complaints.log'), 'utf8'))).toBe('');
    const r = await openRecords(dir, await samplePack());
    expect(r.complaints.size).toBe(2);
    expect(r.warnings).toEqual([]);
    await r.close();
  });
});

describe('data written before checksums (format 1)', () => {
  test('opens unchanged read-only; a writer upgrades it to the current format at once; a log line without a checksum is still read', async () => {
    const dir = await withTwo('closed');
    const file = path.join(dir, 'complaints.json');
    const records = (JSON.parse(await readFile(file, 'utf8')) as { records: unknown[] }).records;
    // As version 1 wrote them: a snapshot without count, log or checksums, a log line without `sum`.
    const legacy = `{"format":1,"collection":"complaints","seq":1,"records":[\n${JSON.stringify(records[0])}\n]}\n`;
    const legacyLog = `${JSON.stringify({ seq: 2, op: 'put', record: records[1] })}\n`;
    await writeFile(file, legacy);
    await writeFile(path.join(dir, 'complaints.log'), legacyLog);

    const reader = await openRecords(dir, await samplePack(), { readonly: true });
    expect(reader.complaints.size).toBe(2);
    expect(reader.warnings).toEqual([]);
    await reader.close();
    expect(await readFile(file, 'utf8')).toBe(legacy);

    // Even the log missing is no error for format 1: it never said a log follows.
    const noLog = path.join(await tempDir(), 'nolog');
    await cp(dir, noLog, { recursive: true });
    await rm(path.join(noLog, 'complaints.log'));
    const partial = await openRecords(noLog, await samplePack(), { readonly: true });
    expect(partial.complaints.size).toBe(1);
    await partial.close();

    const writer = await openRecords(dir, await samplePack());
    expect(writer.complaints.size).toBe(2);
    await writer.close();
    const upgraded = JSON.parse(await readFile(file, 'utf8')) as { format: number; count: number; sums: string[]; sum: string };
    expect(upgraded).toMatchObject({ format: 3, count: 2, log: { file: 'complaints.log', from: 3 } });
    expect(upgraded.sums).toHaveLength(2);
    expect(upgraded.sum).toMatch(/^[0-9a-f]{8}$/);
  });

  test('a format-1 snapshot with no log at all is upgraded on opening, and then guarded', async () => {
    const dir = await withTwo('closed');
    const file = path.join(dir, 'complaints.json');
    const records = (JSON.parse(await readFile(file, 'utf8')) as { records: unknown[] }).records;
    await writeFile(file, `{"format":1,"collection":"complaints","seq":2,"records":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`);
    await rm(path.join(dir, 'complaints.log'));
    const r = await openRecords(dir, await samplePack());
    await r.close();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 3, seq: 2, count: 2 });
    // The upgrade created the log it names.
    expect(await readFile(path.join(dir, 'complaints.log'), 'utf8')).toBe('');
  });
});
