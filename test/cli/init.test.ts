// `bianmin init DIR`: from an answers file, from flags, and from questions answered on piped stdin
// (in-process, and once as a real process); the pack it writes passes `validate` and `test`; a
// non-empty DIR is refused; bad answers are located in the answers file.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, bianmin, ROOT } from './run.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bianmin-init-'));
let n = 0;
const fresh = (): string => path.join(work, `pack-${++n}`);

const ANSWERS_YAML = `# 回答
center:
  name: 白沙镇便民服务中心
  code: 白便
  address: 梧溪县白沙镇新街2号
  phones: { consult: "0856-2330000", complaint: "0856-2330001" }
windows:
  - { id: minzheng-window, name: 民政窗口 }
  - { id: renshe-window, name: 人社窗口 }
staff:
  - { id: chen-li, name: 陈丽, window: minzheng-window, post: A }
  - { id: wang-fang, name: 王芳, window: minzheng-window, post: B }
  - { id: li-qiang, name: 李强, window: renshe-window }
`;

async function passes(dir: string): Promise<void> {
  const v = await bianmin(['validate', '--rules', dir]);
  expect(v.code, v.stdout).toBe(0);
  expect(v.stdout).toContain('校验通过，5 个事项');
  const t = await bianmin(['test', '--rules', dir]);
  expect(t.code, t.stdout).toBe(0);
  expect(t.last).toBe('8 passed, 0 failed');
}

