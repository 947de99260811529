import type { PackData } from '../../pack/index.ts';
import type { Decision, ItemVersion, LegalRef, NoticeMaterial, PolicyFile } from '../../pack/index.ts';
import { MODE_LABELS, itemVersionAt, modeChoices, policyAt } from '../../pack/index.ts';
import { addDuration, buildCalendar, type WorkCalendar } from '../../calendar/index.ts';
import { checkedDate, dateOf, parseShanghai, shanghaiDate } from '../dates.ts';
import { DocumentError } from '../errors.ts';
import { label } from '../labels.ts';
import type { DocumentNumbering } from '../numbering.ts';
import { NOTICE_TYPES, type DocumentData, type NoticeType } from '../shapes.ts';
import { centerView, handlerFor } from './center.ts';
import { bringText } from './bring.ts';
import { itemView } from './item.ts';
import { tidyOrNull, tidyText } from '../text.ts';
import { committedView } from './commitment.ts';

/** Who the notice is addressed to; identity data is never part of a decision. */
export interface ApplicantInfo {
  readonly name?: string;
  readonly idNumber?: string;
  readonly phone?: string;
}

export interface NoticeOptions {
  /** The document to issue; by default the one the decision names. */
  readonly type?: NoticeType;
  /** Date of issue (YYYY-MM-DD, Beijing); by default today in Beijing. */
  readonly date?: string;
  /** Where the number comes from; or give `number` to reprint under a known number. */
  readonly numbering?: DocumentNumbering;
  readonly number?: string;
  readonly applicant?: ApplicantInfo | null;
  /** Staff id of the handler; by default the A holder of the item's window. */
  readonly handler?: string;
  readonly now?: Date;
}

export const NOTICE_TITLES: Readonly<Record<NoticeType, string>> = {
  consultation: '一次性告知单',
  supplement: '补正材料通知书',
  correctable: '当场更正告知单',
  accepted: '受理通知书',
  immediate: '即办件回执',
  returned: '退回件通知书',
  rejected: '不予受理通知书',
};

export const DEFAULT_REVIEW_RIGHTS =
  '申请人对本决定有陈述和申辩的权利。如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。';
export const DEFAULT_SUPPLEMENT_CONSEQUENCE =
  '请补齐上述全部材料后到原窗口提交，补正期间不计入办理时限；未按要求补正的，本次申请不予受理，已提交的材料退还申请人。';

/** The notice a decision calls for, from its kind and mode. */
export function noticeTypeOf(decision: Decision): NoticeType {
  if (decision.kind === 'accepted') return decision.mode === 'immediate' ? 'immediate' : 'accepted';
  return decision.kind;
}

/** Why `type` cannot be issued for `decision`, or null when it can. */
function mismatch(decision: Decision, type: NoticeType): string | null {
  const natural = noticeTypeOf(decision);
  if (type === 'consultation' || type === natural) {
    if ((type === 'accepted' || type === 'immediate') && !decision.deadline) return '决定中没有办结期限（deadline），无法出具';
    return null;
  }
  return `该决定是${label('kind', decision.kind)}${decision.mode ? `（${label('mode', decision.mode)}）` : ''}，不能出具${NOTICE_TITLES[type]}；应出具${NOTICE_TITLES[natural]}`;
}

export interface NoticeBuild<T extends NoticeType = NoticeType> {
  readonly type: T;
  /** Template name: the type's own, or the item's or decision's override. */
  readonly template: string;
  readonly data: DocumentData[T];
}

