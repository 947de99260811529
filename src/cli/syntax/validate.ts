import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface ValidateFlags {
  rules: string;
  json?: boolean;
}

/**
 * `bianmin validate [--rules DIR] [--json]`: every problem of the pack, located. Exit 0 when valid
 * (warnings allowed), 1 when the pack has errors — including a DIR that is missing or not a
 * directory, reported like any other pack problem — and 2 for a wrong command line.
 */
export function validateSyntax(program: Command, run: Run): void {
  program
    .command('validate')
    .description('校验规则包：YAML 语法、格式、引用关系，列出全部错误和警告（含文件、行、列）')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出 {"ok", "errors", "warnings"}，每条含 file、line、column、path、code、message')
    .action((opts: ValidateFlags) => run(async (ctx) => (await import('../commands/validate.ts')).validate(ctx, opts)));
}