describe('bianmin init', () => {
  test('--answers FILE (YAML): writes a pack that validates and whose scenarios pass', async () => {
    const answers = path.join(work, 'answers.yaml');
    writeFileSync(answers, ANSWERS_YAML);
    const dir = fresh();
    const r = await bianmin(['init', dir, '--answers', answers, '--date', '2026-05-20']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已在 ${dir} 新建规则包：11 个文件`);
    expect(readdirSync(dir).sort()).toEqual(['calendar', 'center.yaml', 'facts.yaml', 'items', 'policy.yaml', 'tests']);
    expect(readdirSync(path.join(dir, 'calendar'))).toEqual(['2026.yaml', '2027.yaml']);
    await passes(dir);
    // The $schema line points at the package's schemas/, relative to the file, so it works outside the project too.
    const first = readFileSync(path.join(dir, 'items', 'ex-001.yaml'), 'utf8').split('\n')[0] ?? '';
    const target = /\$schema=(.+)$/.exec(first)?.[1] ?? '';
    expect(path.resolve(dir, 'items', target)).toBe(path.join(ROOT, 'schemas', 'item.schema.json'));
  });

  test('--answers FILE (JSON) with flags over it; --schema-base as given', async () => {
    const answers = path.join(work, 'answers.json');
    writeFileSync(answers, JSON.stringify({ center: { name: '某镇便民服务中心', code: '某便', address: '某地', phones: { consult: '0856-1234567', complaint: '0856-7654321' } }, windows: [{ id: 'zonghe', name: '综合窗口' }], staff: [{ id: 'a', name: '甲', window: 'zonghe' }, { id: 'b', name: '乙', window: 'zonghe' }] }));
    const dir = fresh();
    const r = await bianmin(['init', dir, '--answers', answers, '--name', '东山镇便民服务中心', '--hours', '09:00-12:00 14:00-17:00', '--schema-base', 'https://example.org/schemas']);
    expect(r.code, r.stderr).toBe(0);
    const center = readFileSync(path.join(dir, 'center.yaml'), 'utf8');
    expect(center).toContain('name: "东山镇便民服务中心"');
    expect(center).toContain('default: ["09:00-12:00", "14:00-17:00"]');
    expect(center.split('\n')[0]).toBe('# yaml-language-server: $schema=https://example.org/schemas/center.schema.json');
    await passes(dir);
  });

  test('flags alone', async () => {
    const dir = fresh();
    const r = await bianmin(['init', dir, '--name', '南河镇便民服务中心', '--code', '南便', '--address', '南河镇1号', '--consult-phone', '12345', '--complaint-phone', '12346', '--window', 'zonghe=综合窗口', '--staff', 'zhang=张三@zonghe:A', '--staff', 'li=李四@zonghe:B']);
    expect(r.code, r.stderr).toBe(0);
    await passes(dir);
  });

  test('the questions, answered on piped stdin: Chinese prompts with their defaults', async () => {
    const dir = fresh();
    const script = ['青石镇便民服务中心', '', '梧溪县青石镇人民路1号', '', '0856-2336000', '0856-2336001', '', '民政窗口', 'minzheng-window', '综合窗口', '', '', '陈丽 王芳', '李强', ''].join('\n');
    const r = await bianmin(['init', dir, '--date', '2026-05-20'], { stdin: script });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('中心名称（例如 青石镇便民服务中心）：青石镇便民服务中心\n');
    expect(r.stdout).toContain('（直接回车为“青便”）：\n');
    expect(r.stdout).toContain('办公时间（各时段用空格分隔）（直接回车为“08:30-12:00 13:00-17:30”）');
    const center = readFileSync(path.join(dir, 'center.yaml'), 'utf8');
    expect(center).toContain('code: "青便"');
    expect(center).toContain('id: window-2'); // the default id of the second window
    expect(center).toMatch(/a: staff-1\n {4}b: staff-2/);
    await passes(dir);
  });

  test('input that ends before the last answer: a usage error naming the question, exit 2, nothing written', async () => {
    const dir = fresh();
    const r = await bianmin(['init', dir], { stdin: '青石镇便民服务中心\n青便\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：输入在回答“中心地址”之前结束\n（使用 --help 查看用法）\n');
    expect(() => readdirSync(dir)).toThrow();
  });

  test('a non-empty DIR (or a file) is refused: E-USAGE-DIR, exit 2, nothing overwritten', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'center.yaml'), '原有的文件\n');
    const r = await bianmin(['init', dir, '--answers', path.join(work, 'answers.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir} 不是空目录（已有 center.yaml），不会覆盖`);
    expect(readFileSync(path.join(dir, 'center.yaml'), 'utf8')).toBe('原有的文件\n');
    const file = path.join(work, 'a-file');
    writeFileSync(file, '');
    expect((await bianmin(['init', file, '--name', 'x'])).stderr).toContain('已存在且不是目录');
    const empty = fresh();
    mkdirSync(empty);
    writeFileSync(path.join(work, 'answers.yaml'), ANSWERS_YAML);
    expect((await bianmin(['init', empty, '--answers', path.join(work, 'answers.yaml')])).code).toBe(0);
  });

  test('bad answers: E-USAGE-ANSWER located at file:line:column and JSON path, every problem listed', async () => {
    const bad = path.join(work, 'bad.yaml');
    const text = ANSWERS_YAML.replace('window: renshe-window }', 'window: renshe }').replace('"0856-2330001"', '"投诉电话"');
    writeFileSync(bad, text);
    const dir = fresh();
    const r = await bianmin(['init', dir, '--answers', bad]);
    expect(r.code).toBe(2);
    const lines = text.split('\n');
    const phoneLine = lines.findIndex((l) => l.includes('投诉电话')) + 1;
    const staffLine = lines.findIndex((l) => l.includes('window: renshe }')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^错误：${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${phoneLine}:\\d+ \\$\\.center\\.phones\\.complaint：格式不正确："投诉电话"（投诉电话：只能有数字`));
    // Every problem, each at its line.
    expect(r.stderr).toMatch(new RegExp(`\\n  ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${staffLine}:\\d+ \\$\\.staff\\[2\\]\\.window：窗口 renshe 不在 windows 中，是否应为 renshe-window？\\n`));
    expect(() => readdirSync(dir)).toThrow();
  });
});

test('as a real process: the prompts read a script piped to stdin', async () => {
  const dir = fresh();
  const script = ['西河镇便民服务中心', '西便', '西河镇1号', '09:00-17:00', '12345', '12346', '12347', '综合窗口', 'zonghe', '', '赵六、钱七', ''].join('\n');
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, 'init', dir], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (c) => resolve({ code: c, stdout: out }));
    child.stdin.end(script);
  });
  expect(code, stdout).toBe(0);
  expect(stdout).toContain('“综合窗口”的工作人员：赵六、钱七');
  await passes(dir);
});