/** Builds the data of the notice for `decision`. */
export async function noticeData(pack: PackData, decision: Decision, options: NoticeOptions = {}): Promise<NoticeBuild> {
  const named = decision.notice.document;
  const type: NoticeType = options.type ?? ((NOTICE_TYPES as readonly string[]).includes(named) ? (named as NoticeType) : noticeTypeOf(decision));
  const problem = mismatch(decision, type);
  if (problem) throw new DocumentError('E-DOC-MISMATCH', problem);

  const received = dateOf(decision.receivedAt);
  const loaded = pack.items.get(decision.item);
  if (!loaded && type !== 'rejected') throw new DocumentError('E-DOC-ITEM', `事项 ${decision.item}（${decision.itemName}）不在规则包中，无法出具${NOTICE_TITLES[type]}`);
  const item = loaded ? itemView(pack, loaded.data, received) : null;
  // The item version in force on the day of receipt: the one the engine decided by.
  const version = loaded ? itemVersionAt(loaded.data, received) : null;
  // It may name its own template for this notice.
  const custom = version?.documents?.[type] ?? (named !== type && !(NOTICE_TYPES as readonly string[]).includes(named) ? named : undefined);

  const date = checkedDate(options.date ?? shanghaiDate(options.now));
  const year = parseShanghai(date).year;
  // Every policy text on the notice (consequence, rights, citations) is the one in force on its date.
  const policy = policyAt(pack.policy, date);
  // A 当场更正 slip is handed over and acted on at the counter: it takes no document number.
  let number = options.number;
  if (!number && type !== 'correctable') {
    if (!options.numbering) throw new DocumentError('E-DOC-NUMBER', '出具文书需要文书编号：请提供编号来源（numbering）或编号（number）');
    number = await options.numbering.next(year);
  }

  const firstWindow = [...pack.center.windows].sort((a, b) => a.number - b.number)[0]!;
  const handler = handlerFor(pack, loaded?.data.window ?? firstWindow.id, options.handler);
  const a = options.applicant;
  const base = {
    doc: { type, title: titleOf(type, decision), number: number ?? '', date },
    center: centerView(pack),
    applicant: a && a.name ? { name: a.name, idNumber: a.idNumber ?? null, phone: a.phone ?? null } : null,
    subject: { code: decision.item, name: decision.itemName },
    receivedAt: decision.receivedAt,
    handler,
    contact: item ? { phone: item.phone, place: item.place } : { phone: pack.center.center.phones.consult, place: pack.center.center.address },
    citations: citationsOf(policy, type, version),
    situation: decision.situation ? { id: decision.situation.id, name: decision.situation.name } : null,
  };
  const reasonView = (r: Decision['reasons'][number]): DocumentData['supplement']['reasons'][number] => ({
    code: r.code,
    message: tidyText(r.message),
    basis: reasonBasis(pack, version, r.code).map(refView),
  });
  const fees = decision.fees.map((f) => ({ name: f.name, amount: f.amount, per: f.per ?? null, basis: f.basis }));
  const warnings = [...new Set([...decision.warnings, ...(decision.deadline?.warnings ?? [])].map((w) => w.message))];
  const deferred = decision.deferred.map((d) => ({ name: d.name, due: d.due }));
  const result = item?.result ?? null;
  const template = custom ?? type;

  switch (type) {
    case 'consultation': {
      const shown = decision.materials.map(noticeMaterialView);
      return {
        type,
        template,
        data: {
          ...base,
          item: item!,
          materials: {
            needed: shown.filter((m, i) => decision.materials[i]!.required === 'yes' && !decision.materials[i]!.fetchedByCenter),
            conditional: shown.filter((m, i) => decision.materials[i]!.required === 'unknown' && !decision.materials[i]!.fetchedByCenter),
            fetched: shown.filter((m, i) => decision.materials[i]!.fetchedByCenter === true),
          },
          fees,
          warnings,
        },
      };
    }
    case 'supplement': {
      const asked = questions(decision, version!);
      // What the table of materials or the list of questions already says is not repeated as a reason.
      const covered = new Set([
        ...decision.missing.map((m) => `material:${m.id}`),
        ...decision.questions.flatMap((q) => [...q.conditions.map((c) => `condition:${c}`), ...q.materials.map((m) => `material:${m}`)]),
        // An undecided situation (情形) always asks its facts among the questions.
        ...(decision.questions.length > 0 ? decision.reasons.filter((r) => r.code.startsWith('situation:')).map((r) => r.code) : []),
      ]);
      const period = supplementPeriod(pack, date);
      return {
        type,
        template,
        data: {
          ...base,
          item: item!,
          problems: problems(decision, version),
          questions: asked,
          reasons: decision.reasons.filter((r) => !covered.has(r.code)).map(reasonView),
          period: period.view,
          consequence: tidyText(policy.documents?.supplementConsequence ?? DEFAULT_SUPPLEMENT_CONSEQUENCE),
          warnings: [...new Set([...warnings, ...period.warnings])],
        },
      };
    }
    case 'correctable': {
      const corrections = (decision.correctable ?? []).map((c) => {
        const spec = decision.materials.find((m) => m.id === c.id);
        if (!spec) throw new DocumentError('E-DOC-DATA', `当场更正的材料 ${c.id}（${c.name}）不在决定的材料清单（materials）中，无法写明应交的材料`);
        return { id: c.id, name: c.name, party: c.party ?? null, problem: c.problem, detail: tidyText(c.detail), bring: bringText(spec.form, spec.copies), notes: tidyOrNull(spec.notes) };
      });
      return {
        type,
        template,
        data: { ...base, doc: { ...base.doc, number: options.number ?? null }, item: item!, corrections, deferred, warnings },
      };
    }
    case 'accepted': {
      const d = decision.deadline!;
      return {
        type,
        template,
        data: {
          ...base,
          item: item!,
          acceptedAt: d.acceptedAt,
          mode: decision.mode ?? item!.mode,
          promised: { ...d.promised },
          statutory: { ...d.statutory },
          reply: d.reply ? { ...d.reply } : null,
          leaderReception: d.leaderReception ? { ...d.leaderReception } : null,
          reportTo: item!.reportTo,
          jointDepartments: (decision.mode ?? item!.mode) === 'joint' ? [item!.department, ...item!.departments] : [],
          committed: committedView(decision, version),
          deferred,
          fees,
          result,
          warnings,
        },
      };
    }
    case 'immediate': {
      const d = decision.deadline!;
      return { type, template, data: { ...base, item: item!, acceptedAt: d.acceptedAt, due: { ...d.promised }, deferred, fees, result, warnings } };
    }
    case 'returned':
      return {
        type,
        template,
        data: {
          ...base,
          item: item!,
          // A missing material is a line of the table (marked 主件 when that is why it is returned).
          reasons: decision.reasons.filter((r) => !decision.missing.some((m) => r.code === `material:${m.id}`)).map(reasonView),
          problems: problems(decision, version),
          rights: tidyText(policy.documents?.reviewRights ?? DEFAULT_REVIEW_RIGHTS),
        },
      };
    case 'rejected':
      return {
        type,
        template,
        data: {
          ...base,
          reasons: decision.reasons.map(reasonView),
          routeTo: decision.routeTo
            ? { organ: decision.routeTo.organ, window: decision.routeTo.window ?? null, address: decision.routeTo.address ?? null, phone: decision.routeTo.phone ?? null }
            : null,
          rights: tidyText(policy.documents?.reviewRights ?? DEFAULT_REVIEW_RIGHTS),
        },
      };
  }
}

