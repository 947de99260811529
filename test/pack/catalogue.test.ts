// The shared material catalogue (materials.yaml): items refer to it with `use`, and load resolved.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadPackData } from '../../src/pack/load.ts';
import { expectExactly, expectValid, NOW, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);

const CATALOGUE = `materials:
  - id: id-card
    name: 居民身份证
    form: both
    issuer: 公安机关
  - id: hukou-book
    name: 户口簿
    form: original
    notes: 户主页和本人页
`;

/** The fixture item with the identity group taken from the catalogue. */
const usingCatalogue = replaceOnce(
  '      - id: id-card\n        name: 居民身份证\n      - id: hukou-book\n        name: 户口簿\n',
  '      - use: id-card\n        copies: 2\n      - id: household\n        use: hukou-book\n',
)(itemText);

describe('resolution', () => {
  test('an item material takes the catalogue fields; its own fields win; id defaults to the catalogue id', async () => {
    const pack = await loadPackData(packWith({ 'materials.yaml': CATALOGUE, [ITEM]: usingCatalogue }), { now: NOW });
    const identity = pack.items.get('MZ-001')!.data.materials.find((m) => m.id === 'identity')!;
    expect(identity.alternatives).toEqual([
      { id: 'id-card', use: 'id-card', name: '居民身份证', form: 'both', issuer: '公安机关', copies: 2 },
      { id: 'household', use: 'hukou-book', name: '户口簿', form: 'original', notes: '户主页和本人页' },
    ]);
    expect(Object.isFrozen(identity.alternatives![0])).toBe(true);
  });

  test('a top-level material and a material in a dated change resolve too', async () => {
    const text =
      replaceOnce('  - id: application\n    name: 临时救助申请书\n', '  - use: id-card\n    id: applicant-id\n    name: 身份证（本人）\n')(itemText) +
      '  - effectiveFrom: "2026-09-01"\n    reference: 测民发〔2026〕2号\n    set:\n      materials:\n        - use: hukou-book\n          necessity: core\n';
    const pack = await loadPackData(packWith({ 'materials.yaml': CATALOGUE, [ITEM]: text }), { now: NOW });
    const item = pack.items.get('MZ-001')!.data;
    expect(item.materials[0]).toMatchObject({ id: 'applicant-id', name: '身份证（本人）', form: 'both', issuer: '公安机关', necessity: 'core' });
    expect(item.changes![1]!.set!.materials![0]).toEqual({ id: 'hukou-book', use: 'hukou-book', name: '户口簿', form: 'original', notes: '户主页和本人页', necessity: 'core' });
  });

  test('fetchable passes to a material but not into a choice of an alternatives group', async () => {
    const catalogue = CATALOGUE.replace('    issuer: 公安机关\n', '    issuer: 公安机关\n    fetchable: true\n');
    const text = replaceOnce('  - id: application\n    name: 临时救助申请书\n', '  - use: id-card\n')(usingCatalogue.replace('      - use: id-card\n        copies: 2\n', '      - use: id-card\n        id: card-choice\n'));
    const pack = await loadPackData(packWith({ 'materials.yaml': catalogue, [ITEM]: text }), { now: NOW });
    const item = pack.items.get('MZ-001')!.data;
    expect(item.materials[0]!.fetchable).toBe(true);
    expect(item.materials[1]!.alternatives![0]).not.toHaveProperty('fetchable');
  });
});

