import type { Command } from 'commander';
import { printJson, runWithRecords, type RecordsFlags } from '../records-context.ts';

interface BackupFlags extends RecordsFlags {
  to?: string;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('备份数据目录：一致地复制全部登记簿和公开存档，并读回校验')
    .option('--to <目录>', '备份到此目录（须不存在或为空），默认为数据目录旁 backups/ 下以时间命名的目录')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--data <目录>', '数据目录（登记簿）', 'data')
    .option('--json', '以 JSON 输出')
    .action(async (opts: BackupFlags) => {
      // Read-only: works while the service is writing; each file's copy is consistent.
      await runWithRecords(opts, 'read', async (records) => {
        const result = await records.backup(opts.to);
        if (opts.json) return printJson(result);
        const counts = Object.entries(result.counts)
          .map(([name, n]) => `${name} ${n} 条`)
          .join('，');
        process.stdout.write(`已备份到 ${result.dir}：${result.files.length} 个文件，校验通过（${counts || '无记录'}）\n`);
      });
    });
}