function titleOf(type: NoticeType, decision: Decision): string {
  if (type === 'accepted' && decision.mode === 'promised') return '承诺件通知书';
  return NOTICE_TITLES[type];
}

function noticeMaterialView(m: NoticeMaterial): DocumentData['consultation']['materials']['needed'][number] {
  return {
    id: m.id,
    name: m.name,
    necessity: m.necessity,
    form: m.form,
    copies: m.copies,
    medium: m.medium ?? null,
    condition: m.condition ?? null,
    alternatives: (m.alternatives ?? []).map((a) => alternativeText(a, m)),
    department: m.department ?? null,
    notes: tidyOrNull(m.notes),
    due: m.due ? { amount: m.due.amount, unit: m.due.unit } : null,
    parties: [...(m.parties ?? [])],
  };
}

/** An alternative by name, with its own form and copies when they differ from the material's (一次告知). */
function alternativeText(a: NonNullable<NoticeMaterial['alternatives']>[number], m: NoticeMaterial): string {
  return a.form === undefined && a.copies === undefined ? a.name : `${a.name}（${bringText(a.form ?? m.form, a.copies ?? m.copies)}）`;
}

/** Each missing or faulty material, with what exactly to bring and why it is asked for. */
function problems(decision: Decision, version: ItemVersion | null): DocumentData['supplement']['problems'] {
  return decision.missing.map((miss) => {
    const spec = decision.materials.find((m) => m.id === miss.id);
    if (!spec) throw new DocumentError('E-DOC-DATA', `缺件 ${miss.id}（${miss.name}）不在决定的材料清单（materials）中，无法写明应补交的材料`);
    const alternatives = spec.alternatives?.length ? `（以下任选其一：${spec.alternatives.map((a) => alternativeText(a, spec)).join('、')}）` : '';
    return {
      id: miss.id,
      name: miss.name,
      necessity: miss.necessity,
      party: miss.party ?? null,
      problem: miss.problem,
      detail: tidyText(miss.detail),
      bring: `${bringText(spec.form, spec.copies)}${spec.medium === 'electronic' ? '（电子版）' : ''}${alternatives}`,
      department: miss.department ?? spec.department ?? null,
      notes: spec.notes ?? null,
      basis: (version?.materials.find((m) => (m.id ?? m.use) === miss.id)?.basis ?? []).map(refView),
    };
  });
}

type Ref = DocumentData['supplement']['citations'][number];

function refView(r: LegalRef): Ref {
  return { law: r.law, article: r.article ?? null, text: r.text ?? null };
}

