import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Records } from '../../src/records/index.ts';
import { openTemp, samplePack, storedContents, tamperContent } from './helpers.ts';

const open: Records[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

test('every publication is archived with its hash, time, issuer and kind; tampering is detected', async () => {
  const { records, dir } = await openTemp(await samplePack());
  open.push(records);
  const html = '<h1>办结公告</h1><p>申请人张*三的最低生活保障申请已办结。</p>';
  const p = await records.publications.archive({ kind: 'announcement', title: '2026年第12期办结公告', content: html, issuer: 'li-xiuying', issuedAt: '2026-12-01T09:00:00+08:00' });
  expect(p).toMatchObject({ id: 'G2026-00001', kind: 'announcement', issuer: 'li-xiuying', issuedAt: '2026-12-01T09:00:00+08:00', sha256: createHash('sha256').update(html).digest('hex'), bytes: Buffer.byteLength(html), mediaType: 'text/html' });
  expect((await records.publications.content(p.id)).toString()).toBe(html);
  // The same content issued again is a new record sharing the stored content.
  const again = await records.publications.archive({ kind: 'announcement', title: '重发', content: html, issuer: 'li-xiuying', issuedAt: '2026-12-02T09:00:00+08:00' });
  expect(again.sha256).toBe(p.sha256);
  expect(await storedContents(dir)).toHaveLength(1);
  expect(await records.publications.verify()).toEqual([]);
  await tamperContent(records, dir, `${p.sha256}.html`, html.replace('已办结', '已驳回'));
  expect((await records.publications.verify()).map((x) => x.id)).toEqual([p.id, again.id]);
});

test('content showing a whole ID number or mobile number is refused', async () => {
  const { records } = await openTemp(await samplePack());
  open.push(records);
  await expect(records.publications.archive({ kind: 'announcement', title: 'x', content: '申请人张小三（320102199001011234）', issuer: 'li-xiuying' })).rejects.toThrow(/未脱敏的个人信息：身份证号/);
  await expect(records.publications.archive({ kind: 'board', title: 'x', content: '联系人手机 13812345678', issuer: 'li-xiuying' })).rejects.toThrow(/手机号/);
  expect([...records.publications.all()]).toEqual([]);
});
