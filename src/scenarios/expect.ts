/**
 * Compares what a pack did (an Outcome) with what the officer expected. Only the expectations
 * written are checked; lists (missing, deferred, reasons, a staff member's sanctions) must match
 * exactly, since a one-time notice lists everything at once. Each failure says what was expected,
 * what happened, and why (the materials, reasons or rules behind the actual result).
 */
import { DISCIPLINE_FACT_LABELS } from '../pack/index.ts';
import { describeDuration } from '../calendar/index.ts';
import type { PathSegment } from '../core/index.ts';
import type { Decision, MissingMaterial } from '../pack/index.ts';
import { kindText, levelText, listText, missingText, modeText, titled } from './labels.ts';
import type { LoadedScenario } from './model.ts';
import type { PackRefs } from './refs.ts';
import type { Outcome } from './run.ts';
import { sameDue, shortTime } from './time.ts';

export interface Failure {
  /** The expectation (e.g. `kind`, `deadline.promised`, `sanctions.chen-li`). */
  readonly key: string;
  /** Chinese label of what is compared, e.g. 分类. */
  readonly label: string;
  readonly expected: string;
  readonly actual: string;
  /** Why the actual result is what it is, line by line. */
  readonly because: readonly string[];
  /** Where the expectation is written, relative to the scenario. */
  readonly path: readonly PathSegment[];
}

