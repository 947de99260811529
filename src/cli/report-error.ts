/**
 * How a command that fails ends: its error in Chinese, located, on stderr, and the catalogue's
 * exit code. With `--json` the same error is JSON on stdout instead, in the shape of the service's
 * error bodies. Commander's own errors become UsageErrors here; nothing prints a stack trace.
 */
import { CommanderError } from 'commander';
import { BianminError, formatProblem, type Problem } from '../core/index.ts';
import type { Context } from './context.ts';
import { EXIT } from './exit.ts';
import { UsageError, type UsageCode } from './usage-error.ts';

/** A located problem as the JSON error lists it: code, message and only the location fields it has. */
export interface JsonProblem {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
}

/**
 * `{ "error": { code, message, file?, line?, column?, path?, details?, suggestions? } }`: what
 * `--json` prints for a failed command, the body the HTTP service answers with, plus the file
 * location a command line has. `details` lists every problem when there are several.
 */
export interface JsonError {
  readonly error: JsonProblem & { readonly details?: readonly JsonProblem[]; readonly suggestions?: readonly unknown[] };
}

function plainProblem(p: Problem): JsonProblem {
  const out: { -readonly [K in keyof JsonProblem]: JsonProblem[K] } = { code: p.code, message: p.message };
  if (p.file !== undefined) out.file = p.file;
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  if (p.path !== undefined) out.path = p.path;
  return out;
}

/** The JSON form of any error: a BianminError keeps its code and location, anything else is E-INTERNAL. */
export function jsonError(err: unknown): JsonError {
  if (!(err instanceof BianminError)) {
    const message = err instanceof Error ? err.message : String(err);
    return { error: { code: 'E-INTERNAL', message: `内部错误：${message}` } };
  }
  const suggestions = 'suggestions' in err && Array.isArray(err.suggestions) && err.suggestions.length > 0 ? (err.suggestions as readonly unknown[]) : undefined;
  // The first detail is the error itself, often located more closely (a file and line besides the path).
  const [first] = err.details;
  const own = first && first.code === err.code && first.message === err.detail ? first : {};
  return {
    error: {
      ...plainProblem({ ...own, code: err.code, message: err.detail, ...err.location }),
      ...(err.details.length > 1 || (err.details[0] && err.details[0].message !== err.detail) ? { details: err.details.map(plainProblem) } : {}),
      ...(suggestions ? { suggestions } : {}),
    },
  };
}

function exitOf(err: unknown): number {
  if (err instanceof CommanderError) return fromCommander(err).exitCode;
  return err instanceof BianminError ? err.exitCode : EXIT.internal;
}

const USAGE_CODES: Readonly<Record<string, UsageCode>> = {
  'commander.unknownCommand': 'E-USAGE-COMMAND',
  'commander.missingArgument': 'E-USAGE-ARGUMENT',
  'commander.excessArguments': 'E-USAGE-ARGUMENT',
};

export function reportError(ctx: Context, err: unknown): number {
  if (ctx.output.json) {
    const e = err instanceof CommanderError ? fromCommander(err) : err;
    ctx.stdout.write(`${JSON.stringify(jsonError(e), null, 2)}\n`);
    return exitOf(e);
  }
  if (err instanceof CommanderError) return reportError(ctx, fromCommander(err));
  if (err instanceof UsageError || (err instanceof BianminError && err.kind === 'usage')) {
    // Several problems with the answers or flags: each on its own line, located.
    const rest = err.details.slice(1).map((p) => `  ${formatProblem(p)}\n`).join('');
    ctx.stderr.write(`错误：${err.message}\n${rest}（使用 --help 查看用法）\n`);
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
