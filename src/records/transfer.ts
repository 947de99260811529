/**
 * Moving records between backends: `restore` reads a backup (a data directory, whichever backend
 * wrote it) into an empty directory or database; `migrate` moves a data directory into a
 * database. The source is read and validated whole first; the target must hold no records; the
 * copy is read back and counted. Into a database everything goes in one transaction: a failure
 * leaves it as empty as it was.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isDatabaseUrl, readBack } from './backend.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import { PgStore } from './postgres/store.ts';
import { CONTENT_DIR, RecordStore } from './store.ts';

export interface TransferResult {
  /** The target (directory or database URL, password masked). */
  readonly target: string;
  /** Records per collection, as read back from the target. */
  readonly counts: Readonly<Record<string, number>>;
  /** Archived contents copied. */
  readonly contents: number;
  /** Workbench folders left in the source (a database keeps no workbench files). */
  readonly workbenchLeft: readonly string[];
}

export async function transferRecords(
  source: string,
  target: string,
  specFor: (name: string) => CollectionSpec<unknown> | null,
  mode: 'restore' | 'migrate',
): Promise<TransferResult> {
  if (isDatabaseUrl(source)) throw RecordsError.of('E-RESTORE-SOURCE', { source, reason: '来源须是数据目录或备份目录；数据库请先用 bianmin backup 备份成目录' });
  const entries = await readdir(source).catch(() => null);
  if (!entries) throw RecordsError.of('E-RESTORE-SOURCE', { source, reason: '目录不存在' });
  if (!entries.some((e) => /\.(json|log)$/.test(e) && specFor(e.replace(/\.(json|log)$/, '')))) {
    throw RecordsError.of('E-RESTORE-SOURCE', { source, reason: '其中没有登记簿文件（*.json / *.log）' });
  }
  // A live data directory is opened as its writer, so that no service writes it meanwhile.
  const from = await RecordStore.open(source, { specFor, readonly: mode === 'restore' });
  try {
    if (!isDatabaseUrl(target)) {
      const copy = await from.backup(target);
      return { target: copy.dir, counts: copy.counts, contents: copy.files.filter((f) => f.name.startsWith(`${CONTENT_DIR}/`)).length, workbenchLeft: [] };
    }
    const to = await PgStore.open(target, { specFor });
    let contents = 0;
    try {
      const held = to.names().filter((n) => to.collection(n).size > 0);
      const stored = await to.query<{ n: string }>('SELECT count(*) AS n FROM bianmin_contents', []);
      if (held.length > 0 || Number(stored.rows[0]?.n ?? 0) > 0) {
        throw RecordsError.of('E-RESTORE-TARGET', { target: to.shownDir, reason: `数据库中已有登记簿（${held.join('、') || '公开存档'}）；请指定空的数据库或另一个 schema（?schema=名称）` });
      }
      const names = (await readdir(path.join(source, CONTENT_DIR)).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
      await to.exclusive(async () => {
        for (const name of from.names()) {
          const spec = specFor(name)!;
          await to.insertAll(name, from.collection(name).values(), (r) => spec.idOf(r));
        }
        for (const name of names) {
          const bytes = await from.content.get(name);
          if (bytes) {
            await to.content.put(name, bytes);
            contents++;
          }
        }
      });
    } finally {
      await to.close();
    }
    const counts = await readBack(() => PgStore.open(target, { specFor, readonly: true }));
    const workbenchLeft = entries.filter((e) => e === 'pack-blobs' || e === 'drafts');
    return { target: to.shownDir, counts, contents, workbenchLeft };
  } finally {
    await from.close();
  }
}
