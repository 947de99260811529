import { LABELS } from '../../documents/index.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeDuration, describeInstant } from '../../calendar/index.ts';
import { ApplicationError, type ApplicationIssue } from '../../engine/index.ts';
import { BianminError, type ErrorCode, type Location, type PathSegment, type Problem } from '../../core/index.ts';
import type { Decision } from '../../pack/index.ts';
import { parseSource, type SourceFile } from '../../pack/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import { segmentsOf } from '../json-path.ts';
import { instantFlag } from '../time-flags.ts';
import type { DecideFlags } from '../syntax/decide.ts';
import { UsageError } from '../usage-error.ts';

export async function decide(ctx: Context, opts: DecideFlags): Promise<number> {
  // A bad time flag is a usage error (exit 2), as in every command, before anything is read.
  if (opts.at !== undefined) instantFlag(opts.at, '--at');
  if (opts.item !== undefined && opts.bundle !== undefined) throw new UsageError('E-USAGE-OPTION', '--item 和 --bundle 不能同时使用：单个事项用 --item，“一件事”用 --bundle');
  let bytes: Buffer;
  try {
    bytes = await readFile(ctx.file(opts.input));
  } catch {
    if (opts.item === undefined && opts.bundle === undefined) throw MISSING_ITEM();
    throw new UsageError('E-USAGE-FILE', `无法读取输入文件 ${opts.input}`);
  }
  const input = readInput(opts.input, bytes);
  // 一件事: by --bundle, or by the input file's `bundle` when no --item is given.
  if (opts.item === undefined) return (await import('./decide-bundle.ts')).decideBundleCommand(ctx, opts, input);
  if (!input.ok) {
    if (ctx.output.json) throw input.error;
    ctx.stderr.write(`${input.message}\n`);
    return EXIT.invalid;
  }
  const application = input.data;
  if (application !== null && typeof application === 'object' && !Array.isArray(application)) {
    const given = (application as Record<string, unknown>).item;
    if (given !== undefined && given !== opts.item) {
      const message = `输入文件中的事项编码 ${JSON.stringify(given)} 与 --item ${opts.item} 不一致`;
      if (ctx.output.json) throw new BianminError('E-APP-SCHEMA', message, { ...at(opts.input, input.source, ['item']), path: '$.item' });
      ctx.stderr.write(`${where(opts.input, input.source, ['item'])}：${message}\n`);
      return EXIT.invalid;
    }
  }
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const withItem = application !== null && typeof application === 'object' && !Array.isArray(application) ? { ...application, item: opts.item } : application;
  let decision: Decision;
  try {
    decision = await pack.decide(withItem, opts.at === undefined ? {} : { at: opts.at });
  } catch (err) {
    if (!(err instanceof ApplicationError)) throw err;
    if (ctx.output.json) throw locatedApplicationError(opts, input.source, err);
    for (const issue of err.details) ctx.stderr.write(`${locate(opts, input.source, issue)} [${issue.code}] ${issue.message}\n`);
    for (const s of err.suggestions) ctx.stderr.write(`  可能是：${s.code ?? ''} ${s.name}${s.window ? `（${s.window.number}号${s.window.name}）` : s.organ ? `（${s.organ}）` : ''}\n`);
    return EXIT.invalid;
  }
  ctx.stdout.write(opts.json ? JSON.stringify(decision, null, 2) + '\n' : render(decision, opts.rules));
  return EXIT.ok;
}

/** No --item, no --bundle and no `bundle` in the input file: the message commander gave when --item was required. */
export const MISSING_ITEM = (): UsageError => new UsageError('E-USAGE-OPTION', "必须提供选项 '--item <编码>'");

export type ReadResult = { ok: true; data: unknown; source: SourceFile | null } | { ok: false; message: string; error: BianminError };

/** The input file's syntax error, as text and as the error `--json` prints. */
function unreadable(file: string, code: ErrorCode, detail: string, line: number, column: number, details: readonly Problem[] = []): ReadResult {
  return { ok: false, message: `${file}:${line}:${column} ${detail}`, error: new BianminError(code, detail, { file, line, column }, details) };
}

