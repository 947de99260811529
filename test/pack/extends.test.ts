// A township pack that extends a county catalogue: merged items, where each value is located,
// every error of the extension, the divergence warnings, and a catalogue pinned to a git revision
// (a real repository made with `git init`). Works on temp copies of examples/wuxi-county and
// examples/qingshi-town, side by side as in the repository.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { catalogueItemSchema, validatePack, type Diagnostic, type ValidationResult } from '../../src/pack/index.ts';
import { positionOf, tempDir } from './fixture-pack.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const TOWN_ITEM = 'items/mz-001.yaml';
const CAT_ITEM = '../wuxi-county/items/mz-001.yaml';

/** Temp copies of the two sample folders; returns the township's directory. */
function copies(): string {
  const root = tempDir();
  cpSync(path.join(EXAMPLES, 'wuxi-county'), path.join(root, 'wuxi-county'), { recursive: true });
  cpSync(path.join(EXAMPLES, 'qingshi-town'), path.join(root, 'qingshi-town'), { recursive: true });
  return path.join(root, 'qingshi-town');
}

function edit(dir: string, rel: string, from: string | RegExp, to: string): void {
  const file = path.join(dir, rel);
  const old = readFileSync(file, 'utf8');
  const next = old.replace(from, to);
  if (next === old) throw new Error(`edit of ${rel} changed nothing`);
  writeFileSync(file, next);
}

function only(list: readonly Diagnostic[], code: string): Diagnostic[] {
  return list.filter((d) => d.code === code);
}

function at(dir: string, rel: string, marker: string): { line: number; column: number } {
  return positionOf(readFileSync(path.join(dir, rel), 'utf8'), marker);
}

describe('merging a catalogue item with the township fields', () => {
  test('the engine sees the whole item, each value located where it is written', async () => {
    const dir = copies();
    const result = await validatePack(dir);
    expect(result.errors).toEqual([]);
    const pack = result.pack!;
    const item = pack.items.get('MZ-001')!;
    expect(item.file).toBe(TOWN_ITEM);
    expect(item.data.name).toBe('最低生活保障审核');
    expect(item.data.window).toBe('minzheng-window');
    // Objects merge one level: the county's statutory limit, the township's promised one.
    expect(item.data.limits).toMatchObject({ statutory: { amount: 30, unit: 'workingDays' }, promised: { amount: 25, unit: 'workingDays' } });
    expect(item.data.codes).toEqual({ basic: '000119001000', implementation: '11522731MB1A2B3C4X2000119001000', handling: '11522731MB1A2B3C4X200011900100001' });

    const locate = (p: (string | number)[]): { file: string; line: number } => {
      const l = pack.sources.locate(TOWN_ITEM, p);
      return { file: l.file, line: l.line };
    };
    expect(locate(['window'])).toEqual({ file: TOWN_ITEM, line: at(dir, TOWN_ITEM, 'window:').line });
    expect(locate(['limits', 'promised'])).toEqual({ file: TOWN_ITEM, line: at(dir, TOWN_ITEM, 'promised:').line });
    expect(locate(['limits', 'statutory'])).toEqual({ file: CAT_ITEM, line: at(dir, CAT_ITEM, 'statutory:').line });
    expect(locate(['materials', 0, 'name'])).toEqual({ file: CAT_ITEM, line: at(dir, CAT_ITEM, 'name: 最低生活保障申请书').line });
    expect(locate(['codes', 'implementation'])).toEqual({ file: TOWN_ITEM, line: at(dir, TOWN_ITEM, 'implementation:').line });
    expect(locate(['codes', 'basic'])).toEqual({ file: CAT_ITEM, line: at(dir, CAT_ITEM, 'basic:').line });
    // The code is written as `adopt: MZ-001`.
    expect(locate(['code'])).toEqual({ file: TOWN_ITEM, line: at(dir, TOWN_ITEM, 'adopt:').line });
  });

  test('the catalogue item schema is the item schema with the local fields relaxed', () => {
    const schema = catalogueItemSchema();
    expect(schema['required']).toEqual(['code', 'name', 'type', 'materials']);
    const limits = (schema['$defs'] as Record<string, Record<string, unknown>>)['limits']!;
    expect(limits['required']).toEqual(['statutory']);
    expect(Object.keys(schema['properties'] as object)).toContain('materials');
  });

  test('a schema error in a township field is located in the township file', async () => {
    const dir = copies();
    edit(dir, TOWN_ITEM, 'window: minzheng-window', 'window: 42');
    const result = await validatePack(dir);
    const e = result.errors.find((d) => d.path === '$.window')!;
    expect(e).toMatchObject({ file: TOWN_ITEM, line: at(dir, TOWN_ITEM, 'window:').line });
  });

  test('a township item without a local required field: the missing window is the township’s', async () => {
    const dir = copies();
    edit(dir, TOWN_ITEM, 'window: minzheng-window\n', '');
    const result = await validatePack(dir);
    expect(result.errors.some((d) => d.file === TOWN_ITEM && d.code === 'E-SCHEMA-REQUIRED' && d.message.includes('window'))).toBe(true);
  });

  test('a stricter promised limit is the township’s to set: no divergence', async () => {
    const dir = copies();
    edit(dir, TOWN_ITEM, 'promised: { amount: 25, unit: workingDays }', 'promised: { amount: 20, unit: workingDays }');
    const result = await validatePack(dir);
    expect(result.errors).toEqual([]);
    expect(only(result.warnings, 'W-CATALOGUE-DIVERGES').filter((w) => w.file === TOWN_ITEM)).toEqual([]);
    expect(result.pack!.items.get('MZ-001')!.data.limits!.promised).toEqual({ amount: 20, unit: 'workingDays' });
  });
});

