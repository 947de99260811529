/** Today's date in Beijing (YYYY-MM-DD), whatever the machine's zone. */
import { shanghaiDate } from '../calendar/index.ts';

export function shanghaiToday(now: number = Date.now()): string {
  return shanghaiDate(now);
}
