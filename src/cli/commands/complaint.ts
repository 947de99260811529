import type { ComplaintRecord } from '../../pack/index.ts';
import { staffName, windowName } from '../../records/index.ts';
import { CHANNEL_LABELS, maskContact, RESULT_LABELS, type ComplaintView, type Records } from '../../records/index.ts';
import type { Pack } from '../../engine/index.ts';
import type { Context } from '../context.ts';
import { printJson, runWithRecords, shortTime } from '../records-context.ts';
import type { AddFlags, ComplaintListFlags, ReplyFlags, VerifyFlags } from '../syntax/complaint.ts';
import { instantFlag } from '../time-flags.ts';
import { UsageError } from '../usage-error.ts';

const CHANNELS: Readonly<Record<string, ComplaintRecord['channel']>> = { oral: 'oral', 口头: 'oral', phone: 'phone', 电话: 'phone', written: 'written', 书面: 'written' };
const RESULTS: Readonly<Record<string, 'verified' | 'unfounded'>> = { verified: 'verified', 查实: 'verified', unfounded: 'unfounded', 不实: 'unfounded' };

function channelOf(text: string): ComplaintRecord['channel'] {
  const c = CHANNELS[text.trim()];
  if (!c) throw new UsageError('E-USAGE-OPTION', `投诉渠道 ${JSON.stringify(text)} 不正确；可选：口头（oral）、电话（phone）、书面（written）`);
  return c;
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

export function add(ctx: Context, opts: AddFlags): Promise<number> {
  if (opts.receivedAt !== undefined) instantFlag(opts.receivedAt, '--received-at');
  return runWithRecords(ctx, opts, 'write', async (records, pack) => {
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
    if (opts.json) printJson(ctx, shown(view));
    else ctx.stdout.write(`已登记${describe(pack, view)}`);
  });
}

export function verify(ctx: Context, id: string, opts: VerifyFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'write', async (records, pack) => {
    const result = RESULTS[opts.result.trim()];
    if (!result) throw new UsageError('E-USAGE-OPTION', `核实结论 ${JSON.stringify(opts.result)} 不正确；可选：查实（verified）、不实（unfounded）`);
    const r = await records.complaints.verify(id, { result, handler: opts.handler, ...(opts.staff ? { staff: opts.staff } : {}), ...(opts.note ? { note: opts.note } : {}), ...(opts.at ? { at: opts.at } : {}) });
    const view = records.complaints.view(r, now(opts.at));
    if (opts.json) printJson(ctx, shown(view));
    else ctx.stdout.write(`已记录核实结果：${describe(pack, view)}`);
  });
}

export function reply(ctx: Context, id: string, opts: ReplyFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'write', async (records, pack) => {
    const r = await records.complaints.reply(id, { by: opts.by, content: opts.content, ...(opts.channel ? { channel: channelOf(opts.channel) } : {}), ...(opts.at ? { at: opts.at } : {}) });
    const view = records.complaints.view(r, now(opts.at));
    if (opts.json) printJson(ctx, shown(view));
    else ctx.stdout.write(`已记录答复：${describe(pack, view)}`);
  });
}

export function list(ctx: Context, opts: ComplaintListFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'read', async (records: Records, pack) => {
    const list = [...records.complaints.all()].filter((r) => !opts.year || r.receivedAt.startsWith(`${opts.year}-`));
    const views = list.map((r) => records.complaints.view(r, now(opts.at)));
    if (opts.json) printJson(ctx, views.map(shown));
    else if (views.length === 0) ctx.stdout.write('没有投诉记录\n');
    else ctx.stdout.write(views.map((v) => describe(pack, v)).join(''));
  });
}
