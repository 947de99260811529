import type { Diagnostic, PathSegment } from './diagnostics.ts';
import type { LoadedItem, LoadedReferral, SourceMap } from './model.ts';
import type { CalendarFile, CenterFile, Condition, Duration, FactsFile, PolicyFile } from './schema-types.ts';
import { suggest } from './suggest.ts';

export interface CrossCheckInput {
  readonly center: CenterFile;
  readonly facts: FactsFile;
  readonly policy: PolicyFile;
  readonly items: readonly LoadedItem[];
  readonly referrals: readonly LoadedReferral[];
  readonly calendars: ReadonlyArray<{ file: string; data: CalendarFile }>;
  /** Names of the pack's own templates. */
  readonly templates: ReadonlyMap<string, string>;
  readonly sources: SourceMap;
  readonly now: Date;
}

/** Built-in facts every application provides; pack facts are declared in facts.yaml. */
export const BUILTIN_FACTS = ['applicantType'] as const;

/** Facts the records module computes per staff member for discipline rules. */
export const DISCIPLINE_FACTS = [
  'verifiedComplaints',
  'overdueWithoutReason',
  'forbiddenPhraseIncidents',
  'postLeftEmpty',
  'undeclaredFees',
  'badReviews',
] as const;

/** Facts available to assessment grade rules. */
export const ASSESSMENT_FACTS = [
  'firstInquiryAcceptanceRate',
  'firstInquiryCompletionRate',
  'timelyCompletionRate',
  'verifiedComplaints',
  'meetsStandards',
] as const;

/** Document templates shipped with bianmin (templates/NAME.hbs). */
export const BUILTIN_DOCUMENTS = ['consultation', 'supplement', 'accepted', 'immediate', 'returned', 'rejected', 'guide', 'announcement'] as const;

class Collector {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  constructor(private readonly sources: SourceMap) {}

  error(file: string, path: readonly PathSegment[], code: string, message: string): void {
    this.errors.push(this.make(file, path, code, message));
  }

  warn(file: string, path: readonly PathSegment[], code: string, message: string): void {
    this.warnings.push(this.make(file, path, code, message));
  }

  private make(file: string, path: readonly PathSegment[], code: string, message: string): Diagnostic {
    const src = this.sources.get(file);
    if (src) return src.diagnostic(path, code, message);
    return { file, line: 0, column: 0, path: '$', code, message };
  }
}

/** Checks what a schema cannot: references between files, uniqueness, and limits that must agree. */
export function crossCheck(input: CrossCheckInput): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const c = new Collector(input.sources);
  checkCenter(input, c);
  checkCalendars(input, c);
  const sharedConditions = checkFacts(input, c);
  checkItems(input, c, sharedConditions);
  checkPolicy(input, c);
  return { errors: c.errors, warnings: c.warnings };
}

function unique<T>(list: readonly T[], key: (t: T) => string, onDuplicate: (t: T, index: number, first: number) => void): Map<string, number> {
  const seen = new Map<string, number>();
  list.forEach((t, i) => {
    const k = key(t);
    const first = seen.get(k);
    if (first !== undefined) onDuplicate(t, i, first);
    else seen.set(k, i);
  });
  return seen;
}

function refHint(value: string, known: Iterable<string>): string {
  const list = [...known];
  const guess = suggest(value, list);
  return guess ? `，是否应为 \`${guess}\`？` : list.length > 0 && list.length <= 12 ? `；已声明的有：${list.join('、')}` : '';
}

