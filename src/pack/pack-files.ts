/**
 * Files a rule pack refers to by path (国家实施清单要素: 审批结果样本 result.sample, 空白表格
 * materials[].blankForm, 示例样表 materials[].sampleForm): each must exist in the pack. Paths are
 * relative to the pack root; the schema already refuses absolute paths and `..`. A draft's overlay
 * counts: a file it removes is missing, one it adds exists.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { renderMessage, type PathSegment } from '../core/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { SourceMap } from './model.ts';
import type { PackOverlay } from './overlay.ts';

interface Ref {
  readonly file: string;
  readonly path: readonly PathSegment[];
  readonly what: string;
  readonly rel: string;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The pack-file references of one item file or of materials.yaml, as written (before catalogue merging). */
function refsOf(file: string, data: unknown): Ref[] {
  const out: Ref[] = [];
  if (!isRecord(data)) return out;
  const result = data['result'];
  if (isRecord(result) && typeof result['sample'] === 'string') out.push({ file, path: ['result', 'sample'], what: '审批结果样本', rel: result['sample'] });
  materialRefs(file, [], data['materials'], out);
  // A dated change names files too: the materials it adds or replaces, a result it sets.
  const changes = data['changes'];
  if (Array.isArray(changes)) {
    changes.forEach((c: unknown, i) => {
      if (!isRecord(c)) return;
      for (const op of ['add', 'replace', 'set'] as const) {
        const patch = c[op];
        if (isRecord(patch)) materialRefs(file, ['changes', i, op], patch['materials'], out);
      }
      const set = c['set'];
      const setResult = isRecord(set) ? set['result'] : undefined;
      if (isRecord(setResult) && typeof setResult['sample'] === 'string') out.push({ file, path: ['changes', i, 'set', 'result', 'sample'], what: '审批结果样本', rel: setResult['sample'] });
    });
  }
  return out;
}

function materialRefs(file: string, at: readonly PathSegment[], materials: unknown, out: Ref[]): void {
  if (!Array.isArray(materials)) return;
  materials.forEach((m: unknown, i) => {
    if (!isRecord(m)) return;
    if (typeof m['blankForm'] === 'string') out.push({ file, path: [...at, 'materials', i, 'blankForm'], what: '空白表格', rel: m['blankForm'] });
    if (typeof m['sampleForm'] === 'string') out.push({ file, path: [...at, 'materials', i, 'sampleForm'], what: '示例样表', rel: m['sampleForm'] });
  });
}

function exists(root: string, rel: string, overlay: PackOverlay | undefined): boolean {
  const norm = rel.split(path.sep).join('/');
  if (overlay?.has(norm)) return overlay.get(norm) !== null;
  try {
    return statSync(path.join(root, norm)).isFile();
  } catch {
    return false;
  }
}

/** E-PACK-FILE-MISSING for each referenced pack file that is not there; `files` are the pack's parsed files. */
export function checkPackFiles(root: string, files: ReadonlyArray<{ readonly file: string; readonly data: unknown }>, sources: SourceMap, overlay?: PackOverlay): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (const { file, data } of files) {
    for (const ref of refsOf(file, data)) {
      if (exists(root, ref.rel, overlay)) continue;
      const message = renderMessage('E-PACK-FILE-MISSING', { what: ref.what, path: ref.rel });
      const src = sources.get(file);
      errors.push(src ? src.diagnostic(ref.path, 'E-PACK-FILE-MISSING', message) : { file, line: 0, column: 0, path: '$', code: 'E-PACK-FILE-MISSING', message });
    }
  }
  return errors;
}
