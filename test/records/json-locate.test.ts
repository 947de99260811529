// Where a damaged data file is wrong: the line and column a data officer opens the file at.
import { describe, expect, test } from 'vitest';
import { jsonSyntaxErrorOffset, lineColumn, offsetOfPath } from '../../src/records/json-locate.ts';

const at = (text: string, offset: number | null) => (offset === null ? null : lineColumn(text, offset));

describe('the first JSON syntax error', () => {
  test('valid JSON has none, whatever its whitespace', () => {
    for (const text of ['{}', '[]', '  {"a": [1, -2.5e3, true, false, null, "x\\"y\\u00e9"]}\n', '"只有一个字符串"', '0']) {
      expect(jsonSyntaxErrorOffset(text), text).toBeNull();
    }
  });

  test('is located at the offending character, on its line and column', () => {
    const text = '{"format":1,\n"records":[\n{"id":"T2026-00001",,"x":1}\n]}';
    expect(at(text, jsonSyntaxErrorOffset(text))).toEqual({ line: 3, column: 21 });
    expect(text[jsonSyntaxErrorOffset(text)!]).toBe(',');
  });

  test('a truncated file points at its end; trailing garbage at the garbage', () => {
    const truncated = '{"records":[{"id":"a"}';
    expect(jsonSyntaxErrorOffset(truncated)).toBe(truncated.length);
    expect(jsonSyntaxErrorOffset('{"a":1} x')).toBe(8);
  });

  test('bad escapes, control characters, bare words and single quotes are errors', () => {
    expect(jsonSyntaxErrorOffset('["\\q"]')).toBe(3);
    expect(jsonSyntaxErrorOffset('["\\u12g4"]')).toBe(4);
    expect(jsonSyntaxErrorOffset('["a\tb"]')).toBe(3);
    expect(jsonSyntaxErrorOffset('[tru]')).toBe(4);
    expect(jsonSyntaxErrorOffset("{'a':1}")).toBe(1);
    expect(jsonSyntaxErrorOffset('[01]')).toBe(2);
  });

  test('nesting deeper than any record is refused instead of overflowing the stack', () => {
    expect(jsonSyntaxErrorOffset(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).not.toBeNull();
  });
});

describe('the offset of a JSON path (where a schema error is)', () => {
  const text = '{\n "collection": "complaints",\n "records": [\n  {"id": "T1", "target": {"staff": "Liu Yang"}},\n  {"id": "T2", "channel": "email"}\n ]\n}';

  test('keys and indexes lead to the value, on its line', () => {
    expect(at(text, offsetOfPath(text, ['records', 1, 'channel']))).toEqual({ line: 5, column: 27 });
    expect(at(text, offsetOfPath(text, ['records', 0, 'target', 'staff']))).toEqual({ line: 4, column: 36 });
    expect(text.slice(offsetOfPath(text, ['records', 0, 'target', 'staff']))).toMatch(/^"Liu Yang"/);
    expect(text.slice(offsetOfPath(text, ['collection'])).startsWith('"complaints"')).toBe(true);
  });

  test('a path beyond the data points at the deepest value that exists', () => {
    // A missing field: the record that lacks it.
    expect(at(text, offsetOfPath(text, ['records', 1, 'content']))).toEqual({ line: 5, column: 3 });
    expect(at(text, offsetOfPath(text, ['records', 7]))).toEqual({ line: 3, column: 13 });
  });

  test('escaped keys match their unescaped names; an unparsable text gives offset 0', () => {
    expect(offsetOfPath('{"\\u540d": 5}', ['名'])).toBe(11);
    expect(offsetOfPath('{"a": [1,', ['a', 0])).toBe(0);
  });
});

test('line and column are 1-based and count from the last newline', () => {
  expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
  expect(lineColumn('ab\n', 99)).toEqual({ line: 2, column: 1 });
});
