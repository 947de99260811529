// Hostile and broken files: each is refused with one located error, never a crash or a hang.
import { describe, expect, test } from 'vitest';
import { expectExactly, expectValid, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);

/** The fixture item with `extra` appended at the top level. */
function itemPlus(extra: string): string {
  return itemText + extra;
}

/** The fixture item's last line number, plus one: where appended text starts. */
const appendedLine = itemText.split('\n').length;

describe('YAML syntax', () => {
  test('an unclosed quote is reported at the quote, not at the end of the file', async () => {
    const text = replaceOnce('name: 临时救助申请\n', 'name: "临时救助申请\n')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, '"临时救助申请'), code: 'E-YAML-SYNTAX', message: '双引号' }]);
    expect(result.ok).toBe(false);
  });

  test('a missing space after a colon names the colon', async () => {
    const text = replaceOnce('mode: promised', 'mode:promised')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, 'mode:promised', 4), code: 'E-YAML-SYNTAX', message: '冒号后缺少空格' }]);
  });

  test('an over-indented key is reported on its own line', async () => {
    const text = replaceOnce('    necessity: core\n', '     necessity: core\n')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, 'necessity: core'), code: 'E-YAML-SYNTAX', message: '缩进不正确' }]);
  });

  test('a value containing ": " asks for quotes', async () => {
    const text = replaceOnce('name: 临时救助申请\n', 'name: 临时救助: 申请\n')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, '临时救助: 申请'), code: 'E-YAML-SYNTAX', message: '加上引号' }]);
  });

  test('an unclosed bracket is reported at the bracket', async () => {
    const text = replaceOnce('promised: { amount: 10, unit: workingDays }', 'promised: { amount: 10, unit: workingDays')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, '{ amount: 10'), code: 'E-YAML-SYNTAX', message: '花括号' }]);
  });

  test('a tab used for indentation', async () => {
    const text = replaceOnce('  - id: application\n', '\t- id: application\n')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, line: positionOf(text, '\t- id: application').line, column: 1, code: 'E-YAML-SYNTAX', message: 'Tab' }]);
  });

  test('two documents in one file', async () => {
    const text = itemPlus('---\ncode: MZ-009\n');
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, line: appendedLine, code: 'E-YAML-SYNTAX', message: '只能有一个 YAML 文档' }]);
  });
});

describe('duplicate keys', () => {
  test('a key written twice at one level is reported at the second one', async () => {
    const text = replaceOnce('mode: promised\n', 'mode: promised\nmode: immediate\n')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, 'mode: immediate'), code: 'E-YAML-DUPLICATE-KEY', message: '`mode`' }]);
  });

  test('nested duplicates too', async () => {
    const text = replaceOnce('    necessity: core\n', '    necessity: core\n    necessity: required\n')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, 'necessity: required'), code: 'E-YAML-DUPLICATE-KEY' }]);
  });
});

describe('tags', () => {
  test.each([
    ['a custom tag', '!include other.yaml'],
    ['a YAML 1.1 binary tag', '!!binary aGVsbG8='],
    ['a JavaScript function tag', '!!js/function "function () {}"'],
    ['a set', '!!set { a, b }'],
  ])('%s is refused at the tag', async (_label, value) => {
    const text = replaceOnce('mode: promised', `mode: ${value}`)(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, value), code: 'E-YAML-TAG' }]);
  });
});

describe('encoding', () => {
  test('a file that is not UTF-8 is located at the first bad byte (line and column)', async () => {
    // "临时" in GBK inside an otherwise ASCII/UTF-8 file, as saved by an editor set to GBK.
    const [before, after] = itemText.split('临时救助申请') as [string, string];
    const bytes = Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xc1, 0xd9, 0xca, 0xb1]), Buffer.from(after, 'utf8')]);
    const result = await validate(packWith({ [ITEM]: bytes }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(itemText, '临时救助申请'), code: 'E-FILE-ENCODING', message: 'UTF-8' }]);
  });

  test('a UTF-8 byte-order mark is fine', async () => {
    await expectValid(packWith({ [ITEM]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(itemText)]) }));
  });
});

