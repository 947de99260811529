import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { describeDuration } from '../../calendar/index.ts';
import { ApplicationError } from '../../engine/index.ts';
import type { Pack } from '../../engine/index.ts';
import type { CaseRecord, Duration } from '../../pack/index.ts';
import { staffName, windowName } from '../../records/index.ts';
import { CASE_EVENT_LABELS, CASE_STATUS_LABELS, maskContact, RecordsError, type CaseEventType, type CaseView, type Records } from '../../records/index.ts';
import { UsageError } from '../exit.ts';
import { printJson, runWithRecords, shortTime, withRecordsOptions, type RecordsFlags } from '../records-context.ts';

interface ListFlags extends RecordsFlags {
  year?: string;
  status?: string;
  staff?: string;
  open?: boolean;
  at?: string;
}

interface ShowFlags extends RecordsFlags {
  at?: string;
}

interface RegisterFlags extends RecordsFlags {
  staff: string;
  firstInquiry?: string;
  at?: string;
}

interface EventFlags extends RecordsFlags {
  staff: string;
  at?: string;
  reason?: string;
  note?: string;
  amount?: string;
  unit?: string;
  approvedBy?: string;
  approvedAt?: string;
  reference?: string;
}

const EVENT_TYPES: ReadonlyArray<Exclude<CaseEventType, 'received'>> = ['supplement-notified', 'accepted', 'suspended', 'resumed', 'extended', 'completed', 'returned', 'rejected', 'overdue-explained'];
const UNITS: ReadonlyArray<Duration['unit']> = ['workingDays', 'calendarDays', 'hours', 'minutes'];

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
    out.push(`    ${shortTime(e.at)} ${CASE_EVENT_LABELS[e.type]}（${staffName(pack, e.staff)}）${e.reason ? `：${e.reason}` : ''}${ext}${e.note ? `；${e.note}` : ''}`);
  }
  if (v.clock) {
    out.push(`  承诺期限 ${shortTime(v.clock.due)}，法定期限 ${shortTime(v.clock.statutoryDue)}${v.clock.suspended ? '，中止计时中' : ''}`);
    for (const w of v.clock.warnings) out.push(`  注意：${w.message}`);
  }
  return `${out.join('\n')}\n`;
}

function nowOf(at: string | undefined): string {
  return at ?? new Date().toISOString();
}

