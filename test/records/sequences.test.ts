import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, test } from 'vitest';
import { formatDocumentNumber, openRecords, restoreRecords } from '../../src/records/index.ts';
import { completeApplication, ROOT, RULES, samplePack, tempDir, freshLocation } from './helpers.ts';

interface Acks {
  /** Numbers of rendered documents. */
  numbers: number[];
  /** Case id → its notice number. */
  cases: Map<string, string>;
}

/** Runs the numbering child and SIGKILLs it after `killAfter` acknowledged numbers. */
function runAndKill(dataDir: string, killAfter: number): Promise<Acks> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/records/sequence-writer.ts'), dataDir, RULES], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Acks = { numbers: [], cases: new Map() };
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [kind, a, b] = line.split(' ');
      if (kind === 'number') acks.numbers.push(Number(a));
      else if (kind === 'case') acks.cases.set(a!, b!);
      if (acks.numbers.length + acks.cases.size === killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`numbering child exited (${code}) before being killed: ${stderr}`));
    });
  });
}

describe('the document-number series in the records store', () => {
  test('a number acknowledged before a SIGKILL is never issued again', async () => {
    const dataDir = await freshLocation();
    const acks = await runAndKill(dataDir, 60);
    const noticeNumbers = [...acks.cases.values()];
    const issued = [...acks.numbers.map((n) => formatDocumentNumber('青便', 2026, n)), ...noticeNumbers];
    expect(issued.length).toBeGreaterThanOrEqual(60);
    // Rendered documents and notices drew from one series: no number twice among them.
    expect(new Set(issued).size).toBe(issued.length);

    const records = await openRecords(dataDir, await samplePack());
    try {
      const last = records.sequences.last('青便', 2026);
      // At most the one number in flight when killed may have been taken unacknowledged.
      expect(last - issued.length).toBeGreaterThanOrEqual(0);
      expect(last - issued.length).toBeLessThanOrEqual(1);
      for (const [id, number] of acks.cases) {
        expect(records.cases.get(id)?.noticeNumber, `case ${id}`).toBe(number);
        expect(records.cases.byNoticeNumber(number)?.id).toBe(id);
      }
      // The next document, and the next case's notice, come after every number ever acknowledged.
      const next = formatDocumentNumber('青便', 2026, await records.sequences.next('青便', 2026));
      const notice = (await records.cases.register({ decision: await (await samplePack()).decide(completeApplication('2026-11-03T09:30:00+08:00')), staff: 'chen-li' })).record.noticeNumber!;
      expect(issued).not.toContain(next);
      expect(issued).not.toContain(notice);
      expect(next < notice).toBe(true);
    } finally {
      await records.close();
    }
  }, 120_000);

  test('a backup holds the counter: the restored directory goes on from the number last taken before it', async () => {
    const dataDir = await freshLocation();
    const pack = await samplePack();
    const records = await openRecords(dataDir, pack);
    for (let i = 0; i < 5; i++) await records.sequences.next('青便', 2026);
    await records.cases.register({ decision: await pack.decide(completeApplication('2026-11-03T09:30:00+08:00')), staff: 'chen-li' });
    await records.sequences.next('青便', 2025);
    const backup = await records.backup(path.join(await tempDir(), 'backup'));
    expect(backup.counts).toMatchObject({ sequences: 2, 'cases-2026': 1 });
    expect(backup.files.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^sequences\.(json|log)$/)]));
    await records.sequences.next('青便', 2026);
    await records.close();

    // Restoring reads the backup into an empty directory or database.
    const restoredDir = await freshLocation();
    const into = await restoreRecords(backup.dir, restoredDir);
    expect(into.counts).toMatchObject({ sequences: 2, 'cases-2026': 1 });
    const restored = await openRecords(restoredDir, pack);
    try {
      expect(restored.sequences.last('青便', 2026)).toBe(6);
      expect(restored.sequences.last('青便', 2025)).toBe(1);
      expect(await restored.sequences.next('青便', 2026)).toBe(7);
      expect([...restored.cases.all()].map((c) => c.noticeNumber)).toEqual(['青便〔2026〕0006号']);
    } finally {
      await restored.close();
    }
  });

  test('each prefix and year counts on its own; a read-only opening cannot take a number', async () => {
    const dataDir = await freshLocation();
    const records = await openRecords(dataDir, await samplePack());
    expect([await records.sequences.next('青便', 2026), await records.sequences.next('石便', 2026), await records.sequences.next('青便', 2027), await records.sequences.next('青便', 2026)]).toEqual([1, 1, 1, 2]);
    await expect(records.sequences.next('青便', 26)).rejects.toMatchObject({ code: 'E-RECORD-INVALID' });
    expect(records.sequences.last('青便', 2026)).toBe(2);
    await records.close();
    const reader = await openRecords(dataDir, await samplePack(), { readonly: true });
    try {
      expect(reader.sequences.last('石便', 2026)).toBe(1);
      await expect(reader.sequences.next('青便', 2026)).rejects.toMatchObject({ code: 'E-STORE-READONLY' });
    } finally {
      await reader.close();
    }
  });
});
