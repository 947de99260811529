// The one ajv factory and the one translator of its errors: every keyword our schemas use, in
// Chinese, located by JSON path, one problem per real mistake.
import { describe, expect, test } from 'vitest';
import { createAjv, translateAjvErrors, type AjvError, type AjvProblem, type CodeFamily, type TranslateOptions } from '../../src/core/index.ts';
import { schemaValidator } from '../../src/pack/index.ts';

const ajv = createAjv();
const messages: string[] = [];

/** The problems of `data` against `schema`, translated in `family` (every message kept for the last test). */
function problems(schema: object, data: unknown, family: CodeFamily = 'application', options: Omit<TranslateOptions, 'family'> = {}): AjvProblem[] {
  const validate = ajv.compile(schema);
  expect(validate(data)).toBe(false);
  const out = translateAjvErrors(validate.errors ?? [], { family, ...options });
  messages.push(...out.map((p) => p.message));
  return out;
}

const brief = (list: readonly AjvProblem[]) => list.map(({ code, path, message }) => ({ code, path, message }));

const application = {
  type: 'object',
  properties: {
    item: { type: 'string', minLength: 1, maxLength: 8, pattern: '^[A-Z]+-\\d{3}$', description: '事项编码，例如 MZ-001。' },
    intent: { enum: ['apply', 'consult'], description: '办理意图。' },
    copies: { type: 'integer', minimum: 0, maximum: 999, description: '份数。' },
    receivedAt: { type: 'string', format: 'date-time' },
  },
  required: ['item', 'intent'],
  additionalProperties: false,
};

describe('keys', () => {
  test('a missing key: its path, its description, and the object it belongs in for locating', () => {
    const [p, ...rest] = problems(application, { intent: 'apply' });
    expect(rest).toEqual([]);
    expect(p).toEqual({ code: 'E-APP-REQUIRED', path: '$.item', message: '缺少必填字段 item（事项编码，例如 MZ-001）', segments: [], anchor: 'parent' });
  });

  test('a misspelt key is one unknown-key problem with the suggestion, not also a missing key', () => {
    const list = problems(application, { itme: 'MZ-001', intent: 'apply' });
    expect(list).toEqual([{ code: 'E-APP-UNKNOWN-KEY', path: '$.itme', message: '未知字段 itme，是否应为 item？', segments: ['itme'], anchor: 'key' }]);
  });

  test('a key far from every known one lists the known ones', () => {
    expect(brief(problems(application, { item: 'MZ-001', intent: 'apply', colour: 'red' }))).toEqual([
      { code: 'E-APP-UNKNOWN-KEY', path: '$.colour', message: '未知字段 colour；可用的字段：item、intent、copies、receivedAt' },
    ]);
  });

  test('pack diagnostics quote names in backticks; other families print them bare', () => {
    expect(problems(application, { itme: 'MZ-001', intent: 'apply' }, 'pack')[0]!.message).toBe('未知字段 `itme`，是否应为 `item`？');
    expect(problems(application, { intent: 'apply' }, 'pack')[0]).toMatchObject({ code: 'E-SCHEMA-REQUIRED', message: '缺少必填字段 `item`（事项编码，例如 MZ-001）' });
  });

  test('dependencies: writing one key needs the other', () => {
    const schema = { type: 'object', properties: { when: { type: 'string' }, whenText: { type: 'string' } }, dependencies: { when: ['whenText'] } };
    expect(brief(problems(schema, { when: 'x' }, 'pack'))).toEqual([{ code: 'E-SCHEMA-REQUIRED', path: '$.whenText', message: '写了 `when` 就必须同时写 `whenText`' }]);
  });

  test('propertyNames: one problem at the key, not one per failed rule', () => {
    const list = problems({ type: 'object', propertyNames: { pattern: '^[a-z]+$', maxLength: 3 } }, { 'Bad Key': 1 }, 'request');
    expect(list).toEqual([{ code: 'E-REQ-UNKNOWN-KEY', path: '$["Bad Key"]', message: '字段名 Bad Key 不符合要求', segments: ['Bad Key'], anchor: 'key' }]);
  });
});

