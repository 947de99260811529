import type { Command } from 'commander';
import type { Duration } from '../../pack/index.ts';
import type { CaseEventType, CaseStatus } from '../../records/index.ts';
import type { Run } from '../context.ts';
import { withRecordsOptions, type RecordsFlags } from './records-options.ts';

/** The records' statuses in CASE_STATUS_LABELS order, restated so that --help loads no records (a test ties them). */
export const CASE_STATUSES: readonly CaseStatus[] = ['consultation', 'received', 'supplement', 'accepted', 'suspended', 'completed', 'returned', 'rejected'];
export const EVENT_TYPES: ReadonlyArray<Exclude<CaseEventType, 'received'>> = ['supplement-notified', 'accepted', 'suspended', 'resumed', 'extended', 'completed', 'returned', 'rejected', 'overdue-explained', 'step-completed', 'commitment-verified', 'commitment-false'];
/** Units an extension can be in (当日, sameDay, has no amount to extend by). */
export const UNITS: ReadonlyArray<Exclude<Duration['unit'], 'sameDay'>> = ['workingDays', 'calendarDays', 'hours', 'minutes'];

export interface ListFlags extends RecordsFlags {
  year?: string;
  status?: string;
  staff?: string;
  open?: boolean;
  at?: string;
}

export interface ShowFlags extends RecordsFlags {
  at?: string;
}

export interface RegisterFlags extends RecordsFlags {
  staff: string;
  firstInquiry?: string;
  at?: string;
}

export interface EventFlags extends RecordsFlags {
  staff: string;
  at?: string;
  reason?: string;
  note?: string;
  step?: string;
  specialStep?: string;
  amount?: string;
  unit?: string;
  approvedBy?: string;
  approvedAt?: string;
  reference?: string;
}

export function casesSyntax(program: Command, run: Run): void {
  const cases = program.command('cases').description('办件登记：列出、查看、登记决定和记录办理环节（申请人信息脱敏显示）');
  const load = () => import('../commands/cases.ts');

  withRecordsOptions(
    cases
      .command('list', { isDefault: true })
      .description('列出办件（默认）')
      .option('--year <年份>', '只列该年收件的办件')
      .option('--status <状态>', `按状态筛选：${CASE_STATUSES.join('、')}`)
      .option('--staff <标识>', '只列该工作人员负责的办件')
      .option('--open', '只列在办件')
      .option('--at <时间>', '计算期限的时间（ISO 8601），默认当前时间'),
  ).action((opts: ListFlags) => run(async (ctx) => (await load()).list(ctx, opts)));

  withRecordsOptions(
    cases
      .command('show')
      .description('查看一件办件的全部办理环节和期限')
      .argument('<编号>', '办件编号，例如 2026-000001')
      .option('--at <时间>', '计算期限的时间（ISO 8601），默认当前时间'),
  ).action((id: string, opts: ShowFlags) => run(async (ctx) => (await load()).show(ctx, id, opts)));

  withRecordsOptions(
    cases
      .command('register')
      .description('对一份申请作出处理决定并登记为办件（咨询件也登记）')
      .argument('<申请文件>', '申请（JSON），格式见 schemas/application.schema.json')
      .requiredOption('--staff <标识>', '登记的窗口工作人员')
      .option('--first-inquiry <标识>', '首问责任人（默认为登记人）')
      .option('--at <时间>', '申请未写收件时间时使用的时间（ISO 8601）'),
  ).action((file: string, opts: RegisterFlags) => run(async (ctx) => (await load()).register(ctx, file, opts)));

  withRecordsOptions(
    cases
      .command('event')
      .description('记录一个办理环节：补正告知、受理、中止/恢复计时、延长（须批准）、办结、退回、不予受理、超期说明、环节完成、告知承诺核查（commitment-verified 属实；commitment-false 不实：终止办理并记入虚假承诺记录）')
      .argument('<编号>', '办件编号')
      .argument('<环节>', EVENT_TYPES.join('、'))
      .requiredOption('--staff <标识>', '经办工作人员')
      .option('--at <时间>', '时间（ISO 8601），默认当前时间')
      .option('--reason <理由>', '理由（中止、退回、不予受理、超期说明、告知承诺核查不实时必填）')
      .option('--note <备注>', '备注')
      .option('--step <环节标识>', '完成的办理环节（step-completed 时必填）：事项 procedure 中步骤的 id，例如 investigation')
      .option('--special-step <特殊环节标识>', '中止计时所进行的特殊环节（只用于 suspended）：事项 specialSteps 中的 id，例如 publicity；须不计入办理时限，不写 --reason 时理由为“特殊环节：名称（依据…）”')
      .option('--amount <数量>', '延长的数量')
      .option('--unit <单位>', `延长的单位：${UNITS.join('、')}`)
      .option('--approved-by <批准人>', '延长的批准人')
      .option('--approved-at <时间>', '批准时间，默认同 --at')
      .option('--reference <文号>', '批准文件或审批单编号'),
  ).action((id: string, type: string, opts: EventFlags) => run(async (ctx) => (await load()).event(ctx, id, type, opts)));
}
