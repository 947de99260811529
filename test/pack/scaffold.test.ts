// The pack a new center starts from (scaffoldPack, `bianmin init`): for any reasonable answers it
// validates with zero errors and its scenarios pass; its $schema lines reach the package's schemas
// from every file; bad answers are refused with every problem at its JSON path.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { BianminError } from '../../src/core/index.ts';
import { scaffoldPack, type InitAnswers } from '../../src/pack/index.ts';
import { bianmin, ROOT } from '../cli/run.ts';

const SCHEMAS = path.join(ROOT, 'schemas');

function writePack(files: Map<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-scaffold-'));
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const SAMPLE: InitAnswers = {
  center: { name: '青石镇便民服务中心', code: '青便', address: '梧溪县青石镇人民路1号', phones: { consult: '0856-2336000', complaint: '0856-2336001' } },
  windows: [
    { id: 'minzheng-window', name: '民政窗口' },
    { id: 'zonghe-window', name: '综合窗口' },
  ],
  staff: [
    { id: 'chen-li', name: '陈丽', window: 'minzheng-window', post: 'A' },
    { id: 'wang-fang', name: '王芳', window: 'minzheng-window', post: 'B' },
    { id: 'li-qiang', name: '李强', window: 'zonghe-window' },
  ],
};

/** Answers a center might give: Chinese names, 1–4 windows, each with 1–3 staff. */
const answers: fc.Arbitrary<InitAnswers> = fc
  .record({
    place: fc.string({ unit: fc.constantFrom(...'青石白沙梧溪东西南北山河'), minLength: 1, maxLength: 4 }),
    windows: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,8}$/), { minLength: 1, maxLength: 4 }),
    perWindow: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
    hours: fc.constantFrom(undefined, ['09:00-17:00'], ['08:00-11:30', '14:00-17:00', '18:00-20:00']),
    report: fc.option(fc.constantFrom('12345', '0856-2336999'), { nil: undefined }),
  })
  .map(({ place, windows, perWindow, hours, report }) => {
    const staff: InitAnswers['staff'] = [];
    windows.forEach((w, i) => {
      for (let k = 0; k < (perWindow[i] ?? 1); k++) staff.push({ id: `${w}-${k + 1}`, name: `工作人员${staff.length + 1}`, window: `${w}-window`, ...(k < 2 ? { post: k === 0 ? ('A' as const) : ('B' as const) } : {}) });
    });
    if (staff.length === 1) staff.push({ id: 'backup-1', name: '顶岗人员', window: `${windows[0]}-window` });
    return {
      center: { name: `${place}镇便民服务中心`, code: `${[...place][0]}便`, address: `${place}县${place}镇人民路1号`, ...(hours ? { officeHours: [...hours] } : {}), phones: { consult: '0856-2336000', complaint: '0856-2336001', ...(report ? { report } : {}) } },
      windows: windows.map((w) => ({ id: `${w}-window`, name: `${w}窗口` })),
      staff,
    };
  });

