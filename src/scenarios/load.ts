/**
 * Reads a pack's scenario files (rules/tests/*.yaml): the pack's own hostile-input-safe YAML
 * parser, the scenario schema with the pack's Chinese diagnostics, then every reference checked
 * against the pack (items, materials, rules, staff, actions, grades) so that a typo is a located
 * error with a suggestion, never a test that silently cannot pass.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Pack } from '../engine/index.ts';
import { renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { Diagnostic } from '../pack/index.ts';
import type { Application, Scenario, ScenarioFile, ScenarioHistory, ScenarioMaterial } from '../pack/index.ts';
import { fsReason, parseSource, readRegularFile, type SourceFile } from '../pack/index.ts';
import { validateWithSchema } from '../pack/index.ts';
import { suggest } from '../pack/index.ts';
import { itemVersionAt, situationMaterials } from '../pack/index.ts';
import { findForbiddenPhrases } from '../records/index.ts';
import type { CaseEntry, ComplaintEntry, Expectations, History, IncidentEntry, LoadedScenario, ReviewEntry, ScenarioSuite } from './model.ts';
import { PackRefs } from './refs.ts';
import { epoch, scenarioTime } from './time.ts';

export const TESTS_DIR = 'tests';

/** Expectations that need a decision, i.e. an item and a receipt time. */
const DECISION_KEYS = ['kind', 'mode', 'situation', 'missing', 'correctable', 'committed', 'deferred', 'reasons', 'routeTo', 'deadline', 'warning'] as const;
/** Applicant keys that identify rather than describe (schemas/application.schema.json). */
const IDENTITY_KEYS = ['type', 'name', 'idNumber', 'phone'];
/** Application fields that mean nothing without an item. */
const APPLICATION_KEYS = ['intent', 'applicant', 'materials', 'commitments', 'received', 'accepted'] as const;

/** The scenario files of a pack: `tests/*.yaml` (and `.yml`), by name. */
export async function scenarioFiles(dir: string): Promise<string[]> {
  const tests = path.join(dir, TESTS_DIR);
  const s = await stat(tests).catch(() => null);
  if (!s?.isDirectory()) return [];
  const names = (await readdir(tests)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  return names.map((n) => `${TESTS_DIR}/${n}`);
}

/** Which scenarios to run: by default every file under tests/ and every scenario in them. */
export interface ScenarioSelection {
  /** Scenario files, relative to the pack directory with `/` (e.g. `tests/minzheng.yaml`), in this order. */
  readonly files?: readonly string[];
  /** Only scenarios whose name contains this (case-insensitive; `*` stands for any text). */
  readonly name?: string;
}

/** Does a scenario's name match `--name PATTERN`: contains it, ignoring case, `*` standing for any text. */
export function nameMatches(pattern: string, name: string): boolean {
  const parts = pattern.toLowerCase().split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.*'), 'u').test(name.toLowerCase());
}

/** A selected file must lie inside the pack: relative, no `..`, no backslash or NUL. */
function insidePack(rel: string): boolean {
  return rel !== '' && !path.isAbsolute(rel) && !/[\\\0]/.test(rel) && !rel.split('/').includes('..');
}

/**
 * Reads and checks the scenario files of the pack in `dir` against `pack`: every file under tests/,
 * or the `selection`'s files; with a name pattern only the matching scenarios are kept (every
 * scenario of the files read is still checked, so a broken file is reported either way).
 */
export async function loadScenarios(dir: string, pack: Pack, selection: ScenarioSelection = {}): Promise<ScenarioSuite> {
  const files = selection.files ? [...new Set(selection.files)] : await scenarioFiles(dir);
  const refs = new PackRefs(pack);
  const scenarios: LoadedScenario[] = [];
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const rel of files) {
    if (!insidePack(rel)) {
      errors.push({ file: rel, line: 0, column: 0, path: '$', code: 'E-FILE-READ', message: renderMessage('E-FILE-READ', { reason: '场景文件须在规则包目录之内' }) });
      continue;
    }
    let read: ReturnType<typeof readRegularFile>;
    try {
      read = readRegularFile(path.join(dir, rel));
    } catch (err) {
      errors.push({ file: rel, line: 0, column: 0, path: '$', code: 'E-FILE-READ', message: renderMessage('E-FILE-READ', { reason: fsReason(err) }) });
      continue;
    }
    // Too large: parseSource refuses it by size, located like a rule file.
    const parsed = parseSource(rel, read instanceof Uint8Array ? read : new Uint8Array(read.tooLarge));
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const source = parsed.source;
    const schemaErrors = validateWithSchema('scenario', source);
    errors.push(...schemaErrors);
    // A schema error inside one scenario spoils that scenario only; anywhere else, the file.
    const spoilt = new Set<number>();
    let fileSpoilt = false;
    for (const d of schemaErrors) {
      const m = /^\$\.scenarios\[(\d+)\]/.exec(d.path);
      if (m) spoilt.add(Number(m[1]));
      else fileSpoilt = true;
    }
    if (fileSpoilt) continue;
    const list = (source.data as ScenarioFile).scenarios;
    const names = new Map<string, number>();
    list.forEach((s, index) => {
      if (spoilt.has(index)) return;
      const checker = new ScenarioChecker(pack, refs, source, index);
      const first = names.get(s.name);
      if (first !== undefined) {
        const at = source.locate(['scenarios', first, 'name']);
        checker.error(['name'], 'E-SCENARIO-DUPLICATE', `场景名称“${s.name}”与第 ${at.line} 行的场景重复；同一文件内场景名称不能重复`);
      } else {
        names.set(s.name, index);
      }
      const loaded = checker.check(s);
      errors.push(...checker.errors);
      warnings.push(...checker.warnings);
      if (loaded && checker.errors.length === 0) scenarios.push(loaded);
    });
  }
  const name = selection.name;
  const selected = name === undefined ? scenarios : scenarios.filter((s) => nameMatches(name, s.name));
  return { dir, files, scenarios: selected, ...(name === undefined ? {} : { name }), errors, warnings };
}

