/**
 * What a scenario may name in the pack — staff (by id or by name), windows, items, discipline
 * actions, grades, review grades — resolved with a Chinese "did you mean" when it is not there.
 */
import type { Pack } from '../engine/index.ts';
import { suggest } from '../pack/index.ts';

export type Resolved = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly message: string };

export class PackRefs {
  private readonly staffIds = new Map<string, string>();
  private readonly staffLabels: string[] = [];

  constructor(private readonly pack: Pack) {
    const staff = pack.data.center.staff;
    const nameCount = new Map<string, number>();
    for (const s of staff) nameCount.set(s.name, (nameCount.get(s.name) ?? 0) + 1);
    for (const s of staff) {
      this.staffIds.set(s.id, s.id);
      this.staffLabels.push(s.id);
    }
    for (const s of staff) {
      // A name shared by two staff members cannot identify either: only the id can.
      if (nameCount.get(s.name) === 1 && !this.staffIds.has(s.name)) {
        this.staffIds.set(s.name, s.id);
        this.staffLabels.push(s.name);
      }
    }
  }

  staffName(id: string): string {
    return this.pack.data.center.staff.find((s) => s.id === id)?.name ?? id;
  }

  staff(text: string): Resolved {
    const id = this.staffIds.get(text.trim());
    if (id) return { ok: true, id };
    const guess = suggest(text, this.staffLabels);
    const hint = guess ? `，是否应为 ${this.label(this.staffIds.get(guess) ?? guess)}？` : `；可写标识或姓名，例如 ${this.pack.data.center.staff.slice(0, 3).map((s) => this.label(s.id)).join('、')}`;
    return { ok: false, message: `工作人员“${text}”未在 center.yaml 中声明${hint}` };
  }

  window(id: string): Resolved {
    const windows = this.pack.data.center.windows;
    if (windows.some((w) => w.id === id)) return { ok: true, id };
    const guess = suggest(id, windows.map((w) => w.id));
    return { ok: false, message: `窗口“${id}”未在 center.yaml 中声明${guess ? `，是否应为 ${guess}？` : `；已声明的有：${windows.map((w) => w.id).join('、')}`}` };
  }

  /** An item or referral code (referrals only when `referrals`). */
  item(code: string, referrals: boolean): Resolved {
    if (this.pack.data.items.has(code) || (referrals && this.pack.data.referrals.has(code))) return { ok: true, id: code };
    const codes = [...this.pack.data.items.keys(), ...(referrals ? this.pack.data.referrals.keys() : [])];
    const upper = codes.find((c) => c.toUpperCase() === code.trim().toUpperCase());
    const guess = upper ?? suggest(code, codes);
    const what = !referrals && this.pack.data.referrals.has(code) ? `“${code}”是不归本中心办理的事项（referrals.yaml），没有办件` : `事项编码“${code}”在规则包中不存在`;
    return { ok: false, message: `${what}${guess ? `，是否应为 ${guess}？` : ''}` };
  }

  /** A discipline action by id or name. */
  action(text: string): Resolved {
    const actions = this.pack.data.policy.discipline.actions;
    const hit = actions.find((a) => a.id === text || a.name === text);
    if (hit) return { ok: true, id: hit.id };
    const guess = suggest(text, actions.flatMap((a) => [a.id, a.name]));
    return {
      ok: false,
      message: `处理“${text}”未在 policy.yaml 的 discipline.actions 中声明${guess ? `，是否应为 ${guess}？` : ''}；可选：${actions.map((a) => `${a.name}（${a.id}）`).join('、')}`,
    };
  }

  actionName(id: string): string {
    return this.pack.data.policy.discipline.actions.find((a) => a.id === id)?.name ?? id;
  }

  grade(text: string): Resolved {
    const grades: readonly string[] = this.pack.data.policy.assessment.grades.map((g) => g.grade);
    if (grades.includes(text)) return { ok: true, id: text };
    return { ok: false, message: `考评等级“${text}”未在 policy.yaml 的 assessment.grades 中声明；可选：${grades.join('、')}` };
  }

  reviewGrade(text: string): Resolved {
    const grades = this.pack.data.policy.reviews.grades;
    if (grades.includes(text)) return { ok: true, id: text };
    return { ok: false, message: `评价等级“${text}”不在 policy.yaml 的 reviews.grades 中；可选：${grades.join('、')}` };
  }

  private label(id: string): string {
    return `${id}（${this.staffName(id)}）`;
  }
}
