// “一件事” bundles (bundles/*.yaml): each cross-check error, located at file:line:column, and a
// valid bundle loaded into the pack.
import { describe, expect, test } from 'vitest';
import { validate } from './expect-diagnostics.ts';
import { packWith, positionOf } from './fixture-pack.ts';

const FILE = 'bundles/one.yaml';

function bundle(fields: Record<string, string> = {}): string {
  const all = { code: 'YJS-001', name: '测试“一件事”', lead: 'minzheng', items: '[MZ-001, CL-001]', ...fields };
  return `# yaml-language-server: $schema=../../schemas/bundle.schema.json\n${Object.entries(all)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n`;
}

async function errorsOf(files: Record<string, string>) {
  const r = await validate(packWith(files));
  return r.errors;
}

describe('bundles', () => {
  test('a valid bundle is loaded into the pack by code', async () => {
    const r = await validate(packWith({ [FILE]: bundle({ window: 'canlian-window', limit: '{ promised: { amount: 5, unit: workingDays } }' }) }));
    expect(r.errors).toEqual([]);
    expect([...r.pack!.bundles.keys()]).toEqual(['YJS-001']);
    expect(r.pack!.bundles.get('YJS-001')).toMatchObject({ file: FILE, data: { lead: 'minzheng', items: ['MZ-001', 'CL-001'], window: 'canlian-window' } });
  });

  test('a pack without bundles/ has none', async () => {
    const r = await validate(packWith());
    expect(r.pack!.bundles.size).toBe(0);
  });

  test('an unknown item: E-BUNDLE-ITEM at the code, with the nearest item code', async () => {
    const text = bundle({ items: '[MZ-001, CL-01]' });
    const [e, ...rest] = await errorsOf({ [FILE]: text });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ file: FILE, code: 'E-BUNDLE-ITEM', ...positionOf(text, 'CL-01') });
    expect(e!.message).toContain('是否应为 `CL-001`？');
  });

  test('a referral is not an item of the center: E-BUNDLE-ITEM says so', async () => {
    const referrals = 'referrals:\n  - { code: ZB-001, name: 护照签发, organ: 县公安局出入境管理大队, reason: 不属本中心职权。 }\n';
    const text = bundle({ items: '[MZ-001, ZB-001]' });
    const errors = await errorsOf({ 'referrals.yaml': referrals, [FILE]: text });
    expect(errors.map((e) => e.code)).toEqual(['E-BUNDLE-ITEM']);
    expect(errors[0]!.message).toContain('是转办事项');
  });

  test('a repeated item, and fewer than two distinct items: E-BUNDLE-ITEMS', async () => {
    const text = bundle({ items: '[MZ-001, MZ-001]' });
    const errors = await errorsOf({ [FILE]: text });
    expect(errors.map((e) => e.code)).toEqual(['E-BUNDLE-ITEMS', 'E-BUNDLE-ITEMS']);
    const repeated = errors.find((e) => e.message.includes('重复'));
    expect(repeated).toMatchObject({ file: FILE, ...positionOf(text, 'MZ-001]') });
    expect(errors.some((e) => e.message.includes('只有 1 个事项'))).toBe(true);
  });

  test('one item only is refused by the schema already', async () => {
    const errors = await errorsOf({ [FILE]: bundle({ items: '[MZ-001]' }) });
    expect(errors.map((e) => e.code)).toEqual(['E-SCHEMA-MIN-ITEMS']);
  });

  test('an undeclared lead department: E-BUNDLE-LEAD at lead, with the nearest department', async () => {
    const text = bundle({ lead: 'minzhen' });
    const [e, ...rest] = await errorsOf({ [FILE]: text });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ file: FILE, code: 'E-BUNDLE-LEAD', ...positionOf(text, 'minzhen\n') });
    expect(e!.message).toContain('`minzheng`');
  });

  test('an undeclared window: E-BUNDLE-WINDOW at window', async () => {
    const text = bundle({ window: 'no-window' });
    const [e, ...rest] = await errorsOf({ [FILE]: text });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ file: FILE, code: 'E-BUNDLE-WINDOW', ...positionOf(text, 'no-window') });
    expect(e!.message).toContain('minzheng-window');
  });

  test('a code that is an item code, or another bundle’s: E-BUNDLE-CODE at code', async () => {
    const text = bundle({ code: 'MZ-001' });
    const [e, ...rest] = await errorsOf({ [FILE]: text });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ file: FILE, code: 'E-BUNDLE-CODE', ...positionOf(text, 'MZ-001\n') });
    expect(e!.message).toContain('临时救助申请');

    const twice = await errorsOf({ [FILE]: bundle(), 'bundles/two.yaml': bundle() });
    expect(twice.map((x) => [x.file, x.code])).toEqual([['bundles/two.yaml', 'E-BUNDLE-CODE']]);
    expect(twice[0]!.message).toContain(`已由 ${FILE} 使用`);
  });

  test('a schema error in a bundle file is located like any rule file', async () => {
    const text = bundle({ lead: '' }) + 'leader: minzheng\n';
    const errors = await errorsOf({ [FILE]: text });
    expect(errors.map((e) => [e.file, e.code, e.line])).toEqual([[FILE, 'E-SCHEMA-UNKNOWN-KEY', positionOf(text, 'leader').line]]);
    expect(errors[0]!.message).toContain('lead');
  });
});
