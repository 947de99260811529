import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { APPLICATIONS, RULES } from './sample.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/bianmin.js');
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function bianmin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-cli-docs-'));
  await writeFile(path.join(dir, 'app.json'), JSON.stringify({ ...APPLICATIONS.supplement, applicant: { ...APPLICATIONS.supplement.applicant, name: '孙<b>七</b>' } }));
  const decided = await bianmin(['decide', '--item', 'MZ-001', '--input', 'app.json', '--rules', RULES, '--json']);
  expect(decided.code).toBe(0);
  await writeFile(path.join(dir, 'decision.json'), decided.stdout);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('render: decision in, numbered notice out, the counter kept in a file', async () => {
  const first = await bianmin(['render', '--doc', 'supplement', '--input', 'decision.json', '--application', 'app.json', '--rules', RULES, '--date', '2026-11-23', '--numbers', 'n.json', '--out', 'notice.html']);
  expect(first).toMatchObject({ code: 0, stderr: '已生成补正材料通知书 青便〔2026〕0001号（HTML）：notice.html\n' });
  const html = await readFile(path.join(dir, 'notice.html'), 'utf8');
  expect(html).toContain('孙&lt;b&gt;七&lt;/b&gt;：');
  const second = await bianmin(['render', '--doc', 'supplement', '--input', 'decision.json', '--rules', RULES, '--date', '2026-11-23', '--numbers', 'n.json']);
  expect(second.code).toBe(0);
  expect(second.stdout).toMatch(/^<!DOCTYPE html>/);
  expect(second.stdout).toContain('青便〔2026〕0002号');
  expect(JSON.parse(await readFile(path.join(dir, 'n.json'), 'utf8'))).toEqual({ '青便/2026': 2 });
}, 60_000);

test('render: wrong document for the decision, unknown type, broken input', async () => {
  const wrong = await bianmin(['render', '--doc', 'accepted', '--input', 'decision.json', '--rules', RULES, '--numbers', 'n.json']);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('该决定是补正件，不能出具受理通知书；应出具补正材料通知书');
  const unknown = await bianmin(['render', '--doc', 'receipt', '--input', 'decision.json', '--rules', RULES]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('未知的文书类型 receipt');
  await writeFile(path.join(dir, 'bad.json'), '{\n  "item": "MZ-001",\n  "kind": "maybe"\n}\n');
  const bad = await bianmin(['render', '--doc', 'supplement', '--input', 'bad.json', '--rules', RULES]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('bad.json 不是有效的决定');
  expect(bad.stderr).toMatch(/bad\.json:3:11 \$\.kind：应为 consultation、supplement/);
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
  const noChromium = await bianmin(['board', '--pdf', 'b.pdf', '--rules', RULES], { BIANMIN_CHROMIUM: '/nonexistent/chromium' });
  expect(noChromium.code).toBe(1);
  expect(noChromium.stderr).toContain('未找到 Chromium（/nonexistent/chromium）：请安装 chromium 和 fonts-noto-cjk 后再生成 PDF');
  expect(noChromium.stderr).not.toMatch(/\n\s+at /);
}, 60_000);
