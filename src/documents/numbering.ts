/**
 * Document numbers: prefix (the center's code) + year + sequence, e.g. 青便〔2026〕0001号, unique
 * per center and year. The sequence lives in a store: in memory for tests, a JSON file guarded by a
 * lock file otherwise; the records module can supply its own store through `SequenceStore`.
 */
import { open, readFile, rename, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DocumentError } from './errors.ts';

/** What a renderer takes: the next number of a year for one center. */
export interface DocumentNumbering {
  next(year: number): Promise<string>;
}

/** A persistent counter: `next(key)` returns 1, 2, 3 … for each key, never the same value twice. */
export interface SequenceStore {
  next(key: string): Promise<number>;
}

export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}〔${year}〕${String(sequence).padStart(4, '0')}号`;
}

/** Numbers of the center with code `prefix`, drawn from `store` under the key `prefix/year`. */
export function numbering(prefix: string, store: SequenceStore): DocumentNumbering {
  return {
    async next(year: number): Promise<string> {
      if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new DocumentError(`文书编号的年份 ${year} 无效`);
      return formatDocumentNumber(prefix, year, await store.next(`${prefix}/${year}`));
    },
  };
}

export function memorySequence(): SequenceStore {
  const counters = new Map<string, number>();
  return {
    async next(key: string): Promise<number> {
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n;
    },
  };
}

const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

/**
 * Counters kept in a JSON file (`{"青便/2026": 12}`). Safe across processes: each increment holds
 * an exclusive lock file and replaces the file atomically, so a crash never leaves it half written.
 */
export function fileSequence(file: string): SequenceStore {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    next(key: string): Promise<number> {
      const run = chain.then(() => withLock(file, () => increment(file, key)));
      chain = run.catch(() => undefined);
      return run;
    },
  };
}

async function increment(file: string, key: string): Promise<number> {
  let counters: Record<string, number> = {};
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (text !== null && text.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      counters = parsed as Record<string, number>;
    } catch {
      throw new DocumentError(`文书编号文件 ${file} 已损坏（不是有效的 JSON 对象），为免编号重复，请人工核对后修复`);
    }
  }
  const current = counters[key] ?? 0;
  if (!Number.isInteger(current) || current < 0) throw new DocumentError(`文书编号文件 ${file} 中 ${key} 的值 ${JSON.stringify(current)} 无效`);
  const next = current + 1;
  counters[key] = next;
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(counters, null, 2) + '\n');
  await rename(tmp, file);
  return next;
}

async function withLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const lock = `${file}.lock`;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      // A lock older than any increment can take was left by a crashed process.
      if (age > LOCK_STALE_MS) await unlink(lock).catch(() => undefined);
      else if (Date.now() - started > LOCK_WAIT_MS) throw new DocumentError(`文书编号文件 ${file} 被占用（${lock}），请稍后重试`);
      else await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 2)));
    }
  }
  try {
    return await fn();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}
