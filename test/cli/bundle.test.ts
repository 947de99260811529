// `bianmin decide --bundle` (or `bundle:` in the input file): the merged notice in text and JSON,
// located errors, and --item / --bundle used together refused.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { schemaValidator } from '../../src/pack/index.ts';
import { bundlePack, LOCAL, RECEIVED } from '../engine/bundle-pack.ts';
import { tempDir } from '../pack/fixture-pack.ts';
import { bianmin } from './run.ts';

let rules: string;
let cleanup: () => void;
let dir: string;
const file = (name: string, content: unknown): string => {
  const f = path.join(dir, name);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return f;
};

beforeAll(() => {
  const made = bundlePack();
  rules = made.dir;
  cleanup = made.cleanup;
  dir = tempDir();
});
afterAll(() => cleanup());

describe('bianmin decide --bundle', () => {
  test('text: each item, the shared materials once with the items they serve', async () => {
    const input = file('consult.json', { intent: 'consult', applicant: LOCAL, receivedAt: RECEIVED });
    const r = await bianmin(['decide', '--bundle', 'YJS-901', '--input', input, '--rules', rules]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('一件事：YJS-901 测试“一件事”YJS-901');
    expect(r.stdout).toContain('结论：咨询（出具“一件事”一次性告知单）');
    expect(r.stdout).toContain('1. TA-001 甲事项：咨询件');
    expect(r.stdout).toContain('2. TB-001 乙事项：咨询件');
    expect(r.stdout.match(/《居民身份证》/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/《居民身份证》\[id-card\]（主件）：原件和复印件；用于 TA-001；TB-001/);
    expect(r.stdout).toContain('[TA-001/application]');
  });

  test('the input file’s `bundle` field, without --bundle; --json prints the bundle decision', async () => {
    const input = file('apply.yaml', `bundle: YJS-902\nintent: apply\napplicant: { type: person, hukouLocal: true }\nmaterials: [{ id: id-card, form: both }, household-register, application, photo]\nreceivedAt: "${RECEIVED}"\n`);
    const r = await bianmin(['decide', '--input', input, '--rules', rules, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { kind: string; deadline: { due: string } };
    expect(schemaValidator('bundle-decision')(d)).toBe(true);
    expect(d.kind).toBe('accepted');
    expect(d.deadline.due).toBe('2026-11-26T17:30:00+08:00');

    const text = await bianmin(['decide', '--input', input, '--rules', rules]);
    expect(text.stdout).toContain('统一办结期限：2026-11-26（星期四）17:30 前（按“一件事”承诺时限 3 个工作日）');
  });

  test('a bad application is located in the input file; an unknown bundle at --bundle', async () => {
    const input = file('bad.yaml', `intent: apply\napplicant:\n  type: person\n  hukouLocal: yes please\n`);
    const r = await bianmin(['decide', '--bundle', 'YJS-901', '--input', input, '--rules', rules]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${input}:4:15 $.applicant.hukouLocal [E-APP-FACT]`);

    const ok = file('ok.json', { intent: 'consult', applicant: LOCAL });
    const unknown = await bianmin(['decide', '--bundle', 'YJS-9', '--input', ok, '--rules', rules]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--bundle [E-APP-UNKNOWN-BUNDLE] “一件事”编码 YJS-9 不存在');
  });

  test('bianmin render --doc bundle-notice prints the one notice of a bundle decision', async () => {
    const input = file('consult2.json', { intent: 'consult', applicant: { ...LOCAL, name: '张三' }, receivedAt: RECEIVED });
    const decided = await bianmin(['decide', '--bundle', 'YJS-901', '--input', input, '--rules', rules, '--json']);
    const decision = file('decision.json', decided.stdout);
    const r = await bianmin(['render', '--doc', 'bundle-notice', '--input', decision, '--application', input, '--number', '青便〔2026〕0200号', '--date', '2026-11-23', '--rules', rules]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>“一件事”一次性告知单 青便〔2026〕0200号</title>');
    expect(r.stdout).toContain('张三');
    expect(r.stdout.match(/几个事项共用，只交一次/g)).toHaveLength(2);

    const broken = file('not-a-bundle.json', { decision: { bundle: 'YJS-901' } });
    const bad = await bianmin(['render', '--doc', 'bundle-notice', '--input', broken, '--number', 'N', '--rules', rules]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('不是有效的“一件事”决定');
  });

  test('--item with --bundle, or neither with no bundle in the file: usage errors (exit 2)', async () => {
    const ok = file('plain.json', { intent: 'consult', applicant: LOCAL });
    const both = await bianmin(['decide', '--item', 'TA-001', '--bundle', 'YJS-901', '--input', ok, '--rules', rules]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--item 和 --bundle 不能同时使用');
    const neither = await bianmin(['decide', '--input', ok, '--rules', rules]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain("必须提供选项 '--item <编码>'");
  });
});
