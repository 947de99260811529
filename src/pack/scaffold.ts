/**
 * A new center starts here: from a few answers (name, address, hours, phones, windows, staff) a
 * complete, valid rule pack — center, facts, policy, one example item per mode, calendars for this
 * year and the next (the next provisional), one scenario file — every file with its
 * `# yaml-language-server: $schema=…` line so that an editor completes and checks it.
 * `bianmin init DIR` writes it to disk; the workbench's "新建规则包" puts it in a draft.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { BianminError, daysFromCivil, formatDate, formatPath, translateAjvErrors, type AjvError, type PathSegment, type Problem } from '../core/index.ts';
import type { InitAnswers } from './schema-types.ts';
import { schemaValidator } from './schemas.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

/** The answers, as schemas/init-answers.schema.json describes them (the one source of truth). */
export type { InitAnswers };

export interface ScaffoldOptions {
  /**
   * Where the schemas are, as the `$schema` lines should name them: a URL (`https://…`, `file:…`),
   * an absolute path (`/schemas`, served by the service), or a path relative to the pack directory
   * (each file's line is then made relative to that file).
   */
  readonly schemaBase: string;
  /** "Today": the calendars are for its year (Beijing time) and the next, the scenario on its date. */
  readonly today: Date;
}

export const DEFAULT_OFFICE_HOURS: readonly string[] = ['08:30-12:00', '13:00-17:30'];

/** Identifiers in a pack: lower-case letters, digits and hyphens (as the schema's pattern). */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

// ---------------------------------------------------------------------------------------------
// The answers, checked

/** The answers as the generator uses them: trimmed, defaults filled, every reference checked. */
interface Center {
  readonly name: string;
  readonly code: string;
  readonly address: string;
  readonly officeHours: readonly string[];
  readonly phones: { readonly consult: string; readonly complaint: string; readonly report: string };
  readonly windows: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly staff: ReadonlyArray<{ readonly id: string; readonly name: string; readonly window: string; readonly post: 'A' | 'B' | null }>;
}

/** Every string value trimmed (names, ids and phones are one line of text; the schema checks the trimmed text). */
function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimmed);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v)]));
  return value;
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * What the schema cannot say: duplicate ids, staff on windows that do not exist, office hours in
 * order and apart, one A and one B per window, at least two staff, every window staffed, a code
 * without brackets. Reads the answers leniently (a value of the wrong shape counts as absent: the
 * schema has already reported it), so that every problem is listed at once.
 */
