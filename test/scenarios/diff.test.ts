// `bianmin diff` against a git revision (extracted, never touching the working tree) and over the
// applications recorded in a real data directory.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPack } from '../../src/index.ts';
import type { Application } from '../../src/pack/schema-types.ts';
import { openRecords } from '../../src/records/index.ts';
import { BianminError } from '../../src/core/index.ts';
import { BaseError, resolveBase } from '../../src/scenarios/index.ts';
import { bianmin, replaceOnce, sampleCopy, tempDir } from './helpers.ts';

const PROMISED_10 = 'limits:\n  statutory: { amount: 20, unit: workingDays }\n  promised: { amount: 10, unit: workingDays }\n\nresult:';
const PROMISED_8 = 'limits:\n  statutory: { amount: 20, unit: workingDays }\n  promised: { amount: 8, unit: workingDays }\n\nresult:';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8' });
}

describe('--base GIT-REV', () => {
  test('the base pack is taken from the revision; the working tree is left exactly as it was', async () => {
    const rules = sampleCopy();
    const repo = path.dirname(rules);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'sample');
    // An uncommitted edit: 高龄津贴 promised 10 → 8 working days.
    const file = path.join(rules, 'items/mz-004.yaml');
    const edited = replaceOnce(PROMISED_10, PROMISED_8)(readFileSync(file, 'utf8'));
    writeFileSync(file, edited);
    const status = git(repo, 'status', '--porcelain');

    const r = await bianmin(['diff', '--base', 'HEAD', '--rules', rules]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/规则对比：基准 git 版本 HEAD（提交 [0-9a-f]{7}） → 当前 /);
    // 11月23日受理：10个工作日到12月7日，8个工作日到12月3日。
    expect(r.stdout).toContain('承诺期限：2026-12-07 17:30（10 个工作日） → 2026-12-03 17:30（8 个工作日）');
    expect(r.stdout).toMatch(/limits:MZ-004\n\s+基准 ✓ 时限：承诺 10 个工作日，法定 20 个工作日  .*\/items\/mz-004\.yaml:\d+\n\s+当前 ✓ 时限：承诺 8 个工作日/);
    // The warning level moves with the deadline: at 12-04 the case is now overdue.
    expect(r.stdout).toContain('预警：yellow（黄牌） → red（红牌）');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(git(repo, 'status', '--porcelain')).toBe(status);
  });

  test('a base that is neither a directory nor a revision: exit 2 and a Chinese message', async () => {
    const rules = sampleCopy();
    const repo = path.dirname(rules);
    git(repo, 'init', '-q');
    const r = await bianmin(['diff', '--base', 'no-such-branch', '--rules', rules]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('基准 no-such-branch 既不是已有的目录，也不是 git 仓库');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('a base that cannot be used', () => {
  async function refused(base: string, rules: string): Promise<BaseError> {
    const error = await resolveBase(base, rules).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BaseError);
    expect(error).toBeInstanceOf(BianminError);
    const e = error as BaseError;
    expect(e.code).toBe('E-SCENARIO-BASE');
    expect(e.exitCode).toBe(2);
    return e;
  }

  test('a file, a pack outside any repository, a revision without the pack folder: each E-SCENARIO-BASE, in Chinese', async () => {
    const rules = sampleCopy();
    const repo = path.dirname(rules);
    const file = path.join(repo, 'rules-old.txt');
    writeFileSync(file, '旧规则包\n');
    expect((await refused(file, rules)).detail).toBe(`基准 ${file} 是文件，不是规则包目录`);
    expect((await refused('HEAD', rules)).detail).toContain(`规则包 ${rules} 也不在 git 仓库中，无法按 git 版本取出基准`);
    // A repository whose only commit predates the pack folder.
    git(repo, 'init', '-q');
    git(repo, 'add', 'rules-old.txt');
    git(repo, 'commit', '-q', '-m', 'before the pack');
    expect((await refused('HEAD', rules)).detail).toBe('git 版本 HEAD 中没有 rules/ 目录');
  });
});

describe('--data: the applications recorded in the case register', () => {
  test('recent applications are replayed on both packs; those registered without their application are counted, not faked', { timeout: 60_000 }, async () => {
    const base = sampleCopy({}, 'base');
    const current = sampleCopy({ 'items/mz-004.yaml': replaceOnce(PROMISED_10, PROMISED_8) }, 'current');
    const data = path.join(tempDir(), 'data');
    const pack = await loadPack(base);
    const records = await openRecords(data, pack);
    const apply = (receivedAt: string, age: number): Application => ({
      item: 'MZ-004',
      intent: 'apply',
      applicant: { type: 'person', name: '王大爷', age, hukouLocal: true, forDependant: false },
      materials: ['id-card', 'application'],
      receivedAt,
    });
    const register = async (a: Application, withApplication: boolean) =>
      (await records.cases.register({ decision: await pack.decide(a), staff: 'chen-li', ...(withApplication ? { application: a } : {}) })).record.id;
    const recent = await register(apply('2026-11-23T09:30:00+08:00', 82), true);
    await register(apply('2026-11-24T09:30:00+08:00', 79), true); // returned on both packs: no change
    await register(apply('2026-11-25T09:30:00+08:00', 88), false);
    const old = await register(apply('2026-06-01T09:30:00+08:00', 90), true);
    const c = await records.complaints.add({ channel: 'phone', staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-02T09:00:00+08:00' });
    await records.complaints.verify(c.id, { result: 'verified', handler: 'li-xiuying', at: '2026-11-02T15:00:00+08:00' });
    await records.close();

    const r = await bianmin(['diff', '--base', base, '--rules', current, '--data', data, '--days', '30', '--at', '2026-11-30 12:00', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { cases: { replayed: number; withoutApplication: number }; changed: Array<{ subject: { kind: string; id?: string }; changes: Array<{ aspect: string; from: unknown; to: unknown }> }> };
    expect(out.cases).toMatchObject({ replayed: 2, withoutApplication: 1 });
    const cases = out.changed.filter((x) => x.subject.kind === 'case');
    expect(cases.map((x) => x.subject.id)).toEqual([recent]);
    expect(cases[0]!.changes.find((f) => f.aspect === 'deadline')).toMatchObject({ from: '2026-12-07T17:30:00+08:00', to: '2026-12-03T17:30:00+08:00' });
    expect(JSON.stringify(out)).not.toContain(old);
    // The policy did not change: the register's sanctions do not either.
    expect(out.changed.some((x) => x.subject.kind === 'register')).toBe(false);

    const text = await bianmin(['diff', '--base', base, '--rules', current, '--data', data, '--at', '2026-11-30 12:00']);
    expect(text.stdout).toContain('另有 1 件办件登记时没有保存申请内容（application），无法重放');
    expect(text.stdout).toContain(`办件 ${recent} MZ-004 高龄津贴申领（2026-11-23 09:30 收件）`);
  });

  test('a sanction that a policy change removes is listed with the discipline rule behind it', async () => {
    const base = sampleCopy({}, 'base');
    const current = sampleCopy({ 'policy.yaml': replaceOnce('when: { fact: verifiedComplaints, operator: equal, value: 1 }', 'when: { fact: verifiedComplaints, operator: equal, value: 99 }') }, 'current');
    const data = path.join(tempDir(), 'data');
    const records = await openRecords(data, await loadPack(base));
    const c = await records.complaints.add({ channel: 'oral', staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-02T09:00:00+08:00' });
    await records.complaints.verify(c.id, { result: 'verified', handler: 'li-xiuying', at: '2026-11-02T15:00:00+08:00' });
    await records.close();
    const r = await bianmin(['diff', '--base', base, '--rules', current, '--data', data, '--at', '2026-11-30 12:00']);
    expect(r.status).toBe(0);
    const block = r.stdout.slice(r.stdout.indexOf('登记簿中的责任追究（截至 2026-11-30 12:00）'));
    expect(block).toContain('责任追究（陈丽 chen-li）：通报批评 → 无');
    expect(block).toMatch(/discipline:complaint-first\n\s+基准 ✓ 一次投诉，查实通报 → 通报批评  .*policy\.yaml:\d+\n\s+当前 ✗ 一次投诉，查实通报：条件不满足，未触发/);
    // The sample's own discipline scenarios move the same way.
    expect(r.stdout).toContain('一年内第一次投诉查实，通报批评');
  });
});
