/**
 * 高效办成一件事: the one notice of a bundle decision — every item with its outcome and limits,
 * the merged material list (a shared material once, with the items it serves), the merged missing
 * list and the joint deadline. One paper for the whole matter (一次告知).
 */
import { formatPath, translateAjvErrors } from '../../core/index.ts';
import type { BundleDecision, BundleMaterial, LegalRef, PackData } from '../../pack/index.ts';
import { schemaValidator } from '../../pack/index.ts';
import type { InputFile } from '../input-file.ts';
import { checkedDate, dateOf, parseShanghai, shanghaiDate } from '../dates.ts';
import { formatDuration } from '../duration.ts';
import { DocumentError } from '../errors.ts';
import { label } from '../labels.ts';
import type { DocumentData } from '../shapes.ts';
import { renderDocument } from '../render.ts';
import { tidyOrNull, tidyText } from '../text.ts';
import { bringText, eachText } from './bring.ts';
import { centerView, handlerFor } from './center.ts';
import { itemView } from './item.ts';
import { NOTICE_TITLES, type ApplicantInfo, type NoticeOptions } from './notice.ts';

type BundleNoticeData = DocumentData['bundle-notice'];
type MaterialView = BundleNoticeData['materials']['needed'][number];

export type BundleNoticeOptions = Omit<NoticeOptions, 'type'>;

/** The one notice of a bundle decision, as self-contained HTML. */
export async function renderBundleNotice(pack: PackData, decision: BundleDecision, options: BundleNoticeOptions = {}): Promise<{ type: 'bundle-notice'; title: string; number: string; html: string }> {
  const data = await bundleNoticeData(pack, decision, options);
  return { type: 'bundle-notice', title: data.doc.title, number: data.doc.number, html: renderDocument(pack, 'bundle-notice', data, decision.notice.document) };
}

export async function bundleNoticeData(pack: PackData, decision: BundleDecision, options: BundleNoticeOptions = {}): Promise<BundleNoticeData> {
  const bundle = pack.bundles.get(decision.bundle);
  if (!bundle) throw new DocumentError('E-DOC-ITEM', `“一件事” ${decision.bundle}（${decision.name}）不在规则包中，无法出具文书`);
  const received = dateOf(decision.receivedAt);
  const date = checkedDate(options.date ?? shanghaiDate(options.now));
  let number = options.number;
  if (!number) {
    if (!options.numbering) throw new DocumentError('E-DOC-NUMBER', '出具文书需要文书编号：请提供编号来源（numbering）或编号（number）');
    number = await options.numbering.next(parseShanghai(date).year);
  }
  const windowId = decision.window?.id ?? pack.center.windows.find((w) => w.department === decision.lead.id)?.id ?? pack.center.windows[0]!.id;
  const a = options.applicant;
  const dueOf = new Map((decision.deadline?.items ?? []).map((d) => [d.item, d.due]));

  const items = decision.decisions.map((d) => {
    const loaded = pack.items.get(d.item);
    if (!loaded) throw new DocumentError('E-DOC-ITEM', `事项 ${d.item}（${d.itemName}）不在规则包中，无法出具“一件事”的文书`);
    const view = itemView(pack, loaded.data, received);
    const promised = d.deadline?.promised ?? view.limits.promised;
    const statutory = d.deadline?.statutory ?? view.limits.statutory;
    const r = d.routeTo;
    return {
      code: d.item,
      name: d.itemName,
      kind: d.kind,
      department: view.department,
      limits: `${label('mode', d.mode ?? view.mode)}，承诺${formatDuration(promised)}，法定${formatDuration(statutory)}`,
      due: dueOf.get(d.item) ?? null,
      reasons: d.kind === 'accepted' || d.kind === 'consultation' ? [] : d.reasons.map((x) => tidyText(x.message)),
      routeTo: r ? [r.organ, r.window, r.address, r.phone ? `电话 ${r.phone}` : null].filter((x): x is string => !!x).join('，') : null,
      fees: d.fees.map((f) => ({ name: f.name, amount: f.amount, per: f.per ?? null, basis: f.basis })),
    };
  });

  const shown = decision.materials.filter((m) => m.required !== 'no');
  const warnings = [...new Set([...decision.decisions.flatMap((d) => [...d.warnings, ...(d.deadline?.warnings ?? [])]), ...(decision.deadline?.warnings ?? [])].map((w) => w.message))];
  const type = decision.kind === 'accepted' ? 'accepted' : decision.kind;
  return {
    doc: { type: 'bundle-notice', title: `“一件事”${NOTICE_TITLES[type]}`, number, date },
    center: centerView(pack),
    applicant: a && a.name ? { name: a.name, idNumber: a.idNumber ?? null, phone: a.phone ?? null } : null,
    subject: { code: decision.bundle, name: decision.name },
    receivedAt: decision.receivedAt,
    handler: handlerFor(pack, windowId, options.handler),
    contact: { phone: pack.center.center.phones.consult, place: decision.window ? `${decision.window.number}号窗口（${decision.window.name}）${decision.window.location ? `，${decision.window.location}` : ''}` : pack.center.center.address },
    citations: (bundle.data.basis ?? []).map(refView),
    bundle: {
      code: decision.bundle,
      name: decision.name,
      description: tidyOrNull(decision.description),
      lead: decision.lead.name,
      window: decision.window ? { number: decision.window.number, name: decision.window.name, location: decision.window.location } : null,
      basis: (bundle.data.basis ?? []).map(refView),
    },
    kind: decision.kind,
    items,
    materials: {
      needed: shown.filter((m) => m.required === 'yes' && !m.fetchedByCenter).map(materialView),
      conditional: shown.filter((m) => m.required === 'unknown' && !m.fetchedByCenter).map(materialView),
      fetched: shown.filter((m) => m.fetchedByCenter).map(materialView),
    },
    missing: decision.missing.map((m) => ({ name: m.name, party: m.party ?? null, detail: tidyText(m.detail), items: m.items.join('、') })),
    deadline: decision.deadline
      ? {
          acceptedAt: decision.deadline.acceptedAt,
          due: decision.deadline.due,
          basis:
            decision.deadline.basis === 'bundle' && decision.deadline.promised
              ? `按“一件事”承诺时限${formatDuration(decision.deadline.promised)}`
              : '按各事项承诺期限中最晚的一个',
        }
      : null,
    warnings,
  };
}

