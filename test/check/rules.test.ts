/**
 * `bianmin check`'s rule findings (src/check/rules.ts) on real copies of the sample pack: dead and
 * overlapping rules, and mode, clock and document coherence. Each test edits the copy the way an
 * officer could, loads it as the CLI does, and expects the one finding the edit makes. None of
 * these codes existed before the check stage: every test here fails on the code before it, where
 * `validate` passed each edited pack without a word.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadPack } from '../../src/documents/index.ts';
import type { Pack } from '../../src/engine/index.ts';
import { loadScenarios, runSuite } from '../../src/scenarios/index.ts';
import { ruleFindings } from '../../src/check/rules.ts';
import { builtinTemplateNames } from '../../src/check/rule-coherence.ts';
import type { CheckFinding } from '../../src/check/model.ts';

const SAMPLE = fileURLToPath(new URL('../../rules/', import.meta.url));
const dirs: string[] = [];

function copyOfSample(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bianmin-check-rules-'));
  cpSync(SAMPLE, dir, { recursive: true });
  // Scenarios are not what this checks; the copies' edits would only make them fail.
  rmSync(path.join(dir, 'tests'), { recursive: true, force: true });
  dirs.push(dir);
  return dir;
}

type Yaml = Record<string, unknown> & { conditions?: Array<Record<string, unknown>>; materials: Array<Record<string, unknown>> };

/**
 * A new item in `dir`: 高龄津贴 MZ-004 (two conditions: 户籍 and 年满80周岁; materials with
 * requiredWhen; a dated change) under its own code, name and keywords, with `edit` applied.
 */
function item(dir: string, code: string, edit: (it: Yaml) => void): string {
  const it = parse(readFileSync(path.join(SAMPLE, 'items/mz-004.yaml'), 'utf8')) as Yaml;
  it.code = code;
  it.name = `检查用事项 ${code}`;
  it.keywords = [`检查${code}`];
  edit(it);
  const file = `items/${code.toLowerCase()}.yaml`;
  writeFileSync(path.join(dir, file), stringify(it));
  return file;
}