/** Checks one scenario against the pack and normalises it. */
class ScenarioChecker {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  constructor(
    private readonly pack: Pack,
    private readonly refs: PackRefs,
    private readonly source: SourceFile,
    private readonly index: number,
  ) {}

  error(rel: readonly PathSegment[], code: ErrorCode, message: string, key = false): void {
    this.errors.push(this.source.diagnostic(['scenarios', this.index, ...rel], code, message, key));
  }

  private warn(rel: readonly PathSegment[], code: ErrorCode, message: string): void {
    this.warnings.push(this.source.diagnostic(['scenarios', this.index, ...rel], code, message));
  }

  private time(value: string | undefined, rel: readonly PathSegment[]): string | null {
    if (value === undefined) return null;
    const t = scenarioTime(value);
    if ('problem' in t) this.error(rel, 'E-SCENARIO-TIME', t.problem);
    return 'time' in t ? t.time : null;
  }

  private staff(value: string, rel: readonly PathSegment[], key = false): string | null {
    const r = this.refs.staff(value);
    if (r.ok) return r.id;
    this.error(rel, 'E-SCENARIO-STAFF', r.message, key);
    return null;
  }

  check(s: Scenario): LoadedScenario | null {
    const at = this.source.locate(['scenarios', this.index]);
    const expect = s.expect;
    let application: Application | null = null;
    let receivedAt: string | null = null;
    let acceptedAt: string | null = null;

    if (s.item === undefined) {
      for (const k of APPLICATION_KEYS) {
        if (s[k] !== undefined) this.error([k], 'E-SCENARIO-NO-ITEM', renderMessage('E-SCENARIO-NO-ITEM', { key: k }), true);
      }
      for (const k of DECISION_KEYS) {
        if (expect[k] !== undefined) this.error(['expect', k], 'E-SCENARIO-NO-ITEM', `期望 \`${k}\` 检查的是一次申请的处理结果：请写 \`item\`（事项编码）和 \`received\`（收件时间）`, true);
      }
    } else {
      const item = this.refs.item(s.item, true);
      if (!item.ok) this.error(['item'], 'E-SCENARIO-ITEM', item.message);
      if (s.received === undefined) this.error([], 'E-SCENARIO-RECEIVED', renderMessage('E-SCENARIO-RECEIVED'));
      receivedAt = this.time(s.received, ['received']);
      acceptedAt = this.time(s.accepted, ['accepted']);
      if (receivedAt && acceptedAt && epoch(acceptedAt) < epoch(receivedAt)) {
        this.error(['accepted'], 'E-SCENARIO-TIME', `受理时间 ${s.accepted} 早于收件时间 ${s.received}`);
      }
      if (item.ok && receivedAt) {
        application = {
          item: s.item,
          intent: s.intent ?? 'apply',
          applicant: { type: 'person', ...(s.applicant ?? {}) },
          materials: (s.materials ?? []).map((m) => (typeof m === 'string' ? m : { ...m })),
          ...(s.commitments ? { commitments: [...s.commitments] } : {}),
          receivedAt,
        };
        this.checkMaterialRefs(s, receivedAt);
        this.checkReasons(s, receivedAt);
        this.checkFacts(s);
      }
    }

    const now = this.time(s.now, ['now']);
    const needsNow = (['warning', 'sanctions', 'grade'] as const).filter((k) => expect[k] !== undefined);
    if (s.now === undefined) {
      for (const k of needsNow) this.error(['expect', k], 'E-SCENARIO-NOW', renderMessage('E-SCENARIO-NOW', { key: k }), true);
      if (s.history !== undefined) this.error(['history'], 'E-SCENARIO-NOW', '写了历史记录 `history` 就必须写 `now`（按哪一时刻统计）', true);
    }
    if (now && receivedAt && epoch(now) < epoch(receivedAt)) this.error(['now'], 'E-SCENARIO-TIME', `now（${s.now}）早于收件时间 ${s.received}`);

    const history = s.history ? this.history(s.history, now) : null;
    const expectations = this.expectations(s);
    if (this.errors.length > 0) return null;
    return {
      file: this.source.file,
      index: this.index,
      name: s.name,
      line: at.line,
      column: at.column,
      application,
      acceptedAt: acceptedAt !== null && acceptedAt !== receivedAt ? acceptedAt : null,
      now,
      history,
      expect: expectations,
      source: this.source,
    };
  }

