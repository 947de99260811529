/** The sweep's order for every kind of card: red first, then yellow; each by due time. */
import { epochOf } from './time.ts';

export function byUrgency<T extends { readonly level: 'yellow' | 'red'; readonly due: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => (a.level === b.level ? epochOf(a.due) - epochOf(b.due) : a.level === 'red' ? -1 : 1));
}