describe('errors of the extension', () => {
  test('an unknown adopted code: located at adopt, with the nearest code', async () => {
    const dir = copies();
    edit(dir, TOWN_ITEM, 'adopt: MZ-001', 'adopt: MZ-0001');
    const result = await validatePack(dir);
    const [e] = only(result.errors, 'E-EXTENDS-ADOPT-UNKNOWN');
    expect(e).toMatchObject({ file: TOWN_ITEM, path: '$.adopt', ...at(dir, TOWN_ITEM, 'MZ-0001') });
    expect(e!.message).toContain('梧溪县政务服务事项基本目录');
    expect(e!.message).toContain('是否应为 MZ-001');
    expect(result.ok).toBe(false);
  });

  test('one catalogue item adopted twice: the duplicate code is located at the second adopt', async () => {
    const dir = copies();
    writeFileSync(path.join(dir, 'items', 'mz-001b.yaml'), readFileSync(path.join(dir, TOWN_ITEM), 'utf8'));
    const result = await validatePack(dir);
    const [e] = only(result.errors, 'E-REF-DUPLICATE-CODE');
    expect(e).toMatchObject({ file: 'items/mz-001b.yaml', path: '$.code', line: at(dir, TOWN_ITEM, 'adopt:').line });
  });

  test('adopt without extends', async () => {
    const dir = copies();
    edit(dir, 'center.yaml', /\nextends:\n {2}path: \.\.\/wuxi-county\n/, '\n');
    const result = await validatePack(dir);
    const errors = only(result.errors, 'E-EXTENDS-NO-BASE');
    expect(errors).toHaveLength(15);
    expect(errors.find((d) => d.file === TOWN_ITEM)).toMatchObject({ path: '$.adopt', line: at(dir, TOWN_ITEM, 'adopt:').line });
  });

  test('a catalogue that is not there, or has no catalogue.yaml: one error at center.yaml', async () => {
    const dir = copies();
    edit(dir, 'center.yaml', 'path: ../wuxi-county', 'path: ../wuxi-xian');
    let result = await validatePack(dir);
    expect(result.errors.map((d) => d.code)).toEqual(['E-EXTENDS-CATALOGUE']);
    expect(result.errors[0]).toMatchObject({ file: 'center.yaml', path: '$.extends.path', ...at(dir, 'center.yaml', '../wuxi-xian') });
    expect(result.errors[0]!.message).toContain('../wuxi-xian');

    const other = copies();
    rmSync(path.join(other, '..', 'wuxi-county', 'catalogue.yaml'));
    result = await validatePack(other);
    expect(result.errors.map((d) => d.code)).toEqual(['E-EXTENDS-CATALOGUE']);
    expect(result.errors[0]!.message).toContain('catalogue.yaml');
  });

  test('errors in catalogue files are located there', async () => {
    const dir = copies();
    edit(dir, CAT_ITEM, 'type: 行政给付', 'type: 行政给予');
    edit(dir, '../wuxi-county/catalogue.yaml', 'level: 县级', 'level: 区县级');
    edit(dir, '../wuxi-county/items/mz-002.yaml', 'code: MZ-002', 'code: MZ-001');
    const result = await validatePack(dir);
    expect(result.ok).toBe(false);
    expect(result.errors.find((d) => d.file === CAT_ITEM)).toMatchObject({ path: '$.type', line: at(dir, CAT_ITEM, 'type:').line });
    expect(result.errors.find((d) => d.file === '../wuxi-county/catalogue.yaml')).toMatchObject({ path: '$.level' });
    const dup = only(result.errors, 'E-EXTENDS-CATALOGUE')[0]!;
    expect(dup).toMatchObject({ file: '../wuxi-county/items/mz-002.yaml', path: '$.code' });
    expect(dup.message).toContain('MZ-001');
  });

  test('a promised limit above the catalogue’s statutory limit: located at the township’s promised', async () => {
    const dir = copies();
    edit(dir, TOWN_ITEM, 'promised: { amount: 25, unit: workingDays }', 'promised: { amount: 40, unit: workingDays }');
    const result = await validatePack(dir);
    const [e] = only(result.errors, 'E-LIMIT-PROMISED-EXCEEDS');
    expect(e).toMatchObject({ file: TOWN_ITEM, line: at(dir, TOWN_ITEM, 'promised:').line });
    expect(e!.message).toContain('30');
  });
});

