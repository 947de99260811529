// Issue 15, danger 1: a dated change that lists only the new material in `set.materials` dropped
// every other material (the core ID card too), validated clean, and `decide` then accepted a 低保
// application holding nothing but the new form. Changes now patch by id (remove / replace / add),
// a `set` of a list warns, and losing a core material warns. Every test here but 'the whole-list
// form is what let the lone new form through' (which shows the danger itself) fails before the fix:
// the old schema refused remove/replace/add, and the old validator gave no W-CHANGE-* warning.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Pack } from '../../src/engine/index.ts';
import { resolveItemMaterials } from '../../src/pack/catalogue.ts';
import { itemVersionAt, itemVersions, originOf, type Diagnostic, type PackData } from '../../src/pack/index.ts';
import type { CatalogueMaterial, ItemFile, MaterialsFile } from '../../src/pack/schema-types.ts';
import { parseSource } from '../../src/pack/source.ts';
import { expectChinese, expectExactly, validate } from './expect-diagnostics.ts';
import { SAMPLE_PACK, applyEdits, fixtureText, packWith, positionOf, replaceOnce, type Edit } from './fixture-pack.ts';

const NOW = new Date('2026-12-02T10:00:00+08:00');
const ITEM = 'items/mz-001.yaml';
const sampleText = readFileSync(path.join(SAMPLE_PACK, ITEM), 'utf8');
const LOCAL = { type: 'person', hukouLocal: true, householdIncomePerCapita: 400, forDependant: false, hasDisabilityCert: false } as const;
const IN_2027 = '2027-01-05T09:30:00+08:00';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp copy of the sample pack with `edits` applied. */
function sampleWith(edits: Record<string, Edit>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-changes-'));
  made.push(dir);
  cpSync(SAMPLE_PACK, dir, { recursive: true });
  applyEdits(dir, edits);
  return dir;
}

/** The sample's MZ-001 with its `changes` block replaced by `block` (YAML text from `changes:` on). */
function withChanges(block: string): string {
  return sampleText.slice(0, sampleText.indexOf('\nchanges:\n') + 1) + block;
}

const CHANGE_HEAD = 'changes:\n  - effectiveFrom: "2027-01-01"\n    reference: 梧府发〔2026〕31号\n';

async function loaded(dir: string): Promise<PackData> {
  const r = await validate(dir, NOW);
  expect(r.errors).toEqual([]);
  return r.pack!;
}

const changeWarnings = (list: readonly Diagnostic[]): Diagnostic[] => list.filter((d) => d.code.startsWith('W-CHANGE-'));

let sample: PackData;
beforeAll(async () => {
  sample = await loaded(SAMPLE_PACK);
});

describe('danger 1: a change that lists only the new material', () => {
  const onlyNew = withChanges(CHANGE_HEAD + '    set:\n      materials:\n        - id: pledge\n          name: 家庭收入和财产状况诚信承诺书\n          necessity: required\n');

  test('validates, but warns: the list is set whole, three core materials are lost, none is left', async () => {
    const r = await validate(sampleWith({ [ITEM]: onlyNew }), NOW);
    expect(r.errors).toEqual([]);
    const at = positionOf(onlyNew, '        - id: pledge', 8);
    const warnings = changeWarnings(r.warnings);
    expectExactly(
      warnings.filter((w) => w.code === 'W-CHANGE-LOST-CORE'),
      ['最低生活保障申请书', '申请人居民身份证', '家庭经济状况信息核对授权书'].map((name) => ({ file: ITEM, ...at, code: 'W-CHANGE-LOST-CORE', path: '$.changes[0].set.materials', message: name })),
    );
    expect(warnings.map((w) => w.code).sort()).toEqual(['W-CHANGE-LOST-CORE', 'W-CHANGE-LOST-CORE', 'W-CHANGE-LOST-CORE', 'W-CHANGE-NO-CORE', 'W-CHANGE-SET-LIST']);
    for (const w of warnings) {
      expect({ line: w.line, column: w.column }).toEqual(at);
      expectChinese(w);
    }
    expect(warnings.find((w) => w.code === 'W-CHANGE-SET-LIST')!.message).toContain('remove / replace / add');
  });

  test('the same change in the patch form keeps the core ID card: only the new form is returned, not accepted', async () => {
    // The sample pack's own MZ-001 change (remove / replace / add), in force from 2027-01-01.
    const pack = new Pack(sample);
    const d = await pack.decide({ item: 'MZ-001', intent: 'apply', applicant: LOCAL, materials: ['pledge'], receivedAt: IN_2027 });
    expect(d.version?.effectiveFrom).toBe('2027-01-01');
    expect(d.kind).toBe('returned');
    expect(d.reasons.map((r) => r.code)).toEqual(['material:application', 'material:id-card', 'material:authorization']);
    // Validated clean: the patch form loses no core material.
    expect(changeWarnings(sample.warnings)).toEqual([]);
  });

  test('the whole-list form is what let the lone new form through (why it warns)', async () => {
    const pack = new Pack(await loaded(sampleWith({ [ITEM]: onlyNew })));
    const d = await pack.decide({ item: 'MZ-001', intent: 'apply', applicant: LOCAL, materials: ['pledge'], receivedAt: IN_2027 });
    expect(d.kind).toBe('accepted');
  });
});

