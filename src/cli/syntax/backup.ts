import type { Command } from 'commander';
import type { Run } from '../context.ts';
import type { RecordsFlags } from './records-options.ts';

export interface BackupFlags extends RecordsFlags {
  to?: string;
}

export function backupSyntax(program: Command, run: Run): void {
  program
    .command('backup')
    .description('备份数据目录：一致地复制全部登记簿和公开存档，并读回校验')
    .option('--to <目录>', '备份到此目录（须不存在或为空），默认为数据目录旁 backups/ 下以时间命名的目录')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--data <目录>', '数据目录（登记簿）', 'data')
    .option('--json', '以 JSON 输出')
    .action((opts: BackupFlags) => run(async (ctx) => (await import('../commands/backup.ts')).backup(ctx, opts)));
}