function checkCenter({ center }: CrossCheckInput, c: Collector): void {
  const f = 'center.yaml';
  for (const list of ['departments', 'windows', 'staff', 'posts'] as const) {
    unique(center[list], (x) => x.id, (x, i, first) =>
      c.error(f, [list, i, 'id'], 'E-REF-DUPLICATE-ID', `标识 \`${x.id}\` 重复（第 ${first + 1} 项已使用）`),
    );
  }
  unique(center.windows, (w) => String(w.number), (w, i, first) =>
    c.error(f, ['windows', i, 'number'], 'E-REF-DUPLICATE-ID', `窗口号 ${w.number} 重复（第 ${first + 1} 项已使用）`),
  );
  const departments = new Set(center.departments.map((d) => d.id));
  const windows = new Set(center.windows.map((w) => w.id));
  const staff = new Set(center.staff.map((s) => s.id));
  center.windows.forEach((w, i) => {
    if (!departments.has(w.department)) c.error(f, ['windows', i, 'department'], 'E-REF-UNKNOWN', `部门 \`${w.department}\` 未在 departments 中声明${refHint(w.department, departments)}`);
  });
  center.staff.forEach((s, i) => {
    if (s.department && !departments.has(s.department)) c.error(f, ['staff', i, 'department'], 'E-REF-UNKNOWN', `部门 \`${s.department}\` 未在 departments 中声明${refHint(s.department, departments)}`);
  });
  center.posts.forEach((p, i) => {
    if (!windows.has(p.window)) c.error(f, ['posts', i, 'window'], 'E-REF-UNKNOWN', `窗口 \`${p.window}\` 未在 windows 中声明${refHint(p.window, windows)}`);
    for (const role of ['a', 'b'] as const) {
      if (!staff.has(p[role])) c.error(f, ['posts', i, role], 'E-REF-UNKNOWN', `工作人员 \`${p[role]}\` 未在 staff 中声明${refHint(p[role], staff)}`);
    }
    if (p.a === p.b) c.error(f, ['posts', i, 'b'], 'E-POST-SAME-HOLDER', `岗位“${p.name}”的 A岗和 B岗是同一人（${p.a}）；B岗须由另一人担任，A岗外出时顶岗`);
  });
  const posted = new Set(center.posts.map((p) => p.window));
  center.windows.forEach((w, i) => {
    if (!posted.has(w.id)) c.error(f, ['windows', i], 'E-WINDOW-NO-POST', `窗口“${w.name}”没有设置岗位；每个窗口至少要有一个 A/B 岗`);
  });
  (center.leaders ?? []).forEach((l, i) => {
    if (!staff.has(l.staff)) c.error(f, ['leaders', i, 'staff'], 'E-REF-UNKNOWN', `工作人员 \`${l.staff}\` 未在 staff 中声明${refHint(l.staff, staff)}`);
  });
  (center.dutyRoster ?? []).forEach((m, i) => {
    m.days.forEach((d, j) => {
      if (!d.date.startsWith(m.month)) c.error(f, ['dutyRoster', i, 'days', j, 'date'], 'E-ROSTER-DATE', `日期 ${d.date} 不在 ${m.month} 月内`);
      for (const role of ['leader', 'onDuty'] as const) {
        const who = d[role];
        if (who && !staff.has(who)) c.error(f, ['dutyRoster', i, 'days', j, role], 'E-REF-UNKNOWN', `工作人员 \`${who}\` 未在 staff 中声明${refHint(who, staff)}`);
      }
    });
  });
}

function checkCalendars({ calendars, now }: CrossCheckInput, c: Collector): void {
  unique(calendars, (x) => String(x.data.year), (x) =>
    c.error(x.file, ['year'], 'E-CALENDAR-DUPLICATE', `${x.data.year} 年的节假日安排重复声明`),
  );
  for (const { file, data } of calendars) {
    const stem = /(\d{4})\.ya?ml$/.exec(file)?.[1];
    if (stem && Number(stem) !== data.year) c.error(file, ['year'], 'E-CALENDAR-YEAR', `文件名是 ${stem} 年，但 year 写的是 ${data.year}`);
    const y = String(data.year);
    const holidayDays = new Set<string>();
    data.holidays.forEach((h, i) => {
      if (!h.from.startsWith(y)) c.error(file, ['holidays', i, 'from'], 'E-CALENDAR-YEAR', `日期 ${h.from} 不在 ${y} 年`);
      if (h.to && h.to < h.from) c.error(file, ['holidays', i, 'to'], 'E-CALENDAR-RANGE', `放假结束日 ${h.to} 早于开始日 ${h.from}`);
      for (const d of daysBetween(h.from, h.to ?? h.from)) holidayDays.add(d);
    });
    data.workdays.forEach((w, i) => {
      if (!w.date.startsWith(y)) c.error(file, ['workdays', i, 'date'], 'E-CALENDAR-YEAR', `日期 ${w.date} 不在 ${y} 年`);
      const dow = new Date(`${w.date}T00:00:00Z`).getUTCDay();
      if (dow !== 0 && dow !== 6) c.error(file, ['workdays', i, 'date'], 'E-CALENDAR-WORKDAY', `调休上班日 ${w.date} 不是周末；只有周六、周日才需要声明为上班日`);
      if (holidayDays.has(w.date)) c.error(file, ['workdays', i, 'date'], 'E-CALENDAR-WORKDAY', `${w.date} 同时被声明为放假日和上班日`);
    });
  }
  const last = calendars.at(-1);
  if (last) {
    const end = Date.UTC(last.data.year, 11, 31);
    const days = Math.floor((end - now.getTime()) / 86_400_000);
    if (days < 60) {
      c.warn(last.file, ['year'], 'W-CALENDAR-ENDING', `已知的节假日安排只到 ${last.data.year} 年底（还有 ${Math.max(days, 0)} 天）；请在国务院公布下一年安排后添加 calendar/${last.data.year + 1}.yaml，否则之后的期限只按周末推算并附警告`);
    }
  }
}

