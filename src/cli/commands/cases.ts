import { readFile } from 'node:fs/promises';
import { describeDuration } from '../../calendar/index.ts';
import { ApplicationError } from '../../engine/index.ts';
import type { Pack } from '../../engine/index.ts';
import type { CaseRecord } from '../../pack/index.ts';
import { staffName, windowName } from '../../records/index.ts';
import { CASE_EVENT_LABELS, CASE_STATUS_LABELS, maskContact, RecordsError, type CaseView, type Records } from '../../records/index.ts';
import type { Context } from '../context.ts';
import { printJson, runWithRecords, shortTime } from '../records-context.ts';
import { EVENT_TYPES, UNITS, type EventFlags, type ListFlags, type RegisterFlags, type ShowFlags } from '../syntax/cases.ts';
import { instantFlag } from '../time-flags.ts';
import { UsageError } from '../usage-error.ts';

/** A case for display: the applicant's identity masked, facts and materials left out. */
function summary(pack: Pack, v: CaseView): Record<string, unknown> {
  const r = v.record;
  const applicant = r.application?.applicant;
  return {
    id: r.id,
    item: r.item,
    itemName: r.itemName,
    kind: r.decision.kind,
    mode: r.decision.mode,
    receivedAt: r.receivedAt,
    noticeNumber: r.noticeNumber ?? null,
    status: v.status,
    applicant: applicant ? { type: applicant.type, ...maskContact({ ...(applicant.name ? { name: applicant.name } : {}), ...(applicant.idNumber ? { idNumber: applicant.idNumber } : {}), ...(applicant.phone ? { phone: applicant.phone } : {}) }) } : null,
    window: r.window,
    firstInquiry: r.firstInquiry,
    responsible: { ...v.responsible, name: staffName(pack, v.responsible.staff) },
    acceptedAt: v.acceptedAt,
    concludedAt: v.concludedAt,
    clock: v.clock ? { due: v.clock.due, statutoryDue: v.clock.statutoryDue, level: v.clock.level, remaining: v.clock.remaining, suspended: v.clock.suspended } : null,
    overdue: v.overdue,
    overdueExplained: v.overdueExplained,
    deferred: v.deferred,
    step: v.step,
    specialStep: v.specialStep,
    events: r.events,
  };
}

const LEVEL: Readonly<Record<string, string>> = { normal: '正常', yellow: '黄牌', red: '红牌' };

function line(pack: Pack, v: CaseView): string {
  const r = v.record;
  const who = r.application?.applicant?.name ? maskContact({ name: r.application.applicant.name }).name : '—';
  const clock = v.clock ? `，期限 ${shortTime(v.clock.due)}（${LEVEL[v.clock.level]}${v.overdue && v.overdueExplained ? '，已说明超期理由' : ''}）` : '';
  return `${r.id}  ${shortTime(r.receivedAt)}  ${r.itemName}  ${CASE_STATUS_LABELS[v.status]}  申请人 ${who}  ${windowName(pack, r.window)}  责任人 ${staffName(pack, v.responsible.staff)}${clock}`;
}

function detail(pack: Pack, v: CaseView): string {
  const out = [line(pack, v), '  办理环节：'];
  for (const e of v.record.events) {
    const ext = e.extension ? `，延长 ${describeDuration({ amount: e.extension.amount, unit: e.extension.unit })}（${e.extension.approvedBy} 批准）` : '';
    out.push(`    ${shortTime(e.at)} ${CASE_EVENT_LABELS[e.type]}${e.step ? ` ${e.step}` : ''}${e.specialStep ? ` ${e.specialStep}` : ''}（${staffName(pack, e.staff)}）${e.reason ? `：${e.reason}` : ''}${ext}${e.note ? `；${e.note}` : ''}`);
  }
  if (v.clock) {
    out.push(`  承诺期限 ${shortTime(v.clock.due)}，法定期限 ${shortTime(v.clock.statutoryDue)}${v.clock.suspended ? '，中止计时中' : ''}`);
    for (const w of v.clock.warnings) out.push(`  注意：${w.message}`);
  }
  const step = v.step?.current;
  if (step) {
    const left = step.remaining.amount < 0 ? `已超期 ${describeDuration({ amount: -step.remaining.amount, unit: step.remaining.unit as 'workingDays' })}` : `剩余 ${describeDuration({ amount: step.remaining.amount, unit: step.remaining.unit as 'workingDays' })}`;
    out.push(`  当前环节“${step.name}”（${step.id}）：应于 ${shortTime(step.due)} 前完成，${left}（${LEVEL[step.level]}）`);
  } else if (v.step) out.push('  有时限的办理环节均已完成');
  const special = v.specialStep;
  if (special) {
    const limit = special.due !== null && special.remaining !== null && special.level !== null
      ? `应于 ${shortTime(special.due)} 前完成，${special.remaining.amount < 0 ? `已超期 ${describeDuration({ amount: -special.remaining.amount, unit: special.remaining.unit as 'workingDays' })}` : `剩余 ${describeDuration({ amount: special.remaining.amount, unit: special.remaining.unit as 'workingDays' })}`}（${LEVEL[special.level]}）`
      : '没有规定时限';
    out.push(`  特殊环节“${special.name}”（${special.id}）进行中：自 ${shortTime(special.startedAt)} 起中止计时，${limit}；所需时间不计入办理时限`);
  }
  if (v.deferred.length > 0) {
    // Due from the acceptance the register holds (after 补正, the day of acceptance, not receipt).
    out.push(`  容缺材料：${v.deferred.map((d) => `《${d.name}》${d.due ? `${shortTime(d.due)} 前补交` : '受理后补交（期限自受理时起算）'}`).join('；')}`);
  }
  return `${out.join('\n')}\n`;
}