/** 1-based line of the first line of `file` containing `text`. */
function lineOf(dir: string, file: string, text: string): number {
  const i = readFileSync(path.join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${file} has no line containing ${text}`);
  return i + 1;
}

const age = (operator: string, value: number) => ({ fact: 'age', operator, value });
const condition = (id: string, when: unknown) => ({ id, text: `检查条件 ${id}`, when, reason: `不符合检查条件 ${id}` });
const material = (id: string, extra: Record<string, unknown>) => ({ id, name: `检查材料 ${id}`, necessity: 'required', ...extra });

let edited: string;
let pack: Pack;
let found: CheckFinding[];
const files: Record<string, string> = {};

beforeAll(async () => {
  edited = copyOfSample();
  const d = edited;
  files.never = item(d, 'TS-001', (it) => void it.conditions!.push(condition('dead', { all: [age('greaterThan', 60), age('lessThan', 50)] })));
  files.notTautology = item(d, 'TS-002', (it) =>
    void it.conditions!.push(condition('negated', { not: { any: [{ fact: 'hukouLocal', operator: 'equal', value: true }, { fact: 'hukouLocal', operator: 'equal', value: false }] } })),
  );
  files.always = item(d, 'TS-003', (it) => void it.conditions!.push(condition('anyone', { any: [age('lessThan', 18), age('greaterThanInclusive', 18)] })));
  // 年满80周岁 and 未满50周岁: each can hold, never both.
  files.conflict = item(d, 'TS-004', (it) => void it.conditions!.push(condition('young', age('lessThan', 50))));
  files.requiredNever = item(d, 'TS-005', (it) => {
    it.materials.push(material('contradiction', { requiredWhen: { all: [{ fact: 'maritalStatus', operator: 'equal', value: '已婚' }, { fact: 'maritalStatus', operator: 'equal', value: '未婚' }] }, requiredWhenText: '已婚且未婚时' }));
    // Only under-18s, whom 年满80周岁 returns.
    it.materials.push(material('minor-guardian', { requiredWhen: age('lessThan', 18), requiredWhenText: '未成年人提供' }));
  });
  files.requiredAlways = item(d, 'TS-006', (it) => {
    it.materials.push(material('everyone', { requiredWhen: { any: [{ fact: 'forDependant', operator: 'equal', value: true }, { fact: 'forDependant', operator: 'equal', value: false }] }, requiredWhenText: '代办或本人办理时' }));
    it.materials.push(material('over-sixty', { requiredWhen: age('greaterThanInclusive', 60), requiredWhenText: '年满60周岁的提供' }));
  });
  files.alternatives = item(d, 'TS-007', (it) => {
    it.materials.push({ id: 'identity', name: '身份证明（任选其一）', necessity: 'required', alternatives: [{ id: 'hukou-a', name: '居民户口簿' }, { id: 'hukou-b', name: '居民 户口簿' }] });
    it.materials.push({ id: 'identity-2', name: '身份证件（任选其一）', necessity: 'required', alternatives: [{ id: 'card-a', use: 'id-card' }, { id: 'card-b', use: 'id-card' }] });
    // The same paper as original or as two copies is a real choice: no finding.
    it.materials.push({ id: 'lease', name: '租赁合同', necessity: 'required', alternatives: [{ id: 'lease-original', name: '租赁合同' }, { id: 'lease-copies', name: '租赁合同', form: 'copy', copies: 2 }] });
  });
  files.modes = item(d, 'TS-008', (it) => {
    const income = (operator: string, value: number) => ({ fact: 'householdIncomePerCapita', operator, value });
    it.mode = [
      { when: income('lessThanInclusive', 1000), mode: 'immediate', text: '人均收入1000元以下的' },
      { when: income('lessThan', 500), mode: 'promised', text: '人均收入500元以下的' },
      { when: income('greaterThan', 1000), mode: 'promised', text: '人均收入1000元以上的' },
      { mode: 'promised', text: '其余情况' },
    ];
  });
  // ZB-005's own name, as a keyword of an item.
  files.shadow = item(d, 'TS-009', (it) => void (it.keywords as string[]).push('居民身份证申领、换领、补领'));
  files.extension = item(d, 'TS-010', (it) => {
    (it.limits as Record<string, unknown>).extension = { max: { amount: 10, unit: 'calendarDays' }, approver: '中心负责人' };
  });
  files.calendar = item(d, 'TS-011', (it) => {
    (it.changes as Array<Record<string, unknown>>)[0]!.effectiveFrom = '2029-01-01';
  });
  files.stepLong = item(d, 'TS-012', (it) => {
    (it.procedure as Array<Record<string, unknown>>)[1]!.limit = { amount: 30, unit: 'workingDays' };
  });
  files.stepSum = item(d, 'TS-013', (it) => {
    const steps = it.procedure as Array<Record<string, unknown>>;
    steps[0]!.limit = { amount: 8, unit: 'workingDays' };
    steps[1]!.limit = { amount: 8, unit: 'workingDays' };
    steps[2]!.limit = { amount: 8, unit: 'workingDays' };
  });
  pack = await loadPack(d);
  found = await ruleFindings(pack, null);
}, 120_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function at(file: string, code: string): CheckFinding[] {
  return found.filter((f) => f.file === file && f.code === code);
}

describe('dead and overlapping conditions', () => {
  test('E-CHECK-CONDITION-NEVER: age > 60 and age < 50 refuses every application, located at its `when`', () => {
    const [f, ...more] = at(files.never!, 'E-CHECK-CONDITION-NEVER');
    expect(more).toEqual([]);
    expect(f).toMatchObject({ line: lineOf(edited, files.never!, 'all:') , path: '$.conditions[2].when' });
    expect(f!.message).toContain('检查条件 dead');
    expect(f!.message).toContain('退回');
    // Nothing else of this item is judged: every application is refused anyway.
    expect(found.filter((x) => x.file === files.never && x.code !== 'E-CHECK-CONDITION-NEVER')).toEqual([]);
  });

  test('E-CHECK-CONDITION-NEVER: `not` of a tautology', () => {
    expect(at(files.notTautology!, 'E-CHECK-CONDITION-NEVER').map((f) => f.path)).toEqual(['$.conditions[2].when']);
  });

  test('W-CHECK-CONDITION-ALWAYS: under 18 or 18 and over checks nothing', () => {
    const [f] = at(files.always!, 'W-CHECK-CONDITION-ALWAYS');
    expect(f?.path).toBe('$.conditions[2].when');
    expect(f?.message).toContain('不会拒绝任何申请');
  });

  test('E-CHECK-CONDITIONS-CONFLICT: 年满80周岁 and 未满50周岁 together, named both', () => {
    const [f] = at(files.conflict!, 'E-CHECK-CONDITIONS-CONFLICT');
    expect(f?.path).toBe('$.conditions[2].when');
    expect(f?.message).toContain('申请对象年满80周岁');
    expect(f?.message).toContain('检查条件 young');
    // Each alone can hold: no single-condition finding.
    expect(at(files.conflict!, 'E-CHECK-CONDITION-NEVER')).toEqual([]);
  });

  test('both errors carry a scenario the engine reproduces: pasted into rules/tests/, it passes on the pack as it is', async () => {
    const never = at(files.never!, 'E-CHECK-CONDITION-NEVER')[0]!;
    const conflict = at(files.conflict!, 'E-CHECK-CONDITIONS-CONFLICT')[0]!;
    const entries = [never, conflict].map((f) => (parse(f.scenario!) as Array<Record<string, unknown>>)[0]!);
    expect(entries[0]).toMatchObject({ item: 'TS-001', expect: { kind: 'returned', missing: [], reasons: ['condition:dead'] } });
    expect(entries[1]).toMatchObject({ item: 'TS-004', expect: { kind: 'returned', missing: [] } });
    expect((entries[1]!['expect'] as { reasons: string[] }).reasons).toContain('condition:young');
    mkdirSync(path.join(edited, 'tests'), { recursive: true });
    writeFileSync(path.join(edited, 'tests', 'check-rules.yaml'), `scenarios:\n${never.scenario}${conflict.scenario}`);
    const suite = await loadScenarios(edited, pack, { files: ['tests/check-rules.yaml'] });
    expect(suite.errors).toEqual([]);
    expect(suite.scenarios).toHaveLength(2);
    const run = await runSuite(suite, pack);
    expect(run.results.map((r) => r.failures)).toEqual([[], []]);
  });

  test('an ordinary condition (本镇户籍, 年满80周岁) is neither dead nor empty', () => {
    expect(found.filter((f) => f.file === files.conflict && f.path.startsWith('$.conditions[0]'))).toEqual([]);
    expect(found.filter((f) => f.file === files.conflict && f.path.startsWith('$.conditions[1]'))).toEqual([]);
  });
});

describe('requiredWhen that never or always holds', () => {
  test('W-CHECK-REQUIRED-NEVER: 已婚 and 未婚 at once, and under 18 for an item only for 80 and over', () => {
    const paths = at(files.requiredNever!, 'W-CHECK-REQUIRED-NEVER').map((f) => [f.path, f.message]);
    expect(paths).toHaveLength(2);
    expect(paths[0]![0]).toBe('$.materials[7].requiredWhen');
    expect(paths[0]![1]).toContain('在任何情况下都不成立');
    expect(paths[1]![0]).toBe('$.materials[8].requiredWhen');
    expect(paths[1]![1]).toContain('只在申请不符合受理条件时才成立');
  });

  test('W-CHECK-REQUIRED-ALWAYS: 代办 or not, and 60 and over for an item only for 80 and over', () => {
    const list = at(files.requiredAlways!, 'W-CHECK-REQUIRED-ALWAYS');
    expect(list.map((f) => f.path)).toEqual(['$.materials[7].requiredWhen', '$.materials[8].requiredWhen']);
    expect(list[1]!.message).toContain('凡符合受理条件的申请都需要');
    // At the condition under `requiredWhen:` (its first line, `any:`).
    expect(list[0]!.line).toBe(lineOf(edited, files.requiredAlways!, 'id: everyone') + 4);
  });

  test('the sample conditional materials (代办时) are neither', () => {
    expect(found.filter((f) => f.file === files.requiredAlways && f.path.startsWith('$.materials[5]'))).toEqual([]);
  });
});

describe('alternatives, modes, referrals', () => {
  test('E-CHECK-ALTERNATIVE-SAME: the same name (spaces aside) and the same `use`; not the same paper in another form', () => {
    const list = at(files.alternatives!, 'E-CHECK-ALTERNATIVE-SAME');
    expect(list.map((f) => f.path)).toEqual(['$.materials[7].alternatives[1]', '$.materials[8].alternatives[1]']);
    expect(list[0]!.message).toContain('hukou-a 和 hukou-b');
    expect(list[1]!.message).toContain('都引用共享材料 id-card');
  });

  test('W-CHECK-MODE-NEVER and W-CHECK-MODE-DEFAULT-UNUSED: a branch covered by an earlier one, a default left nothing', () => {
    expect(at(files.modes!, 'W-CHECK-MODE-NEVER').map((f) => [f.path, f.message.includes('已被前面的项涵盖')])).toEqual([['$.mode[1].when', true]]);
    expect(at(files.modes!, 'W-CHECK-MODE-DEFAULT-UNUSED').map((f) => f.path)).toEqual(['$.mode[3]']);
  });

  test('W-CHECK-REFERRAL-SHADOWS: an item keyword that is a referral name routes to the referral first', () => {
    expect(pack.route('居民身份证申领、换领、补领', { limit: 1 })[0]?.code).toBe('ZB-005');
    const list = found.filter((f) => f.code === 'W-CHECK-REFERRAL-SHADOWS');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ file: 'referrals.yaml', line: lineOf(edited, 'referrals.yaml', 'name: 居民身份证申领、换领、补领') });
    expect(list[0]!.message).toContain('TS-009');
  });
});

describe('clocks and documents', () => {
  test('E-CHECK-EXTENSION-UNIT: an extension in calendar days of limits in working days', () => {
    const [f] = at(files.extension!, 'E-CHECK-EXTENSION-UNIT');
    expect(f?.path).toBe('$.limits.extension.max.unit');
    expect(f?.message).toContain('自然日');
  });

  test('W-CHECK-CALENDAR-YEAR: a change in force from 2029, a year without calendar/2029.yaml', () => {
    const [f] = at(files.calendar!, 'W-CHECK-CALENDAR-YEAR');
    expect(f?.path).toBe('$.changes[0].effectiveFrom');
    expect(f?.message).toContain('calendar/2029.yaml');
  });

  test('W-CHECK-STEP-LIMIT: a step longer than the statutory limit, and steps that add up to more', () => {
    expect(at(files.stepLong!, 'W-CHECK-STEP-LIMIT').map((f) => f.path)).toEqual(['$.procedure[1].limit']);
    const [sum] = at(files.stepSum!, 'W-CHECK-STEP-LIMIT');
    expect(sum?.path).toBe('$.limits.statutory');
    expect(sum?.message).toContain('合计 24个工作日');
  });

  test('E-CHECK-TEMPLATE-MISSING: a bianmin without the accepted template cannot print a 受理通知书', async () => {
    const without = builtinTemplateNames().filter((n) => n !== 'accepted');
    const list = (await ruleFindings(pack, ['MZ-004'], { builtinTemplates: without })).filter((f) => f.code === 'E-CHECK-TEMPLATE-MISSING');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ file: 'items/mz-004.yaml', path: '$.mode' });
    expect(list[0]!.message).toContain('templates/accepted.hbs');
    // With bianmin's templates as shipped, nothing is missing.
    expect(at('items/mz-004.yaml', 'E-CHECK-TEMPLATE-MISSING')).toEqual([]);
  });

  test('E-CHECK-CLOCK-OFFICE-HOURS: minutes with no office hours on any weekday', async () => {
    const d = copyOfSample();
    const center = parse(readFileSync(path.join(d, 'center.yaml'), 'utf8')) as { center: { officeHours: Record<string, unknown> } };
    center.center.officeHours = { default: [] };
    writeFileSync(path.join(d, 'center.yaml'), stringify(center));
    const p = await loadPack(d);
    const list = (await ruleFindings(p, null)).filter((f) => f.code === 'E-CHECK-CLOCK-OFFICE-HOURS');
    expect(list.some((f) => f.file === 'policy.yaml' && f.path === '$.clocks.immediate.unit')).toBe(true);
    expect(list.every((f) => f.path.endsWith('.unit'))).toBe(true);
    expect(list.some((f) => f.file.startsWith('items/'))).toBe(true);
  }, 120_000);
});

describe('scope and speed', () => {
  test('items: only the findings of the items asked for', async () => {
    const only = await ruleFindings(pack, ['TS-003']);
    expect(only.map((f) => f.code)).toEqual(['W-CHECK-CONDITION-ALWAYS']);
  });

  test('the sample pack has no rule errors, and is checked in well under 200 ms', async () => {
    const sample = await loadPack(copyOfSample());
    await ruleFindings(sample, null);
    const t0 = performance.now();
    const list = await ruleFindings(sample, null);
    const ms = performance.now() - t0;
    expect(list.filter((f) => f.code.startsWith('E-'))).toEqual([]);
    expect(ms).toBeLessThan(200);
  }, 120_000);
});
