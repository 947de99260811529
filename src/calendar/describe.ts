/** Chinese wording of limits and times, shared by messages, the CLI and documents. */
import type { Duration } from '../pack/index.ts';
import { weekdayName } from '../core/index.ts';
import { clockInstant } from './clock-input.ts';
import { formatInstantShort, shanghaiDay } from './shanghai-time.ts';

const UNIT_WORDS: Record<Duration['unit'], string> = {
  workingDays: '个工作日',
  calendarDays: '日',
  hours: '小时',
  minutes: '分钟',
  sameDay: '当日',
};

/** `20 个工作日`, `7 日`, `2 小时`, `30 分钟`, `当日` (sameDay has no number). */
export function describeDuration(d: { readonly amount: number; readonly unit: Duration['unit'] }): string {
  if (d.unit === 'sameDay') return UNIT_WORDS.sameDay;
  return `${d.amount} ${UNIT_WORDS[d.unit]}`;
}

/** The unit alone: `个工作日` … */
export function unitWord(unit: Duration['unit']): string {
  return UNIT_WORDS[unit];
}

/** `2026-10-30（星期五）17:30` from an ISO string or epoch ms. */
export function describeInstant(at: string | number): string {
  const ms = typeof at === 'number' ? at : clockInstant(at);
  const [date, time] = formatInstantShort(ms).split(' ');
  return `${date}（${weekdayName(shanghaiDay(ms))}）${time}`;
}
