// Schema errors: one clear, located Chinese message per mistake, with a suggestion where one fits.
import { describe, expect, test } from 'vitest';
import { createAjv, translateAjvErrors } from '../../src/core/index.ts';
import { expectExactly, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);
const CL = 'items/cl-001.yaml';
const clText = fixtureText(CL);

async function errorsAfter(file: string, text: string) {
  return (await validate(packWith({ [file]: text }))).errors;
}

describe('unknown keys', () => {
  test('a misspelt key gives exactly one message, with the suggestion (no extra "missing materials")', async () => {
    const text = replaceOnce('materials:', 'materails:')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'materails:'), code: 'E-SCHEMA-UNKNOWN-KEY', path: '$.materails' }]);
    expect(errors[0]!.message).toBe('未知字段 `materails`，是否应为 `materials`？');
  });

  test('a misspelt key inside a list item', async () => {
    const text = replaceOnce('    necessity: core', '    necesity: core')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'necesity'), code: 'E-SCHEMA-UNKNOWN-KEY', message: '是否应为 `necessity`？' }]);
  });

  test('a misspelt key inside a condition gives one message, not also "malformed condition"', async () => {
    const text = replaceOnce('requiredWhen: { fact: forDependant, operator: equal, value: true }', 'requiredWhen: { fact: forDependant, operater: equal, value: true }')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'operater'), code: 'E-SCHEMA-UNKNOWN-KEY', message: '是否应为 `operator`？' }]);
  });

  test('a misspelt combinator (alll) gives one message', async () => {
    const text = replaceOnce('when: { condition: is-person }', 'when: { alll: [ { condition: is-person } ] }')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'alll'), code: 'E-SCHEMA-UNKNOWN-KEY', message: '是否应为 `all`？' }]);
  });

  test('a key with no close match lists the keys that are allowed', async () => {
    const text = itemText + 'remarks: 无\n';
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'remarks'), code: 'E-SCHEMA-UNKNOWN-KEY', message: '可用的字段：code、name、type' }]);
  });

  test('a misspelt key in a top-level file', async () => {
    const text = replaceOnce('conditions:', 'condtions:')(fixtureText('facts.yaml'));
    const errors = await errorsAfter('facts.yaml', text);
    expectExactly(errors, [{ file: 'facts.yaml', ...positionOf(text, 'condtions'), code: 'E-SCHEMA-UNKNOWN-KEY', message: '是否应为 `conditions`？' }]);
  });
});

describe('values', () => {
  test('a wrong type names what was expected and what was written', async () => {
    const text = replaceOnce('copies: 2', 'copies: 两份')(clText);
    const errors = await errorsAfter(CL, text);
    expectExactly(errors, [{ file: CL, ...positionOf(text, '两份'), code: 'E-SCHEMA-TYPE', path: '$.materials[0].copies', message: '应为整数，实际是文字' }]);
  });

  test('a list written as text', async () => {
    const text = replaceOnce('materials:\n  - id: photo\n    name: 近期免冠照片\n    necessity: required\n    copies: 2\n', 'materials: 近期免冠照片\n')(clText);
    const errors = await errorsAfter(CL, text);
    expectExactly(errors, [{ file: CL, ...positionOf(text, '近期免冠照片'), code: 'E-SCHEMA-TYPE', message: '应为列表' }]);
  });

  test('yes/no instead of true/false', async () => {
    const text = replaceOnce('official: true', 'official: 是')(fixtureText('calendar/2026.yaml'));
    const errors = await errorsAfter('calendar/2026.yaml', text);
    expectExactly(errors, [{ file: 'calendar/2026.yaml', ...positionOf(text, '是'), code: 'E-SCHEMA-TYPE', message: 'true 或 false' }]);
  });

  test('an enum typo suggests the intended value', async () => {
    const text = replaceOnce('mode: promised', 'mode: promissed')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'promissed'), code: 'E-SCHEMA-ENUM', path: '$.mode', message: '是否应为 `promised`？' }]);
  });

  test('an enum value far from any option lists the options', async () => {
    const text = replaceOnce('necessity: core', 'necessity: 主件')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '主件'), code: 'E-SCHEMA-ENUM', message: '可选：core、required、deferrable、optional' }]);
  });

  test('a pattern: item codes are upper case', async () => {
    const text = replaceOnce('code: MZ-001', 'code: mz-001')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'mz-001'), code: 'E-SCHEMA-FORMAT', message: '"mz-001"' }]);
  });

  test('a number out of its range: no material is handed in zero times', async () => {
    const text = replaceOnce('copies: 2', 'copies: 0')(clText);
    const errors = await errorsAfter(CL, text);
    expectExactly(errors, [{ file: CL, ...positionOf(text, '0\n'), code: 'E-SCHEMA-RANGE', path: '$.materials[0].copies', message: '数值 0 超出范围' }]);
  });

  test('an extension of zero is refused: an item that cannot be extended has no extension', async () => {
    const text = replaceOnce('  promised: { amount: 30, unit: minutes }\n', '  promised: { amount: 30, unit: minutes }\n  extension: { max: { amount: 0, unit: minutes }, approver: 本中心负责人 }\n')(clText);
    const errors = await errorsAfter(CL, text);
    expectExactly(errors, [{ file: CL, ...positionOf(text, '{ amount: 0'), code: 'E-SCHEMA-RANGE', path: '$.limits.extension.max', message: '可延长期限为 0' }]);
  });

  test('an empty list where at least one entry is needed', async () => {
    const text = `${clText}procedure: []\n`;
    const errors = await errorsAfter(CL, text);
    expectExactly(errors, [{ file: CL, ...positionOf(text, '[]'), code: 'E-SCHEMA-MIN-ITEMS', path: '$.procedure', message: '至少需要 1 项' }]);
  });

  test('an empty text where a name is needed', async () => {
    const text = replaceOnce('name: 近期免冠照片', 'name: ""')(clText);
    const errors = await errorsAfter(CL, text);
    expectExactly(errors, [{ file: CL, ...positionOf(text, '""'), code: 'E-SCHEMA-EMPTY', path: '$.materials[0].name', message: '不能为空' }]);
  });

  test('an impossible month in a date', async () => {
    const text = replaceOnce('"2026-10-10"', '"2026-13-10"')(fixtureText('calendar/2026.yaml'));
    const errors = await errorsAfter('calendar/2026.yaml', text);
    expectExactly(errors, [{ file: 'calendar/2026.yaml', ...positionOf(text, '"2026-13-10"'), code: 'E-SCHEMA-FORMAT', message: 'YYYY-MM-DD' }]);
  });
});