function checkFacts({ facts, sources }: CrossCheckInput, c: Collector): Set<string> {
  const f = 'facts.yaml';
  unique(facts.facts, (x) => x.id, (x, i) => c.error(f, ['facts', i, 'id'], 'E-REF-DUPLICATE-ID', `事实 \`${x.id}\` 重复声明`));
  facts.facts.forEach((x, i) => {
    if (x.type === 'enum' && !x.values) c.error(f, ['facts', i], 'E-SCHEMA-REQUIRED', `类型为 enum 的事实必须写 values（可选值）`);
    if ((BUILTIN_FACTS as readonly string[]).includes(x.id)) c.error(f, ['facts', i, 'id'], 'E-REF-DUPLICATE-ID', `\`${x.id}\` 是内置事实，无需声明`);
  });
  const shared = new Set((facts.conditions ?? []).map((x) => x.id));
  unique(facts.conditions ?? [], (x) => x.id, (x, i) => c.error(f, ['conditions', i, 'id'], 'E-REF-DUPLICATE-ID', `共享条件 \`${x.id}\` 重复声明`));
  const known = new Set<string>([...BUILTIN_FACTS, ...facts.facts.map((x) => x.id)]);
  (facts.conditions ?? []).forEach((x, i) => checkCondition(x.when, f, ['conditions', i, 'when'], known, shared, c));
  void sources;
  return shared;
}

/** Walks a condition: every fact declared, every shared condition reference resolved. */
function checkCondition(cond: Condition, file: string, path: PathSegment[], facts: ReadonlySet<string>, shared: ReadonlySet<string> | null, c: Collector): void {
  const stack: Array<[Condition, PathSegment[]]> = [[cond, path]];
  while (stack.length > 0) {
    const [node, p] = stack.pop()!;
    if ('all' in node) node.all.forEach((n, i) => stack.push([n, [...p, 'all', i]]));
    else if ('any' in node) node.any.forEach((n, i) => stack.push([n, [...p, 'any', i]]));
    else if ('not' in node) stack.push([node.not, [...p, 'not']]);
    else if ('condition' in node) {
      if (shared === null) c.error(file, [...p, 'condition'], 'E-REF-UNKNOWN', '此处不能引用共享条件');
      else if (!shared.has(node.condition)) c.error(file, [...p, 'condition'], 'E-REF-UNKNOWN', `共享条件 \`${node.condition}\` 未在 facts.yaml 的 conditions 中声明${refHint(node.condition, shared)}`);
    } else if (!facts.has(node.fact)) {
      c.error(file, [...p, 'fact'], 'E-REF-UNKNOWN', `事实 \`${node.fact}\` 未声明${refHint(node.fact, facts)}`);
    }
  }
}

const UNIT_MINUTES: Record<Duration['unit'], number> = {
  minutes: 1,
  hours: 60,
  // Days compare as days; the calendar decides which days count, not this check.
  workingDays: 24 * 60,
  calendarDays: 24 * 60,
};

function longer(a: Duration, b: Duration): boolean {
  return a.amount * UNIT_MINUTES[a.unit] > b.amount * UNIT_MINUTES[b.unit];
}

