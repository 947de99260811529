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

/**
 * The text report in pieces, one changed subject each: a replay of a large register can change a
 * million cases, whose report is larger than one JavaScript string may be.
 */
export function* diffText(r: WhatIfReport, l: DiffLabels): Generator<string> {
  const head: string[] = [`规则对比：基准 ${l.base} → 当前 ${l.rulesDir}`];
  const replayed = [`${r.scenarios} 个场景`];
  if (r.cases) replayed.push(`登记簿中 ${shortTime(r.cases.from)} 至 ${shortTime(r.cases.to)} 收件的 ${r.cases.replayed} 件申请`);
  head.push(`重放：${replayed.join('，')}`);
  if (r.cases && r.cases.withoutApplication > 0) {
    head.push(`  另有 ${r.cases.withoutApplication} 件办件登记时没有保存申请内容（application），无法重放`);
  }
  if (r.changed.length === 0) head.push('', '没有任何处理结果、期限或责任追究发生变化。');
  yield head.join('\n') + '\n';
  if (r.changed.length === 0) return;
  for (const c of r.changed) {
    const lines = ['', subjectText(c, l.rulesDir)];
    for (const f of c.changes) lines.push(`  ${f.label}：${f.before} → ${f.after}`);
    if (c.rules.length > 0) {
      lines.push('  变化的规则：');
      for (const rule of c.rules) lines.push(...ruleLines(rule, l));
    }
    yield lines.join('\n') + '\n';
  }
  yield `\n${summary(r)}\n`;
}

/**
 * `JSON.stringify({ ...head, ...r }, null, 2)` in pieces, one changed subject each, byte for byte
 * (`changed` is the report's last key; each element is indented as it would be inside it).
 */
export function* diffJson(head: Readonly<Record<string, unknown>>, r: WhatIfReport): Generator<string> {
  const { changed, ...rest } = r;
  const top = JSON.stringify({ ...head, ...rest, changed: [] }, null, 2);
  if (changed.length === 0) {
    yield top;
    return;
  }
  const tail = '[]\n}';
  yield `${top.slice(0, -tail.length)}[\n    `;
  let first = true;
  for (const c of changed) {
    yield `${first ? '' : ',\n    '}${JSON.stringify(c, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield '\n  ]\n}';
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

/** The aspects each count of the summary covers. */
const SUMMARY_COUNTS = [['kind'], ['missing', 'deferred'], ['deadline', 'warning'], ['sanctions', 'grade']] as const;

/** `共 3 处变化：分类 2 个（accepted → supplement 2 个）…`, in one pass over the changes. */
function summary(r: WhatIfReport): string {
  const counts = SUMMARY_COUNTS.map(() => 0);
  const moves = new Map<string, number>();
  for (const c of r.changed) {
    SUMMARY_COUNTS.forEach((aspects, i) => {
      if (c.changes.some((f) => (aspects as readonly string[]).includes(f.aspect))) counts[i]!++;
    });
    const k = c.changes.find((f) => f.aspect === 'kind');
    if (k) {
      const move = `${String(k.from)} → ${String(k.to)}`;
      moves.set(move, (moves.get(move) ?? 0) + 1);
    }
  }
  const kinds = [...moves].map(([m, n]) => `${m} ${n} 个`).join('，');
  return [
    `共 ${r.changed.length} 处有变化：`,
    `分类变化 ${counts[0]} 个${kinds ? `（${kinds}）` : ''}，`,
    `缺件或容缺变化 ${counts[1]} 个，`,
    `期限或预警变化 ${counts[2]} 个，`,
    `责任追究或考评变化 ${counts[3]} 个`,
  ].join('');
}