function semanticProblems(answers: unknown): Array<{ path: readonly PathSegment[]; message: string }> {
  const out: Array<{ path: readonly PathSegment[]; message: string }> = [];
  const fail = (path: readonly PathSegment[], message: string): void => void out.push({ path, message });
  const root = obj(answers);
  const center = obj(root.center);

  const code = str(center.code);
  if (code !== '' && /[\s〔〕[\]]/.test(code)) fail(['center', 'code'], `文书编号前缀 ${JSON.stringify(code)} 不能含空格或括号（编号写成“${code.replace(/[\s〔〕[\]]/g, '')}〔年份〕0001号”）`);

  const spans: string[] = [];
  arr(center.officeHours).forEach((h, i) => {
    const m = HOURS.exec(str(h));
    if (!m) return;
    if (`${m[1]}:${m[2]}` >= `${m[3]}:${m[4]}`) fail(['center', 'officeHours', i], `办公时段 ${str(h)} 的结束时间应晚于开始时间`);
    else spans.push(str(h));
  });
  const sorted = [...spans].sort();
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] ?? '').slice(0, 5) < (sorted[i - 1] ?? '').slice(6)) fail(['center', 'officeHours'], `办公时段 ${sorted[i - 1]} 与 ${sorted[i]} 重叠`);
  }

  const windows = arr(root.windows).map((w) => ({ id: str(obj(w).id), name: str(obj(w).name) }));
  windows.forEach((w, i) => {
    const first = windows.findIndex((x) => x.id === w.id);
    if (w.id !== '' && first < i) fail(['windows', i, 'id'], `窗口标识 ${w.id} 与第 ${first + 1} 个窗口重复`);
  });
  const windowIds = windows.map((w) => w.id).filter((id) => id !== '');

  const staff = arr(root.staff).map((s) => {
    const o = obj(s);
    return { id: str(o.id), window: str(o.window), post: o.post === 'A' || o.post === 'B' ? o.post : null };
  });
  staff.forEach((s, i) => {
    if (s.window !== '' && ID.test(s.window) && windowIds.length > 0 && !windowIds.includes(s.window)) {
      const near = windowIds.find((id) => id.startsWith(s.window) || s.window.startsWith(id));
      fail(['staff', i, 'window'], `窗口 ${s.window} 不在 windows 中${near ? `，是否应为 ${near}？` : `；已有的窗口：${windowIds.join('、')}`}`);
    }
  });
  staff.forEach((s, i) => {
    const first = staff.findIndex((x) => x.id === s.id);
    if (s.id !== '' && first < i) fail(['staff', i, 'id'], `工作人员标识 ${s.id} 与第 ${first + 1} 位工作人员重复`);
    if (s.post !== null) {
      const same = staff.findIndex((x) => x.window === s.window && x.post === s.post);
      if (same < i) fail(['staff', i, 'post'], `窗口 ${s.window} 已有 ${s.post}岗（第 ${same + 1} 位工作人员）；每个窗口一名 A岗、一名 B岗`);
    }
  });
  if (Array.isArray(root.staff) && staff.length === 1) {
    fail(['staff'], '至少需要两名工作人员：每个窗口要有 A岗（主办）和 B岗（顶岗），不能是同一人');
  }
  windows.forEach((w, i) => {
    if (w.id !== '' && staff.length > 0 && !staff.some((s) => s.window === w.id)) fail(['windows', i], `窗口 ${w.name || w.id} 没有工作人员：每个窗口至少要有一名 A岗工作人员`);
  });
  return out;
}

/**
 * Checks `answers` (as given: from a file, a form or flags) against schemas/init-answers.schema.json
 * (strings trimmed first) and for what the schema cannot say, and fills the defaults; throws
 * E-USAGE-ANSWER listing every problem at its JSON path.
 */
export function checkAnswers(answers: unknown): Center {
  const data = trimmed(answers);
  const validate = schemaValidator('init-answers');
  const problems: Problem[] = [];
  if (!validate(data)) {
    for (const p of translateAjvErrors((validate.errors ?? []) as AjvError[], { family: 'request' })) problems.push({ code: 'E-USAGE-ANSWER', message: p.message, path: p.path });
  }
  for (const p of semanticProblems(data)) problems.push({ code: 'E-USAGE-ANSWER', message: p.message, path: formatPath(p.path) });

  if (problems.length > 0) {
    const [first] = problems;
    throw new BianminError('E-USAGE-ANSWER', first?.message ?? '回答有误', { path: first?.path ?? '$' }, problems);
  }
  const a = data as InitAnswers;
  const { consult, complaint, report } = a.center.phones;
  return {
    name: a.center.name,
    code: a.center.code,
    address: a.center.address,
    officeHours: a.center.officeHours ?? [...DEFAULT_OFFICE_HOURS],
    phones: { consult, complaint, report: report === undefined || report === '' ? complaint : report },
    windows: a.windows.map(({ id, name }) => ({ id, name })),
    staff: a.staff.map(({ id, name, window, post }) => ({ id, name, window, post: post ?? null })),
  };
}

// ---------------------------------------------------------------------------------------------
// The pack

/** A YAML scalar for any text: JSON's double-quoted string is valid YAML. */
const q = (text: string): string => JSON.stringify(text);

/** Beijing date of `d`: `[year, month, day]`. */
function shanghaiDay(d: Date): { year: number; date: string } {
  const t = new Date(d.getTime() + 8 * 3600_000);
  return { year: t.getUTCFullYear(), date: t.toISOString().slice(0, 10) };
}

function isUrlOrAbsolute(base: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(base) || base.startsWith('/');
}

/** The `$schema` line of a file at `file` (pack-relative). */
function schemaLine(base: string, file: string, schema: string): string {
  const trimmed = base.replace(/\/+$/, '');
  const up = isUrlOrAbsolute(trimmed) ? '' : '../'.repeat(file.split('/').length - 1);
  return `# yaml-language-server: $schema=${up}${trimmed}/${schema}.schema.json`;
}

