/**
 * Cross-checks of the “一件事” bundles (bundles/*.yaml, 国发〔2024〕3号): what the schema cannot
 * see — each item exists, at least two distinct items, the lead department and the window are
 * declared in center.yaml, and the code does not clash with an item, a referral or another bundle.
 */
import { renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { CrossCheckInput } from './crossref.ts';
import { suggest } from './suggest.ts';

export type BundleReport = (file: string, path: readonly PathSegment[], code: ErrorCode, message: string) => void;

export function checkBundles({ bundles = [], items, referrals, center, itemsComplete }: CrossCheckInput, error: BundleReport): void {
  if (bundles.length === 0) return;
  const codes = new Set(items.map((it) => it.data.code));
  const outside = new Map(referrals.map((r) => [r.data.code, r.data.name]));
  const departments = center.departments.map((d) => d.id);
  const windows = center.windows.map((w) => w.id);
  const seen = new Map<string, string>();

  for (const { file, data } of bundles) {
    const clash = items.find((it) => it.data.code === data.code);
    const other = seen.get(data.code);
    const problem = clash
      ? `与事项“${clash.data.name}”（${clash.file}）的编码相同`
      : outside.has(data.code)
        ? `与转办目录中的“${outside.get(data.code)}”的编码相同`
        : other !== undefined
          ? `已由 ${other} 使用`
          : null;
    if (problem) error(file, ['code'], 'E-BUNDLE-CODE', renderMessage('E-BUNDLE-CODE', { code: data.code, problem }));
    else seen.set(data.code, file);

    if (!departments.includes(data.lead)) error(file, ['lead'], 'E-BUNDLE-LEAD', renderMessage('E-BUNDLE-LEAD', { id: data.lead, hint: hintOf(data.lead, departments) }));
    if (data.window !== undefined && !windows.includes(data.window)) {
      error(file, ['window'], 'E-BUNDLE-WINDOW', renderMessage('E-BUNDLE-WINDOW', { id: data.window, hint: hintOf(data.window, windows) }));
    }

    const distinct = new Map<string, number>();
    data.items.forEach((code, i) => {
      const first = distinct.get(code);
      if (first !== undefined) {
        error(file, ['items', i], 'E-BUNDLE-ITEMS', renderMessage('E-BUNDLE-ITEMS', { detail: `事项 ${code} 重复（第 ${first + 1} 项已列出）` }));
        return;
      }
      distinct.set(code, i);
      // A broken item file may be the one declaring a code: unknown codes are judged only over a whole pack.
      if (!itemsComplete || codes.has(code)) return;
      const referral = outside.get(code);
      const hint = referral ? `：${code}（${referral}）是转办事项，不在本中心办理，不能并入“一件事”` : `（items/ 下没有这个编码）${hintOf(code, [...codes])}`;
      error(file, ['items', i], 'E-BUNDLE-ITEM', renderMessage('E-BUNDLE-ITEM', { code, hint }));
    });
    if (distinct.size < 2) {
      error(file, ['items'], 'E-BUNDLE-ITEMS', renderMessage('E-BUNDLE-ITEMS', { detail: `只有 ${distinct.size} 个事项（${[...distinct.keys()].join('、')}）；只有一个事项的不必写成“一件事”` }));
    }
  }
}

function hintOf(value: string, known: readonly string[]): string {
  const guess = suggest(value, [...known]);
  return guess ? `，是否应为 \`${guess}\`？` : known.length > 0 && known.length <= 12 ? `；已声明的有：${known.join('、')}` : '';
}
