/**
 * 证明事项告知承诺书 for a decision that lists `committed` materials: per material, the commitment
 * in force on the day of receipt (the material's own fields over the item's), with the post-check
 * and what a false commitment leads to, and lines for the applicant to sign. It is the applicant's
 * own document, so it carries the applicant's name in full; it is never published.
 */
import type { Decision, ItemVersion, LegalRef, PackData } from '../../pack/index.ts';
import { effectiveCommitment, itemVersionAt } from '../../pack/index.ts';
import { renderMessage } from '../../core/index.ts';
import { checkedDate, dateOf, shanghaiDate } from '../dates.ts';
import { formatDuration } from '../duration.ts';
import { DocumentError } from '../errors.ts';
import type { DocumentData } from '../shapes.ts';
import { tidyOrNull, tidyText } from '../text.ts';
import { centerView } from './center.ts';
import type { ApplicantInfo } from './notice.ts';

export interface CommitmentOptions {
  /** Date of issue (YYYY-MM-DD, Beijing); by default today in Beijing. */
  readonly date?: string;
  readonly now?: Date;
  readonly applicant?: ApplicantInfo | null;
}

export const COMMITMENT_TITLE = '证明事项告知承诺书';

type Ref = DocumentData['commitment']['citations'][number];

function refView(r: LegalRef): Ref {
  return { law: r.law, article: r.article ?? null, text: r.text ?? null };
}

export function commitmentData(pack: PackData, decision: Decision, options: CommitmentOptions = {}): DocumentData['commitment'] {
  const committed = decision.committed ?? [];
  if (committed.length === 0) {
    const excluded = decision.warnings.find((w) => w.code === 'commitment-excluded');
    throw new DocumentError('E-DOC-COMMITMENT', renderMessage('E-DOC-COMMITMENT', { detail: excluded ? `（${excluded.message}）` : '' }));
  }
  const loaded = pack.items.get(decision.item);
  if (!loaded) throw new DocumentError('E-DOC-ITEM', `事项 ${decision.item}（${decision.itemName}）不在规则包中，无法出具${COMMITMENT_TITLE}`);
  const version = itemVersionAt(loaded.data, dateOf(decision.receivedAt));
  const citations: Ref[] = [];
  const seen = new Set<string>();
  const materials = committed.map((c) => {
    const m = version.materials.find((x) => x.id === c.id);
    const k = (m ? effectiveCommitment(version, m) : null) ?? {};
    const basis = (k.basis ?? []).map(refView);
    for (const b of basis) {
      const key = `${b.law}\u0000${b.article ?? ''}`;
      if (!seen.has(key)) citations.push(b);
      seen.add(key);
    }
    return {
      id: c.id,
      name: c.name,
      text: tidyText(k.text ?? `本人承诺所述与${c.name}记载的内容一致`),
      scope: tidyOrNull(k.scope),
      excluded: (k.excluded ?? []).map(tidyText),
      postCheck: k.postCheck ? { period: { amount: k.postCheck.period.amount, unit: k.postCheck.period.unit }, by: tidyOrNull(k.postCheck.by) } : null,
      falseConsequence: tidyOrNull(k.falseConsequence),
      basis,
    };
  });
  const a = options.applicant;
  return {
    doc: { type: 'commitment', title: COMMITMENT_TITLE, number: null, date: checkedDate(options.date ?? shanghaiDate(options.now)) },
    center: centerView(pack),
    applicant: a && a.name ? { name: a.name, idNumber: a.idNumber ?? null, phone: a.phone ?? null } : null,
    subject: { code: decision.item, name: decision.itemName },
    receivedAt: decision.receivedAt,
    materials,
    citations,
  };
}

/** The 受理通知书's lines for the materials replaced by commitment, each with its post-check. */
export function committedView(decision: Decision, version: ItemVersion | null): DocumentData['accepted']['committed'] {
  return (decision.committed ?? []).map((c) => {
    const m = version?.materials.find((x) => x.id === c.id);
    const p = (version && m ? effectiveCommitment(version, m) : null)?.postCheck;
    return { name: c.name, postCheck: p ? `受理后${formatDuration(p.period)}内核查承诺内容${p.by ? `（${tidyText(p.by)}）` : ''}` : null };
  });
}
