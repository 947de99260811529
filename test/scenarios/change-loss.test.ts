// Issue 15, danger 1: `validate` warns when a dated change takes away a material that the pack's
// own scenarios (tests/*.yaml) still submit for that item on or after the change's date. Fails
// before the fix: no such warning existed, and validate read no scenarios.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validatePack } from '../../src/pack/index.ts';
import { lostSubmittedMaterials, materialLosses } from '../../src/scenarios/index.ts';
import { bianmin } from '../cli/run.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../rules');
const NOW = new Date('2026-12-02T10:00:00+08:00');
const ITEM = 'items/mz-001.yaml';
const itemText = readFileSync(path.join(SAMPLE, ITEM), 'utf8');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The sample pack with one more scenario file, `tests/loss.yaml`. */
function sampleWithScenarios(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-loss-'));
  made.push(dir);
  cpSync(SAMPLE, dir, { recursive: true });
  writeFileSync(path.join(dir, 'tests/loss.yaml'), yaml);
  return dir;
}

const scenario = (name: string, received: string, materials: string) =>
  `  - name: ${name}\n    item: MZ-001\n    applicant: { hukouLocal: true, householdIncomePerCapita: 400, forDependant: false, hasDisabilityCert: false }\n    materials: ${materials}\n    received: ${received}\n    expect: { kind: accepted }\n`;

describe('materials a change takes away', () => {
  test('the sample MZ-001 change of 2027 removes the household register and the income statement, located at the removal', async () => {
    const r = await validatePack(SAMPLE, { now: NOW });
    const losses = materialLosses(r.pack!.items.get('MZ-001')!.data);
    expect(losses.map((l) => [l.id, l.date, l.at.join('.')])).toEqual([
      ['household-register', '2027-01-01', 'changes.0.remove.materials.0'],
      ['income-statement', '2027-01-01', 'changes.0.remove.materials.1'],
    ]);
  });

  test('a scenario of 2027 still submitting the income statement: one warning at the removal, naming material and scenario', async () => {
    const yaml =
      'scenarios:\n' +
      scenario('2027年仍交收入声明', '2027-01-05 09:30', '[application, id-card, authorization, income-statement]') +
      scenario('2026年交收入声明', '2026-12-01 09:30', '[application, id-card, authorization, income-statement]');
    const dir = sampleWithScenarios(yaml);
    const r = await validatePack(dir, { now: NOW });
    const found = await lostSubmittedMaterials(dir, r.pack!);
    const line = itemText.split('\n').findIndex((l) => l.includes('materials: [household-register, income-statement]')) + 1;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: ITEM, line, code: 'W-CHANGE-LOST-SUBMITTED', path: '$.changes[0].remove.materials[1]' });
    expect(found[0]!.message).toContain('家庭收入和财产情况声明');
    expect(found[0]!.message).toContain('2027年仍交收入声明');
    expect(found[0]!.message).toContain('tests/loss.yaml 第 2 行');
  });

  test('the sample pack as shipped: no scenario submits a removed material after the change', async () => {
    const r = await validatePack(SAMPLE, { now: NOW });
    expect(await lostSubmittedMaterials(SAMPLE, r.pack!)).toEqual([]);
  });

  test('bianmin validate prints the warning', async () => {
    const dir = sampleWithScenarios('scenarios:\n' + scenario('2027年仍交户口簿', '2027-02-01 10:00', '[application, id-card, authorization, household-register, pledge]'));
    const ran = await bianmin(['validate', '--rules', dir, '--json']);
    const json = JSON.parse(ran.stdout) as { warnings: Array<{ code: string; file: string; message: string }> };
    const lost = json.warnings.filter((w) => w.code === 'W-CHANGE-LOST-SUBMITTED');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.file).toBe(ITEM);
    expect(lost[0]!.message).toContain('居民户口簿');
  });

  // Review finding: only validate reported it. `bianmin check` now does too (one shared call).
  test('bianmin check reports it too, among its warnings, and with --item only for that item', async () => {
    const dir = sampleWithScenarios('scenarios:\n' + scenario('2027年仍交户口簿', '2027-02-01 10:00', '[application, id-card, authorization, household-register, pledge]'));
    const ran = await bianmin(['check', '--rules', dir, '--json']);
    const json = JSON.parse(ran.stdout) as { warnings: Array<{ code: string; file: string; message: string; scenario: string | null }> };
    const lost = json.warnings.filter((w) => w.code === 'W-CHANGE-LOST-SUBMITTED');
    expect(lost.map((w) => [w.file, w.scenario])).toEqual([[ITEM, null]]);
    expect(lost[0]!.message).toContain('居民户口簿');
    const other = JSON.parse((await bianmin(['check', '--rules', dir, '--json', '--item', 'MZ-004'])).stdout) as { warnings: Array<{ code: string }> };
    expect(other.warnings.filter((w) => w.code === 'W-CHANGE-LOST-SUBMITTED')).toEqual([]);
    const text = await bianmin(['check', '--rules', dir]);
    expect(text.stdout).toContain('W-CHANGE-LOST-SUBMITTED');
  });
});