/** An identifier not yet taken, from `wanted`. */
function fresh(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

interface Layout {
  readonly departments: ReadonlyArray<{ id: string; name: string }>;
  /** Window id → department id. */
  readonly departmentOf: ReadonlyMap<string, string>;
  /** A department of no window, for the joint item's co-operating department. */
  readonly partner: { id: string; name: string };
  readonly posts: ReadonlyArray<{ id: string; name: string; window: string; a: string; b: string }>;
}

function layout(c: Center): Layout {
  const taken = new Set<string>();
  const departmentOf = new Map<string, string>();
  const departments = c.windows.map((w) => {
    const id = fresh(`${w.id}-dept`.replace(/-window-dept$/, '-dept'), taken);
    departmentOf.set(w.id, id);
    return { id, name: w.name.replace(/窗口$/, '') || w.name };
  });
  const partner = { id: fresh('ziran-suo', taken), name: '自然资源所（示例：联办件的协办部门）' };
  const postIds = new Set<string>();
  const posts = c.windows.map((w) => {
    const here = c.staff.filter((s) => s.window === w.id);
    const a = here.find((s) => s.post === 'A') ?? here.find((s) => s.post !== 'B') ?? here[0];
    const b = here.find((s) => s.post === 'B' && s !== a) ?? here.find((s) => s !== a) ?? c.staff.find((s) => s !== a);
    return { id: fresh(`${w.id}-post`, postIds), name: `${w.name}受理岗`, window: w.id, a: a?.id ?? '', b: b?.id ?? '' };
  });
  return { departments: [...departments, partner], departmentOf, partner, posts };
}

function centerYaml(c: Center, l: Layout, base: string): string {
  const lines = [
    schemaLine(base, 'center.yaml', 'center'),
    '#',
    `# ${c.name} 基本情况（由 bianmin init 生成：请核对并补充服务承诺、岗位职责、中心领导和值班表）`,
    '',
    'center:',
    `  name: ${q(c.name)}`,
    `  code: ${q(c.code)}               # 文书编号前缀：${c.code}〔年份〕0001号`,
    `  address: ${q(c.address)}`,
    '  officeHours:',
    `    default: [${c.officeHours.map(q).join(', ')}]`,
    '  phones:',
    `    consult: ${q(c.phones.consult)}      # 咨询电话`,
    `    complaint: ${q(c.phones.complaint)}    # 投诉电话`,
    `    report: ${q(c.phones.report)}       # 举报电话`,
    '',
    '# 部门：每个窗口一个主办部门（名称请按实际改写），以及联办件示例的协办部门',
    'departments:',
    ...l.departments.flatMap((d) => [`  - id: ${d.id}`, `    name: ${q(d.name)}`]),
    '',
    'windows:',
    ...c.windows.flatMap((w, i) => [`  - id: ${w.id}`, `    number: ${i + 1}`, `    name: ${q(w.name)}`, `    department: ${l.departmentOf.get(w.id)}`]),
    '',
    '# 工作人员：title 职务、rank 职级（请按实际填写；rank 用于确定责任追究的层级）',
    'staff:',
    ...c.staff.flatMap((s) => [`  - id: ${s.id}`, `    name: ${q(s.name)}`, '    title: 窗口工作人员', '    rank: 4', `    department: ${l.departmentOf.get(s.window)}`]),
    '',
    '# AB岗：A岗主办，A岗不在时由B岗顶岗受理',
    'posts:',
    ...l.posts.flatMap((p) => [`  - id: ${p.id}`, `    name: ${q(p.name)}`, `    window: ${p.window}`, `    a: ${p.a}`, `    b: ${p.b}`]),
    '',
  ];
  return lines.join('\n');
}

function factsYaml(base: string): string {
  return `${schemaLine(base, 'facts.yaml', 'facts')}
#
# 申请人事实：受理条件和“有条件的材料”只能用这里声明过的事实。要用新的事实，先在这里加一条。

facts:
  - id: age
    label: 年龄
    type: number
    unit: 周岁
  - id: hukouLocal
    label: 户籍在本镇
    type: boolean
  - id: forDependant
    label: 代他人申请
    type: boolean

# 共享条件：几个事项都要用的判断写一次，事项中用 { condition: 标识 } 引用
conditions:
  - id: local-resident
    text: 申请人户籍在本镇
    when: { fact: hukouLocal, operator: equal, value: true }
  - id: applying-for-other
    text: 代他人申请
    when: { fact: forDependant, operator: equal, value: true }
`;
}

function policyYaml(base: string): string {
  return `${schemaLine(base, 'policy.yaml', 'policy')}
#
# 管理制度：时限、预警、责任追究、考评、好差评和服务忌语（由 bianmin init 按常见制度生成，请按本中心的文件核对）

clocks:
  immediate: { amount: 30, unit: minutes }                # 即办件现场30分钟内办结
  supplementNotice: { amount: 5, unit: workingDays }      # 补正材料一次性告知
  complaintReply: { amount: 1, unit: workingDays }        # 投诉一般当日（1个工作日内）答复
  complaintReplyComplex: { amount: 7, unit: calendarDays } # 复杂投诉7日内答复
  petitionReply: { amount: 3, unit: calendarDays }
  leaderReception: { amount: 7, unit: calendarDays }
  badReviewCallback: { amount: 1, unit: workingDays }     # 差评1个工作日内回访
  badReviewRectification: { amount: 15, unit: workingDays }

warnings:
  yellowWhenRemaining: { amount: 2, unit: workingDays }   # 剩余不超过2个工作日亮黄牌

discipline:
  countingWindow: calendarYear
  actions:
    - id: criticism-notice
      name: 通报批评
    - id: dismissal
      name: 下岗
  ladder: [criticism-notice, dismissal]
  rules:
    - id: first-complaint
      name: 一次投诉查实，通报批评
      when: { fact: verifiedComplaints, operator: equal, value: 1 }
      action: criticism-notice
    - id: second-complaint
      name: 二次投诉查实，下岗
      when: { fact: verifiedComplaints, operator: greaterThanInclusive, value: 2 }
      action: dismissal

assessment:
  period: year
  standards:
    firstInquiryAcceptanceRate: 1
    firstInquiryCompletionRate: 0.95
    timelyCompletionRate: 0.95
  grades:
    - grade: 优秀
      when:
        all:
          - { fact: meetsStandards, operator: equal, value: true }
          - { fact: verifiedComplaints, operator: equal, value: 0 }
    - grade: 称职
      when: { fact: meetsStandards, operator: equal, value: true }
    - grade: 不称职

reviews:
  grades: [非常满意, 满意, 基本满意, 不满意, 非常不满意]
  bad: [不满意, 非常不满意]

forbiddenPhrases: [不知道, 不归我管, 明天再来, 找领导去]
`;
}

interface ItemSpec {
  readonly file: string;
  readonly text: string;
}

/** One example item per mode, on the windows in turn. */
function itemsYaml(c: Center, l: Layout, base: string): ItemSpec[] {
  const windowOf = (i: number): { id: string; department: string } => {
    const w = c.windows[i % c.windows.length] ?? { id: '', name: '' };
    return { id: w.id, department: l.departmentOf.get(w.id) ?? '' };
  };
  const head = (code: string, title: string): string => `${schemaLine(base, `items/${code.toLowerCase()}.yaml`, 'item')}
#
# 示例事项：${title}（由 bianmin init 生成。请按本中心的实际事项改写：编码、名称、依据、条件、材料、时限；
# 不办的示例删除即可。文件名是事项编码的小写）
`;
  const proxy = `  - id: proxy-id-card
    name: 代办人居民身份证
    necessity: required
    requiredWhen: { condition: applying-for-other }
    requiredWhenText: 代他人申请时提供`;
  const w0 = windowOf(0);
  const w1 = windowOf(1);
  const w2 = windowOf(2);
  const w3 = windowOf(3);
  const w4 = windowOf(4);
  return [
    {
      file: 'items/ex-001.yaml',
      text: `${head('EX-001', '即办件（现场30分钟内办结）')}
code: EX-001
name: 城乡居民基本养老保险参保登记（示例）
type: 公共服务
keywords: [养老保险, 参保]
department: ${w0.department}
window: ${w0.id}
mode: immediate
basis:
  - law: 《中华人民共和国社会保险法》
    article: 第二十条、第二十二条
conditions:
  - id: hukou
    text: 申请人户籍在本镇
    when: { condition: local-resident }
    reason: 城乡居民基本养老保险在户籍地参保，申请人户籍不在本镇。
    onFail: rejected
    routeTo: 户籍所在地乡镇（街道）便民服务中心
materials:
  - id: id-card
    name: 申请人居民身份证
    necessity: core
    notes: 窗口核验原件后当场退还。
${proxy}
limits:
  statutory: { amount: 1, unit: workingDays }
  promised: { amount: 30, unit: minutes }
`,
    },
    {
      file: 'items/ex-002.yaml',
      text: `${head('EX-002', '承诺件（在承诺期限内办结）')}
code: EX-002
name: 高龄津贴申领（示例）
type: 行政给付
keywords: [高龄津贴, 老人补贴]
department: ${w1.department}
window: ${w1.id}
mode: promised
basis:
  - law: 本省高龄津贴发放管理办法
conditions:
  - id: hukou
    text: 申请对象户籍在本镇
    when: { condition: local-resident }
    reason: 高龄津贴由老年人户籍所在地乡镇人民政府受理，申请对象户籍不在本镇。
    onFail: rejected
    routeTo: 老年人户籍所在地乡镇（街道）便民服务中心
  - id: age-80
    text: 申请对象年满80周岁
    when: { fact: age, operator: greaterThanInclusive, value: 80 }
    reason: 高龄津贴发放对象为年满80周岁的老年人，申请对象未满80周岁。
materials:
  - id: id-card
    name: 老年人居民身份证
    necessity: core
  - id: application
    name: 高龄津贴申请表
    necessity: required
  - id: bank-book
    name: 本人银行存折或社会保障卡
    necessity: deferrable
    due: { amount: 10, unit: workingDays }
${proxy}
limits:
  statutory: { amount: 20, unit: workingDays }
  promised: { amount: 10, unit: workingDays }
`,
    },
    {
      file: 'items/ex-003.yaml',
      text: `${head('EX-003', '上报件（报上级机关审批）')}
code: EX-003
name: 最低生活保障审核（示例）
type: 行政给付
keywords: [低保, 最低生活保障]
department: ${w2.department}
window: ${w2.id}
mode: reported
reportTo: 县民政局
basis:
  - law: 《社会救助暂行办法》
    article: 第十一条
conditions:
  - id: hukou
    text: 申请人户籍在本镇
    when: { condition: local-resident }
    reason: 最低生活保障向户籍所在地乡镇人民政府提出申请，申请人户籍不在本镇。
    onFail: rejected
    routeTo: 户籍所在地乡镇（街道）便民服务中心
materials:
  - id: id-card
    name: 申请人居民身份证
    necessity: core
  - id: application
    name: 最低生活保障申请书
    necessity: required
  - id: income-proof
    name: 家庭收入情况说明
    necessity: required
limits:
  statutory: { amount: 30, unit: workingDays }
  promised: { amount: 25, unit: workingDays }
`,
    },
    {
      file: 'items/ex-004.yaml',
      text: `${head('EX-004', '联办件（多部门联合办理）')}
code: EX-004
name: 农村村民住宅建设审批（示例）
type: 行政许可
keywords: [建房, 宅基地]
department: ${w3.department}
window: ${w3.id}
mode: joint
departments: [${l.partner.id}]
basis:
  - law: 《中华人民共和国土地管理法》
    article: 第六十二条
materials:
  - id: application
    name: 农村宅基地和建房（规划许可）申请表
    necessity: core
  - id: id-card
    name: 申请人居民身份证
    necessity: core
  - id: site-plan
    name: 拟建房屋用地位置示意图
    necessity: required
    department: ${l.partner.id}
limits:
  statutory: { amount: 20, unit: workingDays }
  promised: { amount: 15, unit: workingDays }
`,
    },
    {
      file: 'items/ex-005.yaml',
      text: `${head('EX-005', '信访件（按信访规定时限办理）')}
code: EX-005
name: 群众来信来访事项受理（示例）
type: 其他
keywords: [信访, 反映问题]
department: ${w4.department}
window: ${w4.id}
mode: petition
basis:
  - law: 《信访工作条例》
    article: 第三十二条
materials:
  - id: petition-letter
    name: 信访材料（来信或来访登记）
    necessity: core
limits:
  statutory: { amount: 60, unit: calendarDays }
  promised: { amount: 30, unit: calendarDays }
`,
    },
  ];
}

// ---- Calendars

interface Span {
  names: string[];
  from: number;
  to: number;
}

/** Days since 1970-01-01 of `YYYY-MM-DD`. */
function day(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Consecutive or overlapping days form one break, keeping each festival's name. */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.from - b.from)) {
    const last = out.at(-1);
    if (last && s.from <= last.to + 1) {
      last.to = Math.max(last.to, s.to);
      for (const n of s.names) if (!last.names.includes(n)) last.names.push(n);
    } else out.push({ names: [...s.names], from: s.from, to: s.to });
  }
  return out;
}

