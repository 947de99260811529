/** Chinese words for the values a scenario expects, as reports show them beside the English ids. */
import type { ClockLevel } from '../calendar/index.ts';
import type { Decision, MissingMaterial } from '../pack/index.ts';

export const KIND_LABELS: Readonly<Record<Decision['kind'], string>> = {
  consultation: '咨询件',
  supplement: '补正件',
  correctable: '当场更正',
  returned: '退回件',
  rejected: '不予受理',
  accepted: '受理件',
};

export const MODE_LABELS: Readonly<Record<NonNullable<Decision['mode']>, string>> = {
  immediate: '即办件',
  promised: '承诺件',
  reported: '上报件',
  joint: '联办件',
  petition: '信访件',
};

export const LEVEL_LABELS: Readonly<Record<ClockLevel, string>> = { normal: '正常', yellow: '黄牌', red: '红牌' };

export const PROBLEM_LABELS: Readonly<Record<MissingMaterial['problem'], string>> = {
  absent: '缺少',
  'wrong-form': '形式不符',
  'too-few-copies': '份数不足',
};

export function kindText(kind: Decision['kind']): string {
  return `${kind}（${KIND_LABELS[kind]}）`;
}

export function modeText(mode: Decision['mode']): string {
  return mode ? `${mode}（${MODE_LABELS[mode]}）` : '无';
}

export function levelText(level: ClockLevel): string {
  return `${level}（${LEVEL_LABELS[level]}）`;
}

/** A material's name in title marks, unless it is already written in them (《出生医学证明》). */
export function titled(name: string): string {
  return name.startsWith('《') && name.endsWith('》') ? name : `《${name}》`;
}

/** `photo《近期免冠照片》（缺少：未提交（需原件））`; one party's share: `id-card@女方《女方居民身份证》（…）`. */
export function missingText(m: Pick<MissingMaterial, 'id' | 'name' | 'party' | 'problem' | 'detail'>): string {
  return m.party === undefined
    ? `${m.id}${titled(m.name)}（${PROBLEM_LABELS[m.problem]}：${m.detail}）`
    : `${m.id}@${m.party}${titled(`${m.party}${m.name}`)}（${PROBLEM_LABELS[m.problem]}：${m.detail}）`;
}

export function listText(items: readonly string[]): string {
  return items.length === 0 ? '无' : items.join('、');
}
