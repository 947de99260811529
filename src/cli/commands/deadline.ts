import type { Command } from 'commander';
import { ClockError, describeDuration, describeInstant, parseInstant, type Deadline, type Suspension } from '../../calendar/index.ts';
import { EXIT } from '../exit.ts';
import { openPack } from './calendar.ts';

interface DeadlineOptions {
  item: string;
  acceptedAt: string;
  suspend: string[];
  rules: string;
  json?: boolean;
}

export function registerDeadline(program: Command): void {
  program
    .command('deadline')
    .description('计算事项的承诺期限和法定期限（自受理时起算，暂停计时的期间不计入）')
    .requiredOption('--item <编码>', '事项编码，例如 MZ-001')
    .requiredOption('--accepted-at <时间>', '受理时间（ISO 8601，北京时间），例如 2026-09-28T09:30:00+08:00')
    .option('--suspend <起/止>', '暂停计时的期间（补正、听证、检验检测、专家评审等），可重复，例如 2026-10-09T10:00/2026-10-14T15:00', collect, [])
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出')
    .action(async (opts: DeadlineOptions, cmd: Command) => {
      try {
        parseInstant(opts.acceptedAt, '--accepted-at');
      } catch (err) {
        if (err instanceof ClockError) cmd.error(`错误：${err.message}`);
        throw err;
      }
      const suspensions: Suspension[] = opts.suspend.map((text) => {
        const [from, to, extra] = text.split('/');
        if (!from || !to || extra !== undefined) {
          cmd.error(`错误：--suspend 的值 '${text}' 应写成“暂停时间/恢复时间”，例如 2026-10-09T10:00+08:00/2026-10-14T15:00+08:00`);
        }
        return { from: from ?? '', to: to ?? '' };
      });
      const pack = await openPack(opts.rules);
      if (!pack) return;
      const item = pack.data.items.get(opts.item);
      if (!item) {
        const codes = [...pack.data.items.keys()];
        cmd.error(`错误：规则包 ${opts.rules} 中没有事项 ${opts.item}；已有的事项：${codes.join('、') || '（无）'}`);
        return;
      }
      let deadline: Deadline;
      try {
        deadline = pack.deadline(opts.item, opts.acceptedAt, { suspensions });
      } catch (err) {
        if (!(err instanceof ClockError)) throw err;
        // Paths of the library's input, translated back to the flags they came from.
        const flag = err.path.replace(/^suspensions\[(\d+)\]\.(from|to)$/, (_, i: string, end: string) => `第 ${Number(i) + 1} 个 --suspend 的${end === 'from' ? '暂停时间' : '恢复时间'}`).replace(/^acceptedAt$/, '--accepted-at');
        cmd.error(`错误：${flag ? `${flag}：` : ''}${err.message.slice(err.path ? err.path.length + 1 : 0)}`);
        return;
      }
      const extension = item.data.limits.extension ?? null;
      if (opts.json) {
        const out = { item: opts.item, itemName: item.data.name, ...deadline, suspensions, extension: extension && { max: extension.max, approver: extension.approver } };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      } else {
        const lines = [
          `事项：${opts.item} ${item.data.name}`,
          `受理时间：${describeInstant(deadline.acceptedAt)}`,
          `承诺期限：${describeDuration(deadline.promised)}，应于 ${describeInstant(deadline.promised.due)} 前办结`,
          `法定期限：${describeDuration(deadline.statutory)}，应于 ${describeInstant(deadline.statutory.due)} 前办结`,
        ];
        if (extension) lines.push(`可以延长：最长 ${describeDuration(extension.max)}，须经${extension.approver}批准`);
        for (const s of suspensions) lines.push(`暂停计时：${describeInstant(s.from)} 至 ${describeInstant(s.to ?? '')}（不计入期限）`);
        for (const w of deadline.warnings) lines.push(`警告 [${w.code}] ${w.message}`);
        process.stdout.write(lines.join('\n') + '\n');
      }
      process.exitCode = EXIT.ok;
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
