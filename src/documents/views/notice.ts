import type { PackData } from '../../pack/index.ts';
import type { Decision, NoticeMaterial } from '../../pack/index.ts';
import { itemVersionAt } from '../../pack/index.ts';
import { checkedDate, dateOf, parseShanghai, shanghaiDate } from '../dates.ts';
import { DocumentError } from '../errors.ts';
import { label } from '../labels.ts';
import type { DocumentNumbering } from '../numbering.ts';
import { NOTICE_TYPES, type DocumentData, type NoticeType } from '../shapes.ts';
import { centerView, handlerFor } from './center.ts';
import { bringText } from './bring.ts';
import { itemView } from './item.ts';
import { tidyOrNull, tidyText } from '../text.ts';

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
  // The item version in force on the day of receipt may name its own template for this notice.
  const custom = (loaded ? itemVersionAt(loaded.data, received).documents?.[type] : undefined) ?? (named !== type && !(NOTICE_TYPES as readonly string[]).includes(named) ? named : undefined);

  const date = checkedDate(options.date ?? shanghaiDate(options.now));
  const year = parseShanghai(date).year;
  let number = options.number;
  if (!number) {
    if (!options.numbering) throw new DocumentError('E-DOC-NUMBER', '出具文书需要文书编号：请提供编号来源（numbering）或编号（number）');
    number = await options.numbering.next(year);
  }

  const firstWindow = [...pack.center.windows].sort((a, b) => a.number - b.number)[0]!;
  const handler = handlerFor(pack, loaded?.data.window ?? firstWindow.id, options.handler);
  const a = options.applicant;
  const base = {
    doc: { type, title: titleOf(type, decision), number, date },
    center: centerView(pack),
    applicant: a && a.name ? { name: a.name, idNumber: a.idNumber ?? null, phone: a.phone ?? null } : null,
    subject: { code: decision.item, name: decision.itemName },
    receivedAt: decision.receivedAt,
    handler,
    contact: item ? { phone: item.phone, place: item.place } : { phone: pack.center.center.phones.consult, place: pack.center.center.address },
  };
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
    case 'supplement':
      return {
        type,
        template,
        data: {
          ...base,
          item: item!,
          problems: problems(decision),
          // A missing material is already a line of the table; the other reasons (facts still unknown …) follow it.
          reasons: decision.reasons
            .filter((r) => !decision.missing.some((m) => r.code === `material:${m.id}`))
            .map((r) => ({ code: r.code, message: tidyText(r.message) })),
          consequence: tidyText(pack.policy.documents?.supplementConsequence ?? DEFAULT_SUPPLEMENT_CONSEQUENCE),
        },
      };
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
          reportTo: item!.reportTo,
          jointDepartments: item!.mode === 'joint' ? [item!.department, ...item!.departments] : [],
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
          reasons: decision.reasons.map((r) => ({ code: r.code, message: tidyText(r.message) })),
          problems: problems(decision),
          rights: tidyText(pack.policy.documents?.reviewRights ?? DEFAULT_REVIEW_RIGHTS),
        },
      };
    case 'rejected':
      return {
        type,
        template,
        data: {
          ...base,
          reasons: decision.reasons.map((r) => ({ code: r.code, message: tidyText(r.message) })),
          routeTo: decision.routeTo
            ? { organ: decision.routeTo.organ, window: decision.routeTo.window ?? null, address: decision.routeTo.address ?? null, phone: decision.routeTo.phone ?? null }
            : null,
          rights: tidyText(pack.policy.documents?.reviewRights ?? DEFAULT_REVIEW_RIGHTS),
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
    alternatives: (m.alternatives ?? []).map((a) => a.name),
    department: m.department ?? null,
    notes: tidyOrNull(m.notes),
    due: m.due ? { amount: m.due.amount, unit: m.due.unit } : null,
  };
}

/** Each missing or faulty material, with what exactly to bring. */
function problems(decision: Decision): DocumentData['supplement']['problems'] {
  return decision.missing.map((miss) => {
    const spec = decision.materials.find((m) => m.id === miss.id);
    if (!spec) throw new DocumentError('E-DOC-DATA', `缺件 ${miss.id}（${miss.name}）不在决定的材料清单（materials）中，无法写明应补交的材料`);
    const alternatives = spec.alternatives?.length ? `（以下任选其一：${spec.alternatives.map((a) => a.name).join('、')}）` : '';
    return {
      id: miss.id,
      name: miss.name,
      necessity: miss.necessity,
      problem: miss.problem,
      detail: tidyText(miss.detail),
      bring: `${bringText(spec.form, spec.copies)}${spec.medium === 'electronic' ? '（电子版）' : ''}${alternatives}`,
      department: miss.department ?? spec.department ?? null,
      notes: spec.notes ?? null,
    };
  });
}
