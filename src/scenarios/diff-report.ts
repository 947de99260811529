/** The Chinese report of `bianmin diff`: each changed scenario or case, what changed, and the rules behind it. */
import type { RuleChange } from './diff.ts';
import { where } from './report.ts';
import { shortTime } from './time.ts';
import type { Changed, WhatIfReport } from './whatif.ts';

export interface DiffLabels {
  /** How the base pack is named (a directory, or a git revision). */
  readonly base: string;
  /** Directory of the base pack as files are shown (the extracted copy for a git revision). */
  readonly baseDir: string;
  readonly rulesDir: string;
}

export function renderDiff(r: WhatIfReport, l: DiffLabels): string {
  const lines: string[] = [`规则对比：基准 ${l.base} → 当前 ${l.rulesDir}`];
  const replayed = [`${r.scenarios} 个场景`];
  if (r.cases) replayed.push(`登记簿中 ${shortTime(r.cases.from)} 至 ${shortTime(r.cases.to)} 收件的 ${r.cases.replayed} 件申请`);
  lines.push(`重放：${replayed.join('，')}`);
  if (r.cases && r.cases.withoutApplication > 0) {
    lines.push(`  另有 ${r.cases.withoutApplication} 件办件登记时没有保存申请内容（application），无法重放`);
  }
  if (r.changed.length === 0) {
    lines.push('', '没有任何处理结果、期限或责任追究发生变化。');
    return lines.join('\n') + '\n';
  }
  for (const c of r.changed) {
    lines.push('', subjectText(c, l.rulesDir));
    for (const f of c.changes) lines.push(`  ${f.label}：${f.before} → ${f.after}`);
    if (c.rules.length > 0) {
      lines.push('  变化的规则：');
      for (const rule of c.rules) lines.push(...ruleLines(rule, l));
    }
  }
  lines.push('', summary(r));
  return lines.join('\n') + '\n';
}

function subjectText(c: Changed, rulesDir: string): string {
  const s = c.subject;
  switch (s.kind) {
    case 'scenario':
      return `场景 ${where(rulesDir, s.file, s.line, s.column)} ${s.name}`;
    case 'case':
      return `办件 ${s.id} ${s.item} ${s.itemName}（${shortTime(s.receivedAt)} 收件）`;
    case 'register':
      return `登记簿中的责任追究（截至 ${shortTime(s.asOf)}）`;
  }
}

function ruleLines(r: RuleChange, l: DiffLabels): string[] {
  const mark = (p: boolean | null): string => (p === true ? '✓' : p === false ? '✗' : '?');
  const out = [`    ${r.rule}`];
  out.push(r.before ? `      基准 ${mark(r.before.passed)} ${r.before.message}  ${where(l.baseDir, r.before.file, r.before.line)}` : '      基准 （没有这条规则）');
  out.push(r.after ? `      当前 ${mark(r.after.passed)} ${r.after.message}  ${where(l.rulesDir, r.after.file, r.after.line)}` : '      当前 （没有这条规则）');
  return out;
}

/** `共 3 处变化：分类 2 个（accepted → supplement 2 个）…` */
function summary(r: WhatIfReport): string {
  const count = (aspects: readonly string[]): number => r.changed.filter((c) => c.changes.some((f) => aspects.includes(f.aspect))).length;
  const moves = new Map<string, number>();
  for (const c of r.changed) {
    const k = c.changes.find((f) => f.aspect === 'kind');
    if (k) moves.set(`${String(k.from)} → ${String(k.to)}`, (moves.get(`${String(k.from)} → ${String(k.to)}`) ?? 0) + 1);
  }
  const kinds = [...moves].map(([m, n]) => `${m} ${n} 个`).join('，');
  return [
    `共 ${r.changed.length} 处有变化：`,
    `分类变化 ${count(['kind'])} 个${kinds ? `（${kinds}）` : ''}，`,
    `缺件或容缺变化 ${count(['missing', 'deferred'])} 个，`,
    `期限或预警变化 ${count(['deadline', 'warning'])} 个，`,
    `责任追究或考评变化 ${count(['sanctions', 'grade'])} 个`,
  ].join('');
}