describe('the sample MZ-001 in the patch form is the same 2027 version as the whole-list form', () => {
  test('every field equal; the materials the same entries (the added pledge comes last)', () => {
    const patched = sample.items.get('MZ-001')!.data;
    // The change as the sample wrote it before issue 15 (whole lists in `set`), on today's base.
    const old = parseSource(ITEM, readFileSync(path.resolve(import.meta.dirname, '../fixtures/changes/mz-001-whole-list.yaml'))) as { ok: true; source: { data: ItemFile } };
    const catalogue = readCatalogue();
    const whole = resolveItemMaterials({ ...patched, changes: old.source.data.changes! }, catalogue);
    const strip = (v: ReturnType<typeof itemVersionAt>) => {
      const { appliedChange: _a, changeIndex: _c, origin: _o, materials, ...rest } = v;
      return { rest, materials: [...materials].sort((a, b) => (a.id < b.id ? -1 : 1)), order: materials.map((m) => m.id) };
    };
    for (const date of ['2026-12-31', '2027-01-01', '2030-06-01']) {
      const a = strip(itemVersionAt(patched, date));
      const b = strip(itemVersionAt(whole, date));
      expect(a.rest).toEqual(b.rest);
      expect(a.materials).toEqual(b.materials);
      expect(a.order.filter((id) => id !== 'pledge')).toEqual(b.order.filter((id) => id !== 'pledge'));
    }
    expect(strip(itemVersionAt(patched, '2027-01-01')).order.at(-1)).toBe('pledge');
  });
});

function readCatalogue(): Map<string, CatalogueMaterial> {
  const parsed = parseSource('materials.yaml', readFileSync(path.join(SAMPLE_PACK, 'materials.yaml')));
  if (!parsed.ok) throw new Error('sample materials.yaml');
  return new Map((parsed.source.data as MaterialsFile).materials.map((m) => [m.id, m]));
}

