/**
 * `bianmin decide --bundle YJS-001 --input 申请.yaml` (or an input file with `bundle:`): one
 * application for a “一件事”, every item decided, printed as the one merged notice — each item's
 * outcome, one material list with shared materials once, the merged missing list, the joint deadline.
 */
import { LABELS } from '../../documents/index.ts';
import { describeDuration, describeInstant } from '../../calendar/index.ts';
import { ApplicationError, type ApplicationIssue, type BundleDecision } from '../../engine/index.ts';
import { BianminError, type Location } from '../../core/index.ts';
import type { SourceFile } from '../../pack/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import { segmentsOf } from '../json-path.ts';
import type { DecideFlags } from '../syntax/decide.ts';
import { MISSING_ITEM, at, where, type ReadResult } from './decide.ts';

const KIND_NAMES: Readonly<Record<BundleDecision['kind'], string>> = {
  consultation: '咨询（出具“一件事”一次性告知单）',
  supplement: '补正（一次性告知全部事项需补正的材料）',
  correctable: '当场更正（更正后重新判断）',
  returned: '退回',
  rejected: '不予受理（见各事项去向）',
  accepted: '受理（全部事项受理）',
};
const ITEM_KINDS = LABELS.kind;
const NECESSITY = LABELS.necessity;
const FORMS = LABELS.form;

export async function decideBundleCommand(ctx: Context, opts: DecideFlags, input: ReadResult): Promise<number> {
  const data = input.ok ? input.data : null;
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  const given = record?.bundle;
  if (opts.bundle === undefined && typeof given !== 'string') {
    // Neither flag, and the file does not name a bundle: the single-item command is what was meant.
    if (input.ok) throw MISSING_ITEM();
  }
  if (!input.ok) {
    if (ctx.output.json) throw input.error;
    ctx.stderr.write(`${input.message}\n`);
    return EXIT.invalid;
  }
  const source = input.source;
  if (opts.bundle !== undefined && given !== undefined && given !== opts.bundle) {
    const message = `输入文件中的“一件事”编码 ${JSON.stringify(given)} 与 --bundle ${opts.bundle} 不一致`;
    if (ctx.output.json) throw new BianminError('E-APP-SCHEMA', message, { ...at(opts.input, source, ['bundle']), path: '$.bundle' });
    ctx.stderr.write(`${where(opts.input, source, ['bundle'])}：${message}\n`);
    return EXIT.invalid;
  }
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const application = record && opts.bundle !== undefined ? { ...record, bundle: opts.bundle } : data;
  let decision: BundleDecision;
  try {
    decision = await pack.decideBundle(application, opts.at === undefined ? {} : { at: opts.at });
  } catch (err) {
    if (!(err instanceof ApplicationError)) throw err;
    const place = (issue: ApplicationIssue): Location =>
      issue.path === 'at' ? { path: '--at' } : issue.path === '$.bundle' && opts.bundle !== undefined ? { path: '--bundle' } : { ...at(opts.input, source, segmentsOf(issue.path)), path: issue.path };
    if (ctx.output.json) throw new ApplicationError(err.details.map((issue) => ({ ...issue, ...place(issue) })), err.suggestions);
    for (const issue of err.details) ctx.stderr.write(`${locate(opts, source, issue)} [${issue.code}] ${issue.message}\n`);
    return EXIT.invalid;
  }
  ctx.stdout.write(opts.json ? JSON.stringify(decision, null, 2) + '\n' : render(decision));
  return EXIT.ok;
}

function locate(opts: DecideFlags, source: SourceFile | null, issue: ApplicationIssue): string {
  if (issue.path === 'at') return '--at';
  if (issue.path === '$.bundle' && opts.bundle !== undefined) return '--bundle';
  return `${where(opts.input, source, segmentsOf(issue.path))} ${issue.path}`;
}

/** The merged notice in words: what the window tells the applicant once, for the whole matter. */
export function render(d: BundleDecision): string {
  const lines: string[] = [];
  lines.push(`一件事：${d.bundle} ${d.name}`);
  lines.push(`牵头部门：${d.lead.name}${d.window ? `；综合受理窗口：${d.window.number}号窗口（${d.window.name}）` : ''}`);
  lines.push(`收件时间：${describeInstant(d.receivedAt)}`);
  lines.push(`结论：${KIND_NAMES[d.kind]}`);
  lines.push(`包含的事项（共 ${d.decisions.length} 项）：`);
  d.decisions.forEach((x, i) => {
    const due = d.deadline?.items.find((e) => e.item === x.item);
    lines.push(`  ${i + 1}. ${x.item} ${x.itemName}：${ITEM_KINDS[x.kind]}${due ? `，应于 ${describeInstant(due.due)} 前办结` : ''}`);
    if (x.kind !== 'accepted' && x.kind !== 'consultation') for (const r of x.reasons) lines.push(`     - ${r.message}`);
  });
  for (const r of d.rejected) {
    if (r.routeTo) lines.push(`去向（${r.item}）：${r.routeTo.organ}${r.routeTo.window ? `，${r.routeTo.window}` : ''}${r.routeTo.phone ? `，电话：${r.routeTo.phone}` : ''}`);
  }
  const shown = d.materials.filter((m) => m.required !== 'no');
  if (shown.length > 0) {
    lines.push('一套材料（同一份材料只交一次）：');
    shown.forEach((m, i) => {
      const need = m.fetchedByCenter ? '由中心调取，无需提交' : `${FORMS[m.form]}${m.copies > 1 ? ` ${m.copies} 份` : ''}${m.required === 'unknown' ? '，视情况' : ''}`;
      const uses = m.items.map((u) => `${u.item}${u.material.parties?.length ? `（${u.material.parties.join('、')}各一份）` : ''}${u.material.required === 'unknown' && u.material.condition ? `：${u.material.condition}` : ''}`).join('；');
      lines.push(`  ${i + 1}. 《${m.name}》[${m.id}]（${NECESSITY[m.necessity]}）：${need}；用于 ${uses}`);
    });
  }
  if (d.missing.length > 0) {
    lines.push(`缺少或不合要求的材料（共 ${d.missing.length} 项，一次告知）：`);
    d.missing.forEach((m, i) => lines.push(`  ${i + 1}. 《${m.party ?? ''}${m.name}》（${m.items.join('、')}）：${m.detail}`));
  }
  if (d.deadline) {
    const how = d.deadline.basis === 'bundle' && d.deadline.promised ? `按“一件事”承诺时限 ${describeDuration(d.deadline.promised)}` : '按各事项承诺期限中最晚的一个';
    lines.push(`统一办结期限：${describeInstant(d.deadline.due)} 前（${how}）`);
  }
  if (d.unknownMaterials.length > 0) lines.push(`不在任何事项材料清单中的材料：${d.unknownMaterials.join('、')}`);
  const warnings = new Set([...d.decisions.flatMap((x) => [...x.warnings, ...(x.deadline?.warnings ?? [])]), ...(d.deadline?.warnings ?? [])].map((w) => `[${w.code}] ${w.message}`));
  for (const w of warnings) lines.push(`警告 ${w}`);
  lines.push(`应出具文书：“一件事”一次性告知（模板 ${d.notice.document}）`);
  return lines.join('\n') + '\n';
}
