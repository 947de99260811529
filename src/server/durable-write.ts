/**
 * Durable file writes of the workbench (drafts, blobs, the publish journal) go through the records'
 * one mechanism (temp file, fsync, rename, fsync of the directory: a reader or a restart after a
 * crash sees the old file or the new one, never a part); here only what the workbench adds.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { syncDir, writeFileDurably, writeSynced } from '../records/index.ts';

export { syncDir as syncDirectory, writeSynced };

/** Atomically and durably replaces `file` with `bytes`, creating its directory if needed. */
export async function writeDurably(file: string, bytes: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileDurably(file, bytes);
}
