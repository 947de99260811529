import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface RouteFlags {
  limit: string;
  rules: string;
  json?: boolean;
}

export function routeSyntax(program: Command, run: Run): void {
  program
    .command('route')
    .description('首问负责引导：按编码、名称、关键词或窗口号查找应去的窗口或机关，例如 bianmin route "低保"')
    .argument('<关键词>', '事项编码、名称、关键词、窗口号，或群众的原话')
    .option('--limit <条数>', '最多列出几条', '10')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出')
    .action((query: string, opts: RouteFlags) => run(async (ctx) => (await import('../commands/route.ts')).route(ctx, query, opts)));
}
