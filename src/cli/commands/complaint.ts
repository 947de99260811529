import type { Command } from 'commander';
import type { ComplaintRecord } from '../../pack/index.ts';
import { staffName, windowName } from '../../records/index.ts';
import { CHANNEL_LABELS, maskContact, RESULT_LABELS, type ComplaintView, type Records } from '../../records/index.ts';
import type { Pack } from '../../engine/index.ts';
import { UsageError } from '../exit.ts';
import { printJson, runWithRecords, shortTime, withRecordsOptions, type RecordsFlags } from '../records-context.ts';

const CHANNELS: Readonly<Record<string, ComplaintRecord['channel']>> = { oral: 'oral', 口头: 'oral', phone: 'phone', 电话: 'phone', written: 'written', 书面: 'written' };
const RESULTS: Readonly<Record<string, 'verified' | 'unfounded'>> = { verified: 'verified', 查实: 'verified', unfounded: 'unfounded', 不实: 'unfounded' };

function channelOf(text: string): ComplaintRecord['channel'] {
  const c = CHANNELS[text.trim()];
  if (!c) throw new UsageError(`投诉渠道 ${JSON.stringify(text)} 不正确；可选：口头（oral）、电话（phone）、书面（written）`);
  return c;
}

interface AddFlags extends RecordsFlags {
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

interface VerifyFlags extends RecordsFlags {
  result: string;
  handler: string;
  staff?: string;
  note?: string;
  at?: string;
}

interface ReplyFlags extends RecordsFlags {
  by: string;
  content: string;
  channel?: string;
  at?: string;
}

interface ListFlags extends RecordsFlags {
  year?: string;
  at?: string;
}

/** A complaint for display: the complainant masked, never the address. */
function shown(view: ComplaintView): Record<string, unknown> {
  const r = view.record;
  return {
    id: r.id,
    channel: r.channel,
    complainant: maskContact(r.complainant),
    target: r.target,
    content: r.content,
    receivedAt: r.receivedAt,
    receivedBy: r.receivedBy,
    complex: r.complex,
    major: r.major,
    ...(r.case ? { case: r.case } : {}),
    verification: r.verification ?? null,
    reply: r.reply ?? null,
    replyDue: view.replyDue,
    replyOverdue: view.replyOverdue,
    counted: view.counted,
  };
}

function describe(pack: Pack, view: ComplaintView): string {
  const r = view.record;
  const target = [r.target.staff ? staffName(pack, r.target.staff) : null, r.target.window ? windowName(pack, r.target.window) : null].filter(Boolean).join('，');
  const who = maskContact(r.complainant);
  const lines = [
    `投诉 ${r.id}（${CHANNEL_LABELS[r.channel]}${r.complex ? '，复杂' : ''}${r.major ? '，重大事项' : ''}）`,
    `  收到：${shortTime(r.receivedAt)}，登记人 ${staffName(pack, r.receivedBy)}`,
    `  投诉人：${who.name ?? '匿名'}${who.phone ? `，${who.phone}` : ''}（保密）`,
    `  被投诉：${target}`,
    `  内容：${r.content}`,
    `  核实：${r.verification ? `${RESULT_LABELS[r.verification.result]}（${staffName(pack, r.verification.handler)}，${shortTime(r.verification.at)}）${view.counted ? `，责任人 ${staffName(pack, view.counted)}` : ''}` : '待核实'}`,
    `  答复：${r.reply ? `${CHANNEL_LABELS[r.reply.channel]}答复，${shortTime(r.reply.at)}（${staffName(pack, r.reply.by)}）${view.replyOverdue ? '，已超过答复期限' : ''}` : `应于 ${shortTime(view.replyDue)} 前${CHANNEL_LABELS[r.channel]}答复${view.replyOverdue ? '（已超期）' : ''}`}`,
  ];
  return `${lines.join('\n')}\n`;
}

function now(at: string | undefined): string {
  return at ?? new Date().toISOString();
}

export function registerComplaint(program: Command): void {
  const complaint = program.command('complaint').description('投诉登记：登记、核实（查实/不实）、答复和查询（投诉人信息保密，输出一律脱敏）');

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
  ).action(async (opts: AddFlags) => {
    await runWithRecords(opts, 'write', async (records, pack) => {
      const r = await records.complaints.add({
        channel: channelOf(opts.channel),
        ...(opts.staff ? { staff: opts.staff } : {}),
        ...(opts.window ? { window: opts.window } : {}),
        content: opts.content,
        receivedBy: opts.by,
        complainant: { ...(opts.name ? { name: opts.name } : {}), ...(opts.phone ? { phone: opts.phone } : {}), ...(opts.idNumber ? { idNumber: opts.idNumber } : {}), ...(opts.address ? { address: opts.address } : {}) },
        ...(opts.receivedAt ? { receivedAt: opts.receivedAt } : {}),
        complex: opts.complex ?? false,
        major: opts.major ?? false,
        ...(opts.case ? { case: opts.case } : {}),
      });
      const view = records.complaints.view(r, r.receivedAt);
      if (opts.json) printJson(shown(view));
      else process.stdout.write(`已登记${describe(pack, view)}`);
    });
  });

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
  ).action(async (id: string, opts: VerifyFlags) => {
    await runWithRecords(opts, 'write', async (records, pack) => {
      const result = RESULTS[opts.result.trim()];
      if (!result) throw new UsageError(`核实结论 ${JSON.stringify(opts.result)} 不正确；可选：查实（verified）、不实（unfounded）`);
      const r = await records.complaints.verify(id, { result, handler: opts.handler, ...(opts.staff ? { staff: opts.staff } : {}), ...(opts.note ? { note: opts.note } : {}), ...(opts.at ? { at: opts.at } : {}) });
      const view = records.complaints.view(r, now(opts.at));
      if (opts.json) printJson(shown(view));
      else process.stdout.write(`已记录核实结果：${describe(pack, view)}`);
    });
  });

  withRecordsOptions(
    complaint
      .command('reply')
      .description('记录对投诉人的答复（口头投诉口头答复，电话投诉电话答复，书面投诉必须书面答复）')
      .argument('<编号>', '投诉编号')
      .requiredOption('--by <标识>', '答复人')
      .requiredOption('--content <内容>', '答复内容')
      .option('--channel <方式>', '答复方式，默认与投诉渠道相同')
      .option('--at <时间>', '答复时间（ISO 8601），默认当前时间'),
  ).action(async (id: string, opts: ReplyFlags) => {
    await runWithRecords(opts, 'write', async (records, pack) => {
      const r = await records.complaints.reply(id, { by: opts.by, content: opts.content, ...(opts.channel ? { channel: channelOf(opts.channel) } : {}), ...(opts.at ? { at: opts.at } : {}) });
      const view = records.complaints.view(r, now(opts.at));
      if (opts.json) printJson(shown(view));
      else process.stdout.write(`已记录答复：${describe(pack, view)}`);
    });
  });

  withRecordsOptions(
    complaint
      .command('list')
      .description('列出投诉（投诉人脱敏）')
      .option('--year <年份>', '只列该年收到的投诉')
      .option('--at <时间>', '判断答复是否超期的时间，默认当前时间'),
  ).action(async (opts: ListFlags) => {
    await runWithRecords(opts, 'read', async (records: Records, pack) => {
      const list = [...records.complaints.all()].filter((r) => !opts.year || r.receivedAt.startsWith(`${opts.year}-`));
      const views = list.map((r) => records.complaints.view(r, now(opts.at)));
      if (opts.json) printJson(views.map(shown));
      else if (views.length === 0) process.stdout.write('没有投诉记录\n');
      else process.stdout.write(views.map((v) => describe(pack, v)).join(''));
    });
  });
}