describe('errors', () => {
  test('an unknown catalogue id, with a suggestion', async () => {
    const text = usingCatalogue.replace('use: id-card', 'use: id-crad');
    const errors = (await validate(packWith({ 'materials.yaml': CATALOGUE, [ITEM]: text }))).errors;
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'id-crad'), code: 'E-REF-UNKNOWN', path: '$.materials[1].alternatives[0].use', message: '是否应为 `id-card`？' }]);
  });

  test('use without any catalogue', async () => {
    const errors = (await validate(packWith({ [ITEM]: usingCatalogue }))).errors;
    expectExactly(errors, [
      { file: ITEM, ...positionOf(usingCatalogue, 'id-card\n        copies'), code: 'E-REF-UNKNOWN', message: 'materials.yaml' },
      { file: ITEM, ...positionOf(usingCatalogue, 'hukou-book'), code: 'E-REF-UNKNOWN', message: 'materials.yaml' },
    ]);
  });

  test('an id taken from the catalogue still must be unique in the item', async () => {
    const text = replaceOnce('  - id: application\n', '  - id: id-card\n')(usingCatalogue);
    const errors = (await validate(packWith({ 'materials.yaml': CATALOGUE, [ITEM]: text }))).errors;
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'use: id-card', 'use: '.length), code: 'E-REF-DUPLICATE-ID', path: '$.materials[1].alternatives[0].use' }]);
  });

  test('a catalogue id declared twice', async () => {
    const catalogue = CATALOGUE + '  - id: id-card\n    name: 身份证\n';
    const errors = (await validate(packWith({ 'materials.yaml': catalogue, [ITEM]: usingCatalogue }))).errors;
    expectExactly(errors, [{ file: 'materials.yaml', ...positionOf(catalogue, 'id-card\n    name: 身份证\n'), code: 'E-REF-DUPLICATE-ID' }]);
  });

  test('the catalogue is schema-checked like any file', async () => {
    const catalogue = CATALOGUE.replace('    form: both\n', '    from: both\n');
    const errors = (await validate(packWith({ 'materials.yaml': catalogue, [ITEM]: usingCatalogue }))).errors;
    expectExactly(errors, [{ file: 'materials.yaml', ...positionOf(catalogue, 'from: both'), code: 'E-SCHEMA-UNKNOWN-KEY', message: '是否应为 `form`？' }]);
  });

  test('necessity stays per item: the catalogue does not accept it', async () => {
    const catalogue = CATALOGUE.replace('    form: both\n', '    form: both\n    necessity: core\n');
    const errors = (await validate(packWith({ 'materials.yaml': catalogue, [ITEM]: usingCatalogue }))).errors;
    expectExactly(errors, [{ file: 'materials.yaml', ...positionOf(catalogue, 'necessity'), code: 'E-SCHEMA-UNKNOWN-KEY' }]);
  });
});

describe('the unused-material warning', () => {
  test('a catalogue material no item uses', async () => {
    const catalogue = CATALOGUE + '  - id: marriage-cert\n    name: 结婚证\n';
    const warnings = await expectValid(packWith({ 'materials.yaml': catalogue, [ITEM]: usingCatalogue }));
    expectExactly(warnings, [{ file: 'materials.yaml', ...positionOf(catalogue, 'marriage-cert'), code: 'W-MATERIAL-UNUSED', message: '结婚证' }]);
  });

  test('use in a future change counts as use', async () => {
    // A change adds it (issue 15: changes patch by id; a `set` of the whole list would also warn).
    const text = itemText + '  - effectiveFrom: "2026-09-01"\n    reference: 测民发〔2026〕2号\n    add:\n      materials:\n        - id: hukou-copy\n          use: hukou-book\n          necessity: required\n        - id: id-card-copy\n          use: id-card\n          necessity: required\n';
    expect(await expectValid(packWith({ 'materials.yaml': CATALOGUE, [ITEM]: text }))).toEqual([]);
  });

  test('no unused warning while an item that may use it is broken', async () => {
    const text = replaceOnce('mode: promised', 'mode: promissed')(usingCatalogue);
    const result = await validate(packWith({ 'materials.yaml': CATALOGUE, [ITEM]: text }));
    expect(result.errors.map((d) => d.code)).toEqual(['E-SCHEMA-ENUM']);
    expect(result.warnings).toEqual([]);
  });
});

test("a catalogue entry's fields are constrained exactly like an item material's", () => {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
  const at = (node: unknown, ...keys: string[]): Record<string, Record<string, unknown>> =>
    keys.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], node) as Record<string, Record<string, unknown>>;
  const strip = (schema: Record<string, unknown>) => Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'description'));
  const entry = at(read('materials'), 'properties', 'materials', 'items', 'properties');
  const material = at(read('item'), '$defs', 'materials', 'items', 'properties');
  for (const field of ['id', 'name', 'form', 'copies', 'medium', 'issuer', 'fetchable', 'notes']) {
    expect(strip(entry[field]!), field).toEqual(strip(material[field]!));
  }
});
