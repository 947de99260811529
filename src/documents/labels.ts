import { DocumentError } from './errors.ts';

/** The Chinese words a document prints for the engine's English codes. */
export const LABELS = {
  necessity: { core: '主件', required: '必要', deferrable: '容缺', optional: '可选' },
  mode: { immediate: '即办件', promised: '承诺件', reported: '上报件', joint: '联办件', petition: '信访件' },
  kind: { consultation: '咨询件', supplement: '补正件', correctable: '当场更正', returned: '退回件', rejected: '不予受理', accepted: '受理件' },
  form: { original: '原件', copy: '复印件', both: '原件和复印件' },
  medium: { paper: '纸质', electronic: '电子', either: '纸质或电子' },
  problem: { absent: '未提交', 'wrong-form': '形式不符', 'too-few-copies': '份数不足' },
  channel: { oral: '口头', phone: '电话', written: '书面' },
} as const satisfies Record<string, Record<string, string>>;

export type LabelSet = keyof typeof LABELS;

/** The label of `code` in `set`; an unknown code is an error, never printed raw. */
export function label(set: LabelSet, code: string): string {
  const table: Readonly<Record<string, string>> = LABELS[set];
  const found = Object.hasOwn(table, code) ? table[code] : undefined;
  if (found === undefined) {
    throw new DocumentError('E-DOC-DATA', `无法识别的取值 ${JSON.stringify(code)}（${set}）；可选：${Object.keys(table).join('、')}`);
  }
  return found;
}