/** JSON or YAML; a syntax error is reported as file:line:column. */
function readInput(file: string, bytes: Buffer): ReadResult {
  const yaml = /\.ya?ml$/i.test(file);
  const parsed = parseSource(path.basename(file), bytes);
  if (yaml) {
    if (!parsed.ok) {
      const [first] = parsed.errors;
      const details = parsed.errors.map((d) => ({ code: d.code, message: d.message, file, line: d.line, column: d.column, path: d.path }));
      const error = new BianminError(first?.code ?? 'E-YAML-SYNTAX', first?.message ?? 'YAML 语法错误', { file, line: first?.line ?? 0, column: first?.column ?? 0 }, details);
      return { ok: false, message: parsed.errors.map((d) => `${file}:${d.line}:${d.column} ${d.message}`).join('\n'), error };
    }
    return { ok: true, data: parsed.source.data, source: parsed.source };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { ok: true, data: JSON.parse(text) as unknown, source: parsed.ok ? parsed.source : null };
  } catch (err) {
    // The YAML parser reads JSON too and knows where it broke; fall back to V8's position.
    const first = parsed.ok ? null : parsed.errors[0];
    if (first && first.line > 0) return unreadable(file, first.code, `JSON 语法错误：${first.message.replace(/^YAML 语法错误[：（]?/, '').replace(/）$/, '')}`, first.line, first.column);
    const pos = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset).split('\n');
      const near = text.slice(offset, offset + 1);
      return unreadable(file, 'E-YAML-SYNTAX', `JSON 语法错误：此处${near ? `的 ${JSON.stringify(near)} ` : ''}不符合 JSON 写法（检查多余或缺少的逗号、引号和括号）`, before.length, (before.at(-1)?.length ?? 0) + 1);
    }
    const detail = 'JSON 语法错误，文件不是有效的 JSON';
    return { ok: false, message: `${file}：${detail}`, error: new BianminError('E-YAML-SYNTAX', detail, { file }) };
  }
}

export function where(file: string, source: SourceFile | null, segments: readonly PathSegment[]): string {
  if (!source) return file;
  const at = source.locate(segments, false);
  return `${file}:${at.line}:${at.column}`;
}

/** Where `segments` is in the input file, as location fields. */
export function at(file: string, source: SourceFile | null, segments: readonly PathSegment[]): Location {
  if (!source) return { file };
  const p = source.locate(segments, false);
  return { file, line: p.line, column: p.column };
}

/** The application's problems located in the input file (or at the flag they came from), for `--json`. */
function locatedApplicationError(opts: DecideFlags, source: SourceFile | null, err: ApplicationError): ApplicationError {
  const place = (issue: ApplicationIssue): Location =>
    issue.path === 'at' ? { path: '--at' } : issue.path === '$.item' ? { path: '--item' } : { ...at(opts.input, source, segmentsOf(issue.path)), path: issue.path };
  const located = new ApplicationError(err.details.map((issue) => ({ ...issue, ...place(issue) })), err.suggestions);
  return located;
}

function locate(opts: DecideFlags, source: SourceFile | null, issue: ApplicationIssue): string {
  if (issue.path === 'at') return '--at';
  if (issue.path === '$.item') return '--item';
  const segments = segmentsOf(issue.path);
  return `${where(opts.input, source, segments)} ${issue.path}`;
}

const KIND_NAMES: Readonly<Record<Decision['kind'], string>> = {
  consultation: '咨询件（出具一次性告知单）',
  supplement: '补正件（一次性告知需补正的全部材料）',
  correctable: '当场更正（告知申请人当场更正，更正后重新判断）',
  returned: '退回件（书面告知退回原因）',
  rejected: '不予受理（告知应去的机关或窗口）',
  accepted: '受理件',
};

const MODE_NAMES: Readonly<Record<NonNullable<Decision['mode']>, string>> = {
  immediate: '即办件（现场30分钟内办结）',
  promised: '承诺件（在承诺期限内办结）',
  reported: '上报件（报上级审批）',
  joint: '联办件（多部门联合办理）',
  petition: '信访件（按信访规定时限办理）',
};

