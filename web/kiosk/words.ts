/**
 * The kiosk's plain words for what a decision says in codes: how a material is handed in, how long
 * it takes, what it costs. Citizens read these, so no code, no abbreviation.
 */
import type { Decision } from '../shared/types.ts';

export type Material = Decision['materials'][number];
export type Question = Decision['questions'][number];
export type Duration = { amount: number; unit: 'workingDays' | 'calendarDays' | 'hours' | 'minutes' | 'sameDay' };
export type Answer = string | number | boolean;

const UNITS: Record<Duration['unit'], string> = { workingDays: '个工作日', calendarDays: '天', hours: '小时', minutes: '分钟', sameDay: '当日' };

export function duration(d: Duration): string {
  if (d.unit === 'sameDay') return UNITS.sameDay;
  return `${d.amount}${UNITS[d.unit]}`;
}

/** 原件1份 / 复印件2份 / 原件和复印件各1份, and the medium when it is not paper. */
export function handIn(m: Material): string {
  const form = m.form === 'original' ? `原件${m.copies}份` : m.form === 'copy' ? `复印件${m.copies}份` : `原件和复印件各${m.copies}份`;
  const medium = m.medium === 'electronic' ? '（电子版）' : m.medium === 'either' ? '（纸质或电子版均可）' : '';
  return form + medium;
}

/**
 * How long, from the promised limit (the one the center commits to). An item whose mode depends on
 * the applicant (临时救助: 1000元以下当场审批) names each case until the answers decide one.
 */
export function howLong(guide: NonNullable<Decision['guide']>): string {
  const modes = guide.modes ?? [];
  if (modes.length > 0 && !modes.some((m) => m.applies === true)) {
    return modes.map((m) => `${m.text ?? '其余情况'}：${limitWords(m.mode, m.promised)}`).join('；');
  }
  return limitWords(guide.mode, guide.limits.promised);
}

function limitWords(mode: NonNullable<Decision['guide']>['mode'], promised: Duration): string {
  if (mode === 'immediate') return `材料齐全的，当场办结（${duration(promised)}内）`;
  return `受理后 ${duration(promised)}内办结`;
}

/** A yes/no/option answer in words. */
export function answerText(q: Question | undefined, value: Answer): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return `${value}${q?.unit ?? ''}`;
  if (q?.fact === 'applicantType') return value === 'organization' ? '单位' : '个人';
  return value;
}