describe('scaffoldPack: a valid pack for any reasonable answers', () => {
  test('validates with zero errors and every scenario passes (property, via bianmin validate and test)', async () => {
    await fc.assert(
      fc.asyncProperty(answers, fc.date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2045-12-31T00:00:00Z'), noInvalidDate: true }), async (a, today) => {
        const dir = writePack(scaffoldPack(a, { schemaBase: SCHEMAS, today }));
        const validate = await bianmin(['validate', '--rules', dir, '--json']);
        const result = JSON.parse(validate.stdout) as { ok: boolean; errors: unknown[] };
        expect(result.errors, validate.stdout).toEqual([]);
        expect(validate.code).toBe(0);
        const run = await bianmin(['test', '--rules', dir]);
        expect(run.code, run.stdout).toBe(0);
        expect(run.last).toBe('8 passed, 0 failed');
      }),
      { numRuns: 6, seed: 20261202 },
    );
  });

  test('one example item per mode of the item schema, on the windows in turn', async () => {
    const files = scaffoldPack(SAMPLE, { schemaBase: SCHEMAS, today: new Date('2026-05-20T02:00:00Z') });
    const modes = (JSON.parse((await import('node:fs')).readFileSync(path.join(SCHEMAS, 'item.schema.json'), 'utf8')) as { $defs: { mode: { enum: string[] } } }).$defs.mode.enum;
    const items = [...files].filter(([p]) => p.startsWith('items/')).map(([, t]) => parse(t) as { mode: string; window: string });
    expect(items.map((i) => i.mode).sort()).toEqual([...modes].sort());
    expect(new Set(items.map((i) => i.window))).toEqual(new Set(['minzheng-window', 'zonghe-window']));
    const center = parse(files.get('center.yaml') ?? '') as { center: { name: string; code: string; officeHours: { default: string[] }; phones: Record<string, string> }; posts: Array<{ window: string; a: string; b: string }> };
    expect(center.center).toMatchObject({ name: '青石镇便民服务中心', code: '青便', officeHours: { default: ['08:30-12:00', '13:00-17:30'] }, phones: { consult: '0856-2336000', complaint: '0856-2336001', report: '0856-2336001' } });
    expect(center.posts).toEqual([
      expect.objectContaining({ window: 'minzheng-window', a: 'chen-li', b: 'wang-fang' }),
      expect.objectContaining({ window: 'zonghe-window', a: 'li-qiang' }),
    ]);
  });

  test('calendars for this year (official, from the State Council notice) and the next (official: false)', () => {
    const files = scaffoldPack(SAMPLE, { schemaBase: SCHEMAS, today: new Date('2026-12-31T15:00:00Z') }); // 2026-12-31 23:00 in Beijing
    expect([...files.keys()].filter((f) => f.startsWith('calendar/'))).toEqual(['calendar/2026.yaml', 'calendar/2027.yaml']);
    const now = parse(files.get('calendar/2026.yaml') ?? '') as { official: boolean; workdays: unknown[] };
    const next = parse(files.get('calendar/2027.yaml') ?? '') as { official: boolean; note: string; holidays: Array<{ name: string; from: string; to?: string }> };
    expect(now.official).toBe(true);
    expect(now.workdays.length).toBeGreaterThan(0);
    expect(next.official).toBe(false);
    expect(next.note).toContain('未经国务院公布');
    // The statutory holidays with lunar dates converted, as rules/calendar/2027.yaml has them.
    expect(next.holidays).toContainEqual({ name: '春节', from: '2027-02-05', to: '2027-02-08' });
    expect(next.holidays).toContainEqual({ name: '中秋节', from: '2027-09-15' });
  });

  test('$schema lines: an absolute base as given, a relative one relative to each file, both reaching schemas/', () => {
    const abs = scaffoldPack(SAMPLE, { schemaBase: SCHEMAS, today: new Date('2026-05-20T02:00:00Z') });
    for (const [rel, text] of abs) {
      const m = /^# yaml-language-server: \$schema=(.+)$/m.exec(text.split('\n')[0] ?? '');
      expect(m, rel).not.toBeNull();
      expect(existsSync(m?.[1] ?? ''), `${rel}: ${m?.[1]}`).toBe(true);
    }
    const packDir = path.join(tmpdir(), 'somewhere', 'pack');
    const relative = scaffoldPack(SAMPLE, { schemaBase: path.relative(packDir, SCHEMAS), today: new Date('2026-05-20T02:00:00Z') });
    for (const [rel, text] of relative) {
      const target = /\$schema=(.+)$/m.exec(text)?.[1] ?? '';
      expect(path.isAbsolute(target)).toBe(false);
      expect(existsSync(path.resolve(path.dirname(path.join(packDir, rel)), target)), `${rel}: ${target}`).toBe(true);
    }
    const served = scaffoldPack(SAMPLE, { schemaBase: '/schemas', today: new Date('2026-05-20T02:00:00Z') });
    expect(served.get('items/ex-001.yaml')?.split('\n')[0]).toBe('# yaml-language-server: $schema=/schemas/item.schema.json');
  });

  test('names with quotes, colons and hashes stay data, not YAML', async () => {
    const tricky: InitAnswers = { ...SAMPLE, center: { ...SAMPLE.center, name: '青石镇: "便民" #服务中心', address: "路'1'号 - [东]" } };
    const files = scaffoldPack(tricky, { schemaBase: SCHEMAS, today: new Date('2026-05-20T02:00:00Z') });
    expect((parse(files.get('center.yaml') ?? '') as { center: { name: string; address: string } }).center).toMatchObject({ name: '青石镇: "便民" #服务中心', address: "路'1'号 - [东]" });
    const r = await bianmin(['validate', '--rules', writePack(files)]);
    expect(r.code, r.stdout).toBe(0);
  });
});

