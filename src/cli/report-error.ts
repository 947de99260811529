/**
 * How a command that fails ends: its error in Chinese, located, on stderr, and the catalogue's
 * exit code. Commander's own errors become UsageErrors here; nothing prints a stack trace.
 */
import { CommanderError } from 'commander';
import { BianminError } from '../core/index.ts';
import type { Context } from './context.ts';
import { EXIT } from './exit.ts';
import { UsageError, type UsageCode } from './usage-error.ts';

const USAGE_CODES: Readonly<Record<string, UsageCode>> = {
  'commander.unknownCommand': 'E-USAGE-COMMAND',
  'commander.missingArgument': 'E-USAGE-ARGUMENT',
  'commander.excessArguments': 'E-USAGE-ARGUMENT',
};

export function reportError(ctx: Context, err: unknown): number {
  if (err instanceof CommanderError) return reportError(ctx, fromCommander(err));
  if (err instanceof UsageError) {
    ctx.stderr.write(`错误：${err.message}\n（使用 --help 查看用法）\n`);
    return err.exitCode;
  }
  if (err instanceof BianminError) {
    ctx.stderr.write(`错误：${err.message}\n`);
    return err.exitCode;
  }
  // Anything unexpected is still reported in Chinese, without a stack trace.
  const message = err instanceof Error ? err.message : String(err);
  ctx.stderr.write(`bianmin：内部错误：${message}\n`);
  return EXIT.internal;
}

/** A commander parse error as a UsageError with its message in Chinese. */
export function fromCommander(err: CommanderError): UsageError {
  return new UsageError(USAGE_CODES[err.code] ?? 'E-USAGE-OPTION', translate(err.message));
}

/** Commander's own usage errors, in Chinese, without the leading "错误：" (the reporter adds it). */
function translate(message: string): string {
  return message
    .replace(/^error: unknown option '(.+)'/m, "未知选项 '$1'")
    .replace(/^error: unknown command '(.+)'/m, "未知命令 '$1'")
    .replace(/^error: missing required argument '(.+)'/m, "缺少参数 '$1'")
    .replace(/^error: option '(.+)' argument missing/m, "选项 '$1' 缺少取值")
    .replace(/^error: required option '(.+)' not specified/m, "必须提供选项 '$1'")
    .replace(/^error: too many arguments.*$/m, '参数过多')
    .replace(/\(Did you mean (.+)\?\)/, '（是否应为 $1？）')
    .replace(/^error: /m, '');
}
