/**
 * Checks of the pack's calendar files (calendar/YYYY.yaml) beyond their schema: real dates, ranges,
 * make-up workdays, one file per year, and the warnings that keep the calendar up to date.
 *
 * One mistake, one error: a wrong `year:` (or a file whose dates all belong to another year) is
 * reported once, at its root, and the dates are then checked against the year they agree with
 * instead of each being reported.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, civilFromDays, formatDate, parseDate, renderMessage, tryParseDate, weekdayOf, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { CalendarFile } from './schema-types.ts';

/** Where the findings go (crossref's collector). */
export interface CalendarSink {
  error(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void;
  warn(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void;
}

export interface CalendarCheckInput {
  readonly calendars: ReadonlyArray<{ readonly file: string; readonly data: CalendarFile }>;
  /** "Today" for the date-relative warnings. */
  readonly now: Date;
}

/** A public holiday period never runs this long; a longer one is a mistyped date. */
const MAX_HOLIDAY_DAYS = 15;
/** The calendar-running-out warning starts this many days before its last day. */
const CALENDAR_WARNING_DAYS = 60;
/** The State Council's notice for the next year usually comes in November: warn from the 1st. */
const NOTICE_MONTH = 11;

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function checkCalendars({ calendars, now }: CalendarCheckInput, c: CalendarSink): void {
  const years = calendars.map(({ file, data }) => effectiveYear(file, data, c));
  const seen = new Set<number>();
  calendars.forEach((x, i) => {
    const year = years[i]!.year;
    if (seen.has(year)) c.error(x.file, ['year'], 'E-CALENDAR-DUPLICATE', renderMessage('E-CALENDAR-DUPLICATE', { year }));
    seen.add(year);
  });
  // Day → where it was declared a holiday / a make-up workday, across all years: a New Year
  // holiday may start in the December before (the notice for the new year declares it).
  const holidays = new Map<string, string>();
  const workdays: Array<{ file: string; index: number; date: string }> = [];
  calendars.forEach(({ file, data }, k) => {
    const { year, datesReported } = years[k]!;
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    data.holidays.forEach((h, i) => {
      const to = h.to ?? h.from;
      if (!isRealDate(h.from)) return c.error(file, ['holidays', i, 'from'], 'E-CALENDAR-DATE', renderMessage('E-CALENDAR-DATE', { date: h.from }));
      if (!isRealDate(to)) return c.error(file, ['holidays', i, 'to'], 'E-CALENDAR-DATE', renderMessage('E-CALENDAR-DATE', { date: to }));
      if (to < h.from) return c.error(file, ['holidays', i, 'to'], 'E-CALENDAR-RANGE', `放假结束日 ${to} 早于开始日 ${h.from}`);
      if (!datesReported && (to < first || h.from > last)) return c.error(file, ['holidays', i, 'from'], 'E-CALENDAR-YEAR', renderMessage('E-CALENDAR-YEAR', { what: `放假日期 ${h.from}${h.to ? ` 至 ${h.to}` : ''}`, problem: ` 不在 ${year} 年` }));
      const days = parseDate(to) - parseDate(h.from) + 1;
      if (days > MAX_HOLIDAY_DAYS) return c.error(file, ['holidays', i, 'to'], 'E-CALENDAR-RANGE', `“${h.name}”放假 ${days} 天（${h.from} 至 ${to}），超过 ${MAX_HOLIDAY_DAYS} 天，请检查日期`);
      for (let d = parseDate(h.from); d <= parseDate(to); d++) holidays.set(formatDate(d), file);
    });
    data.workdays.forEach((w, i) => {
      if (!isRealDate(w.date)) return c.error(file, ['workdays', i, 'date'], 'E-CALENDAR-DATE', renderMessage('E-CALENDAR-DATE', { date: w.date }));
      // A make-up day belongs to its year or sits right beside it (for a holiday across New Year).
      if (!datesReported && (w.date < formatDate(parseDate(first) - 31) || w.date > formatDate(parseDate(last) + 31))) {
        return c.error(file, ['workdays', i, 'date'], 'E-CALENDAR-YEAR', renderMessage('E-CALENDAR-YEAR', { what: `调休上班日 ${w.date}`, problem: ` 不在 ${year} 年` }));
      }
      const dow = weekdayOf(parseDate(w.date));
      if (dow !== 0 && dow !== 6) return c.error(file, ['workdays', i, 'date'], 'E-CALENDAR-WORKDAY', `调休上班日 ${w.date} 是${WEEKDAYS[dow]}，不是周末；只有周六、周日上班才需要声明`);
      workdays.push({ file, index: i, date: w.date });
    });
  });
  for (const w of workdays) {
    const where = holidays.get(w.date);
    if (where) c.error(w.file, ['workdays', w.index, 'date'], 'E-CALENDAR-WORKDAY', `${w.date} 同时被声明为放假日${where === w.file ? '' : `（${where}）`}和调休上班日`);
  }
  freshnessWarnings(calendars.map((x, i) => ({ file: x.file, year: years[i]!.year, official: x.data.official })), now, c);
}

/**
 * The year a file's dates are checked against, after reporting a disagreement between its name,
 * its `year:` and its dates once. `datesReported`: the dates' year was the root cause, reported.
 */
function effectiveYear(file: string, data: CalendarFile, c: CalendarSink): { year: number; datesReported: boolean } {
  const stemText = /(\d{4})\.ya?ml$/.exec(file)?.[1];
  const stem = stemText === undefined ? null : Number(stemText);
  const dates = datesYear(data);
  if (stem !== null && stem !== data.year) {
    if (dates === data.year) {
      c.error(file, ['year'], 'E-CALENDAR-YEAR', renderMessage('E-CALENDAR-YEAR', { what: '文件名', problem: `是 ${stem} 年，但 year 和其中的日期都是 ${data.year} 年：请把文件改名为 calendar/${data.year}.yaml` }));
      return { year: data.year, datesReported: false };
    }
    const agree = dates === stem ? '与文件名和其中的日期不符' : '与文件名不符';
    c.error(file, ['year'], 'E-CALENDAR-YEAR', renderMessage('E-CALENDAR-YEAR', { what: `文件 ${file} 的 year`, problem: ` 写的是 ${data.year}，${agree}；应为 ${stem}` }));
    return { year: stem, datesReported: false };
  }
  // Name and year agree (or the name has no year), but every holiday lies in one other year:
  // a file copied from another year whose dates were not changed.
  const outside = data.holidays.length >= 2 && data.holidays.every((h) => isRealDate(h.from) && isRealDate(h.to ?? h.from) && ((h.to ?? h.from) < `${data.year}-01-01` || h.from > `${data.year}-12-31`));
  if (outside && dates !== null && dates !== data.year) {
    c.error(file, ['holidays', 0, 'from'], 'E-CALENDAR-YEAR', renderMessage('E-CALENDAR-YEAR', { what: `文件 ${file} 的放假日期`, problem: `都在 ${dates} 年，与 year（${data.year}）不符：是否复制了 ${dates} 年的安排而没有改日期？` }));
    return { year: data.year, datesReported: true };
  }
  return { year: data.year, datesReported: false };
}

/** The one year all the file's real dates (holiday starts and make-up days) lie in; null if none or mixed. */
function datesYear(data: CalendarFile): number | null {
  const years = new Set<string>();
  for (const h of data.holidays) if (isRealDate(h.from)) years.add(h.from.slice(0, 4));
  for (const w of data.workdays) if (isRealDate(w.date)) years.add(w.date.slice(0, 4));
  if (years.size === 1) return Number([...years][0]);
  // A New Year break declared in the notice for the year after may begin in December.
  const holidayYears = new Set(data.holidays.filter((h) => isRealDate(h.from) && !h.from.endsWith('-12-31')).map((h) => h.from.slice(0, 4)));
  return holidayYears.size === 1 ? Number([...holidayYears][0]) : null;
}

/**
 * W-CALENDAR-NEXT-YEAR from 1 November (Shanghai) while next year's file is missing or still
 * `official: false`; W-CALENDAR-ENDING when the last declared year ends within 60 days (or has
 * ended), unless the first warning already asks for the same file.
 */
function freshnessWarnings(files: ReadonlyArray<{ file: string; year: number; official: boolean }>, now: Date, c: CalendarSink): void {
  const sorted = [...files].sort((a, b) => a.year - b.year);
  const today = Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
  const { year, month } = civilFromDays(today);
  const next = year + 1;
  let asked: number | null = null;
  if (month >= NOTICE_MONTH) {
    const nextFile = sorted.find((f) => f.year === next);
    if (!nextFile) {
      const at = sorted.filter((f) => f.year < next).at(-1) ?? sorted[0];
      if (at) {
        c.warn(at.file, ['year'], 'W-CALENDAR-NEXT-YEAR', renderMessage('W-CALENDAR-NEXT-YEAR', { state: `还没有 ${next} 年的节假日安排`, action: '添加', next, tail: endingNote(sorted, today) }));
        asked = next;
      }
    } else if (!nextFile.official) {
      c.warn(nextFile.file, ['official'], 'W-CALENDAR-NEXT-YEAR', renderMessage('W-CALENDAR-NEXT-YEAR', { state: `${next} 年的节假日安排还是预排（official: false）`, action: '更新', next, tail: '，并把 official 改为 true' }));
      asked = next;
    }
  }
  const lastYear = sorted.at(-1);
  if (lastYear && lastYear.year + 1 !== asked) {
    const remaining = parseDate(`${lastYear.year}-12-31`) - today;
    if (remaining <= CALENDAR_WARNING_DAYS) {
      c.warn(
        lastYear.file,
        ['year'],
        'W-CALENDAR-ENDING',
        `已知的节假日安排只到 ${lastYear.year} 年 12 月 31 日（${remaining >= 0 ? `还有 ${remaining} 天` : `已过 ${-remaining} 天`}）；国务院公布下一年安排后请添加 calendar/${lastYear.year + 1}.yaml，否则之后的期限只按内置数据或法定假日推算（不含调休和补假）并附警告`,
      );
    }
  }
}

/** `（已知的安排只到 2026 年 12 月 31 日，还有 60 天）` when the missing year follows the last declared one. */
function endingNote(sorted: ReadonlyArray<{ year: number }>, today: number): string {
  const last = sorted.at(-1);
  if (!last) return '';
  const remaining = parseDate(`${last.year}-12-31`) - today;
  if (remaining > CALENDAR_WARNING_DAYS) return '';
  return `（已知的节假日安排只到 ${last.year} 年 12 月 31 日，${remaining >= 0 ? `还有 ${remaining} 天` : `已过 ${-remaining} 天`}）`;
}

/** A real calendar date, by the one date parser in core (2026-02-30 and 2027-02-29 are not). */
function isRealDate(date: string): boolean {
  return tryParseDate(date) !== null;
}
