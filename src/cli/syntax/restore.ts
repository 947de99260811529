import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface RestoreFlags {
  data: string;
  json?: boolean;
}

export interface MigrateFlags {
  data: string;
  to: string;
  json?: boolean;
}

export function restoreSyntax(program: Command, run: Run): void {
  program
    .command('restore')
    .description('从备份恢复登记簿：读入空的数据目录或空的 PostgreSQL 数据库，并读回校验')
    .argument('<备份目录>', 'bianmin backup 生成的目录（或一个数据目录）')
    .requiredOption('--data <目录或数据库>', '恢复到此处：不存在或为空的数据目录，或没有登记簿的 postgres:// 数据库')
    .option('--json', '以 JSON 输出')
    .action((source: string, opts: RestoreFlags) => run(async (ctx) => (await import('../commands/restore.ts')).restore(ctx, source, opts)));
}

export function migrateSyntax(program: Command, run: Run): void {
  program
    .command('migrate')
    .description('把数据目录中的登记簿迁入 PostgreSQL（服务须先停止；迁移在一个事务中完成，失败则数据库不变）')
    .option('--data <目录>', '数据目录（登记簿）', 'data')
    .requiredOption('--to <数据库>', '没有登记簿的 PostgreSQL：postgres://用户@主机:端口/库名[?schema=名称]')
    .option('--json', '以 JSON 输出')
    .action((opts: MigrateFlags) => run(async (ctx) => (await import('../commands/restore.ts')).migrate(ctx, opts)));
}
