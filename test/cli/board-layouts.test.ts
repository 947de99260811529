// `bianmin board --layout center|window|binder --window --paper --public-url`, in process: the
// layouts written as HTML, the register read with --data, and every wrong flag refused with its
// catalogue code and exit 2, before anything is written.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULES } from '../documents/sample.ts';
import { bianmin as run, type Ran } from './run.ts';

let dir: string;
function bianmin(args: string[]): Promise<Ran> {
  return run([...args, '--rules', RULES], { cwd: dir });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-cli-board-'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(
    path.join(dir, 'done.json'),
    JSON.stringify({ entries: [{ item: 'MZ-001', applicant: { name: '张小三', idNumber: '320102199001011234' }, completedAt: '2026-11-28T10:00:00+08:00' }] }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('layouts', () => {
  test('center on A1 with the completions file; window posters with QR codes; the binder by default', async () => {
    const center = await bianmin(['board', '--layout', 'center', '--paper', 'a1', '--date', '2026-12-01', '--completions', 'done.json', '--out', 'center.html']);
    expect(center.code).toBe(0);
    const html = await readFile(path.join(dir, 'center.html'), 'utf8');
    expect(html).toContain('@page { size: 594mm 841mm;');
    expect(html).toContain('张*三');
    expect(html).not.toContain('张小三');

    const window = await bianmin(['board', '--layout', 'window', '--window', 'renshe-window', '--public-url', 'https://bm.example.gov.cn/', '--date', '2026-12-01']);
    expect(window.code).toBe(0);
    expect(window.stdout.match(/<img src="data:image\/svg\+xml/g)).toHaveLength(4);
    expect(window.stdout).toContain('@page { size: 297mm 420mm;');

    const bare = await bianmin(['board', '--layout', 'window', '--date', '2026-12-01']);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('未提供 --public-url');
    expect(bare.stdout.split('<section class="poster window-poster">')).toHaveLength(10);

    const binder = await bianmin(['board', '--date', '2026-12-01']);
    expect(binder.code).toBe(0);
    expect(binder.stdout).toContain('<h2>目录</h2>');
  });

  test('--data reads the register: the board of an empty register says there is nothing yet', async () => {
    const center = await bianmin(['board', '--layout', 'center', '--date', '2026-12-01', '--data', 'data']);
    expect(center.code).toBe(0);
    expect(center.stdout).toContain('近期无需要公告的办结事项');
    expect(center.stdout).toContain('本月尚未收到评价');
  });
});

describe('wrong flags: exit 2 with the catalogue message, nothing written', () => {
  test.each([
    [['--layout', 'poster'], '--layout 的值 "poster" 不正确'],
    [['--layout', 'center', '--paper', 'A5'], '--paper 的值 "A5" 不正确'],
    [['--layout', 'window', '--public-url', 'ftp://bm.example.gov.cn'], '--public-url：网址 ftp://bm.example.gov.cn 须以 http:// 或 https:// 开头'],
    [['--layout', 'center', '--public-url', 'https://bm.example.gov.cn'], '--public-url 用于窗口公示牌的二维码'],
    [['--layout', 'window', '--completions', 'done.json'], '--completions 是中心公开栏的“近期办结公告”'],
    // E-DOC-WINDOW, located at the flag, naming the windows there are.
    [['--layout', 'window', '--window', 'minzheng'], '--window：没有窗口 minzheng；已声明的窗口：zixun-window（1号窗口 咨询投诉窗口）'],
    // E-DOC-BOARD-OPTION, located at the flag.
    [['--layout', 'center', '--window', 'minzheng-window'], '--window：公开栏选项有误：只有窗口海报'],
    [['--paper', 'A3'], '--paper：公开栏选项有误：办事指南汇编按 A4 装订'],
  ])('%j', async (flags, message) => {
    const r = await bianmin(['board', ...flags, '--out', 'never.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    await expect(readFile(path.join(dir, 'never.html'))).rejects.toThrow();
  });
});
