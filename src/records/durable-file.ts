/**
 * Durable file writes. lowdb's own adapter (steno) writes a temp file and renames it, but never
 * fsyncs: after a power cut the renamed file can be empty. This adapter writes the temp file,
 * fsyncs it, renames it over the target and fsyncs the directory, so an acknowledged write
 * survives a crash and a reader only ever sees the old or the new file.
 */
import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { lstat, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { openRegularFile, readRegularFileAsync } from '../pack/index.ts';
import { RecordsError } from './errors.ts';
import { jsonSyntaxErrorOffset, lineColumn } from './json-locate.ts';

/** Is `e` the file system saying the disk (or the user's quota) is full? */
export function isDiskFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * A failed write as the store reports it: a full disk is E-STORE-DISK-FULL (503 over HTTP, its
 * own exit message), anything else E-STORE-IO; both located at `shown`. `what` says what was not
 * written, e.g. `记录未能保存`.
 */
export function writeFailure(e: unknown, shown: string, what: string): RecordsError {
  if (e instanceof RecordsError) return e;
  if (isDiskFull(e)) return RecordsError.of('E-STORE-DISK-FULL', { what }, { file: shown });
  return RecordsError.of('E-STORE-IO', { detail: `${what}：${(e as Error).message}` }, { file: shown });
}

/** Is `e` the refusal of `openRegularFile` / `readRegularFileAsync` (not a regular file)? */
function isNotRegular(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'EISDIR' || code === 'ENOTREG';
}

/** What `file` is instead of a regular file, in words (stat never blocks, even on a named pipe). */
async function whatItIs(file: string): Promise<string> {
  const [link, target] = await Promise.all([lstat(file).catch(() => null), stat(file).catch(() => null)]);
  return describeKind(link, target);
}

function whatItIsSync(file: string): string {
  const get = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch {
      return null;
    }
  };
  return describeKind(get(() => lstatSync(file)), get(() => statSync(file)));
}

function describeKind(link: { isSymbolicLink(): boolean } | null, target: Stats | null): string {
  const kind = !target
    ? '无法识别的文件'
    : target.isDirectory()
      ? '一个目录'
      : target.isFIFO()
        ? '一个命名管道（FIFO）'
        : target.isCharacterDevice() || target.isBlockDevice()
          ? '一个设备文件'
          : target.isSocket()
            ? '一个套接字'
            : '一个特殊文件';
  return link?.isSymbolicLink() ? `这是指向${kind}的快捷方式（符号链接）` : `这是${kind}`;
}

/** E-STORE-NOT-REGULAR for `file` (a named pipe, directory, device …), located at `shown`. */
export async function notRegularError(file: string, shown: string): Promise<RecordsError> {
  return RecordsError.of('E-STORE-NOT-REGULAR', { what: await whatItIs(file) }, { file: shown });
}

/**
 * The bytes of a file of the data directory, or null when it does not exist. Only a regular file
 * is read: the open never blocks (O_NONBLOCK) and the type is checked on the open file, so a named
 * pipe, a directory or a device (or a link to one) is E-STORE-NOT-REGULAR at once, never a hang
 * or an endless read (/dev/zero, /dev/full). Any other failure is E-STORE-IO; both located at `shown`.
 */
export async function readDataFile(file: string, shown: string): Promise<Buffer | null> {
  try {
    const bytes = await readRegularFileAsync(file);
    // No size limit is given, so never TooLarge.
    if ('tooLarge' in bytes) throw new Error(`too large: ${bytes.tooLarge}`);
    return bytes;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (isNotRegular(e)) throw await notRegularError(file, shown);
    throw new RecordsError('E-STORE-IO', `无法读取：${(e as Error).message}`, { file: shown });
  }
}

/**
 * The same as `readDataFile`, synchronously: for a collection opened on first access (a closed
 * year), whose readers are synchronous.
 */