export function compare(s: LoadedScenario, o: Outcome, refs: PackRefs): Failure[] {
  const out: Failure[] = [];
  const e = s.expect;
  const d = o.decision;
  const fail = (key: string, label: string, expected: string, actual: string, because: readonly string[] = [], path: PathSegment[] = ['expect', ...key.split('.')]): void => {
    out.push({ key, label, expected, actual, because, path });
  };

  if (d) {
    if (e.kind !== undefined && e.kind !== d.kind) fail('kind', '分类', kindText(e.kind), kindText(d.kind), whyKind(d));
    if (e.mode !== undefined && e.mode !== d.mode) fail('mode', '办理方式', modeText(e.mode), modeText(d.mode), d.kind === 'accepted' ? [] : [`实际为 ${kindText(d.kind)}，不是受理件，没有办理方式`, ...whyKind(d)]);
    if (e.situation !== undefined) {
      // By name or id; null: no situation applied.
      const got = d.situation ?? null;
      const ok = e.situation === null ? got === null : got !== null && (got.name === e.situation || got.id === e.situation);
      if (!ok) fail('situation', '适用情形', e.situation ?? '不适用任何情形', got ? `${got.name}（${got.id}）` : '未适用任何情形', d.trace.filter((t) => t.rule.startsWith('situation:')).map((t) => t.message));
    }
    if (e.missing !== undefined) {
      const problem = listed(e.missing, d.missing);
      if (problem) {
        fail('missing', '缺件', problem.expected, listText(d.missing.map(missingText)), [
          ...problem.because,
          ...(d.kind === 'consultation' ? ['咨询件不审查材料，缺件清单总是空的'] : []),
        ]);
      }
    }
    if (e.correctable !== undefined) {
      const actual = d.correctable ?? [];
      const problem = listed(e.correctable, actual);
      if (problem) fail('correctable', '当场更正', problem.expected, listText(actual.map(missingText)), problem.because);
    }
    if (e.committed !== undefined) {
      const actual = d.committed ?? [];
      if (!sameSet(e.committed, actual.map((m) => m.id))) {
        const excluded = d.warnings.filter((w) => w.code === 'commitment-excluded').map((w) => w.message);
        fail('committed', '告知承诺', listText(e.committed), listText(actual.map((m) => `${m.id}${titled(m.name)}`)), excluded);
      }
    }
    if (e.deferred !== undefined) {
      // Due from the scenario's formal acceptance when it gives one (受理 after 补正), as the register counts it.
      const got = o.deferred ?? d.deferred;
      const actual = got.map((m) => m.id);
      const want = e.deferred.map((m) => (typeof m === 'string' ? { id: m, due: null } : { id: m.id, due: m.due ?? null }));
      const lateOrEarly = want.filter((w) => w.due !== null && !got.some((m) => m.id === w.id && m.due !== null && sameDue(w.due!, m.due)));
      if (!sameSet(want.map((w) => w.id), actual) || lateOrEarly.length > 0) {
        const because = d.kind === 'accepted' || s.acceptedAt !== null ? [] : [`实际为 ${kindText(d.kind)}：尚未受理，容缺材料的补交期限自受理时起算（可写 accepted 给出受理时间）`];
        fail('deferred', '容缺', listText(want.map((w) => (w.due ? `${w.id}（${w.due} 前补交）` : w.id))), listText(got.map((m) => `${m.id}${titled(m.name)}${m.due ? `（${shortTime(m.due)} 前补交）` : ''}`)), because);
      }
    }
    if (e.reasons !== undefined) {
      // Exactly the codes the decision gives (condition:<id>, material:<id>, mode:<index>,
      // referral:<code>); loading refuses any other form, so nothing is rewritten here.
      const actual = d.reasons.map((r) => r.code);
      if (!sameSet(e.reasons, actual)) fail('reasons', '理由', listText(e.reasons), listText(actual), d.reasons.map((r) => `${r.code}：${r.message}`));
    }
    if (e.routeTo !== undefined && !(d.routeTo?.organ ?? '').includes(e.routeTo)) {
      fail('routeTo', '去向', `含“${e.routeTo}”`, d.routeTo ? d.routeTo.organ : '无（没有指引去向）', whyKind(d));
    }
    for (const k of ['promised', 'statutory'] as const) {
      const want = e.deadline?.[k];
      if (want === undefined) continue;
      const label = k === 'promised' ? '承诺期限' : '法定期限';
      const got = o.deadline?.[k];
      if (!got) fail(`deadline.${k}`, label, want, `无（${kindText(d.kind)}，不计办结期限）`, whyKind(d));
      else if (!sameDue(want, got.due)) fail(`deadline.${k}`, label, want, shortTime(got.due), [`${describeDuration(got)}，自 ${shortTime(o.deadline!.acceptedAt)} 受理起算`, ...o.deadline!.warnings.map((w) => `提示：${w.message}`)]);
    }
    if (e.warning !== undefined) {
      if (!o.clock) fail('warning', '预警', levelText(e.warning), `无（${kindText(d.kind)}，不计时）`, whyKind(d));
      else if (o.clock.level !== e.warning) {
        const c = o.clock;
        const left = c.remaining.amount >= 0 ? `剩余 ${describeDuration(c.remaining)}` : `已超期 ${describeDuration({ ...c.remaining, amount: -c.remaining.amount })}`;
        fail('warning', '预警', levelText(e.warning), levelText(c.level), [`承诺期限 ${shortTime(c.due)}；now（${shortTime(s.now!)}）时${left}`]);
      }
    }
  }

  if (e.sanctions && o.sanctions) {
    for (const [staff, want] of e.sanctions) {
      const entry = o.sanctions.staff.find((x) => x.staff === staff);
      const actions = entry?.actions ?? [];
      if (sameSet(want, actions.map((a) => a.action))) continue;
      const facts = entry ? Object.entries(entry.facts).filter(([, n]) => n > 0).map(([f, n]) => `${FACT_LABELS[f] ?? f} ${n} 次`) : [];
      fail(
        `sanctions.${staff}`,
        `责任追究（${refs.staffName(staff)} ${staff}）`,
        listText(want.map((a) => refs.actionName(a))),
        listText(actions.map((a) => a.actionName)),
        [
          `统计区间：${o.sanctions.countingWindow.label}；${facts.length > 0 ? facts.join('，') : '没有任何计入的记录'}`,
          ...actions.map((a) => `${a.rule}（${a.ruleName}）→ ${a.actionName}  policy.yaml:${a.source.line}${evidenceText(a.evidence)}`),
        ],
        ['expect', 'sanctions'],
      );
    }
  }

  if (e.grade && o.metrics) {
    for (const [staff, want] of e.grade) {
      const m = o.metrics.staff.find((x) => x.staff === staff);
      const got = m?.grade ?? '无';
      if (got === want) continue;
      const rate = (r: { numerator: number; denominator: number; rate: number | null }): string => (r.rate === null ? '—（无可统计）' : `${(r.rate * 100).toFixed(1)}%（${r.numerator}/${r.denominator}）`);
      fail(`grade.${staff}`, `考评等级（${refs.staffName(staff)} ${staff}）`, want, got, m ? [
        `考评期：${o.metrics.period.label}；${m.meetsStandards ? '达到' : '未达到'}考评标准`,
        `及时办结率 ${rate(m.timelyCompletion)}，首问受理率 ${rate(m.firstInquiryAcceptance)}，首问办结率 ${rate(m.firstInquiryCompletion)}，查实投诉 ${m.complaints.verified} 次`,
      ] : [], ['expect', 'grade']);
    }
  }
  return out;
}

