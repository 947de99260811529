// Scenario files as officers write them: every mistake is a located Chinese error with a
// suggestion, and one broken scenario does not hide the others in its file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { loadScenarios, runSuite } from '../../src/scenarios/index.ts';
import { positionOf, sampleCopy } from './helpers.ts';

let pack: Pack;
let dir: string;
beforeAll(async () => {
  // Only the file under test: the sample's own scenarios stay out of the way.
  dir = sampleCopy({ tests: null });
  pack = await loadPack(dir);
});

const GOOD = `
  - name: 材料齐全，受理
    item: MZ-004
    applicant: { age: 82, hukouLocal: true, forDependant: false }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect:
      kind: accepted
`;

async function load(body: string, file = 'case.yaml') {
  const text = `# yaml-language-server: $schema=../../schemas/scenario.schema.json\nscenarios:${body}`;
  const full = path.join(dir, 'tests', file);
  rmSync(path.join(dir, 'tests'), { recursive: true, force: true });
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return { suite: await loadScenarios(dir, pack), text };
}

describe('unknown keys', () => {
  test('a misspelt expectation key is located at the key, with the right key suggested', async () => {
    const { suite, text } = await load(`${GOOD}      deadlne: { promised: 2026-12-07 }\n`);
    expect(suite.errors).toHaveLength(1);
    const e = suite.errors[0]!;
    expect(e).toMatchObject({ file: 'tests/case.yaml', code: 'E-SCHEMA-UNKNOWN-KEY', ...positionOf(text, 'deadlne') });
    expect(e.message).toContain('`deadlne`');
    expect(e.message).toContain('是否应为 `deadline`');
    // The scenario is not run with half its expectations.
    expect(suite.scenarios).toHaveLength(0);
  });

  test('an expectation key that is nothing like a known one lists the keys that exist', async () => {
    const { suite, text } = await load(`${GOOD}      approvedBy: 张卫国\n`);
    expect(suite.errors[0]).toMatchObject({ code: 'E-SCHEMA-UNKNOWN-KEY', ...positionOf(text, 'approvedBy') });
    expect(suite.errors[0]!.message).toContain('kind');
    expect(suite.errors[0]!.message).toContain('sanctions');
  });

  test('a misspelt scenario key (recieved) and a material detail key (from) are located too', async () => {
    const { suite, text } = await load(`
  - name: 拼错
    item: MZ-004
    applicant: { age: 82, hukouLocal: true, forDependant: false }
    materials: [id-card, { id: application, from: copy }]
    recieved: 2026-11-23 09:30
    expect: { kind: accepted }
`);
    const messages = suite.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
    const at = (marker: string) => positionOf(text, marker);
    expect(messages).toContain(`${at('recieved').line}:${at('recieved').column} 未知字段 \`recieved\`，是否应为 \`received\`？`);
    expect(messages).toContain(`${at('from:').line}:${at('from:').column} 未知字段 \`from\`，是否应为 \`form\`？`);
  });

  test('one broken scenario does not stop the others in the same file', async () => {
    const { suite } = await load(`${GOOD}
  - name: 写错了
    item: MZ-004
    received: 2026-11-23 09:30
    expect: { kind: acepted }
`);
    expect(suite.errors).toHaveLength(1);
    expect(suite.errors[0]!.message).toContain('是否应为 `accepted`');
    expect(suite.scenarios.map((s) => s.name)).toEqual(['材料齐全，受理']);
  });
});

describe('bad YAML and hostile files', () => {
  test('a syntax error is located and no scenario of the file runs', async () => {
    const { suite } = await load(`${GOOD}      missing: [id-card\n`);
    expect(suite.errors.length).toBeGreaterThan(0);
    expect(suite.errors[0]!.code).toMatch(/^E-YAML/);
    expect(suite.errors[0]!.line).toBeGreaterThan(0);
    expect(suite.scenarios).toHaveLength(0);
  });

  test('a file that is not UTF-8 (e.g. saved as GBK) is refused with a located error', async () => {
      rmSync(path.join(dir, 'tests'), { recursive: true, force: true });
    mkdirSync(path.join(dir, 'tests'));
    writeFileSync(path.join(dir, 'tests', 'gbk.yaml'), Buffer.from([0x73, 0x63, 0x65, 0x6e, 0x3a, 0x20, 0xb8, 0xdf, 0xc1, 0xe4, 0x0a]));
    const suite = await loadScenarios(dir, pack);
    expect(suite.errors[0]).toMatchObject({ file: 'tests/gbk.yaml', code: 'E-FILE-ENCODING', line: 1 });
  });

  test('an alias bomb is refused, not expanded', async () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) rows.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
      rmSync(path.join(dir, 'tests'), { recursive: true, force: true });
    mkdirSync(path.join(dir, 'tests'));
    writeFileSync(path.join(dir, 'tests', 'bomb.yaml'), rows.join('\n') + '\n');
    const suite = await loadScenarios(dir, pack);
    expect(suite.errors[0]!.code).toBe('E-YAML-ALIAS');
  });
});

