/**
 * The command line as a function: `runCli(argv, io)` runs one bianmin command and resolves to its
 * exit code. It never exits the process and never prints a stack trace; `bin/bianmin.js` is the
 * only place that touches the process. The folder's only entry.
 */
import { CommanderError, type Command } from 'commander';
import { contextOf, type CliIo } from './context.ts';
import { EXIT } from './exit.ts';
import { buildProgram } from './program.ts';
import { closeCliRenderer } from './printing.ts';

export type { CliIo, TextSink } from './context.ts';

/** Commander's "errors" that are in fact the help or the version, as asked for. */
const SHOWN = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** `argv` without node and the script: `['validate', '--rules', 'rules']`. */
export async function runCli(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const ctx = contextOf(io);
  let code: number = EXIT.ok;
  const program = buildProgram(ctx, async (action) => {
    code = await action(ctx);
  });
  // `--json` answers errors in JSON too: known once the command's flags are parsed.
  program.hook('preAction', (_program, command) => {
    ctx.output.json = command.opts<{ json?: unknown }>().json === true;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError && SHOWN.has(err.code)) return EXIT.ok;
    // A command line commander refused never reached preAction: look for --json by hand.
    if (err instanceof CommanderError) ctx.output.json = asksForJson(program, argv);
    // Only a failing command gets here: the error reporter (and the catalogue) load on demand.
    const { reportError } = await import('./report-error.ts');
    return reportError(ctx, err);
  } finally {
    // The one browser the run's PDFs shared (if any were printed).
    await closeCliRenderer(ctx);
  }
}

/** Does `argv` name a command that has `--json`, and give it? (Up to a `--`, as commander reads it.) */
function asksForJson(program: Command, argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const args = end < 0 ? argv : argv.slice(0, end);
  if (!args.includes('--json')) return false;
  let command: Command = program;
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    command = sub;
  }
  return command.options.some((o) => o.long === '--json');
}
