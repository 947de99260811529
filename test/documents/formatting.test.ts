import { describe, expect, test } from 'vitest';
import { chineseDate, chineseDateTime, chineseMonth, chineseWeekday, dateOf, shanghaiDate } from '../../src/documents/dates.ts';
import { formatDuration } from '../../src/documents/duration.ts';
import { DocumentError } from '../../src/documents/errors.ts';
import { handlebarsHelpers } from '../../src/documents/helpers.ts';
import { label } from '../../src/documents/labels.ts';
import { formatMoney } from '../../src/documents/money.ts';
import { tidyText } from '../../src/documents/text.ts';

describe('Chinese dates (Asia/Shanghai, whatever the machine zone)', () => {
  test('calendar dates print without padding, the way official documents write them', () => {
    expect(chineseDate('2026-11-21')).toBe('2026年11月21日');
    expect(chineseDate('2027-01-05')).toBe('2027年1月5日');
  });

  test('an instant is shown as Beijing wall-clock time', () => {
    // 23:30 UTC is already the next morning in Beijing.
    expect(chineseDate('2026-11-21T23:30:00Z')).toBe('2026年11月22日');
    expect(chineseDateTime('2026-11-21T23:30:00Z')).toBe('2026年11月22日 07:30');
    expect(chineseDateTime('2026-11-23T09:30:00+08:00')).toBe('2026年11月23日 09:30');
    expect(chineseDateTime('2026-11-23T09:30:00-05:00')).toBe('2026年11月23日 22:30');
    // Without a zone the project's convention is Beijing time, not the machine's.
    expect(chineseDateTime('2026-11-23T09:30:00')).toBe('2026年11月23日 09:30');
    expect(dateOf('2026-12-31T16:00:00Z')).toBe('2027-01-01');
  });

  test('months, weekdays and today', () => {
    expect(chineseMonth('2026-12')).toBe('2026年12月');
    expect(chineseMonth('2026-12-01')).toBe('2026年12月');
    expect(chineseWeekday('2026-11-23')).toBe('星期一');
    expect(chineseWeekday('2026-11-22')).toBe('星期日');
    expect(shanghaiDate(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
    expect(shanghaiDate(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
  });

  test('an impossible or malformed date is an error, never a guess', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '21/11/2026', '', '2026-11-21T25:00:00+08:00']) {
      expect(() => chineseDate(bad), bad).toThrow(DocumentError);
    }
    expect(() => chineseDate('2026-02-30')).toThrow(/无法识别的日期/);
  });
});

describe('money, durations, labels', () => {
  test('yuan with two decimals, rounded as a cashier would', () => {
    expect(formatMoney(10)).toBe('10.00元');
    expect(formatMoney(0)).toBe('0.00元');
    expect(formatMoney(12.5)).toBe('12.50元');
    expect(formatMoney(1.005)).toBe('1.01元');
    expect(formatMoney(1234.567)).toBe('1234.57元');
  });

  test('a negative or non-numeric amount is refused', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => formatMoney(bad)).toThrow(DocumentError);
  });

  test('durations in words', () => {
    expect(formatDuration({ amount: 10, unit: 'workingDays' })).toBe('10个工作日');
    expect(formatDuration({ amount: 7, unit: 'calendarDays' })).toBe('7日（自然日）');
    expect(formatDuration({ amount: 30, unit: 'minutes' })).toBe('30分钟');
    expect(formatDuration({ amount: 2, unit: 'hours' })).toBe('2小时');
    expect(formatDuration({ amount: 0, unit: 'workingDays' })).toBe('当场');
    expect(() => formatDuration({ amount: 1.5, unit: 'workingDays' })).toThrow(DocumentError);
    expect(() => formatDuration({ amount: 3, unit: 'weeks' })).toThrow(DocumentError);
  });

  test('labels for necessity, mode, kind and form; an unknown code is an error, not printed raw', () => {
    expect(['core', 'required', 'deferrable', 'optional'].map((c) => label('necessity', c))).toEqual(['主件', '必要', '容缺', '可选']);
    expect(['immediate', 'promised', 'reported', 'joint', 'petition'].map((c) => label('mode', c))).toEqual(['即办件', '承诺件', '上报件', '联办件', '信访件']);
    expect(label('kind', 'rejected')).toBe('不予受理');
    expect(label('form', 'both')).toBe('原件和复印件');
    expect(() => label('mode', 'urgent')).toThrow(/无法识别的取值 "urgent"/);
    expect(() => label('mode', 'toString')).toThrow(DocumentError);
  });
});

describe('helpers as templates call them', () => {
  const h = handlebarsHelpers();
  const options = {};

  test('masking helpers', () => {
    expect(h.maskName!('张小三', options)).toBe('张*三');
    expect(h.maskName!('张三', options)).toBe('张*');
    expect(h.maskId!('320102199001011234', options)).toBe('3201**********1234');
    expect(h.maskPhone!('13812345678', options)).toBe('138****5678');
  });

  test('a helper given a missing value fails loudly instead of printing a blank', () => {
    expect(() => h.date!(undefined, options)).toThrow(/参数应为文字，实际是 空值/);
    expect(() => h.money!('12', options)).toThrow(/参数应为数字/);
    expect(() => h.duration!(null, options)).toThrow(/时限/);
    expect(() => h.date!(options)).toThrow(/需要 1 个参数/);
  });
});

test('folded YAML text loses the stray spaces between Chinese words, keeps them around Latin and digits', () => {
  expect(tidyText('可以自收到本通知书之日起60日内\n向梧溪县人民政府申请')).toBe('可以自收到本通知书之日起60日内向梧溪县人民政府申请');
  expect(tidyText('负责中心日常管理、 咨询引导')).toBe('负责中心日常管理、咨询引导');
  expect(tidyText('周一至周五 08:30 办公')).toBe('周一至周五 08:30 办公');
  expect(tidyText('修改上面 income 条件')).toBe('修改上面 income 条件');
});