const DOCUMENT_NAMES: Readonly<Record<string, string>> = {
  consultation: '一次性告知单（咨询件）',
  supplement: '补正材料通知书',
  correctable: '当场更正告知单',
  returned: '退回件通知书',
  rejected: '不予受理通知书',
  accepted: '受理通知书',
  immediate: '即办件受理单',
};
const NECESSITY = LABELS.necessity;
const FORMS = LABELS.form;

/** The human summary: what the window must do, and why. */
function render(d: Decision, rules: string): string {
  const lines: string[] = [];
  lines.push(`事项：${d.item} ${d.itemName}${d.version ? `（适用 ${d.version.effectiveFrom} 起施行的版本，${d.version.reference}）` : ''}`);
  lines.push(`收件时间：${describeInstant(d.receivedAt)}`);
  lines.push(`结论：${KIND_NAMES[d.kind]}${d.mode ? ` — ${MODE_NAMES[d.mode]}` : ''}`);
  const situation = d.situation ? d.trace.find((t) => t.rule === `situation:${d.situation!.id}`) : undefined;
  if (d.situation) lines.push(`适用情形：${d.situation.name}${situation ? `（${rules}/${situation.source.file}:${situation.source.line}）` : ''}`);
  if (d.modeBranch) lines.push(`适用办理方式：第 ${d.modeBranch.index + 1} 项${d.modeBranch.text ? `（${d.modeBranch.text}）` : ''}（${rules}/${d.modeBranch.source.file}:${d.modeBranch.source.line}）`);
  if (d.routeTo) {
    const r = d.routeTo;
    lines.push(`去向：${r.organ}${r.window ? `，${r.window}` : ''}${r.address ? `，地址：${r.address}` : ''}${r.phone ? `，电话：${r.phone}` : ''}`);
  }
  if (d.reasons.length > 0) {
    lines.push('理由：');
    for (const r of d.reasons) lines.push(`  - ${r.message}（${rules}/${r.source.file}:${r.source.line}）`);
  }
  if (d.questions.length > 0) {
    lines.push(`尚需了解：${d.questions.map((q) => (q.unit ? `${q.label}（${q.unit}）` : q.label)).join('、')}`);
  }
  if (d.missing.length > 0) {
    lines.push(`缺少或不合要求的材料（共 ${d.missing.length} 项，一次告知）：`);
    d.missing.forEach((m, i) => lines.push(`  ${i + 1}. 《${m.party ?? ''}${m.name}》（${NECESSITY[m.necessity]}${m.department ? `，${m.department}` : ''}）：${m.detail}`));
  }
  const correctable = d.correctable ?? [];
  if (correctable.length > 0) {
    lines.push(`可以当场更正（共 ${correctable.length} 项，更正后重新判断，不出具补正通知书）：`);
    correctable.forEach((m, i) => lines.push(`  ${i + 1}. 《${m.party ?? ''}${m.name}》：${m.detail}`));
  }
  if (d.committed && d.committed.length > 0) {
    lines.push('以告知承诺代替（按已提交计，受理后核查；出具承诺书：bianmin render --doc commitment）：');
    for (const m of d.committed) lines.push(`  - 《${m.name}》`);
  }
  if (d.deferred.length > 0) {
    lines.push(d.kind === 'accepted' ? '容缺受理，须在期限内补交：' : '容缺材料（受理后补交，期限自受理时起算）：');
    for (const m of d.deferred) lines.push(`  - 《${m.name}》${m.due ? `：${describeInstant(m.due)} 前` : ''}`);
  }
  if (d.kind === 'consultation' && d.materials.length > 0) {
    lines.push('申请材料（一次性告知）：');
    d.materials.forEach((m, i) => {
      const need = m.fetchedByCenter ? '由中心调取，无需提交' : m.required === 'no' ? '本次不需要' : `${FORMS[m.form]}${m.copies > 1 ? ` ${m.copies} 份` : ''}`;
      const cond = m.condition ? `；${m.required === 'unknown' ? '视情况：' : ''}${m.condition}` : '';
      // An alternative wanted in another form or number of copies says so (the notice states it).
      const alt = (a: NonNullable<typeof m.alternatives>[number]): string => (a.form === undefined && a.copies === undefined ? a.name : `${a.name}（${FORMS[a.form ?? m.form]}${(a.copies ?? m.copies) > 1 ? ` ${a.copies ?? m.copies} 份` : ''}）`);
      const alts = m.alternatives && m.alternatives.length > 0 ? `；任选其一：${m.alternatives.map(alt).join('、')}` : '';
      const due = m.due ? `；可受理后 ${describeDuration(m.due)}内补交` : '';
      const each = m.parties && m.parties.length > 0 ? `，${m.parties.join('、')}各一份` : '';
      lines.push(`  ${i + 1}. 《${m.name}》（${NECESSITY[m.necessity]}${m.department ? `，${m.department}` : ''}）：${need}${m.fetchedByCenter ? '' : each}${cond}${alts}${due}`);
    });
  }
  if (d.guide) {
    const g = d.guide;
    if (g.conditions.length > 0) {
      lines.push('受理条件：');
      for (const c of g.conditions) lines.push(`  - ${c.text}${c.met === true ? '（符合）' : c.met === false ? '（按所述情况不符合）' : ''}`);
    }
    if (g.modes && g.modes.length > 0) {
      lines.push('办理方式和时限（按情形，自上而下取第一个适用的）：');
      for (const m of g.modes) {
        const mark = m.applies === true ? '（适用）' : m.applies === false ? '（不适用）' : '';
        lines.push(`  ${m.index + 1}. ${m.text ?? '其余情况'}：${MODE_NAMES[m.mode]}，承诺 ${describeDuration(m.promised)}，法定 ${describeDuration(m.statutory)}${mark}`);
      }
    } else {
      lines.push(`办理时限：承诺 ${describeDuration(g.limits.promised)}，法定 ${describeDuration(g.limits.statutory)}（自受理之日起算）`);
    }
    if (g.procedure.length > 0) lines.push(`办理程序：${g.procedure.map((p) => p.step).join(' → ')}`);
    if (g.basis.length > 0) lines.push(`设定依据：${g.basis.join('；')}`);
    lines.push(`办理地点：${g.place}`);
    lines.push(`咨询电话：${g.phones.consult}；投诉电话：${g.phones.complaint}`);
  }
  if (d.deadline) {
    lines.push(`承诺期限：${describeDuration(d.deadline.promised)}，应于 ${describeInstant(d.deadline.promised.due)} 前办结`);
    lines.push(`法定期限：${describeDuration(d.deadline.statutory)}，应于 ${describeInstant(d.deadline.statutory.due)} 前办结`);
    if (d.deadline.reply) lines.push(`信访答复期限：${describeDuration(d.deadline.reply)}，当场解决不了的应于 ${describeInstant(d.deadline.reply.due)} 前答复`);
    if (d.deadline.leaderReception) lines.push(`领导接待答复期限：${describeDuration(d.deadline.leaderReception)}，领导接待的应于 ${describeInstant(d.deadline.leaderReception.due)} 前答复`);
  }
  if (d.kind !== 'rejected') {
    lines.push(
      d.fees.length === 0
        ? '收费：不收费'
        : `收费：${d.fees.map((f) => `${f.name} ${f.amount} 元${f.per ? `/${f.per}` : ''}（依据 ${f.basis}）`).join('；')}`,
    );
  }
  if (d.unknownMaterials.length > 0) lines.push(`不在材料清单中的材料：${d.unknownMaterials.join('、')}`);
  for (const w of [...d.warnings, ...(d.deadline?.warnings ?? [])]) lines.push(`警告 [${w.code}] ${w.message}`);
  lines.push(`应出具文书：${DOCUMENT_NAMES[d.notice.document] ?? '本事项专用文书'}（模板 ${d.notice.document}）`);
  lines.push('判断过程：');
  for (const t of d.trace) {
    const mark = t.passed === true ? '✓' : t.passed === false ? '✗' : '?';
    lines.push(`  ${mark} ${t.message}（${rules}/${t.source.file}:${t.source.line}）`);
  }
  return lines.join('\n') + '\n';
}
