import { ClockError, deadlineBasis, deadlineModes, deadlineOn, describeDuration, describeInstant, type Deadline, type DeadlineBasis, type Suspension } from '../../calendar/index.ts';
import { BianminError, suggest } from '../../core/index.ts';
import { MODE_LABELS } from '../../pack/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import { instantFlag } from '../time-flags.ts';
import type { DeadlineFlags } from '../syntax/deadline.ts';
import { UsageError } from '../usage-error.ts';

export async function deadline(ctx: Context, opts: DeadlineFlags): Promise<number> {
  instantFlag(opts.acceptedAt, '--accepted-at');
  const suspensions: Suspension[] = opts.suspend.map((text) => {
    const [from, to, extra] = text.split('/');
    if (!from || !to || extra !== undefined) {
      throw new UsageError('E-USAGE-OPTION', `--suspend 的值 '${text}' 应写成“暂停时间/恢复时间”，例如 2026-10-09T10:00+08:00/2026-10-14T15:00+08:00`);
    }
    return { from: from ?? '', to: to ?? '' };
  });
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const item = pack.data.items.get(opts.item);
  if (!item) {
    // Like decide and guide: an item the pack does not have is wrong input (exit 1), not a wrong command line.
    const codes = [...pack.data.items.keys()];
    const near = suggest(opts.item, codes);
    throw new BianminError('E-CLOCK-ITEM-UNKNOWN', `规则包 ${opts.rules} 中没有事项 ${opts.item}${near ? `，是否应为 ${near}？` : ''}；已有的事项：${codes.join('、') || '（无）'}`, { path: '--item' });
  }
  let deadline: Deadline;
  let basis: DeadlineBasis;
  try {
    // The item version and policy in force on the day of acceptance, on the default mode (as
    // pack.deadline counts): the same basis gives the figures and the branches shown with them.
    basis = deadlineBasis(pack.data, opts.item, opts.acceptedAt);
    deadline = deadlineOn(pack.calendar, basis, opts.acceptedAt, { suspensions });
  } catch (err) {
    if (!(err instanceof ClockError)) throw err;
    // Paths of the library's input, translated back to the flags they came from.
    const flag = (err.location.path ?? '').replace(/^suspensions\[(\d+)\]\.(from|to)$/, (_, i: string, end: string) => `第 ${Number(i) + 1} 个 --suspend 的${end === 'from' ? '暂停时间' : '恢复时间'}`).replace(/^acceptedAt$/, '--accepted-at');
    throw new UsageError('E-USAGE-OPTION', `${flag ? `${flag}：` : ''}${err.detail}`);
  }
  const extension = basis.branch.limits.extension ?? null;
  const branches = basis.conditional ? basis.branches : [];
  if (opts.json) {
    const out = { item: opts.item, itemName: item.data.name, ...deadline, suspensions, extension: extension && { max: extension.max, approver: extension.approver }, mode: basis.branch.mode };
    // A mode list: which branch the figures are for (modeBranch) and every branch's limits that day.
    if (branches.length > 0) Object.assign(out, { modeBranch: { index: basis.branch.index, text: basis.branch.text }, modes: deadlineModes(basis) });
    ctx.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    const lines = [
      `事项：${opts.item} ${item.data.name}`,
      `受理时间：${describeInstant(deadline.acceptedAt)}`,
      `承诺期限：${describeDuration(deadline.promised)}，应于 ${describeInstant(deadline.promised.due)} 前办结`,
      `法定期限：${describeDuration(deadline.statutory)}，应于 ${describeInstant(deadline.statutory.due)} 前办结`,
    ];
    if (deadline.reply) lines.push(`答复期限（当场解决不了的）：${describeDuration(deadline.reply)}，应于 ${describeInstant(deadline.reply.due)} 前答复`);
    if (deadline.leaderReception) lines.push(`领导接待答复期限：${describeDuration(deadline.leaderReception)}，应于 ${describeInstant(deadline.leaderReception.due)} 前答复`);
    if (extension) lines.push(`可以延长：最长 ${describeDuration(extension.max)}，须经${extension.approver}批准`);
    if (branches.length > 0) {
      lines.push(`办理方式按条件选择，以上按其余情况（最后一项）计算；各项：`);
      for (const b of branches) lines.push(`  ${b.index + 1}. ${b.text ?? '其余情况'}：${MODE_LABELS[b.mode]}，承诺 ${describeDuration(b.limits.promised)}，法定 ${describeDuration(b.limits.statutory)}`);
      lines.push('按申请人情况计算期限请用 bianmin decide');
    }
    for (const s of suspensions) lines.push(`暂停计时：${describeInstant(s.from)} 至 ${describeInstant(s.to ?? '')}（不计入期限）`);
    for (const w of deadline.warnings) lines.push(`警告 [${w.code}] ${w.message}`);
    ctx.stdout.write(lines.join('\n') + '\n');
  }
  return EXIT.ok;
}
