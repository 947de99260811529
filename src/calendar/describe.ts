/** Chinese wording of limits and times, shared by messages, the CLI and documents. */
import { weekdayName } from '../core/index.ts';
import { clockInstant } from './clock-input.ts';
import { formatInstantShort, shanghaiDay } from './shanghai-time.ts';

// Limits in words are the pack's wording, shared with the pack checks and every later stage.
export { describeDuration, unitWord } from '../pack/index.ts';

/** `2026-10-30（星期五）17:30` from an ISO string or epoch ms. */
export function describeInstant(at: string | number): string {
  const ms = typeof at === 'number' ? at : clockInstant(at);
  const [date, time] = formatInstantShort(ms).split(' ');
  return `${date}（${weekdayName(shanghaiDay(ms))}）${time}`;
}