  /** Material ids the item lists on the day of receipt, with alternatives mapped to their group. */
  private materialIds(code: string, receivedAt: string): Map<string, string> | null {
    const item = this.pack.data.items.get(code);
    if (!item) return null;
    const version = itemVersionAt(item.data, receivedAt.slice(0, 10));
    const ids = new Map<string, string>();
    // A situation's materials (情形, e.g. 换领's old certificate) are the item's too.
    for (const m of [...version.materials, ...situationMaterials(version)]) {
      if (!ids.has(m.id)) ids.set(m.id, m.id);
      for (const a of m.alternatives ?? []) if (!ids.has(a.id)) ids.set(a.id, m.id);
    }
    return ids;
  }

  /** The parties of each material required once per party (perParty), on the day of receipt. */
  private materialParties(code: string, receivedAt: string): Map<string, readonly string[]> {
    const item = this.pack.data.items.get(code);
    const out = new Map<string, readonly string[]>();
    if (!item) return out;
    for (const m of itemVersionAt(item.data, receivedAt.slice(0, 10)).materials) if (m.perParty) out.set(m.id, m.perParty);
    return out;
  }

  private checkMaterialRefs(s: Scenario, receivedAt: string): void {
    const ids = this.materialIds(s.item!, receivedAt);
    if (!ids) return;
    const known = [...ids.keys()];
    (s.materials ?? []).forEach((m: ScenarioMaterial, i) => {
      const id = typeof m === 'string' ? m : m.id;
      if (ids.has(id)) return;
      const guess = suggest(id, known);
      // Not an error: submitting something off the list is a legitimate input (the decision reports it).
      this.warn(['materials', i], 'W-SCENARIO-MATERIAL', renderMessage('W-SCENARIO-MATERIAL', { id, item: s.item!, hint: guess ? `，是否应为 ${guess}？` : '' }));
    });
    const parties = this.materialParties(s.item!, receivedAt);
    const expectIds = (key: 'missing' | 'correctable' | 'deferred', list: ReadonlyArray<string | { id: string }> | undefined): void => {
      list?.forEach((m, i) => {
        const written = typeof m === 'string' ? m : m.id;
        // `id-card@女方`: one party's share of a material required per party (missing, correctable).
        const at = key === 'deferred' ? -1 : written.indexOf('@');
        const id = at < 0 ? written : written.slice(0, at);
        const group = ids.get(id);
        if (group === id && at >= 0) {
          const party = written.slice(at + 1);
          const listed = parties.get(id) ?? [];
          if (listed.length === 0) this.error(['expect', key, i], 'E-SCENARIO-MATERIAL', `材料“${id}”不是每一方各需一份的材料（没有 perParty），请只写 ${id}`);
          else if (!listed.includes(party)) this.error(['expect', key, i], 'E-SCENARIO-MATERIAL', `“${party}”不是材料“${id}”所列的一方；可写：${listed.map((p) => `${id}@${p}`).join('、')}`);
          return;
        }
        if (group === id) return;
        if (group !== undefined) {
          this.error(['expect', key, i], 'E-SCENARIO-MATERIAL', `“${id}”是材料“${group}”的可选替代之一；缺件和容缺按整组列出，请写 ${group}`);
          return;
        }
        const guess = suggest(id, [...new Set(ids.values())]);
        this.error(['expect', key, i], 'E-SCENARIO-MATERIAL', renderMessage('E-SCENARIO-MATERIAL', { id, item: s.item!, hint: guess ? `，是否应为 ${guess}？` : `；清单中有：${[...new Set(ids.values())].join('、')}` }));
      });
    };
    expectIds('missing', s.expect.missing);
    expectIds('correctable', s.expect.correctable);
    expectIds('deferred', s.expect.deferred);
  }

