/**
 * The Chinese report of `bianmin test`: one line per scenario, and for each failure the expected
 * and actual results, why, and the decision's trace with the rules that did not pass first. The
 * caller prints the summary line `N passed, N failed` last (CI reads it).
 */
import { formatDiagnostic } from '../pack/index.ts';
import type { TraceEntry } from '../pack/index.ts';
import type { Coverage, CoverageArea } from './coverage.ts';
import { titled } from './labels.ts';
import type { ScenarioResult, TestRun } from './suite.ts';

export function summaryLine(run: Pick<TestRun, 'passed' | 'failed'>): string {
  return `${run.passed} passed, ${run.failed} failed`;
}

/** `rules/tests/minzheng.yaml:12:5` */
export function where(rulesDir: string, file: string, line: number, column?: number): string {
  const base = rulesDir.replace(/\/+$/, '');
  return `${base ? `${base}/` : ''}${file}:${line}${column !== undefined ? `:${column}` : ''}`;
}

export function renderTestReport(run: TestRun, rulesDir: string): string {
  const lines: string[] = [];
  const { suite } = run;
  if (suite.files.length === 0) {
    lines.push(`规则包 ${rulesDir} 没有场景测试：请在 ${where(rulesDir, 'tests', 0).replace(/:0$/, '')}/ 下新建 YAML 文件（写法见 README“写场景测试”）`);
    return lines.join('\n') + '\n';
  }
  const chosen = suite.name === undefined ? '' : `，名称含“${suite.name}”的`;
  lines.push(`场景测试：规则包 ${rulesDir}，${suite.files.length} 个文件${chosen}，${run.results.length} 个场景`);
  for (const file of suite.files) {
    const results = run.results.filter((r) => r.scenario.file === file);
    const broken = suite.errors.filter((d) => d.file === file);
    // Chosen by name: a file none of whose scenarios is chosen is left out.
    if (suite.name !== undefined && results.length === 0 && broken.length === 0) continue;
    lines.push('', file);
    for (const r of results) lines.push(...renderResult(r, rulesDir));
    for (const d of broken) lines.push(`  ! ${formatDiagnostic(d, rulesDir)}`);
    if (results.length === 0 && broken.length === 0) lines.push('  （没有可运行的场景）');
  }
  for (const w of suite.warnings) lines.push('', `提示 ${formatDiagnostic(w, rulesDir)}`);
  const bad = run.results.filter((r) => r.status !== 'passed');
  if (bad.length > 0 || run.errors.length > 0) {
    lines.push('');
    if (bad.length > 0) {
      lines.push(`未通过的场景（${bad.length} 个）：`);
      for (const r of bad) lines.push(`  ${where(rulesDir, r.scenario.file, r.scenario.line, r.scenario.column)} ${r.scenario.name}${r.status === 'broken' ? '（无法运行）' : ''}`);
    }
    const fileErrors = suite.errors.length;
    if (fileErrors > 0) lines.push(`场景文件有 ${fileErrors} 处错误（见上方 ! 行），相应场景没有运行`);
  }
  return lines.join('\n') + '\n';
}

function renderResult(r: ScenarioResult, rulesDir: string): string[] {
  const s = r.scenario;
  if (r.status === 'passed') return [`  ✓ ${s.name}`];
  if (r.status === 'broken') return [`  ! ${s.name}`, `      ${formatDiagnostic(r.error!, rulesDir)}`];
  const out = [`  ✗ ${s.name}（${where(rulesDir, s.file, s.line, s.column)}）`];
  // Several failures often share one cause (a missing material makes kind, mode and deadline
  // all differ): each reason is printed once, under the first failure it explains.
  const told = new Set<string>();
  for (const f of r.failures) {
    const at = s.source.locate(['scenarios', s.index, ...f.path]);
    out.push(`      ${f.label}：期望 ${f.expected}，实际 ${f.actual}（期望写在第 ${at.line} 行）`);
    for (const b of f.because) {
      if (told.has(b)) continue;
      told.add(b);
      out.push(`        · ${b}`);
    }
  }
  const d = r.outcome.decision;
  // The trace explains a decision; a failed sanction or grade is explained by its own lines above.
  const aboutDecision = r.failures.some((f) => !f.key.startsWith('sanctions') && !f.key.startsWith('grade'));
  if (d && d.trace.length > 0 && aboutDecision) {
    out.push('      判断过程（未通过的规则在前）：');
    for (const t of orderTrace(d.trace)) out.push(`        ${traceLine(t, rulesDir)}`);
  }
  return out;
}

/** Failed and undecided rules first, each group in the engine's order. */
export function orderTrace(trace: readonly TraceEntry[]): TraceEntry[] {
  return [...trace.filter((t) => t.passed === false), ...trace.filter((t) => t.passed === null), ...trace.filter((t) => t.passed === true)];
}

export function traceLine(t: TraceEntry, rulesDir: string): string {
  const mark = t.passed === true ? '✓' : t.passed === false ? '✗' : '?';
  return `${mark} ${t.message}  ${where(rulesDir, t.source.file, t.source.line)}`;
}

export function renderCoverage(c: Coverage, rulesDir: string): string {
  const lines = ['', '覆盖情况（没有任何场景检验到的规则）：'];
  const section = (title: string, a: CoverageArea, what: string, show: (g: CoverageArea['gaps'][number]) => string): void => {
    lines.push(`  ${title}：共 ${a.total} 项，${a.covered} 项有场景${a.covered === a.total ? '，全部覆盖' : a.gaps.length > 0 ? `；以下 ${a.gaps.length} 项${what}：` : ''}`);
    for (const g of a.gaps) lines.push(`    - ${show(g)}  ${where(rulesDir, g.file, g.line)}`);
  };
  section('事项', c.items, '没有任何场景', (g) => `${g.id} ${g.name}`);
  section('不归本中心办理的事项（referrals）', c.referrals, '没有任何场景', (g) => `${g.id} ${g.name}`);
  // Materials and conditions of an item without any scenario are all uncovered: listing them again
  // would bury the gaps in the items that do have scenarios.
  const untested = new Set(c.items.gaps.map((g) => g.id));
  const within = (a: CoverageArea): CoverageArea => ({ ...a, gaps: a.gaps.filter((g) => g.item === null || !untested.has(g.item)) });
  // `covered` and `total` stay those of the whole area; only the listing is shortened.
  const aside = (a: CoverageArea): void => {
    const n = a.gaps.length - within(a).gaps.length;
    if (n > 0) lines.push(`    （另有 ${n} 项属于上面没有任何场景的事项，不再逐项列出）`);
  };
  section('申报材料', within(c.materials), '没有场景提交、缺少或容缺', (g) => `${g.item} ${g.id}${titled(g.name)}`);
  aside(c.materials);
  section('受理条件', within(c.conditions), '没有场景检验不符合时的处理', (g) => `${g.item} ${g.id}：${g.name}`);
  aside(c.conditions);
  section('责任追究规则', c.discipline, '没有场景触发', (g) => `${g.id}（${g.name}）`);
  section('考评等级', c.grades, '没有场景期望得到', (g) => g.name);
  return lines.join('\n') + '\n';
}
