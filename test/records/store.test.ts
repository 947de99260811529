import { spawn, spawnSync } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { LOCK_FILE } from '../../src/records/lock.ts';
import { openRecords, RecordsError, type Records } from '../../src/records/index.ts';
import { BLOBS_DIR as STORE_BLOBS_DIR, DRAFTS_DIR as STORE_DRAFTS_DIR } from '../../src/records/store.ts';
import { BLOBS_DIR } from '../../src/server/pack-blobs.ts';
import { DRAFTS_DIR } from '../../src/server/drafts-store.ts';
import { ADMIN, CLERK, copyOfRules, start } from '../server/helpers.ts';
import { ROOT, RULES, samplePack, tempDir } from './helpers.ts';

const open: Records[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A data directory with two complaints, closed (so everything is in the snapshot). */
async function seeded(): Promise<string> {
  const dir = path.join(await tempDir(), 'data');
  const r = await openRecords(dir, await samplePack());
  await r.complaints.add({ channel: 'oral', staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-03-02T09:00:00+08:00' });
  await r.complaints.add({ channel: 'written', staff: 'liu-yang', content: '多次往返', receivedBy: 'lin-xiaoyan', receivedAt: '2026-03-03T09:00:00+08:00' });
  await r.close();
  return dir;
}

/** Copies a data directory as it is on disk now, without the lock: what a crash would leave. */
async function crashCopy(dir: string): Promise<string> {
  const to = path.join(await tempDir(), 'crashed');
  await cp(dir, to, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
  return to;
}

async function openError(dir: string): Promise<RecordsError> {
  const err = await openRecords(dir, await samplePack()).then(
    (r) => {
      open.push(r);
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordsError);
  return err as RecordsError;
}

describe('a corrupted or hand-edited file: located error, refusal to start, nothing dropped', () => {
  test('JSON syntax error in a snapshot → file:line:column', async () => {
    const dir = await seeded();
    const file = path.join(dir, 'complaints.json');
    const text = await readFile(file, 'utf8');
    const broken = text.replace('"channel":"written"', '"channel":"written",,');
    await writeFile(file, broken);
    const err = await openError(dir);
    expect(err.code).toBe('E-STORE-CORRUPT');
    const lineNo = broken.split('\n').findIndex((l) => l.includes(',,')) + 1;
    expect(err.details[0]).toMatchObject({ file: path.join(dir, 'complaints.json'), line: lineNo });
    expect(err.message).toContain(`complaints.json:${lineNo}:`);
    expect(err.message).toMatch(/拒绝启动/);
    // Refused without touching the data.
    expect(await readFile(file, 'utf8')).toBe(broken);
    // And no lock is left behind by the refused open.
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });

  test('a hand-edited value that breaks the record format → file, line and JSON path', async () => {
    const dir = await seeded();
    const file = path.join(dir, 'complaints.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"channel":"written"', '"channel":"email"'));
    const err = await openError(dir);
    expect(err.details).toHaveLength(1);
    expect(err.details[0]).toMatchObject({ path: '$.records[1].channel', line: 3 });
    expect(err.details[0]!.message).toMatch(/"email" 不在允许范围内/);
  });

  test('a damaged log line → file:line and JSON path; an unacknowledged half line at the end is dropped', async () => {
    const dir = path.join(await tempDir(), 'data');
    const r = await openRecords(dir, await samplePack(), { compactAfterBytes: 1 << 30 });
    open.push(r);
    const c = await r.complaints.add({ channel: 'oral', staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-03-02T09:00:00+08:00' });
    await r.complaints.verify(c.id, { result: 'verified', handler: 'li-xiuying', at: '2026-03-02T15:00:00+08:00' });
    await r.complaints.add({ channel: 'oral', staff: 'liu-yang', content: '推诿', receivedBy: 'lin-xiaoyan', receivedAt: '2026-03-05T09:00:00+08:00' });
    // The disk as a crash would leave it: both operations only in the log.
    const crashed = await crashCopy(dir);
    const log = path.join(crashed, 'complaints.log');
    const text = await readFile(log, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);

    // A half-written last line (died mid-append) is not corruption: it was never acknowledged.
    await writeFile(log, `${text}{"seq":4,"op":"put","rec`);
    const reopened = await openRecords(crashed, await samplePack());
    expect(reopened.warnings.join()).toMatch(/未写完的记录/);
    expect(reopened.complaints.get(c.id)?.verification?.result).toBe('verified');
    expect(reopened.complaints.size).toBe(2);
    await reopened.close();

    // A complete line that was edited is corruption, located in the log.
    const again = await crashCopy(dir);
    await writeFile(path.join(again, 'complaints.log'), text.replace('"staff":"liu-yang"', '"staff":"Liu Yang"'));
    const err = await openError(again);
    expect(err.details[0]).toMatchObject({ file: path.join(again, 'complaints.log'), line: 3, path: '$.record.target.staff' });
    expect(err.details[0]!.message).toMatch(/格式不正确/);
  });

  test('a gap in the operation sequence (a lost log entry) is refused', async () => {
    const dir = path.join(await tempDir(), 'data');
    const r = await openRecords(dir, await samplePack(), { compactAfterBytes: 1 << 30 });
    for (const content of ['一', '二', '三']) await r.complaints.add({ channel: 'oral', staff: 'chen-li', content, receivedBy: 'lin-xiaoyan', receivedAt: '2026-03-02T09:00:00+08:00' });
    const log = path.join(dir, 'complaints.log');
    const lines = (await readFile(log, 'utf8')).split('\n');
    await r.close();
    // Restore a log missing its second entry over an empty snapshot.
    await writeFile(path.join(dir, 'complaints.json'), '{"format":1,"collection":"complaints","seq":0,"records":[]}');
    await writeFile(log, `${lines[0]}\n${lines[2]}\n`);
    const err = await openError(dir);
    expect(err.details[0]).toMatchObject({ line: 2, path: '$.seq' });
    expect(err.details[0]!.message).toMatch(/序号不连续/);
  });
});

describe('one writer per data directory', { timeout: 120_000 }, () => {
  test('a second process gets a clear Chinese error; read-only access still works', async () => {
    const dir = await seeded();
    const holder = await openRecords(dir, await samplePack());
    open.push(holder);
    const cli = spawnSync(process.execPath, ['bin/bianmin.js', 'complaint', 'add', '--rules', RULES, '--data', dir, '--channel', '口头', '--staff', 'chen-li', '--content', 'x', '--by', 'lin-xiaoyan'], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`正由进程 ${process.pid}`);
    expect(cli.stderr).toContain('只允许一个写入进程');
    expect(cli.stderr).not.toMatch(/at .*\.ts:\d+/);
    const list = spawnSync(process.execPath, ['bin/bianmin.js', 'complaint', 'list', '--rules', RULES, '--data', dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(2);
    // In the same process, too.
    await expect(openRecords(dir, await samplePack())).rejects.toThrow(/已由本进程打开/);
  });

  test('a lock left by a dead process is taken over', async () => {
    const dir = await seeded();
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid, host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00+08:00' }));
    const r = await openRecords(dir, await samplePack());
    open.push(r);
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });
});

describe('backup', { timeout: 120_000 }, () => {
  test('a consistent copy that loads, with a manifest; refused inside the data directory', async () => {
    const dir = await seeded();
    const r = await openRecords(dir, await samplePack());
    open.push(r);
    await r.publications.archive({ kind: 'board', title: '政务公开栏', content: '<p>投诉电话 0856-2336001</p>', issuer: 'li-xiuying', issuedAt: '2026-03-04T09:00:00+08:00' });
    await r.complaints.add({ channel: 'oral', staff: 'chen-li', content: '未压缩的日志中的一条', receivedBy: 'lin-xiaoyan', receivedAt: '2026-03-04T09:00:00+08:00' });
    const dest = path.join(await tempDir(), 'backup');
    const result = await r.backup(dest);
    expect(result.dir).toBe(dest);
    expect(result.counts).toEqual({ complaints: 3, publications: 1 });
    const manifest = JSON.parse(await readFile(path.join(dest, 'backup-manifest.json'), 'utf8')) as { files: Array<{ name: string }> };
    expect(manifest.files.map((f) => f.name)).toEqual(expect.arrayContaining(['complaints.json', 'complaints.log', 'publications.log', expect.stringMatching(/^publications\/[0-9a-f]{64}\.html$/)]));
    const copy = await openRecords(dest, await samplePack(), { readonly: true });
    expect([...copy.complaints.all()].map((c) => c.content)).toContain('未压缩的日志中的一条');
    expect(await copy.publications.verify()).toEqual([]);
    await copy.close();
    await expect(r.backup(path.join(dir, 'inside'))).rejects.toThrow(/不能位于数据目录/);
    await expect(r.backup(dest)).rejects.toThrow(/已存在且不为空/);
  });

  test('the workbench\'s pack-blobs/ and drafts/ are in the backup: a restored directory serves the pack history, rolls back, keeps the drafts', async () => {
    // The store names the workbench's folders itself (records sit below the server): the same names.
    expect([STORE_BLOBS_DIR, STORE_DRAFTS_DIR]).toEqual([BLOBS_DIR, DRAFTS_DIR]);
    const root = await tempDir();
    const rules = await copyOfRules(root);
    const data = path.join(root, 'data');
    const item = path.join(rules, 'items/mz-004.yaml');
    const original = await readFile(item, 'utf8');
    const published = `${original}# 备份测试：发布的版本\n`;
    let s = await start({ rules, data });
    let before: string;
    let openDraft: string;
    try {
      before = (await s.request('GET', '/v1/pack', { token: CLERK })).json<{ version: string }>().version;
      const draft = (await s.request('POST', '/v1/drafts', { token: CLERK, body: { name: '发布' } })).json<{ id: string }>().id;
      const put = await s.request('PUT', `/v1/drafts/${draft}/files/items%2Fmz-004.yaml`, { token: CLERK, raw: published, headers: { 'content-type': 'application/yaml' } });
      expect(put.status, put.text).toBe(200);
      const pub = await s.request('POST', `/v1/drafts/${draft}/publish`, { token: ADMIN, body: { confirmFailing: true, reason: '备份测试' } });
      expect(pub.status, pub.text).toBe(200);
      // A draft still open at the time of the backup.
      openDraft = (await s.request('POST', '/v1/drafts', { token: CLERK, body: { name: '未发布的草稿' } })).json<{ id: string }>().id;
      const put2 = await s.request('PUT', `/v1/drafts/${openDraft}/files/items%2Fmz-004.yaml`, { token: CLERK, raw: `${original}# 草稿中的改动\n`, headers: { 'content-type': 'application/yaml' } });
      expect(put2.status, put2.text).toBe(200);
    } finally {
      await s.app.close();
    }
    expect(await readFile(item, 'utf8')).toBe(published);

    const r = await openRecords(data, await samplePack(), { readonly: true });
    open.push(r);
    const dest = path.join(await tempDir(), 'backup');
    const result = await r.backup(dest);
    expect(result.counts).toMatchObject({ 'pack-publications': 1 });
    expect(result.workbench.drafts).toBe(1);
    expect(result.workbench.blobs).toBeGreaterThan(0);
    const names = result.files.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining([`drafts/${openDraft}/meta.json`, `drafts/${openDraft}/base.json`, `drafts/${openDraft}/files/items/mz-004.yaml`]));
    // Every blob is copied under its own name, and its content is what the name says.
    const blobs = result.files.filter((f) => f.name.startsWith('pack-blobs/'));
    expect(blobs.length).toBe(result.workbench.blobs);
    for (const b of blobs) expect(b.name).toBe(`pack-blobs/${b.sha256.slice(0, 2)}/${b.sha256}`);
    const manifest = JSON.parse(await readFile(path.join(dest, 'backup-manifest.json'), 'utf8')) as { files: Array<{ name: string }> };
    expect(manifest.files.map((f) => f.name)).toEqual(names);

    // The data directory is lost; the backup is copied back in its place. The pack stays as published.
    const restored = path.join(await tempDir(), 'restored');
    await cp(dest, restored, { recursive: true });
    s = await start({ rules, data: restored });
    try {
      const history = await s.request('GET', '/v1/pack/history', { token: CLERK });
      expect(history.status, history.text).toBe(200);
      const pubs = history.json<{ publications: Array<{ kind: string; versionBefore: string; reason?: string }> }>().publications;
      expect(pubs.map((p) => [p.kind, p.versionBefore, p.reason])).toEqual([['publish', before, '备份测试']]);
      const drafts = (await s.request('GET', '/v1/drafts', { token: CLERK })).json<{ drafts: Array<{ id: string; changed: string[] }> }>().drafts;
      expect(drafts).toEqual([expect.objectContaining({ id: openDraft, changed: ['items/mz-004.yaml'] })]);
      const draftFile = await s.request('GET', `/v1/drafts/${openDraft}/files/items%2Fmz-004.yaml`, { token: CLERK });
      expect(draftFile.json<{ text: string }>().text).toBe(`${original}# 草稿中的改动\n`);
      // The contents of the version before the publication come from the restored pack-blobs/.
      const back = await s.request('POST', '/v1/pack/rollback', { token: ADMIN, body: { version: before, reason: '从备份恢复后回退' } });
      expect(back.status, back.text).toBe(200);
      expect(await readFile(item, 'utf8')).toBe(original);
    } finally {
      await s.app.close();
    }
  });

  test('bianmin backup works while another process is writing', async () => {
    const dir = await seeded();
    const holder = await openRecords(dir, await samplePack());
    open.push(holder);
    const dest = path.join(await tempDir(), 'b');
    const cli = spawnSync(process.execPath, ['bin/bianmin.js', 'backup', '--rules', RULES, '--data', dir, '--to', dest], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/已备份到 .*校验通过（complaints 2 条）/);
  });
});