  /**
   * Reasons are written exactly as decisions give them — `condition:<id>`, `material:<id>`,
   * `mode:<index>`, `referral:<code>` — so a scenario reads like the trace it is checked against.
   * A bare id is refused with its prefixed form, rather than guessed at, since a condition and a
   * material may share an id.
   */
  private checkReasons(s: Scenario, receivedAt: string): void {
    if (!s.expect.reasons) return;
    const codes = this.reasonCodes(s.item!, receivedAt);
    s.expect.reasons.forEach((r, i) => {
      if (codes.includes(r)) return;
      const at = ['expect', 'reasons', i];
      if (!/^(condition|material|mode|referral|situation):/.test(r)) {
        const forms = codes.filter((c) => c.slice(c.indexOf(':') + 1) === r);
        if (forms.length > 0) {
          this.error(at, 'E-SCENARIO-REASON', renderMessage('E-SCENARIO-REASON', { reason: r, hint: `写作 ${forms.join(' 或 ')}` }));
          return;
        }
      }
      // The id is compared without its prefix (a wrong or missing kind, a misspelt id) and
      // suggested in the form the decision gives.
      const idOf = (c: string): string => c.slice(c.indexOf(':') + 1);
      const id = idOf(r);
      const near = suggest(id, codes.map(idOf));
      const guess = codes.find((c) => idOf(c) === id) ?? suggest(r, codes) ?? codes.find((c) => idOf(c) === near);
      this.error(at, 'E-SCENARIO-RULE', renderMessage('E-SCENARIO-RULE', { rule: r, item: s.item!, hint: guess ? `，是否应为 ${guess}？` : `；可写：${codes.join('、')}` }));
    });
  }

