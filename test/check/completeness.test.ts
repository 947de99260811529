/**
 * Issue 15, "the check no engine has": the proof that the one-time notice is complete
 * (src/check/completeness.ts), its counter-examples as ready scenarios, and `bianmin check`.
 * Real files: the sample pack, or a copy of it in a temporary directory with one deliberate break.
 *
 * Before this change `checkPack` was a stub that found nothing, so every test below that expects
 * a finding failed; and the sample-pack test failed on the engine as it was: TJ-001's and WJ-002's
 * "任选其一" materials named their alternatives on the notice without the alternatives' own form
 * and copies (退伍证 原件和复印件2份), so an applicant who brought what the notice said got a
 * supplement notice — the check found it, and the notice now states them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPack, type CheckFinding } from '../../src/check/index.ts';
import { completenessFindings } from '../../src/check/completeness.ts';
import { classesOf, collectLeaves, type Leaf } from '../../src/check/value-classes.ts';
import { BUILTIN_TEMPLATE_DIR, loadPack, renderNotice } from '../../src/documents/index.ts';
import type { Pack } from '../../src/engine/index.ts';
import { loadScenarios, runSuite } from '../../src/scenarios/index.ts';
import { bianmin } from '../cli/run.ts';

const RULES = fileURLToPath(new URL('../../rules/', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'bianmin-completeness-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
/** A copy of the sample pack (its scenario files left out: they are not what is checked here). */
function packCopy(): string {
  const dir = path.join(scratch, `pack-${++n}`);
  cpSync(RULES, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}tests`) });
  return dir;
}

function edit(dir: string, rel: string, from: string, to: string): void {
  const file = path.join(dir, rel);
  const text = readFileSync(file, 'utf8');
  expect(text, `${rel} 中应有要修改的文字`).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** The pack's own consultation template: the built-in one without the "视您的情况可能需要的材料" table. */
function dropConditionalTemplate(dir: string): void {
  const builtin = readFileSync(path.join(BUILTIN_TEMPLATE_DIR, 'consultation.hbs'), 'utf8');
  // From the block's opening line to the first line that closes a block at the left margin.
  const start = builtin.indexOf('{{#if materials.conditional.length}}');
  const end = builtin.indexOf('\n{{/if}}', start) + '\n{{/if}}'.length;
  expect(start).toBeGreaterThan(0);
  cpSync(BUILTIN_TEMPLATE_DIR, path.join(dir, 'templates'), { recursive: true, filter: (src) => src === BUILTIN_TEMPLATE_DIR || src.endsWith('consultation.hbs') });
  writeFileSync(path.join(dir, 'templates', 'consultation.hbs'), builtin.slice(0, start) + builtin.slice(end));
}

/** Line (1-based) of the first line of `file` containing `text` at or after the line containing `after`. */
function lineOf(file: string, text: string, after = ''): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
  return lines.findIndex((l, i) => i >= from && l.includes(text)) + 1;
}

describe('the sample pack', () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await loadPack(RULES);
  });

  it('has a complete one-time notice for every item version and every combination of facts', async () => {
    const started = performance.now();
    const result = await completenessFindings(pack, null);
    const ms = performance.now() - started;
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    expect(result.combinations).toBeGreaterThan(50);
    // The sample pack is proved in well under the 2 s of issue 15 (loaded machines included).
    expect(ms).toBeLessThan(5000);
  });

  it('states an alternative’s own form and copies on the notice (TJ-001 退伍证: 原件和复印件2份)', async () => {
    // Fails before the fix: the notice listed {id, name} only, and the check found TJ-001 incomplete.
    const d = await pack.decide({ item: 'TJ-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: '2026-11-23T10:00:00+08:00' });
    const proof = d.materials.find((m) => m.id === 'service-proof')!;
    expect(proof.alternatives?.find((a) => a.id === 'discharge-cert')).toEqual({ id: 'discharge-cert', name: '退伍证', form: 'both', copies: 2 });
    const html = (await renderNotice(pack.data, d, { number: 'T-1', date: '2026-11-23' })).html;
    expect(html).toContain('退伍证（原件1份、复印件2份）');
    // Alternatives wanted as the material itself is wanted stay as they were.
    const id = await pack.decide({ item: 'CL-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: '2026-11-23T10:00:00+08:00' });
    for (const m of id.materials) for (const a of m.alternatives ?? []) expect(Object.keys(a).sort()).toEqual(a.form === undefined ? ['id', 'name'] : ['copies', 'form', 'id', 'name']);
  });

  it('bianmin check passes on it: exit 0, the summary names items, versions and combinations', async () => {
    const r = await bianmin(['check', '--rules', 'rules']);
    expect(r.code).toBe(0);
    expect(r.last).toMatch(/^规则包 rules 静态检查通过：\d+ 个事项、\d+ 个版本、\d+ 种事实组合，用时 [\d.]+ 秒/);
    const json = await bianmin(['check', '--rules', 'rules', '--json', '--item', 'MZ-001']);
    expect(JSON.parse((await bianmin(['check', '--rules', 'rules', '--json', '--item', 'MZ-001,MZ-004', '--item', 'TJ-001'])).stdout)).toMatchObject({ ok: true, stats: { items: 3 } });
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { ok: boolean; stats: { items: number; versions: number; combinations: number } };
    expect(out.ok).toBe(true);
    expect(out.stats).toMatchObject({ items: 1, versions: 2 });
    expect(out.stats.combinations).toBeGreaterThan(0);
  });
});

describe('a pack whose consultation template drops the materials that may be needed', () => {
  let dir: string;
  let findings: readonly CheckFinding[];
  beforeAll(async () => {
    dir = packCopy();
    dropConditionalTemplate(dir);
    findings = (await checkPack(await loadPack(dir), { items: ['MZ-001'] })).errors;
  });

  it('is caught, located at the material’s line, naming the facts', () => {
    const file = path.join(dir, 'items', 'mz-001.yaml');
    const at = findings.find((f) => f.code === 'E-CHECK-NOTICE-INCOMPLETE' && f.message.includes('家庭成员残疾人证') && f.line < lineOf(file, 'changes:'));
    expect(at, findings.map((f) => f.message).join('\n')).toBeDefined();
    expect(at).toMatchObject({ file: 'items/mz-001.yaml', line: lineOf(file, '- id: disability-cert'), column: 5, path: '$.materials[5]' });
    expect(at!.message).toContain('持有残疾人证=未知');
    expect(at!.message).toContain('印出的一次性告知单');
    // 代他人申请时的材料 too, each at its own line.
    expect(findings.some((f) => f.line === lineOf(file, '- id: power-of-attorney') && f.message.includes('代他人申请=未知'))).toBe(true);
  });

  it('prints a scenario that loads, fails on this pack, and passes once the demand matches the printed notice', async () => {
    const file = path.join(dir, 'items', 'mz-001.yaml');
    const at = findings.find((f) => f.line === lineOf(file, '- id: disability-cert'))!;
    expect(at.scenario).not.toBeNull();
    const entry = (parse(at.scenario!) as Array<Record<string, unknown>>)[0]!;
    expect(entry).toMatchObject({ item: 'MZ-001', expect: { kind: 'accepted', missing: [], reasons: [] } });
    expect(entry['applicant']).toMatchObject({ hasDisabilityCert: true });
    expect(entry['materials']).not.toContain('disability-cert');

    const tests = path.join(dir, 'tests');
    cpSync(path.join(RULES, 'tests', 'minzheng.yaml'), path.join(tests, 'minzheng.yaml'));
    writeFileSync(path.join(tests, 'check-counterexample.yaml'), `scenarios:\n${at.scenario}`);
    const files = ['tests/check-counterexample.yaml'];
    const before = await loadPack(dir);
    const suite = await loadScenarios(dir, before, { files });
    expect(suite.errors).toEqual([]);
    expect(suite.scenarios).toHaveLength(1);
    const failed = await runSuite(suite, before);
    expect(failed.failed).toBe(1);

    // The fix on the demand side: the window fetches the certificate itself (数据共享), so the
    // printed notice's "由中心调取" is what the applicant meets.
    edit(dir, 'items/mz-001.yaml', '    requiredWhenText: 家庭成员持有残疾人证的提供\n    notes: 窗口核验原件后当场退还。\n  - id: proxy-id-card', '    requiredWhenText: 家庭成员持有残疾人证的提供\n    fetchable: true\n    notes: 窗口核验原件后当场退还。\n  - id: proxy-id-card');
    const after = await loadPack(dir);
    const passed = await runSuite(await loadScenarios(dir, after, { files }), after);
    expect(passed.results.map((r) => r.failures)).toEqual([[]]);
    expect(passed.passed).toBe(1);
  });

  it('bianmin check and validate --deep report it: exit 1, the scenario indented under the finding; --json carries it', async () => {
    const r = await bianmin(['check', '--rules', dir, '--item', 'MZ-004']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^错误 .+items\/mz-004\.yaml:\d+:5 \[E-CHECK-NOTICE-INCOMPLETE\] \$\.materials\[\d+\]：一次性告知不完整：MZ-004：/m);
    expect(r.stdout).toMatch(/\n {4}- name: 一次性告知反例：MZ-004/);
    expect(r.last).toMatch(/静态检查未通过：\d+ 处错误/);

    const j = await bianmin(['check', '--rules', dir, '--item', 'MZ-004', '--json']);
    expect(j.code).toBe(1);
    const out = JSON.parse(j.stdout) as { ok: boolean; errors: Array<CheckFinding>; warnings: unknown[]; stats: { items: number } };
    expect(out.ok).toBe(false);
    expect(out.stats.items).toBe(1);
    expect(out.errors.length).toBeGreaterThan(0);
    for (const e of out.errors) expect(Object.keys(e).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'path', 'scenario']);
    expect(out.errors.some((e) => typeof e.scenario === 'string' && e.scenario.startsWith('- name: '))).toBe(true);

    const deep = await bianmin(['validate', '--rules', dir, '--deep']);
    expect(deep.code).toBe(1);
    expect(deep.stdout).toContain('[E-CHECK-NOTICE-INCOMPLETE]');
    const plain = await bianmin(['validate', '--rules', dir]);
    expect(plain.code).toBe(0);
  }, 60_000);
});

describe('the value classes and the engine’s three-valued reading', () => {
  it('takes each side of every threshold, each named option plus one other, both booleans', () => {
    const leaves: Leaf[] = [
      { fact: 'age', operator: 'lessThan', value: 60 },
      { fact: 'age', operator: 'greaterThanInclusive', value: 80 },
      { fact: 'maritalStatus', operator: 'in', value: ['已婚', '丧偶'] },
      { fact: 'note', operator: 'equal', value: '其他' },
    ];
    expect(classesOf('age', leaves, { id: 'age', label: '年龄', type: 'number' })).toEqual([59, 60, 61, 80, 81]);
    expect(classesOf('maritalStatus', leaves, { id: 'maritalStatus', label: '婚姻状况', type: 'enum', values: ['未婚', '已婚', '离婚', '丧偶'] })).toEqual(['已婚', '丧偶', '未婚']);
    expect(classesOf('forDependant', leaves, { id: 'forDependant', label: '代他人申请', type: 'boolean' })).toEqual([true, false]);
    expect(classesOf('note', leaves, { id: 'note', label: '备注', type: 'string' })).toEqual(['其他', '其他情形']);
  });

  // Before: a date or text fact compared only with another fact got one value ('2026-01-01',
  // '其他'), the same as its peer, so `a < b` and `a ≠ b` never occurred in the search.
  it('gives facts compared with each other distinct, ordered values', () => {
    const leaves: Leaf[] = [];
    const shared = new Map();
    collectLeaves({ fact: 'marriedOn', operator: 'lessThan', value: { fact: 'movedOn' } }, shared, leaves);
    collectLeaves({ fact: 'oldName', operator: 'notEqual', value: { fact: 'newName' } }, shared, leaves);
    collectLeaves({ fact: 'from', operator: 'notEqual', value: { fact: 'to' } }, shared, leaves);
    type Def = Parameters<typeof classesOf>[2];
    const date: Def = { type: 'date' };
    const text: Def = { type: 'string' };
    const place: Def = { type: 'enum', values: ['本区', '外区', '外省'] };
    const pairs = (a: string, b: string, def: Def) =>
      classesOf(a, leaves, def).flatMap((x) => classesOf(b, leaves, def).map((y) => [x, y] as const));
    const dates = pairs('marriedOn', 'movedOn', date);
    expect(dates.some(([x, y]) => x < y)).toBe(true);
    expect(dates.some(([x, y]) => x === y)).toBe(true);
    expect(dates.some(([x, y]) => x > y)).toBe(true);
    for (const [a, b, def] of [['oldName', 'newName', text], ['from', 'to', place]] as const) {
      const all = pairs(a, b, def);
      expect(all.some(([x, y]) => x === y)).toBe(true);
      expect(all.some(([x, y]) => x !== y)).toBe(true);
    }
    // Without a peer, one value still stands for every text and every date.
    expect(classesOf('note', [], text)).toEqual(['其他']);
    expect(classesOf('note', [], date)).toEqual(['2026-01-01']);
  });

  it('finds no counter-example for 24 random requiredWhen (all/any/not, shared conditions, negative operators) over unknown facts', async () => {
    // If the engine's Kleene reading (src/engine/condition.ts threeValued) were unsound for some
    // tree — "not needed" while a completion of the facts needs it — this would report it.
    let seed = 20261202;
    // mulberry32: the same trees on every run.
    const rnd = (k: number): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
    };
    const leaf = (): unknown =>
      [
        () => ({ fact: 'age', operator: ['lessThan', 'greaterThanInclusive', 'equal', 'notEqual'][rnd(4)], value: [60, 80][rnd(2)] }),
        () => ({ fact: 'forDependant', operator: ['equal', 'notEqual'][rnd(2)], value: rnd(2) === 0 }),
        () => ({ fact: 'maritalStatus', operator: ['in', 'notIn'][rnd(2)], value: [['已婚'], ['离婚', '丧偶']][rnd(2)] }),
        () => ({ condition: ['applying-for-other', 'married', 'local-or-resident'][rnd(3)] }),
      ][rnd(4)]!();
    const tree = (depth: number): unknown => {
      if (depth === 0 || rnd(3) === 0) return leaf();
      const kind = rnd(3);
      if (kind === 2) return { not: tree(depth - 1) };
      return { [kind === 0 ? 'all' : 'any']: [tree(depth - 1), tree(depth - 1)] };
    };
    const extra = Array.from({ length: 24 }, (_, i) => `  - { id: random-${i}, name: 随机条件材料${i}, necessity: required, requiredWhen: ${JSON.stringify(tree(2))}, requiredWhenText: 第${i}种情形时提供 }\n`).join('');
    const dir = packCopy();
    edit(dir, 'items/mz-004.yaml', '    sample: 委托书\n\nprocedure:', `    sample: 委托书\n${extra}\nprocedure:`);
    const pack = await loadPack(dir);
    const result = await completenessFindings(pack, ['MZ-004']);
    expect(result.findings.map((f) => f.message)).toEqual([]);
    expect(result.combinations).toBeGreaterThan(100);
  }, 60_000);
});

describe('bianmin check on what it cannot check', () => {
  it('an invalid pack: its diagnostics, exit 1', async () => {
    const dir = packCopy();
    edit(dir, 'items/mz-004.yaml', 'necessity: core', 'necessity: 主件');
    const r = await bianmin(['check', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^错误 .+items\/mz-004\.yaml:\d+:\d+ \[E-SCHEMA-ENUM\]/m);
    expect(r.last).toContain('校验未通过，无法静态检查');
    const j = await bianmin(['check', '--rules', dir, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, stats: null });
  });

  it('an item the pack does not have: exit 1 with a suggestion; an empty --rules: exit 2', async () => {
    const r = await bianmin(['check', '--rules', 'rules', '--item', 'MZ-01']);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toContain('MZ-01');
    expect((await bianmin(['check', '--rules', ''])).code).toBe(2);
  });
});