export function registerCases(program: Command): void {
  const cases = program.command('cases').description('办件登记：列出、查看、登记决定和记录办理环节（申请人信息脱敏显示）');

  withRecordsOptions(
    cases
      .command('list', { isDefault: true })
      .description('列出办件（默认）')
      .option('--year <年份>', '只列该年收件的办件')
      .option('--status <状态>', `按状态筛选：${Object.keys(CASE_STATUS_LABELS).join('、')}`)
      .option('--staff <标识>', '只列该工作人员负责的办件')
      .option('--open', '只列在办件')
      .option('--at <时间>', '计算期限的时间（ISO 8601），默认当前时间'),
  ).action(async (opts: ListFlags) => {
    await runWithRecords(opts, 'read', async (records, pack) => {
      if (opts.status && !(opts.status in CASE_STATUS_LABELS)) throw new UsageError(`状态 ${JSON.stringify(opts.status)} 不正确；可选：${Object.keys(CASE_STATUS_LABELS).join('、')}`);
      const years = opts.year ? [Number(opts.year)] : undefined;
      const views: CaseView[] = [];
      for (const r of records.cases.all(years)) {
        const v = records.viewCase(r, nowOf(opts.at));
        if (opts.status && v.status !== opts.status) continue;
        if (opts.open && !(v.status === 'accepted' || v.status === 'suspended' || v.status === 'supplement' || v.status === 'received')) continue;
        if (opts.staff && v.responsible.staff !== opts.staff && r.firstInquiry !== opts.staff) continue;
        views.push(v);
      }
      if (opts.json) return printJson(views.map((v) => summary(pack, v)));
      process.stdout.write(views.length === 0 ? '没有符合条件的办件\n' : `${views.map((v) => line(pack, v)).join('\n')}\n共 ${views.length} 件\n`);
    });
  });

  withRecordsOptions(
    cases
      .command('show')
      .description('查看一件办件的全部办理环节和期限')
      .argument('<编号>', '办件编号，例如 2026-000001')
      .option('--at <时间>', '计算期限的时间（ISO 8601），默认当前时间'),
  ).action(async (id: string, opts: ShowFlags) => {
    await runWithRecords(opts, 'read', async (records, pack) => {
      const r = records.cases.get(id);
      if (!r) throw new RecordsError('E-CASE-NOT-FOUND', `办件 ${id} 不存在`);
      const v = records.viewCase(r, nowOf(opts.at));
      if (opts.json) printJson(summary(pack, v));
      else process.stdout.write(detail(pack, v));
    });
  });

  withRecordsOptions(
    cases
      .command('register')
      .description('对一份申请作出处理决定并登记为办件（咨询件也登记）')
      .argument('<申请文件>', '申请（JSON），格式见 schemas/application.schema.json')
      .requiredOption('--staff <标识>', '登记的窗口工作人员')
      .option('--first-inquiry <标识>', '首问责任人（默认为登记人）')
      .option('--at <时间>', '申请未写收件时间时使用的时间（ISO 8601）'),
  ).action(async (file: string, opts: RegisterFlags) => {
    await runWithRecords(opts, 'write', async (records: Records, pack) => {
      let application: unknown;
      try {
        application = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        throw new UsageError(`无法读取申请文件 ${file}：${(e as Error).message}`);
      }
      let decision;
      try {
        decision = await pack.decide(application, opts.at ? { at: opts.at } : {});
      } catch (e) {
        if (!(e instanceof ApplicationError)) throw e;
        throw new RecordsError('E-APPLICATION', `${file}：${e.issues.map((i) => `${i.path ?? ''} ${i.message}`.trim()).join('；')}`);
      }
      const v = await records.cases.register({ decision, application: application as CaseRecord['application'] & object, staff: opts.staff, ...(opts.firstInquiry ? { firstInquiry: opts.firstInquiry } : {}) });
      if (opts.json) printJson(summary(pack, v));
      else process.stdout.write(`已登记 ${detail(pack, v)}`);
    });
  });

  withRecordsOptions(
    cases
      .command('event')
      .description('记录一个办理环节：补正告知、受理、中止/恢复计时、延长（须批准）、办结、退回、不予受理、超期说明')
      .argument('<编号>', '办件编号')
      .argument('<环节>', EVENT_TYPES.join('、'))
      .requiredOption('--staff <标识>', '经办工作人员')
      .option('--at <时间>', '时间（ISO 8601），默认当前时间')
      .option('--reason <理由>', '理由（中止、退回、不予受理、超期说明时必填）')
      .option('--note <备注>', '备注')
      .option('--amount <数量>', '延长的数量')
      .option('--unit <单位>', `延长的单位：${UNITS.join('、')}`)
      .option('--approved-by <批准人>', '延长的批准人')
      .option('--approved-at <时间>', '批准时间，默认同 --at')
      .option('--reference <文号>', '批准文件或审批单编号'),
  ).action(async (id: string, type: string, opts: EventFlags) => {
    await runWithRecords(opts, 'write', async (records, pack) => {
      const t = EVENT_TYPES.find((e) => e === type);
      if (!t) throw new UsageError(`环节 ${JSON.stringify(type)} 不正确；可选：${EVENT_TYPES.join('、')}`);
      let extension;
      if (t === 'extended') {
        const unit = UNITS.find((u) => u === opts.unit);
        if (!opts.amount || !/^\d+$/.test(opts.amount) || !unit || !opts.approvedBy) throw new UsageError('延长须写明 --amount（整数）、--unit 和 --approved-by（批准人）');
        extension = { amount: Number(opts.amount), unit, approvedBy: opts.approvedBy, ...(opts.approvedAt ? { approvedAt: opts.approvedAt } : {}), ...(opts.reference ? { reference: opts.reference } : {}) };
      }
      const v = await records.cases.addEvent(id, { type: t, staff: opts.staff, ...(opts.at ? { at: opts.at } : {}), ...(opts.reason ? { reason: opts.reason } : {}), ...(opts.note ? { note: opts.note } : {}), ...(extension ? { extension } : {}) });
      if (opts.json) printJson(summary(pack, v));
      else process.stdout.write(`已记录 ${detail(pack, v)}`);
    });
  });
}