function checkItems(input: CrossCheckInput, c: Collector, shared: ReadonlySet<string>): void {
  const { center, facts, items, referrals, templates } = input;
  const departments = new Set(center.departments.map((d) => d.id));
  const windows = new Set(center.windows.map((w) => w.id));
  const known = new Set<string>([...BUILTIN_FACTS, ...facts.facts.map((x) => x.id)]);
  const docs = new Set<string>([...BUILTIN_DOCUMENTS, ...templates.keys()]);

  const codes = new Map<string, string>();
  for (const { file, data } of items) {
    const prior = codes.get(data.code);
    if (prior) c.error(file, ['code'], 'E-REF-DUPLICATE-CODE', `事项编码 ${data.code} 已在 ${prior} 中使用；编码必须唯一`);
    else codes.set(data.code, file);
  }
  for (const r of referrals) {
    const prior = codes.get(r.data.code);
    if (prior) c.error(r.file, ['referrals', r.index, 'code'], 'E-REF-DUPLICATE-CODE', `编码 ${r.data.code} 已在 ${prior} 中使用；编码必须唯一`);
    else codes.set(r.data.code, r.file);
  }

  for (const { file, data } of items) {
    const versions: Array<[Record<string, unknown>, PathSegment[]]> = [[data as unknown as Record<string, unknown>, []]];
    (data.changes ?? []).forEach((ch, i) => versions.push([ch.set as Record<string, unknown>, ['changes', i, 'set']]));
    const dates = new Set<string>();
    (data.changes ?? []).forEach((ch, i) => {
      if (dates.has(ch.effectiveFrom)) c.error(file, ['changes', i, 'effectiveFrom'], 'E-CHANGE-DATE', `同一天（${ch.effectiveFrom}）有两项变更；请合并为一项`);
      dates.add(ch.effectiveFrom);
    });
    // Each version is the base with its change's fields replaced: check the merged view.
    let merged: Record<string, unknown> = { ...data };
    for (const [fields, base] of versions) {
      merged = { ...merged, ...fields };
      checkItemVersion(file, base, fields, merged, { departments, windows, known, shared, docs }, c);
    }
    if (!data.basis || data.basis.length === 0) c.warn(file, ['code'], 'W-ITEM-NO-BASIS', `事项“${data.name}”没有写设定依据（basis）；办事指南和公开栏应公布法律依据`);
  }
}

interface ItemRefs {
  departments: ReadonlySet<string>;
  windows: ReadonlySet<string>;
  known: ReadonlySet<string>;
  shared: ReadonlySet<string>;
  docs: ReadonlySet<string>;
}

function checkItemVersion(
  file: string,
  base: PathSegment[],
  fields: Record<string, unknown>,
  merged: Record<string, unknown>,
  refs: ItemRefs,
  c: Collector,
): void {
  const v = merged as unknown as import('./schema-types.ts').ItemFile;
  const at = (...p: PathSegment[]): PathSegment[] => [...base, ...p];
  if ('department' in fields && !refs.departments.has(v.department)) c.error(file, at('department'), 'E-REF-UNKNOWN', `部门 \`${v.department}\` 未在 center.yaml 中声明${refHint(v.department, refs.departments)}`);
  if ('window' in fields && !refs.windows.has(v.window)) c.error(file, at('window'), 'E-REF-UNKNOWN', `窗口 \`${v.window}\` 未在 center.yaml 中声明${refHint(v.window, refs.windows)}`);
  if ('departments' in fields) {
    (v.departments ?? []).forEach((d, i) => {
      if (!refs.departments.has(d)) c.error(file, at('departments', i), 'E-REF-UNKNOWN', `部门 \`${d}\` 未在 center.yaml 中声明${refHint(d, refs.departments)}`);
    });
  }
  if ('mode' in fields || 'departments' in fields) {
    if (v.mode === 'joint' && !(v.departments && v.departments.length > 0)) c.error(file, at('mode'), 'E-ITEM-JOINT', '联办件须用 departments 列出协办部门');
  }
  if (('mode' in fields || 'reportTo' in fields) && v.mode === 'reported' && !v.reportTo) c.error(file, at('mode'), 'E-ITEM-REPORTED', '上报件须用 reportTo 写明审批机关');
  if ('limits' in fields && v.limits) {
    if (longer(v.limits.promised, v.limits.statutory)) {
      c.error(file, at('limits', 'promised'), 'E-LIMIT-PROMISED-EXCEEDS', `承诺期限（${fmt(v.limits.promised)}）长于法定时限（${fmt(v.limits.statutory)}）；承诺期限不得超过法定时限`);
    }
  }
  if ('conditions' in fields) {
    const ids = new Set<string>();
    (v.conditions ?? []).forEach((rule, i) => {
      if (ids.has(rule.id)) c.error(file, at('conditions', i, 'id'), 'E-REF-DUPLICATE-ID', `受理条件标识 \`${rule.id}\` 重复`);
      ids.add(rule.id);
      if (rule.onFail === 'rejected' && !rule.routeTo) c.error(file, at('conditions', i), 'E-ITEM-ROUTE', '不予受理（onFail: rejected）时须用 routeTo 告知申请人应去的机关（首问负责，不能只拒绝）');
      checkCondition(rule.when, file, at('conditions', i, 'when'), refs.known, refs.shared, c);
    });
  }
  if ('materials' in fields || 'departments' in fields || 'department' in fields) {
    const ids = new Map<string, PathSegment[]>();
    const claim = (id: string, p: PathSegment[]): void => {
      if (ids.has(id)) c.error(file, p, 'E-REF-DUPLICATE-ID', `材料标识 \`${id}\` 在本事项中重复`);
      else ids.set(id, p);
    };
    const involved = new Set([v.department, ...(v.departments ?? [])]);
    (v.materials ?? []).forEach((m, i) => {
      claim(m.id, at('materials', i, 'id'));
      (m.alternatives ?? []).forEach((alt, j) => claim(alt.id, at('materials', i, 'alternatives', j, 'id')));
      if (m.necessity === 'deferrable' && !m.due) c.error(file, at('materials', i), 'E-MATERIAL-DUE', `容缺材料“${m.name}”须用 due 写明补交期限`);
      if (m.due && m.necessity !== 'deferrable') c.error(file, at('materials', i, 'due'), 'E-MATERIAL-DUE', `只有容缺材料（necessity: deferrable）才有补交期限 due`);
      if (m.requiredWhen) checkCondition(m.requiredWhen, file, at('materials', i, 'requiredWhen'), refs.known, refs.shared, c);
      if (m.department) {
        if (!refs.departments.has(m.department)) c.error(file, at('materials', i, 'department'), 'E-REF-UNKNOWN', `部门 \`${m.department}\` 未在 center.yaml 中声明${refHint(m.department, refs.departments)}`);
        else if (!involved.has(m.department)) c.error(file, at('materials', i, 'department'), 'E-REF-UNKNOWN', `部门 \`${m.department}\` 不是本事项的主办或协办部门`);
      }
      const sample = m.sample;
      if (sample && !(v.forms ?? []).some((f) => f.name === sample)) c.error(file, at('materials', i, 'sample'), 'E-REF-UNKNOWN', `样表“${sample}”未在 forms 中列出`);
    });
  }
  if ('documents' in fields && v.documents) {
    for (const [kind, name] of Object.entries(v.documents)) {
      if (typeof name === 'string' && !refs.docs.has(name)) c.error(file, at('documents', kind), 'E-REF-UNKNOWN', `模板 \`${name}\` 不存在（templates/${name}.hbs）${refHint(name, refs.docs)}`);
    }
  }
}

