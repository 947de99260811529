/**
 * Warnings for results that relied on days the pack does not declare officially: the fallback data
 * package (`calendar-fallback`), weekends only (`calendar-uncovered`), or a schedule not yet
 * published by the State Council (`calendar-provisional`): a pack year pre-arranged with
 * `official: false`, or the statutory holidays alone for a year nobody declares. Never a silent guess.
 */
import type { DecisionWarning } from '../pack/index.ts';
import { civilFromDays } from '../core/index.ts';
import { COVER_PACKAGE, COVER_PROVISIONAL, COVER_UNCOVERED, Source, type DayIndex } from './day-index.ts';

export const NO_WARNINGS: readonly DecisionWarning[] = Object.freeze([]);

const cache = new WeakMap<DayIndex, Map<number, readonly DecisionWarning[]>>();

/** The warnings for a result that counted the days [a, b] (days since 1970-01-01). */
export function coverageWarnings(index: DayIndex, a: number, b: number): readonly DecisionWarning[] {
  const lo = a <= b ? a : b;
  const hi = a <= b ? b : a;
  if (index.coverage(lo, hi) === 0) return NO_WARNINGS;
  // Sources are per year, so the warnings depend only on the range of years.
  const key = civilFromDays(lo).year * 10_000 + civilFromDays(hi).year;
  let perIndex = cache.get(index);
  if (!perIndex) cache.set(index, (perIndex = new Map()));
  const hit = perIndex.get(key);
  if (hit) return hit;
  const out: DecisionWarning[] = [];
  const years = (bit: number): string[] => index.yearsWith(bit, lo, hi).map(String);
  const fallback = years(COVER_PACKAGE);
  if (fallback.length > 0) {
    out.push({
      code: 'calendar-fallback',
      message: `规则包未收录 ${fallback.join('、')} 年的节假日安排，已按内置节假日数据（chinese-days）计算；请核对后在规则包中添加 ${fallback.map((y) => `calendar/${y}.yaml`).join('、')}`,
    });
  }
  const uncovered = years(COVER_UNCOVERED);
  if (uncovered.length > 0) {
    out.push({
      code: 'calendar-uncovered',
      message: `${uncovered.join('、')} 年的节假日安排尚不可知（规则包和内置数据均未收录），已只按周末休息推算，期限可能不准确；国务院公布后请添加 ${uncovered.map((y) => `calendar/${y}.yaml`).join('、')}`,
    });
  }
  const provisionalYears = index.yearsWith(COVER_PROVISIONAL, lo, hi);
  const provisional = provisionalYears.filter((y) => index.yearSourceOf(y) !== Source.Statutory).map(String);
  if (provisional.length > 0) {
    out.push({
      code: 'calendar-provisional',
      message: `${provisional.join('、')} 年的节假日安排尚未由国务院正式公布，已按规则包中的预排安排计算，正式安排公布后期限可能变化`,
    });
  }
  const statutory = provisionalYears.filter((y) => index.yearSourceOf(y) === Source.Statutory).map(String);
  if (statutory.length > 0) {
    out.push({
      code: 'calendar-provisional',
      message: `${statutory.join('、')} 年的节假日安排尚未由国务院正式公布，规则包和内置数据均未收录，已只按《全国年节及纪念日放假办法》规定的法定假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）推算，不含调休和补假，期限可能变化；国务院公布后请添加 ${statutory.map((y) => `calendar/${y}.yaml`).join('、')}`,
    });
  }
  const frozen = Object.freeze(out.map((w) => Object.freeze(w)));
  perIndex.set(key, frozen);
  return frozen;
}

/** Concatenates warning lists without duplicates (same code and message). */
export function mergeWarnings(...lists: ReadonlyArray<readonly DecisionWarning[]>): DecisionWarning[] {
  const out: DecisionWarning[] = [];
  for (const list of lists) {
    for (const w of list) if (!out.some((x) => x.code === w.code && x.message === w.message)) out.push(w);
  }
  return out;
}