describe('every element says where it is written', () => {
  test('base, replaced, added: itemVersions keeps the origin of each list element', () => {
    const item = sample.items.get('MZ-001')!.data;
    const [base, v2027] = itemVersions(item);
    expect(originOf(base!, ['materials', 1])).toEqual(['materials', 1]);
    const ids = v2027!.materials.map((m) => m.id);
    expect(originOf(v2027!, ['materials', ids.indexOf('id-card')])).toEqual(['materials', 1]);
    expect(originOf(v2027!, ['materials', ids.indexOf('pledge'), 'name'])).toEqual(['changes', 0, 'add', 'materials', 0, 'name']);
    expect(originOf(v2027!, ['materials', ids.indexOf('bank-account')])).toEqual(['changes', 0, 'replace', 'materials', 0]);
    const cond = v2027!.conditions!.map((c) => c.id);
    expect(originOf(v2027!, ['conditions', cond.indexOf('income')])).toEqual(['changes', 0, 'replace', 'conditions', 0]);
    expect(originOf(v2027!, ['conditions', cond.indexOf('hukou')])).toEqual(['conditions', 0]);
    expect(originOf(v2027!, ['forms', 2])).toEqual(['changes', 0, 'set', 'forms', 2]);
    expect(originOf(v2027!, ['limits', 'promised'])).toEqual(['limits', 'promised']);
    // A material named by `use` without an id is removed by that id, as the loader resolves it.
    expect(ids).not.toContain('household-register');
    expect(base!.materials.map((m) => m.id)).toContain('household-register');
  });

  test('traces of a 2027 decision cite the patched lines: the added pledge, the replaced income condition, the base ID card', async () => {
    const pack = new Pack(sample);
    const d = await pack.decide({ item: 'MZ-001', intent: 'apply', applicant: LOCAL, materials: ['application', 'id-card', 'authorization', 'pledge'], receivedAt: IN_2027 });
    expect(d.kind).toBe('accepted');
    const line = (rule: string) => d.trace.find((t) => t.rule === rule)!.source.line;
    expect(line('material:pledge')).toBe(positionOf(sampleText, '        - id: pledge').line);
    expect(line('condition:income')).toBe(positionOf(sampleText, '        - id: income\n').line);
    expect(line('material:bank-account')).toBe(positionOf(sampleText, '        - id: bank-account').line);
    expect(line('material:id-card')).toBe(positionOf(sampleText, '  - id: id-card').line);
    expect(line('condition:hukou')).toBe(positionOf(sampleText, '  - id: hukou').line);
    expect(line('material:id-card')).toBeLessThan(positionOf(sampleText, '\nchanges:\n').line);
  });
});