function fmt(d: Duration): string {
  const unit = { workingDays: '个工作日', calendarDays: '日', hours: '小时', minutes: '分钟' }[d.unit];
  return `${d.amount}${unit}`;
}

function checkPolicy({ policy }: CrossCheckInput, c: Collector): void {
  const f = 'policy.yaml';
  const d = policy.discipline;
  unique(d.actions, (x) => x.id, (x, i) => c.error(f, ['discipline', 'actions', i, 'id'], 'E-REF-DUPLICATE-ID', `处理措施 \`${x.id}\` 重复声明`));
  unique(d.rules, (x) => x.id, (x, i) => c.error(f, ['discipline', 'rules', i, 'id'], 'E-REF-DUPLICATE-ID', `追究规则 \`${x.id}\` 重复声明`));
  const actions = new Set(d.actions.map((a) => a.id));
  d.ladder.forEach((id, i) => {
    if (!actions.has(id)) c.error(f, ['discipline', 'ladder', i], 'E-REF-UNKNOWN', `处理措施 \`${id}\` 未在 actions 中声明${refHint(id, actions)}`);
  });
  const disciplineFacts = new Set<string>(DISCIPLINE_FACTS);
  d.rules.forEach((r, i) => {
    if (!actions.has(r.action)) c.error(f, ['discipline', 'rules', i, 'action'], 'E-REF-UNKNOWN', `处理措施 \`${r.action}\` 未在 actions 中声明${refHint(r.action, actions)}`);
    checkCondition(r.when, f, ['discipline', 'rules', i, 'when'], disciplineFacts, null, c);
  });
  const assessmentFacts = new Set<string>(ASSESSMENT_FACTS);
  const grades = policy.assessment.grades;
  grades.forEach((g, i) => {
    if (g.when) checkCondition(g.when, f, ['assessment', 'grades', i, 'when'], assessmentFacts, null, c);
    else if (i !== grades.length - 1) c.error(f, ['assessment', 'grades', i], 'E-POLICY-GRADE', '只有最后一个等级可以不写 when（作为其余情况）');
  });
  if (grades.at(-1)?.when) c.error(f, ['assessment', 'grades', grades.length - 1], 'E-POLICY-GRADE', '最后一个等级不应写 when：它是其余情况的等级，保证每人都有等级');
  policy.reviews.bad.forEach((b, i) => {
    if (!policy.reviews.grades.includes(b)) c.error(f, ['reviews', 'bad', i], 'E-REF-UNKNOWN', `差评等级“${b}”不在 grades 中`);
  });
}

function* daysBetween(from: string, to: string): Generator<string> {
  let t = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let n = 0; t <= end && n < 400; n++, t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}
