// Checks of an item's situations (情形): unique ids, removes naming what the item has, adds not
// clashing, added entries checked like the item's own, limits that keep promised ≤ statutory, and
// facts in `when` declared — each an error located at the line and column where it is written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectExactly, expectValid, validate } from './expect-diagnostics.ts';
import { packWith } from './fixture-pack.ts';

const MZ = 'items/mz-001.yaml';
const CL = 'items/cl-001.yaml';

/** MZ-001 of the minimal pack with `yaml` appended (top-level keys). */
function withSituations(yaml: string, before: (old: string) => string = (old) => old): string {
  return packWith({ [MZ]: (old) => `${before(old).trimEnd()}\n${yaml}` });
}

/** 1-based line and column of the `n`-th (from 1) occurrence of `text` as a whole word in the pack file. */
function at(dir: string, file: string, text: string, n = 1): { line: number; column: number } {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  const word = new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!.search(word);
    if (c >= 0 && ++seen === n) return { line: i + 1, column: c + 1 };
  }
  throw new Error(`${file} has no occurrence ${n} of ${text}`);
}

describe('situations that validate', () => {
  test('a well-formed pair validates clean, removing an id a dated change adds', async () => {
    const dir = withSituations(
      `situations:
  - id: proxy
    name: 代办
    when: { fact: forDependant, operator: equal, value: true }
    materials:
      add:
        - id: agent-id
          name: 代办人居民身份证
          necessity: required
      remove: [proxy-letter, bank-card]
    limits:
      promised: { amount: 3, unit: workingDays }
  - id: self
    name: 本人办理
    when: { not: { fact: forDependant, operator: equal, value: true } }
    conditions:
      remove: [person-only]
`,
      (old) => old.replace('        promised: { amount: 5, unit: workingDays }', '        promised: { amount: 5, unit: workingDays }\n    add:\n      materials:\n        - id: bank-card\n          name: 银行卡\n          necessity: optional'),
    );
    // The appended situations follow the edit above.
    const text = readFileSync(path.join(dir, MZ), 'utf8');
    expect(text).toContain('bank-card');
    expect(text).toContain('situations:');
    await expectValid(dir);
  });
});

