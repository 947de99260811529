/**
 * Checks of an item's dated changes that the schema cannot make: a change patches the version
 * before it by id, so every id it removes or replaces must be there and every id it adds must be
 * new; and a change must not silently take away what guards the one-time notice — a core material
 * (主件, whose absence returns the application) or every core material at once. `set` of a whole
 * list still works, but is the way such losses happen unnoticed, so it warns.
 */
import { formatPath, renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { ItemChange, ItemFile, Material } from './schema-types.ts';
import { suggest } from './suggest.ts';
import { PATCH_FIELDS, applyChange, entryId, itemVersions, originOf, type ItemVersion, type PatchField } from './versions.ts';

/** Where findings go (the cross-check's collector). */
export interface ChangeSink {
  error(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void;
  warn(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void;
}

/** Each patchable list in words. */
export const PATCH_FIELD_NAMES: Readonly<Record<PatchField, string>> = {
  materials: '申报材料',
  conditions: '受理条件',
  fees: '收费项目',
  procedure: '办事程序步骤',
};

/** The ids a list of a version holds (for materials also the ids of alternatives, which share them). */
function idsOf(v: ItemVersion, field: PatchField, withAlternatives: boolean): Map<string, PathSegment[]> {
  const out = new Map<string, PathSegment[]>();
  const list = (v[field] ?? []) as ReadonlyArray<Parameters<typeof entryId>[0]>;
  list.forEach((e, k) => {
    const id = entryId(e);
    if (id !== undefined && !out.has(id)) out.set(id, originOf(v, [field, k]));
    if (withAlternatives && field === 'materials') {
      ((e as Material).alternatives ?? []).forEach((a, j) => {
        const alt = a.id ?? a.use;
        if (alt !== undefined && !out.has(alt)) out.set(alt, originOf(v, [field, k, 'alternatives', j]));
      });
    }
  });
  return out;
}

/** Where the id of a patch entry is written: `use` for a material that takes its id from it (resolved or not). */
function idKey(entry: unknown): 'id' | 'use' {
  const e = entry as { id?: string; use?: string };
  return e.use !== undefined && (e.id === undefined || e.id === e.use) ? 'use' : 'id';
}

function hintFor(id: string, known: Iterable<string>): string {
  const list = [...known];
  const guess = suggest(id, list);
  if (guess) return `；是否应为 ${guess}？`;
  return list.length > 0 ? `；已有：${list.join('、')}` : '；该列表为空';
}

function pathText(path: readonly PathSegment[]): string {
  return formatPath(path).replace(/^\$\.?/, '');
}

/** The checks of one item's changes (file: the item's file; item: with catalogue materials resolved). */
export function checkChanges(file: string, item: ItemFile, sink: ChangeSink): void {
  const versions = itemVersions(item);
  const baseHasCore = versions[0]!.materials.some((m) => m.necessity === 'core');
  for (let k = 1; k < versions.length; k++) {
    const before = versions[k - 1]!;
    const after = versions[k]!;
    const change = after.appliedChange!;
    const i = after.changeIndex;
    checkPatch(file, before, change, i, sink);
    checkCore(file, before, after, change, i, baseHasCore, sink);
  }
}

function checkPatch(file: string, before: ItemVersion, change: ItemChange, i: number, sink: ChangeSink): void {
  const date = change.effectiveFrom;
  for (const f of PATCH_FIELDS) {
    if (change.set?.[f]) {
      sink.warn(file, ['changes', i, 'set', f], 'W-CHANGE-SET-LIST', renderMessage('W-CHANGE-SET-LIST', { what: PATCH_FIELD_NAMES[f], field: f }));
    }
  }
  // The lists as the patch sees them: after this change's `set`, then after each step.
  const afterSet = change.set ? applyChange(before, { effectiveFrom: date, reference: change.reference, set: change.set }, i) : before;
  for (const f of PATCH_FIELDS) {
    const what = PATCH_FIELD_NAMES[f];
    const present = idsOf(afterSet, f, false);
    const removed = new Set<string>();
    (change.remove?.[f] ?? []).forEach((id, j) => {
      if (present.has(id)) removed.add(id);
      else sink.error(file, ['changes', i, 'remove', f, j], 'E-CHANGE-ID-UNKNOWN', renderMessage('E-CHANGE-ID-UNKNOWN', { what, id, date, action: '删除', hint: hintFor(id, present.keys()) }));
    });
    const remaining = [...present.keys()].filter((id) => !removed.has(id));
    (change.replace?.[f] ?? []).forEach((entry, j) => {
      const id = entryId(entry);
      if (id === undefined) {
        sink.error(file, ['changes', i, 'replace', f, j], 'E-CHANGE-ID-MISSING', renderMessage('E-CHANGE-ID-MISSING', { what }));
        return;
      }
      if (remaining.includes(id)) return;
      const hint = removed.has(id) ? '；本项变更已在 remove 中删除它，替换请只写在 replace 中' : hintFor(id, remaining);
      sink.error(file, ['changes', i, 'replace', f, j, idKey(entry)], 'E-CHANGE-ID-UNKNOWN', renderMessage('E-CHANGE-ID-UNKNOWN', { what, id, date, action: '替换', hint }));
    });
    // Ids an added entry may not take: every id still there (materials: their alternatives too).
    const taken = idsOf(afterSet, f, true);
    for (const id of removed) taken.delete(id);
    (change.add?.[f] ?? []).forEach((entry, j) => {
      const id = entryId(entry);
      if (id === undefined) return;
      const at: PathSegment[] = ['changes', i, 'add', f, j];
      const prior = taken.get(id);
      if (prior) sink.error(file, [...at, idKey(entry)], 'E-CHANGE-ID-EXISTS', renderMessage('E-CHANGE-ID-EXISTS', { what, id, where: pathText(prior) }));
      else taken.set(id, at);
    });
  }
}

/** A core material the version before had and this one lacks (or holds as less than core); no core material left. */
function checkCore(file: string, before: ItemVersion, after: ItemVersion, change: ItemChange, i: number, baseHasCore: boolean, sink: ChangeSink): void {
  const date = change.effectiveFrom;
  const now = new Map(after.materials.map((m, k) => [m.id, k] as const));
  for (const m of before.materials) {
    if (m.necessity !== 'core') continue;
    const k = now.get(m.id);
    const still = k === undefined ? null : after.materials[k]!;
    if (still?.necessity === 'core') continue;
    let at: PathSegment[];
    let hint: string;
    const removedAt = (change.remove?.materials ?? []).indexOf(m.id);
    if (still && k !== undefined) {
      at = originOf(after, ['materials', k, 'necessity']);
      hint = `它改为了 ${still.necessity}；如确是放宽要求，可忽略此警告`;
    } else if (removedAt >= 0) {
      at = ['changes', i, 'remove', 'materials', removedAt];
      hint = '如确是取消该主件，可忽略此警告';
    } else if (change.set?.materials) {
      at = ['changes', i, 'set', 'materials'];
      hint = 'set 整体重写材料列表时没有列出它；只改动个别材料请用 remove / replace / add';
    } else {
      at = ['changes', i];
      hint = '如确是取消该主件，可忽略此警告';
    }
    sink.warn(file, at, 'W-CHANGE-LOST-CORE', renderMessage('W-CHANGE-LOST-CORE', { date, name: m.name, id: m.id, hint }));
  }
  // An item that never had a core material (a petition, say) is not made worse by a change.
  if (baseHasCore && !after.materials.some((m) => m.necessity === 'core')) {
    sink.warn(file, change.set?.materials ? ['changes', i, 'set', 'materials'] : ['changes', i], 'W-CHANGE-NO-CORE', renderMessage('W-CHANGE-NO-CORE', { date }));
  }
}
