/** Today's date in Beijing (YYYY-MM-DD), whatever the machine's zone. */
import { formatInstant } from '../calendar/index.ts';

export function shanghaiToday(now: number = Date.now()): string {
  return formatInstant(now).slice(0, 10);
}