describe('values', () => {
  test('a wrong type names both types in Chinese', () => {
    expect(brief(problems(application, { item: 'MZ-001', intent: 'apply', copies: '两份' }))).toEqual([
      { code: 'E-APP-TYPE', path: '$.copies', message: '应为整数，实际是文字（份数）' },
    ]);
  });

  test.each([
    [{ type: 'string' }, 1.5, '应为文字，实际是数字'],
    [{ type: 'number' }, [], '应为数字，实际是列表'],
    [{ type: 'boolean' }, '是', '应为 true 或 false，实际是文字'],
    [{ type: 'array' }, {}, '应为列表，实际是对象'],
    [{ type: 'object' }, null, '应为对象，实际是空值'],
    [{ type: 'integer' }, true, '应为整数，实际是 true'],
    [{ type: ['string', 'number', 'boolean'] }, { a: 1 }, '应为文字、数字、true 或 false，实际是对象'],
    [{ type: ['string', 'null'] }, 7, '应为文字或空值，实际是整数'],
  ])('%j given %j: %s', (schema, data, message) => {
    expect(problems(schema, data, 'request')).toMatchObject([{ code: 'E-REQ-TYPE', path: '$', message }]);
  });

  test('an enum typo suggests the intended value; a far one lists the options', () => {
    expect(problems(application, { item: 'MZ-001', intent: 'aply' })[0]).toMatchObject({
      code: 'E-APP-ENUM',
      path: '$.intent',
      message: '取值 "aply" 不在允许范围内，是否应为 apply？可选：apply、consult（办理意图）',
    });
    expect(problems(application, { item: 'MZ-001', intent: '申请' })[0]!.message).toBe('取值 "申请" 不在允许范围内；可选：apply、consult（办理意图）');
  });

  test('const is reported with the enum code; records and documents have one code for every mistake', () => {
    expect(brief(problems({ const: 1 }, 2, 'records'))).toEqual([{ code: 'E-RECORD-INVALID', path: '$', message: '取值 2 不正确，应为 1' }]);
    expect(brief(problems({ const: 1 }, 2, 'document'))).toEqual([{ code: 'E-DOC-INPUT', path: '$', message: '取值 2 不正确，应为 1' }]);
    expect(problems({ const: 1 }, 2, 'application')[0]!.code).toBe('E-APP-ENUM');
  });

  test('formats say what is expected', () => {
    expect(problems(application, { item: 'MZ-001', intent: 'apply', receivedAt: 'yesterday' })[0]).toMatchObject({
      code: 'E-APP-TIME',
      path: '$.receivedAt',
      // The date-time format is the one instant parser: its message says what is wrong.
      message: "时间 'yesterday' 无效，应为 ISO 8601 格式 YYYY-MM-DDTHH:MM[:SS]，可带 Z 或 ±HH:MM 时区（不带时区即北京时间），例如 2026-09-28T09:30:00+08:00",
    });
    expect(problems({ type: 'string', format: 'date' }, '2026-02-30', 'request')).toMatchObject([
      { code: 'E-REQ-FORMAT', message: "日期 '2026-02-30' 不是真实存在的日期：2026 年 2 月只有 28 天，例如 2026-10-08" },
    ]);
  });

  test('a pattern shows the value and the description', () => {
    expect(problems(application, { item: 'mz-001', intent: 'apply' }, 'pack')).toMatchObject([
      { code: 'E-SCHEMA-FORMAT', path: '$.item', message: '格式不正确："mz-001"（事项编码，例如 MZ-001）' },
    ]);
  });

  test.each([
    [{ type: 'integer', minimum: 0 }, -1, '数值 -1 超出范围，应不小于 0'],
    [{ type: 'integer', maximum: 999 }, 1000, '数值 1000 超出范围，应不大于 999'],
    [{ type: 'number', exclusiveMinimum: 0 }, 0, '数值 0 超出范围，应大于 0'],
    [{ type: 'number', exclusiveMaximum: 1 }, 1, '数值 1 超出范围，应小于 1'],
    [{ type: 'string', maxLength: 3 }, 'abcd', '文字过长，最多 3 个字符'],
    [{ type: 'string', minLength: 2 }, 'a', '至少 2 个字符'],
    [{ type: 'array', maxItems: 1 }, [1, 2], '最多 1 项'],
    [{ type: 'object', maxProperties: 1 }, { a: 1, b: 2 }, '字段过多，最多 1 个'],
  ])('%j given %j: %s', (schema, data, message) => {
    expect(problems(schema, data, 'request')).toMatchObject([{ code: 'E-REQ-RANGE', message }]);
  });

  test('empty text, lists and objects', () => {
    expect(problems({ type: 'string', minLength: 1 }, '', 'pack')).toMatchObject([{ code: 'E-SCHEMA-EMPTY', message: '不能为空' }]);
    expect(problems({ type: 'array', minItems: 1 }, [], 'pack')).toMatchObject([{ code: 'E-SCHEMA-MIN-ITEMS', message: '至少需要 1 项' }]);
    expect(problems({ type: 'object', minProperties: 1 }, {}, 'application')).toMatchObject([{ code: 'E-APP-EMPTY', message: '不能为空对象' }]);
  });

  test('uniqueItems names the repeated entries; not says the value is not allowed', () => {
    expect(problems({ type: 'array', uniqueItems: true }, ['a', 'b', 'a'], 'request')).toMatchObject([{ code: 'E-REQ-SCHEMA', path: '$', message: '第 3 项与第 1 项重复' }]);
    expect(problems({ not: { const: 'x' } }, 'x', 'application')).toMatchObject([{ code: 'E-APP-SCHEMA', message: '不允许这样的取值' }]);
  });

  test('paths start with the request part', () => {
    const query = { type: 'object', properties: { month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } }, required: ['acceptedAt'] };
    expect(brief(problems(query, { month: '2026-1' }, 'request', { root: 'query' }))).toEqual([
      { code: 'E-REQ-REQUIRED', path: 'query.acceptedAt', message: '缺少必填字段 acceptedAt' },
      { code: 'E-REQ-FORMAT', path: 'query.month', message: '格式不正确："2026-1"' },
    ]);
  });
});