/** The State Council's schedule of `year` as the bundled data package has it, if it does. */
function publishedYear(year: number): { holidays: Span[]; workdays: Array<{ date: string; name: string }> } | null {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  const prefix = `${year}-`;
  const days = Object.entries(data.holidays).filter(([d]) => d.startsWith(prefix));
  if (days.length === 0) return null;
  const holidays = merge(days.map(([d, v]) => ({ names: [v.split(',')[1] ?? v], from: day(d), to: day(d) })));
  const workdays = Object.entries(data.workdays)
    .filter(([d]) => d.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([d, v]) => ({ date: d, name: `${v.split(',')[1] ?? v}调休` }));
  return { holidays, workdays };
}

/**
 * The statutory holidays of `year` by the 全国年节及纪念日放假办法 (as revised in 2024), lunar
 * festivals converted to the Gregorian calendar (statutory-holidays.ts, the same days the calendar
 * uses for years nobody declares, whatever the machine's zone): no make-up working days, no
 * substitute days.
 */
function statutoryYear(year: number): Span[] {
  // A year the lunar data cannot place (after 2100) has no statutory days to pre-arrange.
  return merge((statutoryHolidays(year) ?? []).map((h) => ({ names: [h.name], from: day(h.days[0]!), to: day(h.days.at(-1)!) })))
    .filter((s) => Math.floor(Number(formatDate(s.from).slice(0, 4))) === year);
}

