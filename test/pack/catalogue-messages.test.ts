// Review finding: W-CALENDAR-NEXT-YEAR, E-CALENDAR-YEAR and E-CHANGE-DATE were written inline,
// not through the catalogue's renderMessage, so their catalogue templates (the README's tables)
// said something else ('{next} 年的节假日安排待更新：{detail}' was never used). Each message below
// must be an instance of its code's template: W-CALENDAR-NEXT-YEAR reads word for word as before;
// E-CALENDAR-YEAR and E-CHANGE-DATE as before after the template's fixed head (年份不符：,
// 变更的施行日期有误：). Before the fix the template checks fail.
import { describe, expect, test } from 'vitest';
import { CATALOGUE, type ErrorCode } from '../../src/core/index.ts';
import { validatePack } from '../../src/index.ts';
import { rulesCalendarText, tempPack } from '../calendar/helpers.ts';
import { validate } from './expect-diagnostics.ts';
import { fixtureText, packWith } from './fixture-pack.ts';

/** The code's catalogue template as a pattern: every `{param}` stands for any text. */
function fitsTemplate(code: ErrorCode, message: string): boolean {
  const parts = CATALOGUE[code].message.split(/\{[A-Za-z][A-Za-z0-9]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^]*')}$`, 'u').test(message);
}

async function calendarFindings(calendars: Record<string, string>, now: string) {
  const { dir, cleanup } = await tempPack(calendars);
  try {
    return await validatePack(dir, { now: new Date(now) });
  } finally {
    await cleanup();
  }
}

function expectFromCatalogue(code: ErrorCode, found: ReadonlyArray<{ code: string; message: string }>, messages: readonly string[]): void {
  const ours = found.filter((d) => d.code === code).map((d) => d.message);
  expect(ours).toEqual(messages);
  for (const m of ours) expect(fitsTemplate(code, m), `${code}: ${m} / ${CATALOGUE[code].message}`).toBe(true);
}

describe('calendar messages come from the catalogue', () => {
  test('W-CALENDAR-NEXT-YEAR, next year missing', async () => {
    const r = await calendarFindings({ '2026.yaml': await rulesCalendarText(2026) }, '2026-11-01T09:00:00+08:00');
    expectFromCatalogue('W-CALENDAR-NEXT-YEAR', r.warnings, [
      '还没有 2027 年的节假日安排：国务院办公厅通知一般于11月公布，请按通知添加 calendar/2027.yaml（已知的节假日安排只到 2026 年 12 月 31 日，还有 60 天）',
    ]);
  });

  test('W-CALENDAR-NEXT-YEAR, next year provisional', async () => {
    const r = await calendarFindings({ '2026.yaml': await rulesCalendarText(2026), '2027.yaml': await rulesCalendarText(2027) }, '2026-11-02T09:00:00+08:00');
    expectFromCatalogue('W-CALENDAR-NEXT-YEAR', r.warnings, [
      '2027 年的节假日安排还是预排（official: false）：国务院办公厅通知一般于11月公布，请按通知更新 calendar/2027.yaml，并把 official 改为 true',
    ]);
  });

  test('E-CALENDAR-YEAR, each of its forms', async () => {
    const now = '2026-06-01T09:00:00+08:00';
    const y2026 = await rulesCalendarText(2026);
    const y2027 = await rulesCalendarText(2027);
    const mistyped = await calendarFindings({ '2026.yaml': y2026, '2027.yaml': y2027.replace('year: 2027', 'year: 2072') }, now);
    expectFromCatalogue('E-CALENDAR-YEAR', mistyped.errors, ['年份不符：文件 calendar/2027.yaml 的 year 写的是 2072，与文件名和其中的日期不符；应为 2027']);
    const misnamed = await calendarFindings({ '2026.yaml': y2026, '2028.yaml': y2027 }, now);
    expectFromCatalogue('E-CALENDAR-YEAR', misnamed.errors, ['年份不符：文件名是 2028 年，但 year 和其中的日期都是 2027 年：请把文件改名为 calendar/2027.yaml']);
    const copied = await calendarFindings({ '2026.yaml': y2026, '2028.yaml': y2027.replace('year: 2027', 'year: 2028') }, now);
    expectFromCatalogue('E-CALENDAR-YEAR', copied.errors, ['年份不符：文件 calendar/2028.yaml 的放假日期都在 2027 年，与 year（2028）不符：是否复制了 2027 年的安排而没有改日期？']);
    const stray = await calendarFindings({ '2026.yaml': y2026, '2027.yaml': y2027.replace('{ name: 端午节, from: "2027-06-09" }', '{ name: 端午节, from: "2026-06-09" }') }, now);
    expectFromCatalogue('E-CALENDAR-YEAR', stray.errors, ['年份不符：放假日期 2026-06-09 不在 2027 年']);
  });
});

describe('E-CHANGE-DATE comes from the catalogue', () => {
  const ITEM = 'items/mz-001.yaml';
  const change = (date: string) => `  - effectiveFrom: "${date}"\n    reference: 测民发〔2026〕9号\n    set: { name: 临时救助 }\n`;

  test("an item's two changes on one day, and a day that does not exist", async () => {
    const text = fixtureText(ITEM) + change('2026-07-01') + change('2026-02-30');
    const r = await validate(packWith({ [ITEM]: text }));
    expectFromCatalogue('E-CHANGE-DATE', r.errors, ['变更的施行日期有误：第 1 项变更也在 2026-07-01 施行；同一天的变更请合并为一项', '变更的施行日期有误：日期 2026-02-30 不存在']);
  });

  test("policy.yaml's changes: the same messages", async () => {
    const policy = `${fixtureText('policy.yaml').trimEnd()}\nchanges:\n` + ['2027-01-01', '2027-01-01', '2027-02-30'].map((d) => `  - effectiveFrom: "${d}"\n    reference: 修订\n    set:\n      forbiddenPhrases: [不知道]\n`).join('');
    const r = await validate(packWith({ 'policy.yaml': policy }));
    expectFromCatalogue('E-CHANGE-DATE', r.errors, ['变更的施行日期有误：第 1 项变更也在 2027-01-01 施行；同一天的变更请合并为一项', '变更的施行日期有误：日期 2027-02-30 不存在']);
  });
});