describe('conditions', () => {
  test('a comparison without its value says what is missing', async () => {
    const text = replaceOnce('when: { condition: is-person }', 'when: { fact: age, operator: greaterThan }')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '{ fact: age'), code: 'E-SCHEMA-CONDITION', path: '$.conditions[0].when', message: '缺少 value' }]);
  });

  test('two forms mixed at one level', async () => {
    const text = replaceOnce('when: { condition: is-person }', 'when: { condition: is-person, fact: age, operator: greaterThan, value: 60 }')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '{ condition: is-person,'), code: 'E-SCHEMA-CONDITION', message: '这里写了 condition、fact + operator + value' }]);
  });

  test('an empty condition', async () => {
    const text = replaceOnce('when: { condition: is-person }', 'when: {}')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '{}'), code: 'E-SCHEMA-CONDITION', message: '必须且只能是 all' }]);
  });

  test('an operator typo inside a valid comparison', async () => {
    const text = replaceOnce('operator: equal, value: true', 'operator: equl, value: true')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'equl'), code: 'E-SCHEMA-ENUM', message: '是否应为 `equal`？' }]);
  });
});

describe('required fields', () => {
  test('a missing top-level field points at the document', async () => {
    const text = replaceOnce('window: minzheng-window\n', '')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, line: 1, column: 1, code: 'E-SCHEMA-REQUIRED', path: '$', message: '`window`' }]);
  });

  test('a missing field of a list item points at that item', async () => {
    const text = replaceOnce('    necessity: required\n    copies: 2\n', '    copies: 2\n')(clText);
    const errors = await errorsAfter(CL, text);
    expectExactly(errors, [{ file: CL, ...positionOf(text, 'id: photo'), code: 'E-SCHEMA-REQUIRED', path: '$.materials[0]', message: '`necessity`' }]);
  });

  test('a material with neither name nor use', async () => {
    const text = replaceOnce('    name: 近期免冠照片\n', '')(clText);
    const errors = await errorsAfter(CL, text);
    expectExactly(errors, [{ file: CL, ...positionOf(text, 'id: photo'), code: 'E-SCHEMA-REQUIRED', message: '缺少必填字段 `name`（或改用 `use`' }]);
  });

  test('a fee without its basis (no fee may be charged without one)', async () => {
    const text = replaceOnce('    basis: { law: 《社会救助暂行办法》 }\n', '')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'name: 工本费'), code: 'E-SCHEMA-REQUIRED', path: '$.fees[0]', message: '`basis`' }]);
  });

  test('requiredWhen without its Chinese wording', async () => {
    const text = replaceOnce('    requiredWhenText: 代他人申请时提供\n', '')(itemText);
    const errors = await errorsAfter(ITEM, text);
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'id: proxy-letter'), code: 'E-SCHEMA-REQUIRED', message: '`requiredWhenText`' }]);
  });

  test('an empty file', async () => {
    const errors = await errorsAfter(CL, '');
    expectExactly(errors, [{ file: CL, line: 1, column: 1, code: 'E-SCHEMA-TYPE', message: '应为对象' }]);
  });
});

describe('a check without its own wording', () => {
  test('is still one located Chinese E-SCHEMA: the fallback for a keyword the pack schemas do not use yet', () => {
    const validate = createAjv().compile({ type: 'object', properties: { windows: { type: 'array', uniqueItems: true } } });
    expect(validate({ windows: ['1号窗口', '1号窗口'] })).toBe(false);
    const problems = translateAjvErrors(validate.errors ?? [], { family: 'pack' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'E-SCHEMA', path: '$.windows' });
    expect(problems[0]!.message).toMatch(/第 [12] 项与第 [12] 项重复/);
  });
});
