/**
 * Periods in Shanghai time: reporting months and assessment periods, and the discipline
 * counting window (calendar year, rolling 12 months, assessment period) as policy.yaml names it.
 */
import type { AssessmentPolicy, DisciplinePolicy } from '../pack/index.ts';
import { RecordsError } from './errors.ts';
import { shanghaiDate, shanghaiMidnight, toIso } from './time.ts';

/** A half-open interval [from, to) of instants, with a Chinese label. */
export interface Period {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

export function inPeriod(p: Period, ms: number): boolean {
  return ms >= p.from && ms < p.to;
}

export function describePeriod(p: Period): { label: string; from: string; to: string } {
  return { label: p.label, from: toIso(p.from), to: toIso(p.to) };
}

function span(year: number, firstMonth: number, months: number, label: string): Period {
  return { from: shanghaiMidnight(year, firstMonth), to: shanghaiMidnight(year, firstMonth + months), label };
}

/**
 * Parses a period: `2026` (year), `2026-11` (month), `2026-Q4` (quarter), `2026-H2` (half year).
 */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return span(Number(m[1]), 1, 12, `${m[1]}年`);
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (m) return span(Number(m[1]), Number(m[2]), 1, `${m[1]}年${Number(m[2])}月`);
  m = /^(\d{4})-[Qq]([1-4])$/.exec(t);
  if (m) return span(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3, `${m[1]}年第${'一二三四'[Number(m[2]) - 1]}季度`);
  m = /^(\d{4})-[Hh]([12])$/.exec(t);
  if (m) return span(Number(m[1]), m[2] === '1' ? 1 : 7, 6, `${m[1]}年${m[2] === '1' ? '上' : '下'}半年`);
  throw RecordsError.of('E-PERIOD', { text: JSON.stringify(text) });
}

/** The assessment period (policy.assessment.period) containing `ms`. */
export function assessmentPeriodAt(period: AssessmentPolicy['period'], ms: number): Period {
  const [y, mo] = shanghaiDate(ms).split('-').map(Number) as [number, number];
  switch (period) {
    case 'year':
      return parsePeriod(String(y));
    case 'halfYear':
      return parsePeriod(`${y}-H${mo <= 6 ? 1 : 2}`);
    case 'quarter':
      return parsePeriod(`${y}-Q${Math.floor((mo - 1) / 3) + 1}`);
    case 'month':
      return parsePeriod(`${y}-${String(mo).padStart(2, '0')}`);
  }
}

/**
 * The window in which verified complaints and other violations count, as of `now` (inclusive).
 * calendarYear: from 1 January (reset each year); rolling12Months: the 12 months up to `now`;
 * assessmentPeriod: the current assessment period.
 */
export function countingWindow(kind: DisciplinePolicy['countingWindow'], assessment: AssessmentPolicy['period'], now: number): Period {
  const end = now + 1;
  switch (kind) {
    case 'calendarYear': {
      const p = assessmentPeriodAt('year', now);
      return { from: p.from, to: end, label: `${p.label}（自然年，截至 ${shanghaiDate(now)}）` };
    }
    case 'rolling12Months': {
      const [y, mo, d] = shanghaiDate(now).split('-').map(Number) as [number, number, number];
      // Same day a year earlier, clamped for 29 February.
      const day = Math.min(d, new Date(Date.UTC(y - 1, mo, 0)).getUTCDate());
      const from = shanghaiMidnight(y - 1, mo, day) + ((now - shanghaiMidnight(y, mo, d)) % 86_400_000);
      return { from, to: end, label: `滚动12个月（${shanghaiDate(from)} 至 ${shanghaiDate(now)}）` };
    }
    case 'assessmentPeriod': {
      const p = assessmentPeriodAt(assessment, now);
      return { from: p.from, to: end, label: `考评期 ${p.label}（截至 ${shanghaiDate(now)}）` };
    }
  }
}

/**
 * Is `name` the case shard of a year closed at `now` (Shanghai time)? Those are opened on first
 * access rather than at start: a decade of cases opens as fast as its current year.
 */
export function isClosedYearShard(name: string, now: number = Date.now()): boolean {
  const m = /^cases-(\d{4})$/.exec(name);
  return m !== null && Number(m[1]) < Number(shanghaiDate(now).slice(0, 4));
}