  /** Every reason code a decision on `code` received at `receivedAt` can give. */
  private reasonCodes(code: string, receivedAt: string): string[] {
    const item = this.pack.data.items.get(code);
    if (!item) return this.pack.data.referrals.has(code) ? [`referral:${code}`] : [];
    const version = itemVersionAt(item.data, receivedAt.slice(0, 10));
    // A mode chosen by conditions (a list of branches) gives `mode:<index>` when undecidable.
    const mode: unknown = version.mode;
    const branches = Array.isArray(mode) ? mode.length : 0;
    return [
      ...(version.conditions ?? []).map((c) => `condition:${c.id}`),
      ...version.materials.map((m) => `material:${m.id}`),
      ...Array.from({ length: branches }, (_, i) => `mode:${i}`),
      // 情形: an undecided one gives `situation:<id>`; the entries a situation adds give their own.
      ...(version.situations ?? []).flatMap((x) => [`situation:${x.id}`, ...(x.conditions?.add ?? []).map((c) => `condition:${c.id}`), ...(x.materials?.add ?? []).map((m) => `material:${m.id}`)]),
    ];
  }

  /**
   * Applicant keys must be declared facts (or identity fields): the engine would only warn about
   * an unknown key, and a misspelt fact silently turns a test into one about missing facts.
   */
  private checkFacts(s: Scenario): void {
    const declared = this.pack.data.facts.facts.map((f) => f.id);
    const known = new Set([...declared, ...IDENTITY_KEYS]);
    for (const key of Object.keys(s.applicant ?? {})) {
      if (known.has(key)) continue;
      const guess = suggest(key, [...known]);
      this.error(['applicant', key], 'E-SCENARIO-FACT', renderMessage('E-SCENARIO-FACT', { fact: key, hint: guess ? `，是否应为 \`${guess}\`？` : '' }), true);
    }
  }

  private expectations(s: Scenario): Expectations {
    const { sanctions, grade, ...rest } = s.expect;
    for (const k of ['promised', 'statutory'] as const) {
      const v = rest.deadline?.[k];
      const t = v === undefined ? null : scenarioTime(v);
      if (t !== null && 'problem' in t) this.error(['expect', 'deadline', k], 'E-SCENARIO-TIME', t.problem);
    }
    rest.deferred?.forEach((m, i) => {
      if (typeof m === 'string' || m.due === undefined) return;
      const t = scenarioTime(m.due);
      if ('problem' in t) this.error(['expect', 'deferred', i, 'due'], 'E-SCENARIO-TIME', t.problem);
    });
    const out: { -readonly [K in keyof Expectations]: Expectations[K] } = { ...rest };
    if (sanctions) {
      const map = new Map<string, string[]>();
      for (const [who, actions] of Object.entries(sanctions)) {
        const id = this.staff(who, ['expect', 'sanctions', who], true);
        const ids: string[] = [];
        actions.forEach((a, i) => {
          const r = this.refs.action(a);
          if (r.ok) ids.push(r.id);
          else this.error(['expect', 'sanctions', who, i], 'E-SCENARIO-ACTION', r.message);
        });
        if (id === null) continue;
        if (map.has(id)) this.error(['expect', 'sanctions', who], 'E-SCENARIO-DUPLICATE', `工作人员 ${id}（${this.refs.staffName(id)}）写了两次（标识和姓名各一次）`, true);
        map.set(id, ids);
      }
      out.sanctions = map;
    }
    if (grade) {
      const map = new Map<string, string>();
      for (const [who, g] of Object.entries(grade)) {
        const id = this.staff(who, ['expect', 'grade', who], true);
        const r = this.refs.grade(g);
        if (!r.ok) this.error(['expect', 'grade', who], 'E-SCENARIO-GRADE', r.message);
        if (id === null) continue;
        if (map.has(id)) this.error(['expect', 'grade', who], 'E-SCENARIO-DUPLICATE', `工作人员 ${id}（${this.refs.staffName(id)}）写了两次（标识和姓名各一次）`, true);
        map.set(id, g);
      }
      out.grade = map;
    }
    return out;
  }