describe('each error, located', () => {
  test('E-SITUATION-DUPLICATE-ID: two situations with one id, at the second', async () => {
    const dir = withSituations(`situations:
  - id: proxy
    name: 代办
    when: { fact: forDependant, operator: equal, value: true }
  - id: proxy
    name: 本人
    when: { fact: forDependant, operator: equal, value: false }
`);
    const r = await validate(dir);
    expectExactly(r.errors, [{ file: MZ, ...at(dir, MZ, 'proxy', 2), code: 'E-SITUATION-DUPLICATE-ID', path: '$.situations[1].id', message: '情形标识 `proxy` 在本事项中重复（第 1 个情形已使用）' }]);
  });

  test('E-SITUATION-ID-UNKNOWN: removing a material or a condition the item does not have, with a suggestion', async () => {
    const dir = withSituations(`situations:
  - id: proxy
    name: 代办
    when: { fact: forDependant, operator: equal, value: true }
    materials:
      remove: [proxy-leter]
    conditions:
      remove: [nobody]
`);
    const r = await validate(dir);
    expectExactly(r.errors, [
      { file: MZ, ...at(dir, MZ, 'proxy-leter'), code: 'E-SITUATION-ID-UNKNOWN', path: '$.situations[0].materials.remove[0]', message: '情形“代办”要删除的申报材料 `proxy-leter` 不是本事项已有的；是否应为 proxy-letter？' },
      { file: MZ, ...at(dir, MZ, 'nobody'), code: 'E-SITUATION-ID-UNKNOWN', path: '$.situations[0].conditions.remove[0]', message: '受理条件 `nobody`' },
    ]);
  });

  test('E-SITUATION-ID-EXISTS: an added material taking an id of the item (an alternative too), an added condition taking one', async () => {
    const dir = withSituations(`situations:
  - id: proxy
    name: 代办
    when: { fact: forDependant, operator: equal, value: true }
    materials:
      add:
        - id: application
          name: 代办申请书
          necessity: required
        - id: id-card
          name: 代办人身份证
          necessity: required
    conditions:
      add:
        - id: person-only
          text: 申请人为自然人
          when: { condition: is-person }
          reason: 只受理自然人
`);
    const r = await validate(dir);
    expectExactly(r.errors, [
      { file: MZ, ...at(dir, MZ, 'application', 2), code: 'E-SITUATION-ID-EXISTS', path: '$.situations[0].materials.add[0].id', message: '情形“代办”新增的申报材料标识 `application` 与materials[0]重复' },
      { file: MZ, ...at(dir, MZ, 'id-card', 2), code: 'E-SITUATION-ID-EXISTS', path: '$.situations[0].materials.add[1].id', message: 'materials[1].alternatives[0]' },
      { file: MZ, ...at(dir, MZ, 'person-only', 2), code: 'E-SITUATION-ID-EXISTS', path: '$.situations[0].conditions.add[0].id', message: '受理条件标识 `person-only`' },
    ]);
  });

  test('removing an id and adding it again in the same situation is a replacement, not a clash', async () => {
    const dir = withSituations(`situations:
  - id: proxy
    name: 代办
    when: { fact: forDependant, operator: equal, value: true }
    materials:
      remove: [application]
      add:
        - id: application
          name: 代办申请书
          necessity: core
`);
    await expectValid(dir);
  });

  test('E-SITUATION-LIMITS: an item without limits (即办件) and a situation writing only one', async () => {
    const dir = packWith({
      [CL]: (old) =>
        `${old.replace(/limits:\n  statutory: .*\n  promised: .*\n/, '')}situations:
  - id: renew
    name: 换领
    when: { fact: forDependant, operator: equal, value: false }
    limits:
      promised: { amount: 20, unit: minutes }
`,
    });
    const r = await validate(dir);
    expectExactly(r.errors, [{ file: CL, line: at(dir, CL, 'promised: { amount: 20').line, code: 'E-SITUATION-LIMITS', path: '$.situations[0].limits', message: '情形“换领”只写了承诺期限（promised），而事项本身没有 limits，无从沿用法定时限（statutory）' }]);
  });

  test('E-LIMIT-PROMISED-EXCEEDS: the situation promises longer than the statutory limit it inherits', async () => {
    const dir = withSituations(`situations:
  - id: slow
    name: 复杂情形
    when: { fact: forDependant, operator: equal, value: true }
    limits:
      promised: { amount: 25, unit: workingDays }
`);
    const r = await validate(dir);
    expectExactly(r.errors, [{ file: MZ, ...at(dir, MZ, '{ amount: 25'), code: 'E-LIMIT-PROMISED-EXCEEDS', path: '$.situations[0].limits.promised', message: '承诺期限（25个工作日）长于法定时限（20个工作日）' }]);
  });

  test('facts in `when` and in added entries must be declared; added materials pass the material checks', async () => {
    const dir = withSituations(`situations:
  - id: proxy
    name: 代办
    when: { fact: forDependent, operator: equal, value: true }
    materials:
      add:
        - id: other
          name: 其他材料
          necessity: deferrable
          requiredWhen: { fact: age, operator: greaterThan, value: 60 }
          requiredWhenText: 60岁以上
`);
    const r = await validate(dir);
    expectExactly(r.errors, [
      { file: MZ, ...at(dir, MZ, 'forDependent'), code: 'E-REF-UNKNOWN', path: '$.situations[0].when.fact', message: '事实 `forDependent` 未声明，是否应为 `forDependant`？' },
      { file: MZ, line: at(dir, MZ, '- id: other').line, code: 'E-MATERIAL-DUE', path: '$.situations[0].materials.add[0]' },
      { file: MZ, ...at(dir, MZ, '其他材料'), code: 'E-MATERIAL-CATCH-ALL', path: '$.situations[0].materials.add[0].name' },
      { file: MZ, ...at(dir, MZ, 'age'), code: 'E-REF-UNKNOWN', path: '$.situations[0].materials.add[0].requiredWhen.fact' },
    ]);
  });
});
