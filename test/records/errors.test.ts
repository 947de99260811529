// The records' refusals: each a RecordsError with its catalogue code, a Chinese message and the
// place of the problem, on real data directories. Their HTTP statuses and CLI exit codes come
// from the catalogue; a state conflict is a 409, a missing record a 404, a damaged store a 503.
import { mkdir, open as openFile, readdir, rm, symlink, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { catalogueEntry, type ErrorCode } from '../../src/core/index.ts';
import { openRecords, RecordsError, type Records } from '../../src/records/index.ts';
import { RecordStore } from '../../src/records/store.ts';
import { onLowdb, openTemp, recordsPerTest, refusal, RULES, samplePack, storedContents, tamperContent, tempDir } from './helpers.ts';

const { fresh } = recordsPerTest();

/** The RecordsError `promise` rejects with, checked to carry `code` and a Chinese message. */
async function refused(promise: Promise<unknown>, code: ErrorCode): Promise<RecordsError> {
  const err = await refusal(promise);
  expect(err.code).toBe(code);
  expect(err.detail).toMatch(/[\u4e00-\u9fff]/);
  return err;
}

const AT = '2026-11-10T10:00:00+08:00';

describe('complaints', () => {
  test('a complaint needs a target, a major one needs writing, a case it names must exist', async () => {
    const { records: r } = await fresh();
    const noTarget = await refused(r.complaints.add({ channel: 'oral', content: '不知道投诉谁', receivedBy: 'lin-xiaoyan' }), 'E-COMPLAINT-TARGET');
    expect(noTarget.location.path).toBe('$.target');
    const major = await refused(r.complaints.add({ channel: 'oral', staff: 'chen-li', content: '索要好处费', receivedBy: 'lin-xiaoyan', major: true }), 'E-COMPLAINT-MAJOR');
    expect(major.location.path).toBe('$.channel');
    const noCase = await refused(r.complaints.add({ channel: 'oral', staff: 'chen-li', content: 'x', receivedBy: 'lin-xiaoyan', case: '2026-999999' }), 'E-COMPLAINT-CASE');
    expect([noCase.location.path, noCase.detail]).toEqual(['$.case', '办件 2026-999999 不存在']);
    expect(catalogueEntry('E-COMPLAINT-CASE').status).toBe(400);
  });

  test('verified once and replied once: a second time is a 409 conflict; an unknown complaint a 404', async () => {
    const { records: r } = await fresh();
    const c = await r.complaints.add({ channel: 'written', staff: 'chen-li', content: '材料被要求重复提交', receivedBy: 'lin-xiaoyan', receivedAt: AT });
    await r.complaints.verify(c.id, { result: 'verified', handler: 'li-xiuying', at: '2026-11-11T10:00:00+08:00' });
    const again = await refused(r.complaints.verify(c.id, { result: 'unfounded', handler: 'li-xiuying' }), 'E-COMPLAINT-VERIFIED');
    expect(again.detail).toBe(`投诉 ${c.id} 已于 2026-11-11T10:00:00+08:00 核实为“查实”，结论不能更改`);
    expect(again.status).toBe(409);

    const channel = await refused(r.complaints.reply(c.id, { channel: 'phone', by: 'li-xiuying', content: '已处理' }), 'E-COMPLAINT-REPLY-CHANNEL');
    expect(channel.location.path).toBe('$.reply.channel');
    await r.complaints.reply(c.id, { by: 'li-xiuying', content: '已书面答复', at: '2026-11-12T10:00:00+08:00' });
    const replied = await refused(r.complaints.reply(c.id, { by: 'li-xiuying', content: '再答复' }), 'E-COMPLAINT-REPLIED');
    expect(replied.status).toBe(409);

    const missing = await refused(r.complaints.verify('T2026-99999', { result: 'verified', handler: 'li-xiuying' }), 'E-COMPLAINT-NOT-FOUND');
    expect(missing.status).toBe(404);
  });
});

describe('reviews and cases', () => {
  test('a follow-up is only for a bad review, once (409 both); an unknown review is a 404', async () => {
    const { records: r } = await fresh();
    const good = await r.reviews.add({ grade: '非常满意', staff: 'chen-li', at: AT });
    const notBad = await refused(r.reviews.followUp(good.id, 'callback', { by: 'li-xiuying' }), 'E-REVIEW-NOT-BAD');
    expect(notBad.status).toBe(409);
    const missing = await refused(r.reviews.followUp('P2026-9999', 'callback', { by: 'li-xiuying' }), 'E-REVIEW-NOT-FOUND');
    expect(missing.status).toBe(404);
  });

  test('an event on a case that does not exist is a 404', async () => {
    const { records: r } = await fresh();
    const err = await refused(r.cases.addEvent('2026-999999', { type: 'accepted', staff: 'chen-li', at: AT }), 'E-CASE-NOT-FOUND');
    expect([err.detail, err.status]).toEqual(['办件 2026-999999 不存在', 404]);
  });
});

describe('the publication archive', () => {
  test('refuses a malformed kind and unmasked personal data, located in the input', async () => {
    const { records: r } = await fresh();
    const kind = await refused(r.publications.archive({ kind: 'Board!', title: 'x', content: '公告', issuer: 'li-xiuying' }), 'E-PUBLICATION-KIND');
    expect(kind.location.path).toBe('$.kind');
    const leak = await refused(r.publications.archive({ kind: 'announcement', title: 'x', content: '联系人手机 13812345678', issuer: 'li-xiuying' }), 'E-PUBLICATION-UNMASKED');
    expect(leak.location.path).toBe('$.content');
    // The message names what leaked, never the value itself.
    expect(leak.message).not.toContain('13812345678');
  });

  test('an archived content gone or altered is damage to the store (503), located at its file', async () => {
    const { records: r, dir } = await fresh();
    await refused(r.publications.content('G2026-9999'), 'E-PUBLICATION-NOT-FOUND');
    const p = await r.publications.archive({ kind: 'announcement', title: '办结公告', content: '<p>本月办结 12 件</p>', issuer: 'li-xiuying' });
    expect((await r.publications.content(p.id)).toString('utf8')).toBe('<p>本月办结 12 件</p>');
    const [file] = await storedContents(dir);
    const stored = await tamperContent(r, dir, file!, '<p>本月办结 120 件</p>');
    const altered = await refused(r.publications.content(p.id), 'E-PUBLICATION-HASH');
    expect([altered.status, altered.location.file]).toEqual([503, stored]);

    await tamperContent(r, dir, file!, null);
    const gone = await refused(r.publications.content(p.id), 'E-PUBLICATION-MISSING');
    expect([gone.status, gone.location.file]).toEqual([503, stored]);
    expect((await r.publications.verify()).map((v) => v.id)).toEqual([p.id]);
  });
});

describe('the store itself: the operator\'s problems, 503 over HTTP', () => {
  test('a read-only open of a directory that does not exist', async () => {
    const missing = path.join(await tempDir(), 'no-such-data');
    const err = await refused(openRecords(missing, await samplePack(), { readonly: true }), 'E-STORE-NOT-FOUND');
    expect([err.location.file, err.status, err.exitCode]).toEqual([missing, 503, 1]);
  });

  test('a file that cannot be read is E-STORE-IO, located at the file', async () => {
    const dir = path.join(await tempDir(), 'data');
    // A link to itself where the log should be: opening it fails whoever runs the test (even root).
    // (A directory, a named pipe or a device there is E-STORE-NOT-REGULAR: data-dir-files.test.ts.)
    await mkdir(dir, { recursive: true });
    await symlink('complaints.log', path.join(dir, 'complaints.log'));
    const err = await refused(openRecords(dir, await samplePack()), 'E-STORE-IO');
    expect(err.location.file).toBe(path.join(dir, 'complaints.log'));
  });

  test.runIf(onLowdb)('a write that fails and cannot be rolled back: E-STORE-DISK-FULL, then E-STORE-BROKEN until restart', async () => {
    const { records: r } = await fresh();
    // /dev/full refuses every write (ENOSPC) and cannot be truncated: the append can neither finish nor be undone.
    // The store only opens a regular file as a log (data-dir-files.test.ts), so /dev/full stands in for
    // the log's open handle, as a disk failing under an open file would.
    const store = (r.complaints as unknown as { store: RecordStore }).store;
    const log = store.collection('complaints') as unknown as { log: FileHandle | null };
    log.log = await openFile('/dev/full', 'a');
    const input = { channel: 'oral' as const, staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: AT };
    const failed = await refused(r.complaints.add(input), 'E-STORE-DISK-FULL');
    expect(failed.detail).toMatch(/磁盘空间已满，记录未能保存/);
    const broken = await refused(r.complaints.add(input), 'E-STORE-BROKEN');
    expect(broken.detail).toMatch(/请检查磁盘后重启服务/);
    expect(broken.status).toBe(503);
  });

  test('a closed store refuses work; a collection nobody declared is refused', async () => {
    const { records: r } = await openTemp(await samplePack());
    await r.close();
    await refused(r.complaints.add({ channel: 'oral', staff: 'chen-li', content: 'x', receivedBy: 'lin-xiaoyan' }), 'E-STORE-CLOSED');

    const store = await RecordStore.open(path.join(await tempDir(), 'data'), { specFor: () => null });
    try {
      expect(() => store.collection('cases-2026')).toThrowError(expect.objectContaining({ code: 'E-STORE-UNKNOWN' }));
    } finally {
      await store.close();
    }
  });

  test.runIf(onLowdb)('a backup never goes inside the data directory nor over an existing one', async () => {
    const { records: r, dir } = await fresh();
    await r.complaints.add({ channel: 'oral', staff: 'chen-li', content: 'x', receivedBy: 'lin-xiaoyan', receivedAt: AT });
    const inside = await refused(r.backup(path.join(dir, 'inside')), 'E-BACKUP-TARGET');
    expect(inside.detail).toMatch(/不能位于数据目录/);
    const taken = path.join(await tempDir(), 'taken');
    await mkdir(taken);
    await writeFile(path.join(taken, 'x'), 'x');
    await refused(r.backup(taken), 'E-BACKUP-TARGET');
  });
});

describe('the command line', () => {
  test('registering an application that cannot be decided: E-APPLICATION, each problem located, exit 1', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'application.json');
    await writeFile(file, JSON.stringify({ intent: 'apply', applicant: { type: 'person', age: 'eighty' } }));
    let stderr = '';
    const code = await runCli(['cases', 'register', file, '--staff', 'chen-li', '--rules', RULES, '--data', path.join(dir, 'data')], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
    });
    expect(code).toBe(catalogueEntry('E-APPLICATION').exit);
    expect(stderr).toContain(`申请文件 ${file} 无效`);
    expect(stderr).toMatch(/\$\.item 缺少必填字段 item/);
    expect(stderr).toMatch(/\$\.applicant\.age/);
  });
});
