// `bianmin render`, `guide` and `board` in a working directory of their own, run in-process through
// runCli; the PDF check without Chromium is a real process, since the browser path is read at start.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bianmin as run, spawnBianmin, type Ran } from '../cli/run.ts';
import { APPLICATIONS, RULES } from './sample.ts';

let dir: string;

function bianmin(args: string[]): Promise<Ran> {
  return run(args, { cwd: dir });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-cli-docs-'));
  await writeFile(path.join(dir, 'app.json'), JSON.stringify({ ...APPLICATIONS.supplement, applicant: { ...APPLICATIONS.supplement.applicant, name: '孙<b>七</b>' } }));
  const decided = await bianmin(['decide', '--item', 'MZ-001', '--input', 'app.json', '--rules', RULES, '--json']);
  expect(decided.code).toBe(0);
  await writeFile(path.join(dir, 'decision.json'), decided.stdout);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('render: decision in, numbered notice out, the number taken from the data directory', async () => {
  const first = await bianmin(['render', '--doc', 'supplement', '--input', 'decision.json', '--application', 'app.json', '--rules', RULES, '--date', '2026-11-23', '--data', 'd', '--out', 'notice.html']);
  expect(first).toMatchObject({ code: 0, stderr: '已生成补正材料通知书 青便〔2026〕0001号（HTML）：notice.html\n' });
  const html = await readFile(path.join(dir, 'notice.html'), 'utf8');
  expect(html).toContain('孙&lt;b&gt;七&lt;/b&gt;：');
  const second = await bianmin(['render', '--doc', 'supplement', '--input', 'decision.json', '--rules', RULES, '--date', '2026-11-23', '--data', 'd']);
  expect(second.code).toBe(0);
  expect(second.stdout).toMatch(/^<!DOCTYPE html>/);
  expect(second.stdout).toContain('青便〔2026〕0002号');
  // The series is the records store's: the next case registered there gets the next number.
  const registered = await bianmin(['cases', 'register', 'app.json', '--staff', 'chen-li', '--rules', RULES, '--data', 'd', '--json']);
  expect(registered.code).toBe(0);
  expect(JSON.parse(registered.stdout)).toMatchObject({ noticeNumber: '青便〔2026〕0003号' });
  // A reprint with --number takes no number and needs no data directory.
  const reprint = await bianmin(['render', '--doc', 'supplement', '--input', 'decision.json', '--rules', RULES, '--date', '2026-11-23', '--number', '青便〔2026〕0001号', '--data', 'none']);
  expect(reprint.code).toBe(0);
  expect(reprint.stdout).toContain('青便〔2026〕0001号');
  await expect(readFile(path.join(dir, 'none', 'sequences.json'))).rejects.toThrow();
}, 60_000);

test('render: wrong document for the decision, unknown type, broken input', async () => {
  const wrong = await bianmin(['render', '--doc', 'accepted', '--input', 'decision.json', '--rules', RULES, '--data', 'd']);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('该决定是补正件，不能出具受理通知书；应出具补正材料通知书');
  const unknown = await bianmin(['render', '--doc', 'receipt', '--input', 'decision.json', '--rules', RULES]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('未知的文书类型 receipt');
  await writeFile(path.join(dir, 'bad.json'), '{\n  "item": "MZ-001",\n  "kind": "maybe"\n}\n');
  const bad = await bianmin(['render', '--doc', 'supplement', '--input', 'bad.json', '--rules', RULES]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('bad.json 不是有效的决定');
  expect(bad.stderr).toMatch(/bad\.json:3:11 \$\.kind：取值 "maybe" 不在允许范围内；可选：consultation、supplement/);
  expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
}, 60_000);

test('guide and board; PDF without Chromium is a clear message, not a crash', async () => {
  const guide = await bianmin(['guide', '--item', 'RS-003', '--rules', RULES, '--date', '2026-11-23']);
  expect(guide.code).toBe(0);
  expect(guide.stdout).toContain('社会保障卡补领、换领');
  const typo = await bianmin(['guide', '--item', 'RS-03', '--rules', RULES]);
  expect(typo.code).toBe(1);
  expect(typo.stderr).toContain('事项 RS-03 不在规则包中，是否应为 RS-003？');
  const both = await bianmin(['board', '--screen', '--pdf', 'b.pdf', '--rules', RULES]);
  expect(both.code).toBe(2);
  const noChromium = await spawnBianmin(['board', '--pdf', 'b.pdf', '--rules', RULES], { cwd: dir, env: { BIANMIN_CHROMIUM: '/nonexistent/chromium' } });
  expect(noChromium.code).toBe(1);
  expect(noChromium.stderr).toContain('未找到 Chromium（/nonexistent/chromium）：请安装 chromium 和 fonts-noto-cjk 后再生成 PDF');
  expect(noChromium.stderr).not.toMatch(/\n\s+at /);
}, 60_000);