/** The same provision named twice (the kind's and the item's) is cited once. */
function distinct(refs: readonly LegalRef[]): LegalRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.law}\u0000${r.article ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The provisions behind a notice of this kind (policy.documents.citations); a return also cites the
 * item's own basis, since what it was returned against is the item's conditions and materials.
 */
function citationsOf(policy: PolicyFile, type: NoticeType, version: ItemVersion | null): Ref[] {
  // policy.yaml names citations per notice it knows; the 当场更正 slip cites Art. 32(3) itself.
  const table: Readonly<Partial<Record<string, readonly LegalRef[]>>> = policy.documents?.citations ?? {};
  const own = table[type] ?? [];
  return distinct(type === 'returned' ? [...own, ...(version?.basis ?? [])] : own).map(refView);
}

/** The basis the pack gives for the rule behind a reason: `condition:<id>`, `material:<id>` or `referral:<code>`. */
function reasonBasis(pack: PackData, version: ItemVersion | null, code: string): LegalRef[] {
  const at = code.indexOf(':');
  const [kind, id] = at < 0 ? [code, ''] : [code.slice(0, at), code.slice(at + 1)];
  if (kind === 'condition') return version?.conditions?.find((c) => c.id === id)?.basis ?? [];
  if (kind === 'material') return version?.materials.find((m) => (m.id ?? m.use) === id)?.basis ?? [];
  if (kind === 'referral') {
    const basis = pack.referrals.get(id)?.data.basis;
    return basis ? [basis] : [];
  }
  return [];
}

const BOOLEAN_ANSWER = '是 / 否';
const APPLICANT_TYPES: Readonly<Record<string, string>> = { person: '自然人', organization: '法人或其他组织' };

/**
 * The applicant facts still to be told (the decision's questions), in plain words: what to say, and
 * what it decides (which condition, or whether a material is needed).
 */
function questions(decision: Decision, version: ItemVersion): DocumentData['supplement']['questions'] {
  return decision.questions.map((q) => {
    const conditions = q.conditions.map((id) => version.conditions?.find((c) => c.id === id)?.text ?? id);
    const materials = q.materials.map((id) => decision.materials.find((m) => m.id === id)?.name ?? id);
    const modes = (q.modes ?? []).map((i) => {
      const b = modeChoices(version.mode)[i];
      return b ? `${b.text ?? '其余情况'}（${MODE_LABELS[b.mode]}）` : `第 ${i + 1} 项`;
    });
    const decides = [
      ...(conditions.length ? [`判断是否符合受理条件：${conditions.join('；')}`] : []),
      ...(modes.length ? [`确定适用的办理方式和时限：${modes.join('；')}`] : []),
      ...(materials.length ? [`确定是否需要提交：${materials.join('、')}`] : []),
    ];
    return {
      fact: q.fact,
      label: q.label,
      answer: answerOf(q),
      description: tidyOrNull(q.description),
      purpose: q.purpose,
      decides: decides.join('；') || '确定受理条件和所需材料',
    };
  });
}

function answerOf(q: Decision['questions'][number]): string {
  switch (q.type) {
    case 'boolean':
      return BOOLEAN_ANSWER;
    case 'number':
      return q.unit ? `填写数值（${q.unit}）` : '填写数值';
    case 'date':
      return '填写日期（年月日）';
    case 'enum':
      return (q.values ?? []).map((v) => (q.fact === 'applicantType' ? (APPLICANT_TYPES[v] ?? v) : v)).join(' / ') || '按实际情况说明';
    case 'string':
      return q.unit ? `文字说明（${q.unit}）` : '文字说明';
  }
}

const calendars = new WeakMap<PackData, WorkCalendar>();

/**
 * The supplement period of policy.clocks.supplementPeriod, counted on the pack's calendar from the
 * notice's date (that day itself not counted, as for every day limit); none declared, none printed.
 * The period is the one of the policy in force on the notice's date (policy.yaml `changes`).
 */
function supplementPeriod(pack: PackData, date: string): { view: DocumentData['supplement']['period']; warnings: string[] } {
  const period = policyAt(pack.policy, date).clocks.supplementPeriod;
  // The schema requires amount and unit unless the center declared none.
  const limit = period && !period.none && period.amount !== undefined && period.unit !== undefined ? { ...period, amount: period.amount, unit: period.unit } : null;
  if (!limit) return { view: { limit: null, due: null, basis: [] }, warnings: [] };
  let cal = calendars.get(pack);
  if (!cal) calendars.set(pack, (cal = buildCalendar(pack)));
  const { due, warnings } = addDuration(cal, `${date}T00:00:00+08:00`, { amount: limit.amount, unit: limit.unit });
  return {
    view: { limit: { amount: limit.amount, unit: limit.unit }, due, basis: (limit.basis ?? []).map(refView) },
    warnings: warnings.map((w) => w.message),
  };
}
