/**
 * Durable file writes. lowdb's own adapter (steno) writes a temp file and renames it, but never
 * fsyncs: after a power cut the renamed file can be empty. This adapter writes the temp file,
 * fsyncs it, renames it over the target and fsyncs the directory, so an acknowledged write
 * survives a crash and a reader only ever sees the old or the new file.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { RecordsError } from './errors.ts';
import { jsonSyntaxErrorOffset, lineColumn } from './json-locate.ts';

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
 * Writes `content` to `file` atomically and durably (temp file, fsync, rename, fsync dir). Content
 * may come in chunks, so that a large snapshot is never one giant string.
 */
export async function writeFileDurably(file: string, content: string | Uint8Array | Iterable<string>): Promise<number> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  const fh = await open(tmp, 'w');
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
        if (size >= 1 << 20) await flush();
      }
      if (batch.length > 0) await flush();
    }
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  await rename(tmp, file);
  await syncDir(path.dirname(file));
  return bytes;
}

/** Is `name` a temp file left by writeFileDurably (a crash between write and rename)? */
export function isTempFile(name: string): boolean {
  return /^\..+\.tmp-\d+$/.test(name);
}

/**
 * lowdb adapter for one JSON document. Reading keeps the text until `takeText()` so that a
 * schema error found afterwards can still be located by line.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private text: string | null = null;
  /** Size in bytes of the file as last read or written. */
  bytes = 0;

  constructor(
    readonly file: string,
    /** The path shown in messages (as the user gave the data directory). */
    readonly shown: string,
    private readonly serialize: (data: T) => string | Iterable<string> = (data) => `${JSON.stringify(data, null, 1)}\n`,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new RecordsError('E-STORE-IO', `无法读取：${(e as Error).message}`, { file: this.shown });
    }
    this.bytes = Buffer.byteLength(text);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
      const data = JSON.parse(text) as T;
      this.text = text;
      return data;
    } catch {
      const offset = jsonSyntaxErrorOffset(text) ?? text.length;
      const { line, column } = lineColumn(text, offset);
      const detail = text.trim() === '' ? '文件为空（可能被截断）' : 'JSON 语法错误（文件可能被手工修改或损坏）';
      throw new RecordsError('E-STORE-CORRUPT', detail, { file: this.shown, line, column, path: '$' });
    }
  }

  async write(data: T): Promise<void> {
    this.bytes = await writeFileDurably(this.file, this.serialize(data));
  }

  /** The text last read (once), for locating errors; null afterwards. */
  takeText(): string | null {
    const t = this.text;
    this.text = null;
    return t;
  }
}
