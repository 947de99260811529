// Shared inputs of the calendar tests: the official schedules and small temp packs built from real files.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createCalendar, type Calendar } from '../../src/calendar/index.ts';
import type { CalendarFile, OfficeHours } from '../../src/pack/schema-types.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RULES = path.join(ROOT, 'rules');
export const MINIMAL_PACK = path.join(ROOT, 'test/fixtures/minimal-pack');

/** The State Council's 2025 schedule (国办发明电〔2024〕12号), as a pack would declare it. */
export const OFFICIAL_2025: CalendarFile = {
  year: 2025,
  official: true,
  source: '《国务院办公厅关于2025年部分节假日安排的通知》',
  holidays: [
    { name: '元旦', from: '2025-01-01' },
    { name: '春节', from: '2025-01-28', to: '2025-02-04' },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
  ],
  workdays: [
    { date: '2025-01-26', name: '春节调休' },
    { date: '2025-02-08', name: '春节调休' },
    { date: '2025-04-27', name: '劳动节调休' },
    { date: '2025-09-28', name: '国庆节调休' },
    { date: '2025-10-11', name: '国庆节调休' },
  ],
};

/** Seed 002: 8:30–12:00 and 13:00–17:30. */
export const SEED_002_HOURS: OfficeHours = { default: ['08:30-12:00', '13:00-17:30'] };
/** Seed 001: 9:00–17:00, no lunch break. */
export const SEED_001_HOURS: OfficeHours = { default: ['09:00-17:00'] };

export async function rulesCalendarFile(year: number): Promise<CalendarFile> {
  return parse(await readFile(path.join(RULES, 'calendar', `${year}.yaml`), 'utf8')) as CalendarFile;
}

/** The official 2025 schedule plus the sample pack's 2026 (official) and 2027 (provisional) files. */
export async function officialCalendar(hours: OfficeHours = SEED_002_HOURS): Promise<Calendar> {
  return createCalendar({ calendars: [OFFICIAL_2025, await rulesCalendarFile(2026), await rulesCalendarFile(2027)], officeHours: hours });
}

/** The `chinese-days` data package's raw maps. */
export async function chineseDaysData(): Promise<{ holidays: Record<string, string>; workdays: Record<string, string> }> {
  const file = path.join(ROOT, 'node_modules/chinese-days/dist/chinese-days.json');
  return JSON.parse(await readFile(file, 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
}

/** Every date of a year, `YYYY-MM-DD` (UTC arithmetic: independent of the machine's zone). */
export function datesOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * A temp copy of the minimal fixture pack whose calendar/ holds exactly `calendars` (file name →
 * YAML text); `edit` may change other files. Removed by the returned cleanup.
 */
export async function tempPack(calendars: Record<string, string>, edit?: (dir: string) => Promise<void>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-cal-'));
  await cp(MINIMAL_PACK, dir, { recursive: true });
  for (const f of await readdir(path.join(dir, 'calendar'))) await rm(path.join(dir, 'calendar', f));
  for (const [name, text] of Object.entries(calendars)) await writeFile(path.join(dir, 'calendar', name), text);
  if (edit) await edit(dir);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function rulesCalendarText(year: number): Promise<string> {
  return readFile(path.join(RULES, 'calendar', `${year}.yaml`), 'utf8');
}