describe('divergence from the unified elements', () => {
  test('every overridden unified element is a warning in the township file, the catalogue value quoted', async () => {
    const dir = copies();
    const text = readFileSync(path.join(dir, TOWN_ITEM), 'utf8');
    writeFileSync(
      path.join(dir, TOWN_ITEM),
      text
        .replace('adopt: MZ-001\n', 'adopt: MZ-001\nname: 低保申请\n')
        .replace('\ncodes:\n  implementation', '\ncodes:\n  basic: "000119009999"\n  implementation')
        .replace('  promised: { amount: 25, unit: workingDays }', '  statutory: { amount: 20, unit: workingDays }\n  promised: { amount: 15, unit: workingDays }') +
        'result:\n  name: 低保确认结果\nmaterials:\n  - id: application\n    name: 低保申请书\n    necessity: core\n  - id: id-card\n    name: 申请人居民身份证\n    necessity: core\n  - id: village-proof\n    name: 村委会证明\n    necessity: required\n',
    );
    const result = await validatePack(dir);
    expect(result.errors.filter((d) => d.file === TOWN_ITEM)).toEqual([]);
    const warnings = only(result.warnings, 'W-CATALOGUE-DIVERGES').filter((w) => w.file === TOWN_ITEM);
    const byPath = new Map(warnings.map((w) => [w.path, w]));
    expect(byPath.get('$.name')!.message).toContain('目录中为 “最低生活保障审核”');
    expect(byPath.get('$.name')!.line).toBe(at(dir, TOWN_ITEM, 'name: 低保申请').line);
    expect(byPath.get('$.codes.basic')!.message).toContain('“000119001000”');
    expect(byPath.get('$.limits.statutory')!.message).toContain('30 个工作日');
    expect(byPath.get('$.result.name')!.message).toContain('最低生活保障审核确认结果');
    expect(byPath.get('$.materials[0].name')!.message).toContain('“最低生活保障申请书”');
    expect(byPath.get('$.materials[2]')!.message).toContain('新增的“村委会证明”（village-proof）');
    // Materials of the catalogue the township leaves out: one warning each, at the township's list.
    const removed = warnings.filter((w) => w.path === '$.materials' && w.message.includes('少列了'));
    expect(removed.length).toBe(8);
    // Fields of a catalogue material the township's copy leaves out: one warning for the material.
    const left = warnings.filter((w) => w.path === '$.materials[0]');
    expect(left).toHaveLength(1);
    expect(left[0]!.message).toContain('未写目录中的sourceChannel、acceptanceCriteria');
    expect(removed.some((w) => w.message.includes('家庭经济状况信息核对授权书'))).toBe(true);
    expect(warnings.every((w) => w.message.includes('../wuxi-county/items/mz-001.yaml:'))).toBe(true);
    // The township's promised limit and implementation code are local: not divergences.
    expect(byPath.has('$.limits.promised')).toBe(false);
    expect(byPath.has('$.codes.implementation')).toBe(false);

    // The same list in bianmin diff --catalogue's data, with both values.
    const adopted = result.catalogue!.adopted.find((a) => a.code === 'MZ-001')!;
    const name = adopted.divergences.find((d) => d.path === '$.name')!;
    expect(name).toMatchObject({ kind: 'changed', catalogue: '最低生活保障审核', township: '低保申请', catalogueAt: { file: CAT_ITEM } });
  });

  test('the township’s own items and the catalogue items it does not adopt', async () => {
    const result: ValidationResult = await validatePack(copies());
    expect(result.catalogue!.own.map((o) => o.code)).toEqual(['XF-001', 'ZH-001']);
    expect(result.catalogue!.notAdopted.map((n) => n.code)).toEqual(['MZ-006']);
    expect(only(result.warnings, 'W-CATALOGUE-DIVERGES').map((w) => w.file)).toEqual(['items/rs-003.yaml']);
  });
});

