// Run as a child process by timezone.test.ts under different TZ values: prints a batch of clock
// results as JSON. Everything here must come out byte-identical whatever the machine's zone.
import { addDuration, clock, computeDeadline, createCalendar, formatInstant, supplementNotice, yearSummary } from '../../src/calendar/index.ts';
import { statutoryHolidays } from '../../src/calendar/statutory.ts';
import { parseInstant } from '../../src/core/index.ts';
import { scaffoldPack } from '../../src/pack/index.ts';
import { OFFICIAL_2025, SEED_002_HOURS, rulesCalendarFile } from './helpers.ts';

const cal = createCalendar({ calendars: [OFFICIAL_2025, await rulesCalendarFile(2026), await rulesCalendarFile(2027)], officeHours: SEED_002_HOURS });
const out: unknown[] = [];
const units = ['workingDays', 'calendarDays', 'hours', 'minutes'] as const;
// Starts around midnight, office hours and holiday edges, with and without offsets.
const starts = [
  '2025-12-31T23:59:59+08:00',
  '2026-01-01T00:00:00+08:00',
  '2025-12-31T16:00:00Z',
  '2026-09-30T17:20:00',
  '2026-09-30 11:50',
  '2026-10-09',
  '2026-03-08T02:30:00-05:00',
  '2026-12-31T10:00:00+08:00',
];
for (const start of starts) {
  out.push({ start, parsed: formatInstant(parseInstant(start)) });
  for (const unit of units) for (const amount of [0, 1, 7, 30]) out.push([start, unit, amount, addDuration(cal, start, { amount, unit })]);
}
out.push(computeDeadline(cal, { promised: { amount: 10, unit: 'workingDays' }, statutory: { amount: 20, unit: 'workingDays' } }, '2026-09-28T09:00:00+08:00'));
for (const now of ['2026-10-14T00:00:00+08:00', '2026-10-16T17:31:00+08:00', '2026-10-13T16:00:00Z']) {
  out.push(
    clock(cal, { warnings: { yellowWhenRemaining: { amount: 2, unit: 'workingDays' } } }, {
      acceptedAt: '2026-09-28T09:00:00+08:00',
      promised: { amount: 10, unit: 'workingDays' },
      statutory: { amount: 20, unit: 'workingDays' },
      suspensions: [{ from: '2026-10-09T23:30:00+08:00', to: '2026-10-10T00:30:00+08:00' }],
    }, now),
  );
}
out.push(supplementNotice(cal, { supplementNotice: { amount: 5, unit: 'workingDays' } }, '2026-09-29T10:00:00+08:00', null, '2026-10-20T00:00:00+08:00'));
out.push(yearSummary(cal, 2026), cal.isWorkingDay('2026-10-10'), cal.officeHours('2026-10-10'));
// The statutory holidays come from chinese-days, whose conversions use the machine's zone.
for (const year of [2027, 2030, 2033, 2057, 2099]) out.push(statutoryHolidays(year));
out.push(addDuration(cal, '2028-09-29T17:40:00+08:00', { amount: 0, unit: 'sameDay' }));
// `bianmin init` pre-arranges next year from the same statutory days.
const answers = { center: { name: '青石镇便民服务中心', code: '青便', address: '梧溪县青石镇人民路1号', phones: { consult: '0856-2336000', complaint: '0856-2336001' } }, windows: [{ id: 'zonghe-window', name: '综合窗口' }], staff: [{ id: 'chen-li', name: '陈丽', window: 'zonghe-window', post: 'A' as const }, { id: 'wang-fang', name: '王芳', window: 'zonghe-window', post: 'B' as const }] };
out.push(scaffoldPack(answers, { schemaBase: '/schemas', today: new Date('2026-05-20T02:00:00Z') }).get('calendar/2027.yaml'));
process.stdout.write(JSON.stringify(out));
