/** Codes of kind `clock`: the statutory clock's inputs — times, durations, suspensions, extensions, office hours. */
import { entry, type CatalogueEntry } from './entry.ts';

export const CLOCK = {
  'E-CLOCK-DATE-OUT-OF-RANGE': entry('clock', '日期 {date} 超出可计算的范围（2000-01-01 至 2100-12-31）', '时间、年份或计算出的期限超出工作日历可计算的范围（2000–2100 年）'),
  'E-CLOCK-DURATION-INVALID': entry('clock', '时限 {value} 无效：{reason}', '时限的数量不是不小于 0 的整数，单位不是 workingDays、calendarDays、hours、minutes、sameDay，或当日（sameDay）的数量不是 0'),
  'E-CLOCK-EXTENSION-EXCEEDS-MAX': entry('clock', '延长合计 {total}，超过本事项规定的最长延长期限 {max}，不予延长', '各次延长合计超过事项规定的最长延长期限（行政许可法第四十二条）'),
  'E-CLOCK-EXTENSION-NOT-ALLOWED': entry('clock', '本事项未规定可以延长的期限，不得延长', '事项没有规定可以延长的期限，却记录了延长'),
  'E-CLOCK-EXTENSION-UNAPPROVED': entry('clock', '延长期限须经批准：缺少{missing}，不予延长', '延长没有批准人或批准时间'),
  'E-CLOCK-EXTENSION-UNIT-MISMATCH': entry('clock', '延长以“{unit}”计，本事项可延长的期限以“{maxUnit}”计，单位不一致', '延长的单位（工作日、自然日、小时）与时限或最长延长期限的单位不一致'),
  'E-CLOCK-ITEM-UNKNOWN': entry('clock', '规则包中没有事项 {code}', '计算期限所用的事项编码不在规则包中', { status: 404 }),
  'E-CLOCK-OFFICE-HOURS-INVALID': entry('clock', '办公时间段 {text} 无效：{reason}', '办公时间段格式不正确、不是有效的时刻、结束不晚于开始，或与前一段重叠'),
  'E-CLOCK-SUSPENSION-INVALID': entry('clock', '暂停计时无效：{detail}', '暂停计时的恢复时间早于暂停时间，或计算到期时间时暂停尚未结束'),
  'E-CLOCK-TIME-INVALID': entry('clock', "{what} '{value}' {reason}，例如 {example}", '计时所用的时间（受理、暂停、恢复、批准、办结时间）不是真实存在的 ISO 8601 时刻'),
  'E-TIME-INVALID': entry(
    'clock',
    "{what} '{value}' {reason}，例如 {example}",
    '时间或日期不是 ISO 8601 格式，或不是真实存在的日期、时刻（如 2 月 30 日、24 时、60 秒、超出 ±14:00 的时区偏移）',
  ),
} as const satisfies Record<string, CatalogueEntry>;