describe('references to the pack', () => {
  test('an item code in the wrong case, a staff name with a wrong character, an unknown action: each with a suggestion', async () => {
    const { suite, text } = await load(`
  - name: 编码小写
    item: mz-004
    received: 2026-11-23 09:30
    expect: { kind: accepted }
  - name: 名字写错
    now: 2026-03-10 12:00
    history:
      complaints:
        - { staff: 陈莉, received: 2026-03-02 09:00, result: verified }
    expect:
      sanctions: { chen-li: [通报批平] }
`);
    const byCode = (code: string) => suite.errors.filter((e) => e.code === code);
    expect(byCode('E-SCENARIO-ITEM')[0]).toMatchObject(positionOf(text, 'mz-004'));
    expect(byCode('E-SCENARIO-ITEM')[0]!.message).toContain('是否应为 MZ-004');
    expect(byCode('E-SCENARIO-STAFF')[0]).toMatchObject(positionOf(text, '陈莉'));
    expect(byCode('E-SCENARIO-STAFF')[0]!.message).toContain('chen-li（陈丽）');
    expect(byCode('E-SCENARIO-ACTION')[0]).toMatchObject(positionOf(text, '通报批平'));
    expect(byCode('E-SCENARIO-ACTION')[0]!.message).toContain('是否应为 通报批评');
    expect(suite.scenarios).toHaveLength(0);
  });

  test('a history names only windows, grades and phrases the pack declares, and a complaint says whom it is about', async () => {
    const { suite, text } = await load(`
  - name: 历史记录写错
    now: 2026-06-30 12:00
    history:
      complaints:
        - { window: minzhen-window, received: 2026-03-02 09:00 }
        - { received: 2026-03-03 09:00, result: verified }
      incidents:
        - { kind: forbidden-phrase, staff: hu-jing, at: 2026-06-12 10:20 }
        - { kind: forbidden-phrase, staff: hu-jing, at: 2026-06-13 10:20, text: 请稍等，马上为您办理 }
      reviews:
        - { grade: 很差, staff: hu-jing, at: 2026-06-14 10:00 }
    expect:
      grade: { hu-jing: 良好 }
`);
    const byCode = (code: string) => suite.errors.filter((e) => e.code === code);
    expect(byCode('E-SCENARIO-COMPLAINT')).toHaveLength(1);
    expect(byCode('E-SCENARIO-COMPLAINT')[0]).toMatchObject({ file: 'tests/case.yaml', path: '$.scenarios[0].history.complaints[1]', ...positionOf(text, '{ received: 2026-03-03') });
    expect(byCode('E-SCENARIO-COMPLAINT')[0]!.message).toContain('须写明被投诉的工作人员 `staff` 或窗口 `window`');
    expect(byCode('E-SCENARIO-WINDOW')[0]).toMatchObject(positionOf(text, 'minzhen-window'));
    expect(byCode('E-SCENARIO-WINDOW')[0]!.message).toContain('是否应为 minzheng-window');
    const phrases = byCode('E-SCENARIO-PHRASE');
    expect(phrases.map((e) => e.path)).toEqual(['$.scenarios[0].history.incidents[0]', '$.scenarios[0].history.incidents[1].text']);
    expect(phrases[0]!.message).toContain('须写原话 `text`');
    expect(phrases[1]).toMatchObject(positionOf(text, '请稍等'));
    expect(phrases[1]!.message).toContain('原话中没有 policy.yaml 所列的服务忌语');
    const grades = byCode('E-SCENARIO-GRADE');
    expect(grades.map((e) => e.path)).toEqual(['$.scenarios[0].history.reviews[0].grade', '$.scenarios[0].expect.grade["hu-jing"]']);
    expect(grades[0]!.message).toContain('评价等级“很差”不在 policy.yaml 的 reviews.grades 中；可选：非常满意、满意');
    expect(grades[1]).toMatchObject(positionOf(text, '良好'));
    expect(grades[1]!.message).toContain('可选：优秀、称职');
    expect(suite.scenarios).toHaveLength(0);
  });

  test('an expected reason that is neither a condition nor a material of the item is located, with a suggestion', async () => {
    const { suite, text } = await load(`
  - name: 理由写错
    item: MZ-004
    applicant: { age: 82, hukouLocal: false, forDependant: false }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect:
      reasons: [hukuo]
`);
    expect(suite.errors).toHaveLength(1);
    expect(suite.errors[0]).toMatchObject({ code: 'E-SCENARIO-RULE', ...positionOf(text, 'hukuo') });
    expect(suite.errors[0]!.message).toBe('“hukuo”不是事项 MZ-004 可给出的理由（condition:受理条件、material:材料、mode:办理方式分支、referral:转办事项），是否应为 condition:hukou？');
  });

  test('an expected missing material that the item does not list is an error, not a test that can never pass', async () => {
    const { suite, text } = await load(`
  - name: 缺件写错
    item: MZ-004
    applicant: { age: 85, hukouLocal: true, forDependant: true }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect:
      missing: [proxy-idcard, power-of-attorney]
`);
    expect(suite.errors).toHaveLength(1);
    expect(suite.errors[0]).toMatchObject({ code: 'E-SCENARIO-MATERIAL', ...positionOf(text, 'proxy-idcard') });
    expect(suite.errors[0]!.message).toContain('是否应为 proxy-id-card');
  });

  test('an alternative named instead of its group points at the group', async () => {
    const { suite } = await load(`
  - name: 写了替代材料
    item: MZ-005
    applicant: { deceasedHukouLocal: true, cremated: true }
    materials: [application]
    received: 2026-11-23 09:30
    expect:
      missing: [medical-death-cert]
`);
    expect(suite.errors[0]!.message).toContain('请写 death-proof');
  });

  test("a submitted material off the item's list is only a located hint: submitting one is a legitimate input", async () => {
    const { suite, text } = await load(`
  - name: 交了清单外的材料
    item: MZ-004
    applicant: { age: 82, hukouLocal: true, forDependant: false }
    materials: [id-card, application, id-crad]
    received: 2026-11-23 09:30
    expect: { kind: accepted }
`);
    expect(suite.errors).toEqual([]);
    expect(suite.warnings[0]).toMatchObject({ code: 'W-SCENARIO-MATERIAL', ...positionOf(text, 'id-crad') });
    expect(suite.scenarios).toHaveLength(1);
  });

  test('times: an application needs its receipt time, a warning or sanction needs now, and dates must exist', async () => {
    const { suite, text } = await load(`
  - name: 没写收件时间
    item: MZ-004
    expect: { kind: accepted }
  - name: 没写 now
    item: MZ-004
    received: 2026-11-23 09:30
    expect: { warning: yellow }
  - name: 日期不存在
    item: MZ-004
    received: 2026-02-30 09:30
    expect: { kind: accepted }
  - name: 没有事项却期望分类
    now: 2026-11-23 09:30
    expect: { kind: accepted }
`);
    const codes = suite.errors.map((e) => e.code);
    expect(codes).toEqual(['E-SCENARIO-RECEIVED', 'E-SCENARIO-NOW', 'E-SCENARIO-TIME', 'E-SCENARIO-NO-ITEM']);
    expect(suite.errors[1]).toMatchObject(positionOf(text, 'warning'));
    expect(suite.errors[2]).toMatchObject(positionOf(text, '2026-02-30'));
  });

  test('duplicate scenario names in one file are refused, pointing at the first one', async () => {
    const { suite } = await load(`${GOOD}${GOOD}`);
    expect(suite.errors[0]!.code).toBe('E-SCENARIO-DUPLICATE');
    expect(suite.errors[0]!.message).toContain('第 3 行');
  });

  test('an applicant fact the pack does not declare is located, with the declared one suggested', async () => {
    const { suite, text } = await load(`
  - name: 事实写错
    item: MZ-004
    applicant: { age: 82, hukouLocl: true, forDependant: false }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect: { kind: accepted }
`);
    expect(suite.errors[0]).toMatchObject({ code: 'E-SCENARIO-FACT', ...positionOf(text, 'hukouLocl') });
    expect(suite.errors[0]!.message).toContain('是否应为 `hukouLocal`');
  });

  test('a fact of the wrong type makes the scenario broken when run, located at the fact', async () => {
    const { suite, text } = await load(`
  - name: 年龄写成文字
    item: MZ-004
    applicant: { age: 八十二, hukouLocal: true, forDependant: false }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect: { kind: accepted }
`);
    expect(suite.errors).toEqual([]);
    const run = await runSuite(suite, pack);
    expect(run.results[0]!.status).toBe('broken');
    expect(run.failed).toBe(1);
    expect(run.errors[0]).toMatchObject({ file: 'tests/case.yaml', ...positionOf(text, '八十二') });
    expect(run.errors[0]!.message).toContain('年龄');
  });
});
