// Child process for lock-identity.test.ts. `lock DIR`: takes the writer lock of DIR. `number DIR
// RULES`: opens the records in DIR as their writer and takes one document number. Prints `ready`,
// waits until the file GO exists (so that several children start at the same moment), tries, and
// prints one JSON line: { ok: true, pid, number? } or { ok: false, pid, code, message }. A winner
// then holds on for HOLD ms (forever if HOLD is -1, until killed) and releases.
import { existsSync } from 'node:fs';
import { loadPack } from '../../src/index.ts';
import { openRecords, RecordsError } from '../../src/records/index.ts';
import { WriterLock } from '../../src/records/lock.ts';

const [mode, dir, go, hold, rules] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const pack = mode === 'number' ? await loadPack(rules!) : null;
process.stdout.write('ready\n');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 2));

const holdMs = Number(hold);
const wait = (): Promise<void> => new Promise((r) => setTimeout(r, holdMs < 0 ? 1 << 30 : holdMs));
try {
  if (mode === 'lock') {
    const lock = await WriterLock.acquire(dir);
    process.stdout.write(`${JSON.stringify({ ok: true, pid: process.pid })}\n`);
    await wait();
    await lock.release();
  } else {
    const records = await openRecords(dir, pack!);
    const number = await records.sequences.next('青便', 2026);
    process.stdout.write(`${JSON.stringify({ ok: true, pid: process.pid, number })}\n`);
    await wait();
    await records.close();
  }
} catch (e) {
  if (!(e instanceof RecordsError)) throw e;
  process.stdout.write(`${JSON.stringify({ ok: false, pid: process.pid, code: e.code, message: e.message })}\n`);
}