describe('a catalogue pinned to a git revision', () => {
  function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } }).trim();
  }

  /** A repository `repo/` beside the township holding the county catalogue in `catalogues/wuxi`; returns the township and the commit. */
  function pinned(): { dir: string; repo: string; sha: string } {
    const dir = copies();
    const repo = path.join(dir, '..', 'repo');
    mkdirSync(path.join(repo, 'catalogues'), { recursive: true });
    cpSync(path.join(dir, '..', 'wuxi-county'), path.join(repo, 'catalogues', 'wuxi'), { recursive: true });
    rmSync(path.join(dir, '..', 'wuxi-county'), { recursive: true });
    git(repo, 'init', '--quiet');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', '梧溪县目录 2026.1');
    const sha = git(repo, 'rev-parse', 'HEAD');
    return { dir, repo, sha };
  }

  test('the township loads the catalogue of that commit, not of the working tree', async () => {
    const { dir, repo, sha } = pinned();
    edit(dir, 'center.yaml', 'path: ../wuxi-county', `git: ../repo\n  rev: ${sha}\n  path: catalogues/wuxi`);
    // A later edit in the repository's working tree does not reach the township.
    edit(repo, 'catalogues/wuxi/items/mz-001.yaml', 'name: 最低生活保障审核', 'name: 低保');
    const result = await validatePack(dir);
    expect(result.errors).toEqual([]);
    expect(result.pack!.items.get('MZ-001')!.data.name).toBe('最低生活保障审核');
    expect(result.catalogue!.where).toBe(`../repo@${sha.slice(0, 7)}:catalogues/wuxi`);
    const divergence = only(result.warnings, 'W-CATALOGUE-DIVERGES')[0]!;
    expect(divergence.message).toContain(`../repo@${sha.slice(0, 7)}:catalogues/wuxi/items/rs-003.yaml:`);
  });

  test('a revision that is not in the repository, a folder not in the revision, a repository that is not there', async () => {
    const { dir, sha } = pinned();
    const missing = 'f'.repeat(40);
    edit(dir, 'center.yaml', 'path: ../wuxi-county', `git: ../repo\n  rev: ${missing}\n  path: catalogues/wuxi`);
    let result = await validatePack(dir);
    expect(result.errors.map((d) => [d.code, d.path])).toEqual([['E-EXTENDS-GIT', '$.extends.rev']]);
    expect(result.errors[0]!.message).toContain(missing);

    edit(dir, 'center.yaml', missing, sha);
    edit(dir, 'center.yaml', 'path: catalogues/wuxi', 'path: catalogues/wuxi-xian');
    result = await validatePack(dir);
    expect(result.errors.map((d) => [d.code, d.path])).toEqual([['E-EXTENDS-GIT', '$.extends.path']]);
    expect(result.errors[0]!.message).toContain('catalogues/wuxi-xian/');

    edit(dir, 'center.yaml', 'git: ../repo', 'git: ../no-repo');
    result = await validatePack(dir);
    expect(result.errors.map((d) => [d.code, d.path])).toEqual([['E-EXTENDS-GIT', '$.extends.git']]);
  });

  test('the schema refuses a revision that is not a full commit id', async () => {
    const { dir } = pinned();
    edit(dir, 'center.yaml', 'path: ../wuxi-county', 'git: ../repo\n  rev: main\n  path: catalogues/wuxi');
    const result = await validatePack(dir);
    expect(result.errors.map((d) => [d.file, d.path])).toEqual([['center.yaml', '$.extends.rev']]);
  });
});
