// Loading a pack through the library entry: a typed, frozen Pack, or a PackLoadError with every diagnostic.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPack, Pack, PackLoadError } from '../../src/index.ts';
import { expectExactly, expectValid, NOW, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce, SAMPLE_PACK, tempDir } from './fixture-pack.ts';

describe('loadPack', () => {
  test('resolves to a frozen, typed Pack', async () => {
    const pack = await loadPack(packWith(), { now: NOW });
    expect(pack).toBeInstanceOf(Pack);
    const item = pack.data.items.get('MZ-001')!;
    expect(item.file).toBe('items/mz-001.yaml');
    expect(item.data.limits!.promised).toEqual({ amount: 10, unit: 'workingDays' });
    expect([...pack.data.items.keys()]).toEqual(['CL-001', 'MZ-001']);
    expect(pack.data.calendars.map((c) => c.year)).toEqual([2026]);
    expect(Object.isFrozen(pack)).toBe(true);
    expect(Object.isFrozen(pack.data)).toBe(true);
    expect(Object.isFrozen(item.data.materials[1]!.alternatives![0])).toBe(true);
    expect(() => {
      (item.data.limits!.promised as { amount: number }).amount = 99;
    }).toThrow(TypeError);
    expect(Object.isFrozen(pack.data.center.posts[0])).toBe(true);
  });

  test('locates any value of any file, for traces', async () => {
    const pack = await loadPack(packWith(), { now: NOW });
    const text = fixtureText('items/mz-001.yaml');
    expect(pack.data.sources.locate('items/mz-001.yaml', ['limits', 'promised'])).toEqual({ file: 'items/mz-001.yaml', ...positionOf(text, '{ amount: 10') });
    expect(pack.data.sources.locate('items/mz-001.yaml', ['materials', 2, 'requiredWhen'])).toEqual({ file: 'items/mz-001.yaml', ...positionOf(text, '{ fact: forDependant') });
  });

  test('rejects with a PackLoadError carrying the same diagnostics as validatePack', async () => {
    const dir = packWith({ 'items/mz-001.yaml': replaceOnce('mode: promised', 'mode: promissed')(fixtureText('items/mz-001.yaml')) });
    const expected = (await validate(dir)).errors;
    expect(expected).toHaveLength(1);
    const error = await loadPack(dir, { now: NOW }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PackLoadError);
    expect((error as PackLoadError).errors).toEqual(expected);
    expect((error as PackLoadError).message).toContain('items/mz-001.yaml:6:7 [E-SCHEMA-ENUM]');
  });

  test('warnings travel with the loaded pack', async () => {
    const pack = await loadPack(packWith(), { now: new Date('2026-12-01T09:00:00+08:00') });
    // December, no file for next year: the November warning (it supersedes W-CALENDAR-ENDING).
    expect(pack.data.warnings.map((w) => w.code)).toEqual(['W-CALENDAR-NEXT-YEAR']);
  });
});

describe('the sample pack', () => {
  test('rules/ validates clean', async () => {
    // A fixed day inside the sample's calendars, so the result does not depend on when tests run.
    await expectValid(SAMPLE_PACK, new Date('2026-06-01T09:00:00+08:00'));
  });
});

describe('files and folders', () => {
  test('a missing pack directory', async () => {
    const dir = path.join(tempDir(), 'no-such-pack');
    const result = await validate(dir);
    expectExactly(result.errors, [{ file: '.', line: 0, code: 'E-PACK-NOT-FOUND', message: dir }]);
  });

  test('a path that is a file, not a directory', async () => {
    const file = path.join(tempDir(), 'center.yaml');
    writeFileSync(file, fixtureText('center.yaml'));
    const result = await validate(file);
    expectExactly(result.errors, [{ file: '.', line: 0, code: 'E-PACK-NOT-DIR', message: '不是目录' }]);
  });

  test('missing required files, all reported at once', async () => {
    const result = await validate(packWith({ 'policy.yaml': null, calendar: null }));
    expectExactly(result.errors, [
      { file: 'calendar/', line: 0, code: 'E-PACK-MISSING-FILE', message: 'calendar/2026.yaml' },
      { file: 'policy.yaml', line: 0, code: 'E-PACK-MISSING-FILE' },
    ]);
  });

  test('a file that cannot be read (a broken link) is a located error, not a crash', async () => {
    const dir = packWith();
    symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'items', 'broken.yaml'));
    const result = await validate(dir);
    expectExactly(result.errors, [{ file: 'items/broken.yaml', line: 0, code: 'E-FILE-READ', message: '无法读取文件' }]);
  });

  test('a folder named like a rule file', async () => {
    const dir = packWith({ 'center.yaml': null });
    mkdirSync(path.join(dir, 'center.yaml'));
    const result = await validate(dir);
    expectExactly(result.errors, [{ file: 'center.yaml', line: 0, code: 'E-FILE-READ', message: '目录' }]);
  });

  test.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const dir = packWith();
    chmodSync(path.join(dir, 'items', 'cl-001.yaml'), 0o000);
    const result = await validate(dir);
    expectExactly(result.errors, [{ file: 'items/cl-001.yaml', line: 0, code: 'E-FILE-READ', message: '没有读取权限' }]);
  });

  test('items may be grouped in sub-folders', async () => {
    const dir = packWith({ 'items/cl-001.yaml': null, 'items/canlian/cl-001.yaml': fixtureText('items/cl-001.yaml') });
    const pack = await loadPack(dir, { now: NOW });
    expect(pack.data.items.get('CL-001')!.file).toBe('items/canlian/cl-001.yaml');
  });

  test('files the loader would skip are warned about, with a suggested name', async () => {
    const warnings = await expectValid(
      packWith({ 'referral.yaml': 'referrals: []\n', 'items/mz-002.yml.txt': 'code: MZ-002\n', 'item/x.yaml': 'code: X\n', 'templates/guide.hbs': '{{x}}\n' }),
    );
    expectExactly(warnings, [
      { file: 'item/', line: 0, code: 'W-FILE-UNKNOWN', message: '是否应命名为 items/？' },
      { file: 'items/mz-002.yml.txt', line: 0, code: 'W-FILE-UNKNOWN', message: '.yaml' },
      { file: 'referral.yaml', line: 0, code: 'W-FILE-UNKNOWN', message: '是否应命名为 referrals.yaml？' },
    ]);
  });
});
