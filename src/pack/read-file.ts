/**
 * Reading a file of the rule pack: only regular files. The open never blocks (O_NONBLOCK), so a
 * named pipe or a device put where a rule file belongs is refused at once instead of hanging the
 * validator or, at the next hot reload, the whole service.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { SOURCE_LIMITS } from './source.ts';

/** A read refused before any byte was read because the file is larger than the pack allows. */
export interface TooLarge {
  readonly tooLarge: number;
}

/**
 * The bytes of the regular file at `absolute`, or its size when over `maxBytes`. Throws the
 * system error (with `code` and `path`, for `fsReason`), `EISDIR` for a directory and `ENOTREG`
 * for anything else that is not a regular file.
 */
export function readRegularFile(absolute: string, maxBytes: number = SOURCE_LIMITS.maxBytes): Uint8Array | TooLarge {
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) throw notRegular(absolute, s.isDirectory());
    if (s.size > maxBytes) return { tooLarge: s.size };
    const bytes = new Uint8Array(s.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The same check for files opened asynchronously (the records store's snapshots and logs, which
 * may be large and are read while a service answers): opens `absolute` with `flags` plus
 * O_NONBLOCK, so a named pipe never blocks the open (one opened for writing without a reader
 * fails with ENXIO, reported as ENOTREG), and closes it again unless it is a regular file.
 */
export async function openRegularFile(absolute: string, flags: number = constants.O_RDONLY): Promise<FileHandle> {
  let fh: FileHandle;
  try {
    fh = await open(absolute, flags | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENXIO') throw notRegular(absolute, false);
    throw e;
  }
  try {
    const s = await fh.stat();
    if (!s.isFile()) throw notRegular(absolute, s.isDirectory());
    return fh;
  } catch (e) {
    await fh.close().catch(() => undefined);
    throw e;
  }
}

/** `readRegularFile` without blocking the event loop; no size limit unless `maxBytes` is given. */
export async function readRegularFileAsync(absolute: string, maxBytes: number = Number.POSITIVE_INFINITY): Promise<Buffer | TooLarge> {
  const fh = await openRegularFile(absolute);
  try {
    const { size } = await fh.stat();
    if (size > maxBytes) return { tooLarge: size };
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

function notRegular(absolute: string, directory: boolean): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(directory ? 'is a directory' : 'not a regular file');
  err.code = directory ? 'EISDIR' : 'ENOTREG';
  err.path = absolute;
  return err;
}