function calendarYaml(base: string, year: number, provisional: boolean): string {
  const file = `calendar/${year}.yaml`;
  // Next year stays provisional even when the notice is out: an officer checks it and sets official.
  const published = provisional ? null : publishedYear(year);
  const span = (s: Span): string => {
    const from = formatDate(s.from);
    const to = formatDate(s.to);
    return `  - { name: ${s.names.join('、')}, from: "${from}"${to === from ? '' : `, to: "${to}"`} }`;
  };
  if (published) {
    return `${schemaLine(base, file, 'calendar')}
#
# ${year}年节假日安排（按国务院办公厅通知；由 bianmin init 取自内置节假日数据，请与通知原文核对）

year: ${year}
official: true
source: 《国务院办公厅关于${year}年部分节假日安排的通知》

holidays:
${published.holidays.map(span).join('\n')}

workdays:${published.workdays.length === 0 ? ' []' : `\n${published.workdays.map((w) => `  - { date: "${w.date}", name: ${w.name} }`).join('\n')}`}
`;
  }
  return `${schemaLine(base, file, 'calendar')}
#
# ${year}年节假日（预排，非正式）：国务院办公厅尚未公布${year}年的安排。本文件只按《全国年节及纪念日放假办法》
# 规定的法定假日预排（农历节日已换算为公历），不含调休上班日和补假，所以按它算出的期限只是估算。
# 国务院通知发布后，必须按通知重写本文件并把 official 改为 true。

year: ${year}
official: false
source: 《全国年节及纪念日放假办法》（预排，国务院办公厅${year}年节假日安排通知尚未公布）
note: 本安排未经国务院公布，仅按法定假日预排，不含调休和补假；国务院办公厅正式通知发布后须按通知更新。

holidays:
${statutoryYear(year).map(span).join('\n')}

workdays: []
`;
}

