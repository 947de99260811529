// Seed rules on materials (issue 16): catch-all materials are errors, copies demanded warn.
import { describe, expect, test } from 'vitest';
import { CATCH_ALL_PATTERN } from '../../src/pack/material-checks.ts';
import { validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);

describe('material seed rules', () => {
  test('a catch-all material name is an error located at the name', async () => {
    const text = replaceOnce('    name: 身份证明\n', '    name: 其他相关材料\n')(itemText);
    const r = await validate(packWith({ [ITEM]: text }));
    const e = r.errors.find((x) => x.code === 'E-MATERIAL-CATCH-ALL');
    expect(e).toMatchObject({ file: ITEM, ...positionOf(text, '其他相关材料') });
    expect(e?.message).toMatch(/兜底/);
  });

  test('form: copy warns; copyReason silences it', async () => {
    const text = replaceOnce('    name: 身份证明\n', '    name: 身份证明\n    form: copy\n')(itemText);
    const r = await validate(packWith({ [ITEM]: text }));
    expect(r.warnings.some((w) => w.code === 'W-MATERIAL-COPY')).toBe(true);
    const ok = replaceOnce('    form: copy\n', '    form: copy\n    copyReason: 须加盖公章存档\n')(text);
    const r2 = await validate(packWith({ [ITEM]: ok }));
    expect(r2.warnings.some((w) => w.code === 'W-MATERIAL-COPY')).toBe(false);
  });

  test('a catch-all entry in the shared materials catalogue is an error there too', async () => {
    const catalogue = 'materials:\n  - id: misc\n    name: 其他有关材料\n';
    const r = await validate(packWith({ 'materials.yaml': catalogue }));
    const e = r.errors.find((x) => x.code === 'E-MATERIAL-CATCH-ALL');
    expect(e).toMatchObject({ file: 'materials.yaml', ...positionOf(catalogue, '其他有关材料') });
  });

  test('a specific material name is not taken for a catch-all', async () => {
    const r = await validate(packWith({ [ITEM]: replaceOnce('    name: 身份证明\n', '    name: 村民委员会出具的家庭困难证明\n')(itemText) }));
    expect(r.errors.filter((x) => x.code === 'E-MATERIAL-CATCH-ALL')).toEqual([]);
  });

  // Names officers write: the catch-alls of the seed, and specific materials that merely contain 相关/有关.
  test.each([
    ['其他材料', true],
    ['有关材料', true],
    ['相关材料', true],
    ['其他证明', true],
    ['申请人认为需要提供的有关材料', true],
    ['户口簿、身份证等材料', true],
    ['家庭收入相关证明', false],
    ['有关部门出具的残疾评定意见', false],
    ['相关方签字的协议书', false],
  ])('%s is a catch-all: %s', (name, caught) => {
    expect(CATCH_ALL_PATTERN.test(name)).toBe(caught);
  });
});