const FACT_LABELS: Readonly<Record<string, string>> = DISCIPLINE_FACT_LABELS;

function evidenceText(e: { complaints: readonly string[]; cases: readonly string[]; incidents: readonly string[]; reviews: readonly string[] }): string {
  const all = [...e.complaints, ...e.cases, ...e.incidents, ...e.reviews];
  return all.length > 0 ? `（依据记录：${all.join('、')}）` : '';
}

/** Why a decision came out as it did: its missing materials and its reasons. */
export function whyKind(d: Decision): string[] {
  const out: string[] = [];
  for (const m of d.missing) out.push(`缺少材料：${missingText(m)}`);
  for (const r of d.reasons) if (!d.missing.some((m) => `material:${m.id}` === r.code)) out.push(`理由：${r.message}`);
  if (d.routeTo && d.kind === 'rejected') out.push(`去向：${d.routeTo.organ}`);
  for (const w of d.warnings) out.push(`提示：${w.message}`);
  return out;
}

type Listed = Pick<MissingMaterial, 'id' | 'name' | 'party' | 'problem' | 'detail'>;

/**
 * Whether a list of materials (missing, or to correct on the spot) is exactly the one expected.
 * `id@party` names one party's share; a bare id stands for the material whatever the party.
 * Null when it matches; else what was expected and why not.
 */
function listed(written: ReadonlyArray<string | { id: string; problem?: Listed['problem'] }>, actual: readonly Listed[]): { expected: string; because: string[] } | null {
  const expected = written.map((m) => {
    const text = typeof m === 'string' ? m : m.id;
    const at = text.indexOf('@');
    return { text, id: at < 0 ? text : text.slice(0, at), party: at < 0 ? null : text.slice(at + 1), problem: typeof m === 'string' ? null : (m.problem ?? null) };
  });
  const bare = new Set(expected.filter((x) => x.party === null).map((x) => x.id));
  const keyOf = (m: Listed): string => (bare.has(m.id) || m.party === undefined ? m.id : `${m.id}@${m.party}`);
  const actualKeys = [...new Set(actual.map(keyOf))];
  const matches = (x: (typeof expected)[number], m: Listed): boolean => m.id === x.id && (x.party === null || m.party === x.party) && (x.problem === null || m.problem === x.problem);
  const wrong = expected.length !== actualKeys.length || expected.some((x) => !actual.some((m) => matches(x, m)));
  if (!wrong) return null;
  const extra = actual.filter((m) => !expected.some((x) => matches(x, m)));
  const lacking = expected.filter((x) => !actual.some((m) => matches(x, m)));
  return {
    expected: listText(expected.map((x) => (x.problem ? `${x.text}（${x.problem}）` : x.text))),
    because: [...extra.map((m) => `多出：${missingText(m)}`), ...lacking.map((x) => `没有列出：${x.text}`)],
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
