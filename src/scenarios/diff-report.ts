/** The Chinese report of `bianmin diff`: each changed scenario or case, what changed, and the rules behind it. */
import type { Tally } from './change-tally.ts';
import type { RuleChange } from './diff.ts';
import { KIND_LABELS, kindText } from './labels.ts';
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
 * million cases, whose report is larger than one JavaScript string may be. The summary counts
 * every change, listed or not.
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
  const end: string[] = [];
  if (r.unlisted > 0) {
    const listed = r.changed.filter((c) => c.subject.kind === 'case').length;
    end.push('', `另有 ${r.unlisted} 件办件有变化，未逐件列出（${listed > 0 ? `以上是按办件编号最前的 ${listed} 件；` : ''}加 --all 全部列出，或 --limit <件数>）`);
  }
  end.push('', summary(r.tally), ...breakdown(r.tally));
  yield end.join('\n') + '\n';
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

const kindWords = (kind: string): string => (Object.hasOwn(KIND_LABELS, kind) ? kindText(kind as keyof typeof KIND_LABELS) : kind);

/** `共 3 处有变化：分类变化 2 个（accepted（受理件） → supplement（补正件） 2 个）…`, over every change. */
function summary(t: Tally): string {
  const kinds = t.moves.map((m) => `${kindWords(m.from)} → ${kindWords(m.to)} ${m.subjects} 个`).join('，');
  return [
    `共 ${t.subjects} 处有变化：`,
    `分类变化 ${t.kind} 个${kinds ? `（${kinds}）` : ''}，`,
    `缺件或容缺变化 ${t.materials} 个，`,
    `期限或预警变化 ${t.deadline} 个，`,
    `责任追究或考评变化 ${t.sanctions} 个`,
  ].join('');
}

/** Rows of each breakdown shown; the rest are summed into one. */
const BREAKDOWN_ROWS = 10;

/** Changed cases by item and changed subjects by rule, when the changes span more than one. */
function breakdown(t: Tally): string[] {
  const rows = <T>(list: readonly T[], text: (x: T) => string, rest: (others: readonly T[]) => string): string[] => {
    const shown = list.slice(0, BREAKDOWN_ROWS).map(text);
    if (list.length > BREAKDOWN_ROWS) shown.push(rest(list.slice(BREAKDOWN_ROWS)));
    return shown.map((x) => `  ${x}`);
  };
  const out: string[] = [];
  if (t.items.length > 1) {
    out.push('按事项（有变化的办件）：', ...rows(t.items, (i) => `${i.item} ${i.name} ${i.cases} 件`, (o) => `其余 ${o.length} 个事项共 ${o.reduce((n, i) => n + i.cases, 0)} 件`));
  }
  if (t.rules.length > 1) out.push('按规则（受影响的场景、办件或责任追究）：', ...rows(t.rules, (r) => `${r.rule} ${r.subjects} 个`, (o) => `其余 ${o.length} 条规则`));
  return out;
}