function nowOf(at: string | undefined): string {
  return at ?? new Date().toISOString();
}

export function list(ctx: Context, opts: ListFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'read', async (records, pack) => {
    if (opts.status && !(opts.status in CASE_STATUS_LABELS)) throw new UsageError('E-USAGE-OPTION', `状态 ${JSON.stringify(opts.status)} 不正确；可选：${Object.keys(CASE_STATUS_LABELS).join('、')}`);
    const years = opts.year ? [Number(opts.year)] : undefined;
    const views: CaseView[] = [];
    for (const r of records.cases.all(years)) {
      const v = records.viewCase(r, nowOf(opts.at));
      if (opts.status && v.status !== opts.status) continue;
      if (opts.open && !(v.status === 'accepted' || v.status === 'suspended' || v.status === 'supplement' || v.status === 'received')) continue;
      if (opts.staff && v.responsible.staff !== opts.staff && r.firstInquiry !== opts.staff) continue;
      views.push(v);
    }
    if (opts.json) return printJson(ctx, views.map((v) => summary(pack, v)));
    ctx.stdout.write(views.length === 0 ? '没有符合条件的办件\n' : `${views.map((v) => line(pack, v)).join('\n')}\n共 ${views.length} 件\n`);
  });
}

export function show(ctx: Context, id: string, opts: ShowFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'read', async (records, pack) => {
    const r = records.cases.get(id);
    if (!r) throw new RecordsError('E-CASE-NOT-FOUND', `办件 ${id} 不存在`);
    const v = records.viewCase(r, nowOf(opts.at));
    if (opts.json) printJson(ctx, summary(pack, v));
    else ctx.stdout.write(detail(pack, v));
  });
}

export function register(ctx: Context, file: string, opts: RegisterFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  return runWithRecords(ctx, opts, 'write', async (records: Records, pack) => {
    let application: unknown;
    try {
      application = JSON.parse(await readFile(ctx.file(file), 'utf8'));
    } catch (e) {
      throw new UsageError('E-USAGE-FILE', `无法读取申请文件 ${file}：${(e as Error).message}`);
    }
    let decision;
    try {
      // An applicant with a false commitment on record may not commit again (告知承诺制).
      const excluded = await records.cases.commitmentExclusion(application);
      decision = await pack.decide(application, { ...(opts.at ? { at: opts.at } : {}), ...(excluded ? { commitmentExcluded: excluded } : {}) });
    } catch (e) {
      if (!(e instanceof ApplicationError)) throw e;
      throw RecordsError.of('E-APPLICATION', { file, detail: e.details.map((i) => `${i.path} ${i.message}`).join('；') });
    }
    const v = await records.cases.register({ decision, application: application as CaseRecord['application'] & object, staff: opts.staff, ...(opts.firstInquiry ? { firstInquiry: opts.firstInquiry } : {}) });
    if (opts.json) printJson(ctx, summary(pack, v));
    else ctx.stdout.write(`已登记 ${detail(pack, v)}`);
  });
}

export function event(ctx: Context, id: string, type: string, opts: EventFlags): Promise<number> {
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  if (opts.approvedAt !== undefined) instantFlag(opts.approvedAt, '--approved-at');
  return runWithRecords(ctx, opts, 'write', async (records, pack) => {
    const t = EVENT_TYPES.find((e) => e === type);
    if (!t) throw new UsageError('E-USAGE-ARGUMENT', `环节 ${JSON.stringify(type)} 不正确；可选：${EVENT_TYPES.join('、')}`);
    let extension;
    if (t === 'extended') {
      const unit = UNITS.find((u) => u === opts.unit);
      if (!opts.amount || !/^\d+$/.test(opts.amount) || !unit || !opts.approvedBy) throw new UsageError('E-USAGE-OPTION', '延长须写明 --amount（整数）、--unit 和 --approved-by（批准人）');
      extension = { amount: Number(opts.amount), unit, approvedBy: opts.approvedBy, ...(opts.approvedAt ? { approvedAt: opts.approvedAt } : {}), ...(opts.reference ? { reference: opts.reference } : {}) };
    }
    if (opts.specialStep !== undefined && t !== 'suspended') throw new UsageError('E-USAGE-OPTION', '--special-step 只用于中止计时（suspended）：写明中止计时所进行的特殊环节');
    if (t === 'step-completed' && !opts.step) throw new UsageError('E-USAGE-OPTION', '记录环节完成须用 --step 写明环节标识（事项 procedure 中步骤的 id，例如 investigation）');
    const v = await records.cases.addEvent(id, { type: t, staff: opts.staff, ...(opts.at ? { at: opts.at } : {}), ...(opts.reason ? { reason: opts.reason } : {}), ...(opts.note ? { note: opts.note } : {}), ...(opts.step ? { step: opts.step } : {}), ...(opts.specialStep ? { specialStep: opts.specialStep } : {}), ...(extension ? { extension } : {}) });
    if (opts.json) printJson(ctx, summary(pack, v));
    else ctx.stdout.write(`已记录 ${detail(pack, v)}`);
  });
}
