import type { Command } from 'commander';
import type { Run } from '../context.ts';
import { withRecordsOptions, type RecordsFlags } from './records-options.ts';

export interface AddFlags extends RecordsFlags {
  channel: string;
  staff?: string;
  window?: string;
  content: string;
  by: string;
  name?: string;
  phone?: string;
  idNumber?: string;
  address?: string;
  receivedAt?: string;
  complex?: boolean;
  major?: boolean;
  case?: string;
}

export interface VerifyFlags extends RecordsFlags {
  result: string;
  handler: string;
  staff?: string;
  note?: string;
  at?: string;
}

export interface ReplyFlags extends RecordsFlags {
  by: string;
  content: string;
  channel?: string;
  at?: string;
}

export interface ComplaintListFlags extends RecordsFlags {
  year?: string;
  at?: string;
}

export function complaintSyntax(program: Command, run: Run): void {
  const complaint = program.command('complaint').description('投诉登记：登记、核实（查实/不实）、答复和查询（投诉人信息保密，输出一律脱敏）');
  const load = () => import('../commands/complaint.ts');

  withRecordsOptions(
    complaint
      .command('add')
      .description('登记一件投诉（口头、电话或书面；重大事项须书面）')
      .requiredOption('--channel <渠道>', '口头（oral）、电话（phone）或书面（written）')
      .option('--staff <标识>', '被投诉的工作人员')
      .option('--window <标识>', '被投诉的窗口')
      .requiredOption('--content <内容>', '投诉内容')
      .requiredOption('--by <标识>', '登记投诉的工作人员')
      .option('--name <姓名>', '投诉人姓名（保密）')
      .option('--phone <电话>', '投诉人电话（保密）')
      .option('--id-number <证件号>', '投诉人证件号（保密）')
      .option('--address <地址>', '投诉人地址（保密）')
      .option('--received-at <时间>', '收到时间（ISO 8601），默认当前时间')
      .option('--complex', '较复杂或涉及两个以上单位（答复期限按 complaintReplyComplex）')
      .option('--major', '涉及重大事项（须书面投诉）')
      .option('--case <办件编号>', '相关办件'),
  ).action((opts: AddFlags) => run(async (ctx) => (await load()).add(ctx, opts)));

  withRecordsOptions(
    complaint
      .command('verify')
      .description('记录投诉的调查核实结果：查实或不实（结论记录后不能更改）')
      .argument('<编号>', '投诉编号，例如 T2026-00001')
      .requiredOption('--result <结论>', '查实（verified）或不实（unfounded）')
      .requiredOption('--handler <标识>', '调查核实人')
      .option('--staff <标识>', '查实后认定的责任人（默认为被投诉工作人员）')
      .option('--note <说明>', '核实情况和处理意见')
      .option('--at <时间>', '核实时间（ISO 8601），默认当前时间'),
  ).action((id: string, opts: VerifyFlags) => run(async (ctx) => (await load()).verify(ctx, id, opts)));

  withRecordsOptions(
    complaint
      .command('reply')
      .description('记录对投诉人的答复（口头投诉口头答复，电话投诉电话答复，书面投诉必须书面答复）')
      .argument('<编号>', '投诉编号')
      .requiredOption('--by <标识>', '答复人')
      .requiredOption('--content <内容>', '答复内容')
      .option('--channel <方式>', '答复方式，默认与投诉渠道相同')
      .option('--at <时间>', '答复时间（ISO 8601），默认当前时间'),
  ).action((id: string, opts: ReplyFlags) => run(async (ctx) => (await load()).reply(ctx, id, opts)));

  withRecordsOptions(
    complaint
      .command('list')
      .description('列出投诉（投诉人脱敏）')
      .option('--year <年份>', '只列该年收到的投诉')
      .option('--at <时间>', '判断答复是否超期的时间，默认当前时间'),
  ).action((opts: ComplaintListFlags) => run(async (ctx) => (await load()).list(ctx, opts)));
}
