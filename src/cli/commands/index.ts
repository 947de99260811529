import type { Command } from 'commander';
import { registerValidate } from './validate.ts';
import { registerCases } from './cases.ts';
import { registerComplaint } from './complaint.ts';
import { registerSanctions } from './sanctions.ts';
import { registerMetrics } from './metrics.ts';
import { registerSweep } from './sweep.ts';
import { registerBackup } from './backup.ts';
import { registerDeadline } from './deadline.ts';
import { registerCalendar } from './calendar.ts';
import { registerDecide } from './decide.ts';
import { registerRoute } from './route.ts';
import { registerItems } from './items.ts';
import { registerRender } from './render.ts';
import { registerGuide } from './guide.ts';
import { registerBoard } from './board.ts';
import { registerServe } from './serve.ts';
import { registerTest } from './test.ts';
import { registerDiff } from './diff.ts';

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command): void {
  registerValidate(program);
  registerCases(program);
  registerComplaint(program);
  registerSanctions(program);
  registerMetrics(program);
  registerSweep(program);
  registerBackup(program);
  registerDeadline(program);
  registerCalendar(program);
  registerDecide(program);
  registerRoute(program);
  registerItems(program);
  registerRender(program);
  registerGuide(program);
  registerBoard(program);
  registerServe(program);
  registerTest(program);
  registerDiff(program);
}