/** One line of the merged list: what to bring once, and what each item asks of it. */
function materialView(m: BundleMaterial): MaterialView {
  // The most demanding use decides what to bring; a per-party use names its parties.
  const parties = m.items.map((u) => u.material.parties ?? []).find((p) => p.length > 0);
  return {
    id: m.id,
    name: m.name,
    shared: m.items.length > 1,
    necessity: m.necessity,
    bring: `${eachText(parties)}${bringText(m.form, m.copies)}`,
    uses: m.items.map((u) => {
      const x = u.material;
      const alternatives = x.alternatives?.length ? `任选其一：${x.alternatives.map((alt) => alt.name).join('、')}` : null;
      const text = [label('necessity', x.necessity), x.required === 'unknown' && x.condition ? x.condition : null, x.fetchedByCenter ? '由中心调取' : null, alternatives]
        .filter((t): t is string => !!t)
        .join('；');
      return { code: u.item, name: u.itemName, text };
    }),
    notes: tidyOrNull(m.items.find((u) => u.material.notes)?.material.notes ?? null),
  };
}

function refView(r: LegalRef): BundleNoticeData['citations'][number] {
  return { law: r.law, article: r.article ?? null, text: r.text ?? null };
}

/**
 * A bundle decision as `bianmin decide --bundle --json` prints it, or `{decision, applicant}`;
 * every problem located as file:line:column.
 */
export function bundleDecisionFrom(input: InputFile): { decision: BundleDecision; applicant: ApplicantInfo | null } {
  const data = input.data;
  const wrapped = data !== null && typeof data === 'object' && !Array.isArray(data) && 'decision' in data;
  const decision = wrapped ? (data as { decision: unknown }).decision : data;
  const check = schemaValidator('bundle-decision');
  if (!check(decision)) {
    const lines = translateAjvErrors(check.errors ?? [], { family: 'document' })
      .slice(0, 10)
      .map((p) => {
        const segments = [...(wrapped ? ['decision'] : []), ...p.segments];
        const at = input.source.locate(segments);
        return `${input.file}:${at.line}:${at.column} ${formatPath(segments)}：${p.message}`;
      });
    throw new DocumentError('E-DOC-INPUT', `${input.file} 不是有效的“一件事”决定（格式见 schemas/bundle-decision.schema.json）：\n${lines.join('\n')}`);
  }
  return { decision: decision as BundleDecision, applicant: wrapped ? applicantOf((data as { applicant?: unknown }).applicant) : null };
}

/** The identity fields of an applicant object (a bundle application's, or a wrapped decision's); anything else is none. */
export function applicantOf(value: unknown): ApplicantInfo | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const out: { name?: string; idNumber?: string; phone?: string } = {};
  for (const key of ['name', 'idNumber', 'phone'] as const) if (typeof v[key] === 'string') out[key] = v[key];
  return out;
}