describe('size', () => {
  test('a file over 5 MB is refused without parsing', async () => {
    const big = itemPlus(`notes: "${'很长的说明'.repeat(360_000)}"\n`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(5 * 1024 * 1024);
    const result = await validate(packWith({ [ITEM]: big }));
    expectExactly(result.errors, [{ file: ITEM, line: 1, column: 1, code: 'E-FILE-TOO-LARGE', message: '5 MB' }]);
  });

  test('a file just under 5 MB is read', async () => {
    const text = itemPlus(`notes: "${'x'.repeat(5 * 1024 * 1024 - Buffer.byteLength(itemText) - 20)}"\n`);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(5 * 1024 * 1024);
    await expectValid(packWith({ [ITEM]: text }));
  });
});

describe('nesting depth', () => {
  test('64 levels are allowed; the 65th (flow brackets) is refused where it opens', async () => {
    // The document's top level is level 1; `notes:` holds 63 nested lists: 64 levels.
    const ok = itemPlus(`notes: ${'['.repeat(63)}${']'.repeat(63)}\n`);
    const okResult = await validate(packWith({ [ITEM]: ok }));
    expect(okResult.errors.map((d) => d.code)).toEqual(['E-SCHEMA-TYPE']);

    const deep = itemPlus(`notes: ${'['.repeat(64)}${']'.repeat(64)}\n`);
    const result = await validate(packWith({ [ITEM]: deep }));
    expectExactly(result.errors, [{ file: ITEM, line: appendedLine, column: 'notes: '.length + 64, code: 'E-YAML-DEPTH', message: '64' }]);
  });

  test('block nesting deeper than 64 is refused at the first mapping past the limit', async () => {
    // notes (2) > mapping (3) > list (4) …: line k of the ladder opens levels 2k and 2k+1.
    const ladder = Array.from({ length: 40 }, (_, k) => `${'  '.repeat(k)}- k:`).join('\n');
    const text = itemPlus(`notes:\n${ladder} 1\n`);
    const result = await validate(packWith({ [ITEM]: text }));
    // Level 65 is the mapping on ladder line 32, which starts after "- " at column 2*31 + 3.
    expectExactly(result.errors, [{ file: ITEM, line: appendedLine + 32, column: 2 * 31 + 3, code: 'E-YAML-DEPTH' }]);
  });

  test.each([
    ['compact lists', `notes:\n${'- '.repeat(100_000)}x\n`],
    ['explicit keys', `notes:\n${'? '.repeat(100_000)}x\n`],
    ['runaway indentation', `notes:\n${Array.from({ length: 300 }, (_, k) => `${' '.repeat(k)}k:`).join('\n')} 1\n`],
  ])('absurd nesting by %s is refused before parsing', async (_label, extra) => {
    const result = await validate(packWith({ [ITEM]: itemPlus(extra) }));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: ITEM, code: 'E-YAML-DEPTH' });
    expect(result.errors[0]!.line).toBeGreaterThanOrEqual(appendedLine + 1);
  });

  test('a million open brackets are refused before parsing', async () => {
    const result = await validate(packWith({ [ITEM]: itemPlus(`notes: ${'['.repeat(1_000_000)}\n`) }));
    expectExactly(result.errors, [{ file: ITEM, line: appendedLine, code: 'E-YAML-DEPTH' }]);
  });

  test('brackets inside quotes, comments and block text do not count', async () => {
    const text = itemPlus(`notes: |\n  ${'['.repeat(300)}\n  ${'- '.repeat(200)}\n# ${'{'.repeat(300)}\nkeywords: ["${'['.repeat(300)}", it's]\n`);
    await expectValid(packWith({ [ITEM]: text }));
  });
});

describe('reserved keys', () => {
  test.each(['__proto__', 'constructor', 'prototype'])('%s is refused at the key', async (key) => {
    const text = replaceOnce('    necessity: core\n', `    necessity: core\n    ${key}: { polluted: true }\n`)(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, `${key}:`), code: 'E-YAML-KEY', path: `$.materials[0].${key}` }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a quoted __proto__ key is refused too', async () => {
    const text = itemPlus('"__proto__": 1\n');
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, line: appendedLine, column: 1, code: 'E-YAML-KEY' }]);
  });
});

describe('aliases', () => {
  /** The classic "billion laughs": ten anchors, each nine times the one before. */
  function billionLaughs(): string {
    const lines = ['  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    return `notes:\n${lines.join('\n')}\n`;
  }

  test('an alias bomb is refused at the alias that would blow the budget', async () => {
    const text = itemPlus(billionLaughs());
    const result = await validate(packWith({ [ITEM]: text }));
    // Expanded sizes: a 10, b 91, c 820, d 7,381, e 66,430 nodes; the aliases in b…e add 74,718,
    // so the first *e inside f takes the total past 100,000.
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, 'f: &f [*e', 'f: &f ['.length), code: 'E-YAML-ALIAS', message: '十亿笑声' }]);
  });

  test('an alias without its anchor', async () => {
    const text = replaceOnce('mode: promised', 'mode: *mode')(itemText);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, '*mode'), code: 'E-YAML-ALIAS', message: '找不到对应的锚点' }]);
  });

  test('an alias inside its own anchor (a cycle)', async () => {
    const text = replaceOnce('keywords: [救助]', 'keywords: &k [救助, *k]')(itemText.replace('mode: promised\n', 'mode: promised\nkeywords: [救助]\n'));
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, '*k'), code: 'E-YAML-ALIAS', message: '循环引用' }]);
  });

  test('an alias that nests past 64 levels once expanded', async () => {
    const text = itemPlus(`notes:\n  a: &deep ${'['.repeat(40)}${']'.repeat(40)}\n  b: ${'['.repeat(30)}*deep${']'.repeat(30)}\n`);
    const result = await validate(packWith({ [ITEM]: text }));
    expectExactly(result.errors, [{ file: ITEM, ...positionOf(text, '*deep'), code: 'E-YAML-DEPTH' }]);
  });

  test('ordinary anchors and aliases are fine', async () => {
    const text = replaceOnce('statutory: { amount: 20, unit: workingDays }\n  promised', 'statutory: &twenty { amount: 20, unit: workingDays }\n  promised')(itemText).replace(
      'promised: { amount: 10, unit: workingDays }',
      'promised: *twenty',
    );
    await expectValid(packWith({ [ITEM]: text }));
  });
});