  private history(h: ScenarioHistory, now: string | null): History {
    const notAfterNow = (t: string | null, rel: readonly PathSegment[], label: string): void => {
      if (t && now && epoch(t) > epoch(now)) this.error(rel, 'E-SCENARIO-TIME', `${label}晚于 now，统计时还没有发生`);
    };
    const complaints: ComplaintEntry[] = [];
    (h.complaints ?? []).forEach((c, i) => {
      const rel = ['history', 'complaints', i];
      if (c.staff === undefined && c.window === undefined) this.error(rel, 'E-SCENARIO-COMPLAINT', renderMessage('E-SCENARIO-COMPLAINT'));
      const staff = c.staff === undefined ? null : this.staff(c.staff, [...rel, 'staff']);
      const responsible = c.responsible === undefined ? null : this.staff(c.responsible, [...rel, 'responsible']);
      if (c.window !== undefined) {
        const w = this.refs.window(c.window);
        if (!w.ok) this.error([...rel, 'window'], 'E-SCENARIO-WINDOW', w.message);
      }
      const receivedAt = this.time(c.received, [...rel, 'received']);
      notAfterNow(receivedAt, [...rel, 'received'], '投诉收到时间');
      if (receivedAt) {
        complaints.push({
          staff,
          window: c.window ?? null,
          receivedAt,
          result: c.result ?? 'pending',
          responsible,
          channel: c.channel ?? 'oral',
          content: c.content ?? '（场景测试）',
        });
      }
    });
    const incidents: IncidentEntry[] = [];
    (h.incidents ?? []).forEach((x, i) => {
      const rel = ['history', 'incidents', i];
      const staff = this.staff(x.staff, [...rel, 'staff']);
      const at = this.time(x.at, [...rel, 'at']);
      notAfterNow(at, [...rel, 'at'], '发生时间');
      let phrases: string[] = [];
      if (x.kind === 'forbidden-phrase') {
        phrases = [...new Set(findForbiddenPhrases(x.text ?? '', this.pack.data.policy.forbiddenPhrases).map((p) => p.phrase))];
        if (x.text === undefined) this.error(rel, 'E-SCENARIO-PHRASE', '使用服务忌语须写原话 `text`，例如 text: 不归我管，找别人去');
        else if (phrases.length === 0) this.error([...rel, 'text'], 'E-SCENARIO-PHRASE', `原话中没有 policy.yaml 所列的服务忌语：“${x.text}”`);
      }
      if (staff && at) incidents.push({ kind: x.kind, staff, at, text: x.text ?? null, phrases });
    });
    const reviews: ReviewEntry[] = [];
    (h.reviews ?? []).forEach((r, i) => {
      const rel = ['history', 'reviews', i];
      const g = this.refs.reviewGrade(r.grade);
      if (!g.ok) this.error([...rel, 'grade'], 'E-SCENARIO-GRADE', g.message);
      const staff = this.staff(r.staff, [...rel, 'staff']);
      const at = this.time(r.at, [...rel, 'at']);
      notAfterNow(at, [...rel, 'at'], '评价时间');
      if (staff && at) reviews.push({ grade: r.grade, staff, at });
    });
    const cases: CaseEntry[] = [];
    (h.cases ?? []).forEach((c, i) => {
      const rel = ['history', 'cases', i];
      const item = this.refs.item(c.item, false);
      if (!item.ok) this.error([...rel, 'item'], 'E-SCENARIO-ITEM', item.message);
      const staff = this.staff(c.staff, [...rel, 'staff']);
      const acceptedAt = this.time(c.accepted, [...rel, 'accepted']);
      const completedAt = this.time(c.completed, [...rel, 'completed']);
      notAfterNow(acceptedAt, [...rel, 'accepted'], '受理时间');
      notAfterNow(completedAt, [...rel, 'completed'], '办结时间');
      if (acceptedAt && completedAt && epoch(completedAt) < epoch(acceptedAt)) this.error([...rel, 'completed'], 'E-SCENARIO-TIME', `办结时间 ${c.completed} 早于受理时间 ${c.accepted}`);
      if (item.ok && staff && acceptedAt) cases.push({ item: c.item, staff, acceptedAt, completedAt, overdueReason: c.overdueReason ?? null });
    });
    return { complaints, incidents, reviews, cases };
  }
}