describe('combinators', () => {
  const materials = {
    type: 'object',
    properties: {
      materials: {
        type: 'array',
        items: {
          anyOf: [
            { type: 'string', minLength: 1 },
            { type: 'object', properties: { id: { type: 'string' }, copies: { type: 'integer' } }, required: ['id'], additionalProperties: false },
          ],
        },
      },
    },
  };

  test('anyOf/oneOf: the branch that fits the value speaks; when none fits, one problem says what would', () => {
    expect(brief(problems(materials, { materials: [{ id: 'photo', copies: '2' }, 7, ''] }))).toEqual([
      { code: 'E-APP-TYPE', path: '$.materials[0].copies', message: '应为整数，实际是文字' },
      { code: 'E-APP-TYPE', path: '$.materials[1]', message: '应为文字或对象，实际是整数' },
      { code: 'E-APP-EMPTY', path: '$.materials[2]', message: '不能为空' },
    ]);
  });

  test('a misspelt key inside the fitting branch is one problem', () => {
    expect(brief(problems(materials, { materials: [{ id: 'photo', copeis: 2 }] }))).toEqual([
      { code: 'E-APP-UNKNOWN-KEY', path: '$.materials[0].copeis', message: '未知字段 copeis，是否应为 copies？' },
    ]);
  });

  test('a domain may word a combinator no branch fits', () => {
    const explain = (e: AjvError) => (e.keyword === 'anyOf' ? { code: 'E-APP-TYPE' as const, message: '材料应为材料标识或对象' } : null);
    expect(brief(problems(materials, { materials: [7] }, 'application', { explain }))).toEqual([{ code: 'E-APP-TYPE', path: '$.materials[0]', message: '材料应为材料标识或对象' }]);
    // A branch that fits still speaks for itself.
    expect(brief(problems(materials, { materials: [{ id: 1 }] }, 'application', { explain }))).toEqual([{ code: 'E-APP-TYPE', path: '$.materials[0].id', message: '应为文字，实际是整数' }]);
  });

  const either = {
    type: 'object',
    properties: { use: { type: 'string', description: '引用共享材料目录中的材料，例如 id-card。' }, id: { type: 'string' }, name: { type: 'string' } },
    additionalProperties: false,
    anyOf: [{ required: ['use'] }, { required: ['id', 'name'] }],
  };

  test('a choice between sets of keys: what is missing from the closest set, and the other way', () => {
    expect(brief(problems(either, { id: 'photo' }, 'pack'))).toEqual([
      { code: 'E-SCHEMA-REQUIRED', path: '$', message: '缺少必填字段 `name`（或改用 `use`：引用共享材料目录中的材料）' },
    ]);
  });

  test('a misspelt key of one of the sets is one problem', () => {
    expect(brief(problems(either, { uze: 'id-card' }, 'pack'))).toEqual([{ code: 'E-SCHEMA-UNKNOWN-KEY', path: '$.uze', message: '未知字段 `uze`，是否应为 `use`？' }]);
  });

  const form = {
    type: 'object',
    properties: { all: { type: 'array', items: { $ref: '#' } }, fact: { type: 'string' }, value: {} },
    additionalProperties: false,
    minProperties: 1,
    oneOf: [{ required: ['all'] }, { required: ['fact', 'value'] }],
  };

  test('oneOf: two forms at one level are named; an empty object is one problem, not also "empty"', () => {
    expect(brief(problems(form, { all: [], fact: 'age', value: 1 }, 'request'))).toEqual([{ code: 'E-REQ-SCHEMA', path: '$', message: '同一层只能写一种，这里写了 all、fact + value' }]);
    expect(brief(problems(form, {}, 'request'))).toEqual([{ code: 'E-REQ-REQUIRED', path: '$', message: '缺少必填字段 all（或改用 fact 和 value）' }]);
  });

  test('a nested failure is reported where it is, once', () => {
    expect(brief(problems(form, { all: [{ fact: 'age' }] }, 'request'))).toEqual([{ code: 'E-REQ-REQUIRED', path: '$.all[0]', message: '缺少必填字段 value（或改用 all）' }]);
  });

  test('if/then: only the then-branch’s own problem', () => {
    const schema = { type: 'object', properties: { type: { type: 'string' }, reason: { type: 'string' } }, if: { properties: { type: { const: 'suspended' } } }, then: { required: ['reason'] } };
    expect(brief(problems(schema, { type: 'suspended' }, 'records'))).toEqual([{ code: 'E-RECORD-INVALID', path: '$.reason', message: '缺少必填字段 reason' }]);
  });
});

