import type { Command } from 'commander';
import type { Run } from '../context.ts';
import { helpNote } from '../help.ts';

export interface InitFlags {
  answers?: string;
  name?: string;
  code?: string;
  address?: string;
  hours: string[];
  consultPhone?: string;
  complaintPhone?: string;
  reportPhone?: string;
  window: string[];
  staff: string[];
  schemaBase?: string;
  date?: string;
}

export function initSyntax(program: Command, run: Run): void {
  program
    .command('init')
    .description('新建规则包：按中心名称、地址、办公时间、电话、窗口和工作人员，生成可以直接校验和测试的规则包（每种办理方式一个示例事项、今明两年节假日、场景测试）')
    .argument('<目录>', '新规则包的目录（不存在则新建；已有文件的目录不会被覆盖）')
    .option('--answers <文件>', '从文件读取回答（JSON 或 YAML）：{center: {name, code, address, officeHours, phones: {consult, complaint, report}}, windows: [{id, name}], staff: [{id, name, window, post}]}')
    .option('--name <名称>', '中心名称，例如 青石镇便民服务中心')
    .option('--code <简称>', '文书编号前缀（中心简称），例如 青便')
    .option('--address <地址>', '中心地址')
    .option('--hours <时段>', '办公时段，可重复，例如 --hours 08:30-12:00 --hours 13:00-17:30（不写为上午 08:30-12:00、下午 13:00-17:30）', collect, [])
    .option('--consult-phone <电话>', '咨询电话')
    .option('--complaint-phone <电话>', '投诉电话')
    .option('--report-phone <电话>', '举报电话（不写同投诉电话）')
    .option('--window <标识=名称>', '窗口，可重复，例如 --window minzheng-window=民政窗口', collect, [])
    .option('--staff <标识=姓名@窗口>', '工作人员，可重复，末尾可加 :A 或 :B 表示A岗、B岗，例如 --staff chen-li=陈丽@minzheng-window:A', collect, [])
    .option('--schema-base <路径>', '文件第一行 $schema 指向的格式目录（网址、绝对路径，或相对于新规则包目录的路径；不写为本程序自带的 schemas/）')
    .option('--date <日期>', '按哪一天生成（YYYY-MM-DD）：节假日安排取这一年和下一年，场景测试用这一天，默认今天（北京时间）')
    .addHelpText('after', helpNote('既没有 --answers 也没有回答选项时，逐项提问（从标准输入读取回答，也可以用管道提供）。'))
    .action((dir: string, opts: InitFlags) => run(async (ctx) => (await import('../commands/init.ts')).init(ctx, dir, opts)));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
