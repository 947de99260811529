import type { Command } from 'commander';
import type { Run } from '../context.ts';

export interface DecideFlags {
  item?: string;
  bundle?: string;
  input: string;
  at?: string;
  rules: string;
  json?: boolean;
}

export function decideSyntax(program: Command, run: Run): void {
  program
    .command('decide')
    .description('对一份申请或咨询作出处理决定：咨询件、补正件、退回件、不予受理或受理件，附一次性告知内容和判断过程')
    .option('--item <编码>', '事项编码，例如 MZ-001（与 --bundle 二选一）')
    .option('--bundle <编码>', '“一件事”编码，例如 YJS-001：各事项按同一申请一并判断，输出合并的一次性告知（也可在输入文件中写 bundle）')
    .requiredOption('--input <文件>', '申请（JSON 或 YAML 文件）：{intent, applicant, materials, receivedAt}，格式见 schemas/application.schema.json')
    .option('--at <时间>', '申请未写收件时间时使用的时间（ISO 8601，不带时区即北京时间），默认当前时间')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出完整决定（schemas/decision.schema.json）')
    .action((opts: DecideFlags) => run(async (ctx) => (await import('../commands/decide.ts')).decide(ctx, opts)));
}
