import type { Command } from 'commander';
import { registerValidate } from './validate.ts';

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command): void {
  registerValidate(program);
}
