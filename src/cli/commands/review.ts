import type { Pack } from '../../engine/index.ts';
import type { ReviewAppeal } from '../../pack/index.ts';
import { APPEAL_OUTCOME_LABELS, INDICATOR_LABELS, maskContact, staffName, windowName, type FollowUpState, type Indicator, type Records, type ReviewView } from '../../records/index.ts';
import type { Context } from '../context.ts';
import { printJson, runWithRecords, shortTime } from '../records-context.ts';
import type { ReviewAddFlags, ReviewAppealFlags, ReviewFollowUpFlags, ReviewListFlags } from '../syntax/review.ts';
import { instantFlag } from '../time-flags.ts';
import { UsageError } from '../usage-error.ts';

const OUTCOMES: Readonly<Record<string, ReviewAppeal['outcome']>> = { upheld: 'upheld', 维持: 'upheld', struck: 'struck', 撤销: 'struck' };

/** A review for display: the reviewer (confidential) masked, never more. */
function shown(records: Records, view: ReviewView): Record<string, unknown> {
  const reviewer = view.record.reviewer;
  const masked = records.reviews.maskedView(view);
  return { ...masked, ...(reviewer ? { reviewer: maskContact(reviewer) } : {}) };
}

function followUpLine(pack: Pack, what: string, s: FollowUpState, done: { at: string; by: string; note?: string } | undefined, struck: boolean): string {
  if (done) return `  ${what}：${shortTime(done.at)}（${staffName(pack, done.by)}）${done.note ? `：${done.note}` : ''}${s.overdue ? '，晚于期限' : ''}（期限 ${shortTime(s.due)}）`;
  if (struck) return `  ${what}：差评已撤销，无需${what}（原期限 ${shortTime(s.due)}）`;
  const level = s.level === 'red' ? '，红牌：已超期' : s.level === 'yellow' ? '，黄牌：即将到期' : '';
  return `  ${what}：应于 ${shortTime(s.due)} 前完成${level}`;
}

/** `view` as text, its free text masked; the reviewer (from the register) only masked. */
function describe(records: Records, pack: Pack, whole: ReviewView): string {
  const view = records.reviews.maskedView(whole);
  const r = view.record;
  const who = whole.record.reviewer ? maskContact(whole.record.reviewer) : null;
  const target = [r.case ? `办件 ${r.case}` : null, r.staff ? `工作人员 ${staffName(pack, r.staff)}` : null, r.window ? `窗口 ${windowName(pack, r.window)}` : null].filter(Boolean).join('，');
  const lines = [`评价 ${r.id}：${r.grade}${view.bad ? '（差评）' : ''}${view.struck ? '（经申诉复核撤销，不计入）' : ''}`, `  时间：${shortTime(r.at)}`, `  评价对象：${target || '—'}`];
  const indicators = (Object.keys(INDICATOR_LABELS) as Indicator[]).filter((k) => r.indicators?.[k]).map((k) => `${INDICATOR_LABELS[k]} ${r.indicators![k]}`);
  if (indicators.length > 0) lines.push(`  分项：${indicators.join('；')}`);
  if (r.comment) lines.push(`  评价内容：${r.comment}`);
  if (who && (who.name || who.phone)) lines.push(`  评价人：${[who.name, who.phone].filter(Boolean).join('，')}（保密）`);
  if (view.callback) lines.push(followUpLine(pack, '回访', view.callback, r.callback, view.struck));
  if (view.rectification) lines.push(followUpLine(pack, '整改反馈', view.rectification, r.rectification, view.struck));
  if (r.appeal) lines.push(`  申诉复核：${APPEAL_OUTCOME_LABELS[r.appeal.outcome]}（${staffName(pack, r.appeal.by)}，${shortTime(r.appeal.at)}）：${r.appeal.reason}`);
  return `${lines.join('\n')}\n`;
}

function now(at: string | undefined): string {
  return at ?? new Date().toISOString();
}

/** What is written to stdout: the view masked (text or JSON), after `lead`. */
function print(ctx: Context, records: Records, pack: Pack, view: ReviewView, json: boolean | undefined, lead: string): void {
  if (json) printJson(ctx, shown(records, view));
  else ctx.stdout.write(`${lead}${describe(records, pack, view)}`);
}

export function add(ctx: Context, opts: ReviewAddFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  const indicators = Object.fromEntries((Object.keys(INDICATOR_LABELS) as Indicator[]).flatMap((k) => (opts[k] ? [[k, opts[k]]] : [])));
  return runWithRecords(ctx, opts, 'write', async (records, pack) => {
    const r = await records.reviews.add({
      grade: opts.grade,
      ...(opts.case ? { case: opts.case } : {}),
      ...(opts.staff ? { staff: opts.staff } : {}),
      ...(opts.window ? { window: opts.window } : {}),
      ...(opts.comment ? { comment: opts.comment } : {}),
      ...(Object.keys(indicators).length > 0 ? { indicators } : {}),
      reviewer: { ...(opts.name ? { name: opts.name } : {}), ...(opts.phone ? { phone: opts.phone } : {}) },
      ...(opts.at ? { at: opts.at } : {}),
    });
    print(ctx, records, pack, records.reviews.view(r, now(opts.at)), opts.json, '已记录');
  });
}

export function appeal(ctx: Context, id: string, opts: ReviewAppealFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  const outcome = OUTCOMES[opts.outcome.trim()];
  if (!outcome) throw new UsageError('E-USAGE-OPTION', `复核结论 ${JSON.stringify(opts.outcome)} 不正确；可选：维持（upheld）、撤销（struck）`);
  return runWithRecords(ctx, opts, 'write', async (records, pack) => {
    const r = await records.reviews.appeal(id, { by: opts.by, outcome, reason: opts.reason, ...(opts.at ? { at: opts.at } : {}) });
    print(ctx, records, pack, records.reviews.view(r, now(opts.at)), opts.json, '已记录申诉复核：');
  });
}

export function followUp(ctx: Context, id: string, kind: 'callback' | 'rectification', opts: ReviewFollowUpFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'write', async (records, pack) => {
    const r = await records.reviews.followUp(id, kind, { by: opts.by, ...(opts.note ? { note: opts.note } : {}), ...(opts.at ? { at: opts.at } : {}) });
    print(ctx, records, pack, records.reviews.view(r, now(opts.at)), opts.json, kind === 'callback' ? '已记录回访：' : '已记录整改反馈：');
  });
}

export function list(ctx: Context, opts: ReviewListFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  if (opts.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new UsageError('E-USAGE-OPTION', `--month ${JSON.stringify(opts.month)} 格式不正确，应为 YYYY-MM，例如 2026-11`);
  return runWithRecords(ctx, opts, 'read', async (records, pack) => {
    const all = [...records.reviews.all()]
      .filter((r) => (!opts.case || r.case === opts.case) && (!opts.staff || r.staff === opts.staff) && (!opts.month || r.at.startsWith(`${opts.month}-`)))
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    const views = all.map((r) => records.reviews.view(r, now(opts.at)));
    if (opts.json) printJson(ctx, views.map((v) => shown(records, v)));
    else if (views.length === 0) ctx.stdout.write('没有评价记录\n');
    else ctx.stdout.write(views.map((v) => describe(records, pack, v)).join(''));
  });
}
