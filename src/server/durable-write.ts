/**
 * Durable file writes of the workbench (drafts, blobs, the publish journal): write a temp file
 * beside the target, fsync it, rename it over the target, fsync the directory. A reader (or a
 * restart after a crash) sees the old file or the new one, never a part.
 */
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export async function syncDirectory(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes `bytes` to `file` and fsyncs it (no rename): for staged files that are renamed later. */
export async function writeSynced(file: string, bytes: string | Uint8Array): Promise<void> {
  const fh = await open(file, 'w');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

let counter = 0;

/** Atomically and durably replaces `file` with `bytes`, creating its directory if needed. */
export async function writeDurably(file: string, bytes: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}-${counter++}`);
  try {
    await writeSynced(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}