describe('scaffoldPack: bad answers are refused, every problem at its JSON path', () => {
  function refusal(a: unknown): BianminError {
    try {
      scaffoldPack(a as InitAnswers, { schemaBase: SCHEMAS, today: new Date('2026-05-20T02:00:00Z') });
    } catch (err) {
      expect(err).toBeInstanceOf(BianminError);
      const e = err as BianminError;
      expect(e.code).toBe('E-USAGE-ANSWER');
      expect([e.status, e.exitCode]).toEqual([400, 2]);
      return e;
    }
    throw new Error('expected a refusal');
  }
  const at = (e: BianminError): Record<string, string> => Object.fromEntries(e.details.map((d) => [d.path ?? '', d.message]));

  test('missing and malformed fields', () => {
    const e = refusal({ center: { code: '', address: '某地', phones: { consult: '电话', complaint: '0856-1' }, officeHours: ['8:30-12', '13:00-12:00'] }, windows: [], staff: [] });
    const problems = at(e);
    expect(problems['$.center.name']).toContain('缺少必填字段 name（中心名称');
    expect(problems['$.center.code']).toContain('文书编号前缀');
    expect(problems['$.center.phones.consult']).toContain('格式不正确："电话"（咨询电话：只能有数字');
    expect(problems['$.center.officeHours[0]']).toContain('例如 08:30-12:00');
    expect(problems['$.center.officeHours[1]']).toContain('结束时间应晚于开始时间');
    expect(problems['$.windows']).toContain('至少需要 1 项（窗口');
    expect(problems['$.staff']).toContain('至少需要 1 项（工作人员');
    expect(e.location.path).toBe(e.details[0]?.path);
  });

  test('references and duplicates, with a suggestion', () => {
    const e = refusal({
      ...SAMPLE,
      windows: [...SAMPLE.windows, { id: 'minzheng-window', name: '又一个' }, { id: 'Bad_Id', name: '坏标识' }],
      staff: [...SAMPLE.staff, { id: 'chen-li', name: '陈丽二', window: 'minzheng', post: 'C' }, { id: 'zhou', name: '周', window: 'minzheng-window', post: 'A' }],
    });
    const problems = at(e);
    expect(problems['$.windows[2].id']).toBe('窗口标识 minzheng-window 与第 1 个窗口重复');
    expect(problems['$.windows[3].id']).toContain('只能用小写字母、数字和连字符');
    expect(problems['$.staff[3].window']).toBe('窗口 minzheng 不在 windows 中，是否应为 minzheng-window？');
    expect(problems['$.staff[3].post']).toContain('应为 A（A岗，主办）或 B');
    expect(problems['$.staff[3].id']).toContain('与第 1 位工作人员重复');
    expect(problems['$.staff[4].post']).toContain('已有 A岗');
  });

  test('one person cannot be both A and B; a window needs staff; unknown fields are named', () => {
    const e = refusal({ ...SAMPLE, windows: [...SAMPLE.windows, { id: 'empty', name: '空窗口' }], staff: [SAMPLE.staff[0]], extra: 1, center: { ...SAMPLE.center, nmae: 'x' } });
    const problems = at(e);
    expect(problems['$.staff']).toContain('至少需要两名工作人员');
    expect(problems['$.windows[1]']).toContain('没有工作人员');
    expect(problems['$.extra']).toContain('未知字段 extra');
    expect(problems['$.center.nmae']).toContain('未知字段 nmae');
    expect(refusal('not an object').details[0]?.path).toBe('$');
    expect(at(refusal({ ...SAMPLE, center: { ...SAMPLE.center, name: '青石\u0000镇' } }))['$.center.name']).toContain('控制字符');
  });
});
