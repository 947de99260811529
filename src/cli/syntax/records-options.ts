import type { Command } from 'commander';

/** The options every records command takes. */
export interface RecordsFlags {
  rules: string;
  data: string;
  json?: boolean;
}

/** Adds --rules, --data and --json to a command. */
export function withRecordsOptions(cmd: Command): Command {
  return cmd
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--data <目录>', '数据目录（登记簿）', 'data')
    .option('--json', '以 JSON 输出（个人信息已脱敏）');
}
