import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface CheckFlags {
  rules: string;
  json?: boolean;
  item?: string[];
}

/**
 * `bianmin check [--rules DIR] [--json] [--item CODE]…`: the static analysis of the pack — the
 * one-time notice proved complete, dead and overlapping rules, mode/clock/document coherence.
 * Exit 0 when no error (warnings allowed), 1 when the pack is invalid or a check fails, 2 for a
 * wrong command line.
 */
export function checkSyntax(program: Command, run: Run): void {
  program
    .command('check')
    .description('静态检查规则包：证明一次性告知单完整、查找永不成立或总成立的规则、核对办理方式、时钟和文书；反例输出为可直接粘贴的场景')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--item <编码>', '只检查这个事项；可重复写，或用逗号分隔几个编码，例如 --item MZ-001,MZ-004', (value: string, prior: string[]) => [...prior, ...value.split(/[,，]/).map((c) => c.trim()).filter((c) => c !== '')], [] as string[])
    .option('--json', '以 JSON 输出 {"ok", "errors", "warnings", "stats"}')
    .action((opts: CheckFlags) => run(async (ctx) => (await import('../commands/check.ts')).check(ctx, opts)));
}