export function readDataFileSync(file: string, shown: string): Buffer | null {
  const fd = openDataFileSync(file, shown);
  if (fd === null) return null;
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (e) {
    throw new RecordsError('E-STORE-IO', `无法读取：${(e as Error).message}`, { file: shown });
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a file of the data directory for reading, synchronously, only if it is a regular file
 * (the open never blocks: O_NONBLOCK, then the type is checked on the open file). Null when it
 * does not exist; E-STORE-NOT-REGULAR or E-STORE-IO located at `shown` otherwise.
 */
export function openDataFileSync(file: string, shown: string): number | null {
  let fd: number;
  try {
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENXIO' || code === 'EISDIR') throw RecordsError.of('E-STORE-NOT-REGULAR', { what: whatItIsSync(file) }, { file: shown });
    throw new RecordsError('E-STORE-IO', `无法读取：${(e as Error).message}`, { file: shown });
  }
  let regular = false;
  try {
    regular = fstatSync(fd).isFile();
  } catch (e) {
    closeSync(fd);
    throw new RecordsError('E-STORE-IO', `无法读取：${(e as Error).message}`, { file: shown });
  }
  if (!regular) {
    closeSync(fd);
    throw RecordsError.of('E-STORE-NOT-REGULAR', { what: whatItIsSync(file) }, { file: shown });
  }
  return fd;
}

/**
 * Opens a file of the data directory with `flags` (e.g. for appending to a log), only if it is (or
 * is created as) a regular file: never blocks on a named pipe, never writes into a device.
 * Not a regular file: E-STORE-NOT-REGULAR; any other failure as `writeFailure` says (`what`).
 */
export async function openDataFile(file: string, shown: string, flags: number, what: string): Promise<FileHandle> {
  try {
    return await openRegularFile(file, flags);
  } catch (e) {
    if (isNotRegular(e)) throw await notRegularError(file, shown);
    throw writeFailure(e, shown, what);
  }
}

/** fsync of a directory, so that a created or renamed entry in it is durable. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Writes `bytes` to `file` and fsyncs it, without a rename: for a file renamed into place later (a
 * staged publication) or one that must not exist yet (`wx`, a backup copy). Raw system errors.
 */
export async function writeSynced(file: string, bytes: string | Uint8Array, flags: 'w' | 'wx' = 'w'): Promise<void> {
  const fh = await open(file, flags);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes in progress per target file: a second write of the same file waits (it shares the temp name). */
const inFlight = new Map<string, Promise<number>>();

/**
 * Writes `content` to `file` atomically and durably (temp file, fsync, rename, fsync dir). Content
 * may come in chunks, so that a large snapshot is never one giant string. A failure leaves the old
 * file and no temp file, and is a RecordsError (E-STORE-DISK-FULL when the disk is full) located
 * at `shown`.
 */
export function writeFileDurably(
  file: string,
  content: string | Uint8Array | Iterable<string>,
  shown: string = file,
  what = '文件未能写入',
): Promise<number> {
  const run = (inFlight.get(file) ?? Promise.resolve(0)).catch(() => 0).then(() => writeOnce(file, content, shown, what));
  inFlight.set(file, run);
  const done = (): void => {
    if (inFlight.get(file) === run) inFlight.delete(file);
  };
  run.then(done, done);
  return run;
}

async function writeOnce(file: string, content: string | Uint8Array | Iterable<string>, shown: string, what: string): Promise<number> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  let fh;
  try {
    fh = await open(tmp, 'w');
  } catch (e) {
    throw writeFailure(e, shown, what);
  }
  let bytes = 0;
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) {
      await fh.writeFile(content);
      bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    } else {
      let batch: string[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        const buf = Buffer.from(batch.join(''), 'utf8');
        await fh.write(buf, 0, buf.length);
        bytes += buf.length;
        batch = [];
        size = 0;
      };
      for (const chunk of content) {
        batch.push(chunk);
        size += chunk.length;
        // Small batches: a snapshot written beside the service (a background compaction) never holds the event loop long.
        if (size >= 1 << 18) await flush();
      }
      if (batch.length > 0) await flush();
    }
    await fh.sync();
    await fh.close();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw writeFailure(e, shown, what);
  }
  try {
    await rename(tmp, file);
    await syncDir(path.dirname(file));
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw writeFailure(e, shown, what);
  }
  return bytes;
}

/** Is `name` a temp file left by writeFileDurably (a crash between write and rename)? */
export function isTempFile(name: string): boolean {
  return /^\..+\.tmp-\d+(-\d+)?$/.test(name);
}

/**
 * lowdb adapter for one JSON document. Reading keeps the text until `takeText()` so that a
 * schema error found afterwards can still be located by line.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private text: string | null = null;
  private raw: Buffer | null = null;
  /** Size in bytes of the file as last read or written. */
  bytes = 0;
  /** Whether the file was there when last read (or has been written since). */
  exists = false;

  constructor(
    readonly file: string,
    /** The path shown in messages (as the user gave the data directory). */
    readonly shown: string,
    private readonly serialize: (data: T) => string | Iterable<string> = (data) => `${JSON.stringify(data, null, 1)}\n`,
  ) {}

  async read(): Promise<T | null> {
    let raw = await readDataFile(this.file, this.shown).catch((e: unknown) => {
      this.exists = false;
      throw e;
    });
    this.exists = raw !== null;
    if (raw === null) return null;
    this.bytes = raw.length;
    if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) raw = raw.subarray(3);
    const text = raw.toString('utf8');
    try {
      const data = JSON.parse(text) as T;
      this.text = text;
      this.raw = raw;
      return data;
    } catch {
      const offset = jsonSyntaxErrorOffset(text) ?? text.length;
      const { line, column } = lineColumn(text, offset);
      const detail = text.trim() === '' ? '文件为空（可能被截断）' : 'JSON 语法错误（文件可能被手工修改或损坏）';
      throw new RecordsError('E-STORE-CORRUPT', detail, { file: this.shown, line, column, path: '$' });
    }
  }

  async write(data: T): Promise<void> {
    this.bytes = await writeFileDurably(this.file, this.serialize(data), this.shown, '快照未能写入（已确认的记录仍在日志中）');
    this.exists = true;
  }

  /** The text last read (once), for locating errors; null afterwards. */
  takeText(): string | null {
    const t = this.text;
    this.text = null;
    return t;
  }

  /** The bytes last read (once, without a byte order mark), for checksums; null afterwards. */
  takeBytes(): Buffer | null {
    const b = this.raw;
    this.raw = null;
    return b;
  }
}
