/**
 * A backup of a database is a data directory: every collection as a snapshot (with its empty log),
 * every archived content under publications/, read back to prove it loads. `bianmin restore`
 * reads it into a database or a directory again, and any bianmin opens it as it is.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readBack, type BackupResult } from '../backend.ts';
import { SNAPSHOT_FORMAT, snapshotChunks, type CollectionSpec } from '../collection.ts';
import { syncDir, writeFileDurably } from '../durable-file.ts';
import { RecordsError } from '../errors.ts';
import { CONTENT_DIR, RecordStore } from '../store.ts';
import { toIso } from '../time.ts';
import type { PgStore } from './store.ts';

export async function dumpToDirectory(store: PgStore, specFor: (name: string) => CollectionSpec<unknown> | null, dest?: string): Promise<BackupResult> {
  const stamp = toIso(Date.now()).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const target = path.resolve(dest ?? path.join('backups', `bianmin-${stamp}`));
  const existing = await readdir(target).catch(() => null);
  if (existing && existing.length > 0) throw RecordsError.of('E-BACKUP-TARGET', { target, reason: '已存在且不为空；请指定新的目录' });
  await mkdir(target, { recursive: true });
  const files: Array<{ name: string; bytes: number; sha256: string }> = [];
  const write = async (name: string, content: string | Buffer | Iterable<string>): Promise<void> => {
    const file = path.join(target, name);
    const bytes = await writeFileDurably(file, content, file, '备份文件未能写入');
    // The digest of what is on disk, read back.
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    files.push({ name, bytes, sha256: hash.digest('hex') });
  };
  // Inside the write lock of every replica, after catching up: the mirror is the database as it is.
  await store.exclusive(async () => {
    for (const name of store.names()) {
      const c = store.collection<unknown>(name);
      if (c.size === 0) continue;
      await write(`${name}.log`, '');
      await write(`${name}.json`, snapshotChunks({ format: SNAPSHOT_FORMAT, collection: name, seq: c.size, log: { file: `${name}.log`, from: c.size + 1 } }, c.values(), c.size, specFor(name)?.shared));
    }
    const names = await store.query<{ name: string }>('SELECT name FROM bianmin_contents ORDER BY name', []);
    if (names.rows.length > 0) await mkdir(path.join(target, CONTENT_DIR), { recursive: true });
    for (const { name } of names.rows) {
      const bytes = await store.content.get(name);
      if (bytes) await write(`${CONTENT_DIR}/${name}`, bytes);
    }
  });
  await syncDir(target);
  await writeFileDurably(path.join(target, 'backup-manifest.json'), `${JSON.stringify({ createdAt: toIso(Date.now()), source: store.shownDir, files }, null, 1)}\n`);
  const counts = await readBack(() => RecordStore.open(target, { specFor, readonly: true }));
  return { dir: target, files, counts, workbench: { blobs: 0, drafts: 0 } };
}
