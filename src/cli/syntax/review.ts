import type { Command } from 'commander';
import type { Run } from '../context.ts';
import { withRecordsOptions, type RecordsFlags } from './records-options.ts';

export interface ReviewAddFlags extends RecordsFlags {
  grade: string;
  case?: string;
  staff?: string;
  window?: string;
  comment?: string;
  overall?: string;
  efficiency?: string;
  level?: string;
  attitude?: string;
  name?: string;
  phone?: string;
  at?: string;
}

export interface ReviewListFlags extends RecordsFlags {
  case?: string;
  staff?: string;
  month?: string;
  at?: string;
}

export interface ReviewAppealFlags extends RecordsFlags {
  outcome: string;
  reason: string;
  by: string;
  at?: string;
}

export interface ReviewFollowUpFlags extends RecordsFlags {
  by: string;
  note?: string;
  at?: string;
}

export function reviewSyntax(program: Command, run: Run): void {
  const review = program.command('review').description('好差评：办件评价（一次一评）、差评回访和整改反馈、申诉复核和查询（评价人信息保密，输出一律脱敏）');
  const load = () => import('../commands/review.ts');

  withRecordsOptions(
    review
      .command('add')
      .description('记录一条评价：办件办结后评价（工作人员和窗口取自办件），或直接评价工作人员、窗口；差评起算回访和整改反馈期限')
      .requiredOption('--grade <等级>', '评价等级（policy.yaml 的 reviews.grades，例如 非常满意、不满意）')
      .option('--case <办件编号>', '评价的办件（须已办结；每个办件只能评价一次）')
      .option('--staff <标识>', '被评价的工作人员（有办件时默认为办件责任人）')
      .option('--window <标识>', '被评价的窗口（有办件时默认为办件窗口）')
      .option('--comment <内容>', '评价内容')
      .option('--overall <等级>', '分项：整体满意度')
      .option('--efficiency <等级>', '分项：服务效率')
      .option('--level <等级>', '分项：服务水平')
      .option('--attitude <等级>', '分项：服务态度')
      .option('--name <姓名>', '评价人姓名（保密，供回访）')
      .option('--phone <电话>', '评价人电话（保密，供回访）')
      .option('--at <时间>', '评价时间（ISO 8601），默认当前时间'),
  ).action((opts: ReviewAddFlags) => run(async (ctx) => (await load()).add(ctx, opts)));

  withRecordsOptions(
    review
      .command('list')
      .description('列出评价及差评的回访、整改期限（评价人脱敏）')
      .option('--case <办件编号>', '只列该办件的评价')
      .option('--staff <标识>', '只列对该工作人员的评价')
      .option('--month <月份>', '只列该月（YYYY-MM）的评价')
      .option('--at <时间>', '判断回访、整改是否超期的时间，默认当前时间'),
  ).action((opts: ReviewListFlags) => run(async (ctx) => (await load()).list(ctx, opts)));

  withRecordsOptions(
    review
      .command('appeal')
      .description('中心管理办公室对差评的申诉复核：维持或撤销（撤销的差评不计入考评和责任追究；只能复核一次）')
      .argument('<编号>', '评价编号，例如 P2026-00001')
      .requiredOption('--outcome <结论>', '维持（upheld）或撤销（struck）')
      .requiredOption('--reason <理由>', '复核理由')
      .requiredOption('--by <标识>', '复核人')
      .option('--at <时间>', '复核时间（ISO 8601），默认当前时间'),
  ).action((id: string, opts: ReviewAppealFlags) => run(async (ctx) => (await load()).appeal(ctx, id, opts)));

  withRecordsOptions(
    review
      .command('callback')
      .description('记录差评回访（期限按 policy.yaml 的 badReviewCallback）')
      .argument('<编号>', '评价编号')
      .requiredOption('--by <标识>', '回访人')
      .option('--note <情况>', '回访情况')
      .option('--at <时间>', '回访时间（ISO 8601），默认当前时间'),
  ).action((id: string, opts: ReviewFollowUpFlags) => run(async (ctx) => (await load()).followUp(ctx, id, 'callback', opts)));

  withRecordsOptions(
    review
      .command('rectify')
      .description('记录差评整改和反馈（期限按 policy.yaml 的 badReviewRectification）')
      .argument('<编号>', '评价编号')
      .requiredOption('--by <标识>', '整改反馈的经办人')
      .option('--note <情况>', '整改和反馈情况')
      .option('--at <时间>', '整改反馈时间（ISO 8601），默认当前时间'),
  ).action((id: string, opts: ReviewFollowUpFlags) => run(async (ctx) => (await load()).followUp(ctx, id, 'rectification', opts)));
}