/** A working day near `date` (not a weekend, not a holiday), for the scenarios' receipt time. */
function workingDayFrom(date: string, holidays: readonly Span[]): string {
  let d = day(date);
  for (let i = 0; i < 30; i++, d++) {
    const weekday = (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
    if (weekday !== 0 && weekday !== 6 && !holidays.some((h) => d >= h.from && d <= h.to)) return formatDate(d);
  }
  return formatDate(d);
}

function scenariosYaml(base: string, received: string): string {
  return `${schemaLine(base, 'tests/examples.yaml', 'scenario')}
#
# 场景测试：每个场景写一位群众来办事的情况，以及按制度应当怎样处理（expect）。
# 运行 \`npx bianmin test\` 检查规则包是否仍这样处理；改了事项后请相应修改或增加场景。

scenarios:
  - name: 即办件：本镇居民本人办理，材料齐全，当场受理
    item: EX-001
    applicant: { hukouLocal: true, forDependant: false }
    materials: [id-card]
    received: ${received} 09:30
    expect:
      kind: accepted
      mode: immediate
      missing: []

  - name: 即办件：户籍不在本镇，不予受理并告知去向
    item: EX-001
    applicant: { hukouLocal: false, forDependant: false }
    materials: [id-card]
    received: ${received} 09:30
    expect:
      kind: rejected
      reasons: [condition:hukou]

  - name: 承诺件：本镇82岁老人本人申请，存折容缺，受理
    item: EX-002
    applicant: { age: 82, hukouLocal: true, forDependant: false }
    materials: [id-card, application]
    received: ${received} 09:30
    expect:
      kind: accepted
      mode: promised
      deferred: [bank-book]

  - name: 承诺件：子女代办没带代办人身份证，一次性告知补正
    item: EX-002
    applicant: { age: 85, hukouLocal: true, forDependant: true }
    materials: [id-card, application, bank-book]
    received: ${received} 09:30
    expect:
      kind: supplement
      missing: [proxy-id-card]

  - name: 承诺件：申请对象79岁，不符合条件，退回
    item: EX-002
    applicant: { age: 79, hukouLocal: true, forDependant: false }
    materials: [id-card, application, bank-book]
    received: ${received} 09:30
    expect:
      kind: returned
      reasons: [condition:age-80]

  - name: 上报件：材料齐全，受理后报县民政局审批
    item: EX-003
    applicant: { hukouLocal: true }
    materials: [id-card, application, income-proof]
    received: ${received} 09:30
    expect:
      kind: accepted
      mode: reported

  - name: 联办件：材料齐全，受理
    item: EX-004
    materials: [application, id-card, site-plan]
    received: ${received} 09:30
    expect:
      kind: accepted
      mode: joint

  - name: 信访件：受理
    item: EX-005
    materials: [petition-letter]
    received: ${received} 09:30
    expect:
      kind: accepted
      mode: petition
`;
}

/**
 * The files of a new pack for the center the `answers` describe, pack-relative path → text. Throws
 * a BianminError `E-USAGE-ANSWER` (every problem a detail at its JSON path, e.g. `$.staff[2].window`)
 * when the answers are incomplete or inconsistent.
 */
export function scaffoldPack(answers: InitAnswers, options: ScaffoldOptions): Map<string, string> {
  const c = checkAnswers(answers);
  const base = options.schemaBase.trim() === '' ? '.' : options.schemaBase;
  const l = layout(c);
  const { year, date } = shanghaiDay(options.today);
  const files = new Map<string, string>();
  files.set('center.yaml', centerYaml(c, l, base));
  files.set('facts.yaml', factsYaml(base));
  files.set('policy.yaml', policyYaml(base));
  for (const item of itemsYaml(c, l, base)) files.set(item.file, item.text);
  files.set(`calendar/${year}.yaml`, calendarYaml(base, year, false));
  files.set(`calendar/${year + 1}.yaml`, calendarYaml(base, year + 1, true));
  const holidays = publishedYear(year)?.holidays ?? statutoryYear(year);
  files.set('tests/examples.yaml', scenariosYaml(base, workingDayFrom(date, holidays)));
  return files;
}