describe('ids a change names are checked against the version before it', () => {
  const patch = (body: string) => withChanges(CHANGE_HEAD + body);

  test('removing an id the version does not have: located at the id, with a suggestion', async () => {
    const text = patch('    remove:\n      materials: [household-registr]\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expectExactly(r.errors, [{ file: ITEM, ...positionOf(text, 'household-registr]'), code: 'E-CHANGE-ID-UNKNOWN', path: '$.changes[0].remove.materials[0]', message: '是否应为 household-register？' }]);
  });

  test('replacing a condition that is not there: located at its id', async () => {
    const text = patch('    replace:\n      conditions:\n        - id: incom\n          text: 收入低于标准\n          when: { fact: householdIncomePerCapita, operator: lessThan, value: 680 }\n          reason: 收入不低于标准\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expectExactly(r.errors, [{ file: ITEM, ...positionOf(text, 'incom\n'), code: 'E-CHANGE-ID-UNKNOWN', path: '$.changes[0].replace.conditions[0].id', message: '是否应为 income？' }]);
  });

  test('replacing what the same change removes is refused with the reason', async () => {
    const text = patch('    remove:\n      materials: [bank-account]\n    replace:\n      materials:\n        - id: bank-account\n          name: 银行账户\n          necessity: optional\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expectExactly(r.errors, [{ file: ITEM, ...positionOf(text, 'bank-account\n          name'), code: 'E-CHANGE-ID-UNKNOWN', message: '已在 remove 中删除' }]);
  });

  test('adding an id already there is an error pointing to replace', async () => {
    const text = patch('    add:\n      materials:\n        - id: id-card\n          name: 身份证\n          necessity: core\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expectExactly(r.errors, [{ file: ITEM, ...positionOf(text, 'id-card\n          name: 身份证'), code: 'E-CHANGE-ID-EXISTS', path: '$.changes[0].add.materials[0].id', message: 'replace' }]);
  });

  test('an added material may not take the id of an alternative either (they share one set of ids)', async () => {
    const mini = 'items/mz-001.yaml';
    const text = fixtureText(mini) + '  - effectiveFrom: "2026-08-01"\n    reference: 测民发〔2026〕3号\n    add:\n      materials:\n        - id: hukou-book\n          name: 户口簿\n          necessity: required\n';
    const r = await validate(packWith({ [mini]: text }));
    expectExactly(r.errors, [{ file: mini, ...positionOf(text, 'hukou-book\n          name: 户口簿\n          necessity'), code: 'E-CHANGE-ID-EXISTS', message: 'materials[1].alternatives[1]' }]);
  });

  test('a material added by `use` of the catalogue takes its id from it, like any other', async () => {
    const text = patch('    add:\n      materials:\n        - use: household-register\n          necessity: required\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expectExactly(r.errors, [{ file: ITEM, ...positionOf(text, 'household-register\n          necessity: required'), code: 'E-CHANGE-ID-EXISTS', path: '$.changes[0].add.materials[0].use' }]);
  });

  test('removing a core material warns, naming it, at the removal', async () => {
    const text = patch('    remove:\n      materials: [id-card]\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expect(r.errors).toEqual([]);
    expectExactly(changeWarnings(r.warnings), [{ file: ITEM, ...positionOf(text, 'id-card]'), code: 'W-CHANGE-LOST-CORE', path: '$.changes[0].remove.materials[0]', message: '申请人居民身份证' }]);
  });

  test('a replaced core material that is no longer core warns at its necessity', async () => {
    const text = patch('    replace:\n      materials:\n        - id: id-card\n          name: 申请人居民身份证\n          necessity: required\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expectExactly(changeWarnings(r.warnings), [{ file: ITEM, ...positionOf(text, '申请人居民身份证\n          necessity: required', '申请人居民身份证\n          necessity: '.length), code: 'W-CHANGE-LOST-CORE', message: '改为了 required' }]);
  });

  test('an added material is checked like a declared one (a deferrable one needs its due period)', async () => {
    const text = patch('    add:\n      materials:\n        - id: rent-contract\n          name: 租房合同\n          necessity: deferrable\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expectExactly(r.errors, [{ file: ITEM, ...positionOf(text, 'id: rent-contract'), code: 'E-MATERIAL-DUE', path: '$.changes[0].add.materials[0]' }]);
  });

  test('fees and steps are targeted by their optional id; replacing one without an id is an error', async () => {
    const rs = 'items/rs-003.yaml';
    const rsText = readFileSync(path.join(SAMPLE_PACK, rs), 'utf8');
    const withId = replaceOnce('  - name: 社会保障卡补换卡工本费', '  - id: card-fee\n    name: 社会保障卡补换卡工本费')(rsText);
    const good = withId + 'changes:\n  - effectiveFrom: "2027-03-01"\n    reference: 测〔2027〕1号\n    replace:\n      fees:\n        - id: card-fee\n          name: 社会保障卡补换卡工本费\n          amount: 10\n          per: 每张\n          basis: { law: 某收费文件 }\n';
    const dir = sampleWith({ [rs]: good });
    const pack = await loaded(dir);
    const v = itemVersionAt(pack.items.get('RS-003')!.data, '2027-03-01');
    expect(v.fees).toEqual([{ id: 'card-fee', name: '社会保障卡补换卡工本费', amount: 10, per: '每张', basis: { law: '某收费文件' } }]);
    const bad = rsText + 'changes:\n  - effectiveFrom: "2027-03-01"\n    reference: 测〔2027〕1号\n    replace:\n      fees:\n        - name: 社会保障卡补换卡工本费\n          amount: 10\n          basis: { law: 某收费文件 }\n';
    const r = await validate(sampleWith({ [rs]: bad }), NOW);
    expectExactly(r.errors, [{ file: rs, ...positionOf(bad, '- name: 社会保障卡补换卡工本费\n          amount: 10', 2), code: 'E-CHANGE-ID-MISSING', path: '$.changes[0].replace.fees[0]' }]);
  });

  test('a change must say what it changes (set, remove, replace or add)', async () => {
    const text = withChanges(CHANGE_HEAD + '    note: 只有说明\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expect(r.errors.map((e) => e.code)).toHaveLength(1);
    expect(r.errors[0]!.path).toBe('$.changes[0]');
    expect(r.errors[0]!.line).toBe(positionOf(text, '- effectiveFrom: "2027-01-01"').line);
  });

  test('patch lists refuse a key they do not know, with a suggestion', async () => {
    const text = patch('    remove:\n      material: [income-statement]\n');
    const r = await validate(sampleWith({ [ITEM]: text }), NOW);
    expectExactly(r.errors, [{ file: ITEM, ...positionOf(text, 'material:'), code: 'E-SCHEMA-UNKNOWN-KEY', message: 'materials' }]);
  });
});
