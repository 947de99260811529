/**
 * The command line: every command with its options and Chinese help, registered from the light
 * syntax files. A command's own modules (the pack loader, the server, the renderer …) are
 * imported only when it runs, so `--version` and `--help` start in a blink.
 */
import { Command } from 'commander';
import type { Run, TextSink } from './context.ts';
import { CHINESE_HELP } from './help.ts';
import { backupSyntax } from './syntax/backup.ts';
import { boardSyntax } from './syntax/board.ts';
import { calendarSyntax } from './syntax/calendar.ts';
import { casesSyntax } from './syntax/cases.ts';
import { checkSyntax } from './syntax/check.ts';
import { complaintSyntax } from './syntax/complaint.ts';
import { deadlineSyntax } from './syntax/deadline.ts';
import { decideSyntax } from './syntax/decide.ts';
import { diffSyntax } from './syntax/diff.ts';
import { exportSyntax } from './syntax/export.ts';
import { importSyntax } from './syntax/import.ts';
import { guideSyntax } from './syntax/guide.ts';
import { initSyntax } from './syntax/init.ts';
import { itemsSyntax } from './syntax/items.ts';
import { metricsSyntax } from './syntax/metrics.ts';
import { renderSyntax } from './syntax/render.ts';
import { restoreSyntax, migrateSyntax } from './syntax/restore.ts';
import { reviewSyntax } from './syntax/review.ts';
import { routeSyntax } from './syntax/route.ts';
import { sanctionsSyntax } from './syntax/sanctions.ts';
import { serveSyntax } from './syntax/serve.ts';
import { sweepSyntax } from './syntax/sweep.ts';
import { testSyntax } from './syntax/test.ts';
import { validateSyntax } from './syntax/validate.ts';

/** In the order `bianmin --help` lists them. */
const COMMANDS = [
  initSyntax,
  validateSyntax,
  checkSyntax,
  casesSyntax,
  complaintSyntax,
  reviewSyntax,
  sanctionsSyntax,
  metricsSyntax,
  sweepSyntax,
  backupSyntax,
  restoreSyntax,
  migrateSyntax,
  deadlineSyntax,
  calendarSyntax,
  decideSyntax,
  routeSyntax,
  itemsSyntax,
  renderSyntax,
  guideSyntax,
  boardSyntax,
  serveSyntax,
  testSyntax,
  diffSyntax,
  exportSyntax,
  importSyntax,
] as const;

/**
 * A fresh program (commander keeps parsed values on it) writing help to `stdout` / `stderr`.
 * Commander's own errors are not printed here: they reach `runCli` as CommanderErrors, which
 * reports them like every other usage error.
 */
export function buildProgram(out: { readonly stdout: TextSink; readonly stderr: TextSink }, run: Run): Command {
  const program = new Command();
  program
    .name('bianmin')
    .description('便民：政务服务中心规则与政策引擎')
    .version('0.1.0', '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .configureHelp(CHINESE_HELP)
    .addHelpCommand('help [命令]', '显示某个命令的帮助')
    .configureOutput({
      writeOut: (text) => void out.stdout.write(text),
      writeErr: (text) => void out.stderr.write(text),
      // Wrap help at the terminal's width when there is one, else at commander's 80 columns.
      getOutHelpWidth: () => columnsOf(out.stdout),
      getErrHelpWidth: () => columnsOf(out.stderr),
      outputError: () => {},
    })
    .exitOverride();
  for (const define of COMMANDS) define(program, run);
  return program;
}

function columnsOf(sink: TextSink): number {
  return 'isTTY' in sink && sink.isTTY === true && 'columns' in sink && typeof sink.columns === 'number' ? sink.columns : 80;
}