describe('the translation as a whole', () => {
  test('never empty when ajv found something', () => {
    const lone: AjvError = { keyword: 'if', instancePath: '', schemaPath: '#/if', params: { failingKeyword: 'then' } };
    expect(translateAjvErrors([lone], { family: 'application' })).toEqual([{ code: 'E-APP-SCHEMA', path: '$', message: '不符合申请格式', segments: [], anchor: 'value' }]);
  });

  test('the same mistake reached twice is reported once', () => {
    const twice = { type: 'object', properties: { a: { type: 'string' } }, allOf: [{ required: ['a'] }, { required: ['a'] }] };
    expect(brief(problems(twice, {}, 'request'))).toEqual([{ code: 'E-REQ-REQUIRED', path: '$.a', message: '缺少必填字段 a' }]);
  });

  test('no English type name in any message', () => {
    expect(messages.length).toBeGreaterThan(40);
    for (const m of messages) {
      expect(m).not.toMatch(/\b(string|integer|object|array|boolean|number)\b/);
      expect(m).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('createAjv', () => {
  test('strict: an unknown keyword in a schema is refused, not ignored', () => {
    expect(() => createAjv().compile({ type: 'string', minLenght: 1 })).toThrow(/minLenght/);
  });

  test('coercion only when asked: text from a query string becomes the schema’s types', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer' }, list: { type: 'array', items: { type: 'string' } }, d: { type: 'string', default: 'x' } } };
    const query: Record<string, unknown> = { n: '3', list: 'a' };
    expect(createAjv({ coerceTypes: true }).compile(schema)(query)).toBe(true);
    expect(query).toEqual({ n: 3, list: ['a'], d: 'x' });
    expect(createAjv().compile(schema)({ n: '3' })).toBe(false);
  });

  test('the schema files are compiled once per process', () => {
    expect(schemaValidator('application')).toBe(schemaValidator('application'));
    expect(schemaValidator('records/case', '/$defs/event')).toBe(schemaValidator('records/case', '/$defs/event'));
  });
});
