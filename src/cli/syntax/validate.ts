import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface ValidateFlags {
  rules: string;
  json?: boolean;
  /** Also run `bianmin check` (the one-time notice proof and the rule checks). */
  deep?: boolean;
}

/**
 * `bianmin validate [--rules DIR] [--json] [--deep]`: every problem of the pack, located (with `--deep`
 * the static check's findings too). Exit 0 when valid
 * (warnings allowed), 1 when the pack has errors — including a DIR that is missing or not a
 * directory, reported like any other pack problem — and 2 for a wrong command line.
 */
export function validateSyntax(program: Command, run: Run): void {
  program
    .command('validate')
    .description('校验规则包：YAML 语法、格式、引用关系，列出全部错误和警告（含文件、行、列）')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出 {"ok", "errors", "warnings"}，每条含 file、line、column、path、code、message')
    .option('--deep', '校验通过后再做静态检查（同 bianmin check：一次性告知单完整性证明、永不成立或总成立的规则等），反例附场景')
    .action((opts: ValidateFlags) => run(async (ctx) => (await import('../commands/validate.ts')).validate(ctx, opts)));
}
