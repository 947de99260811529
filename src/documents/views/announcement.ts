import type { PackData } from '../../pack/index.ts';
import { itemVersionAt } from '../../pack/index.ts';
import { dateOf } from '../dates.ts';
import { DocumentError } from '../errors.ts';
import type { AnnouncementInput } from '../inputs.ts';
import { maskIdNumber, maskName } from '../../records/index.ts';
import type { DocumentData } from '../shapes.ts';
import { centerView } from './center.ts';
import { legalRefView } from './item.ts';

type Group = DocumentData['announcement']['groups'][number];

/**
 * 办结公告: completed cases grouped by item. Only items whose rules require an announcement may be
 * published, and a person's name and id number are masked before they reach the template.
 */
export function announcementGroups(pack: PackData, input: AnnouncementInput): Group[] {
  const groups = new Map<string, Group>();
  input.entries.forEach((e, i) => {
    const loaded = pack.items.get(e.item);
    if (!loaded) throw new DocumentError('E-DOC-DATA', `第 ${i + 1} 条办结记录的事项 ${e.item} 不在规则包中`);
    const v = itemVersionAt(loaded.data, dateOf(e.completedAt));
    if (!v.announcement?.required) {
      throw new DocumentError('E-DOC-DATA', `事项 ${e.item}（${v.name}）不要求办结公告（announcement.required 不是 true），不得公开申请人信息`);
    }
    let g = groups.get(e.item);
    if (!g) {
      g = {
        code: v.code,
        name: v.name,
        basis: v.announcement.basis ? legalRefView(v.announcement.basis) : null,
        period: v.announcement.period ? { amount: v.announcement.period.amount, unit: v.announcement.period.unit } : null,
        entries: [],
      };
      groups.set(e.item, g);
    }
    const organization = e.applicant.type === 'organization';
    const result = e.result ?? v.result?.name;
    if (!result) throw new DocumentError('E-DOC-DATA', `第 ${i + 1} 条办结记录没有写办理结果（result），事项 ${e.item} 也没有声明办理结果`);
    g.entries.push({
      // An organization's name and credit code are public; a person's are not.
      applicant: organization ? e.applicant.name : maskName(e.applicant.name),
      idNumber: e.applicant.idNumber ? (organization ? e.applicant.idNumber : maskIdNumber(e.applicant.idNumber)) : null,
      acceptedAt: e.acceptedAt ?? null,
      completedAt: e.completedAt,
      result,
    });
  });
  return [...groups.values()];
}

export function announcementData(pack: PackData, input: AnnouncementInput, doc: { number: string; date: string }): DocumentData['announcement'] {
  return { doc: { type: 'announcement', title: '办结公告', number: doc.number, date: doc.date }, center: centerView(pack), groups: announcementGroups(pack, input) };
}
