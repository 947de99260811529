import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, test } from 'vitest';
import { openRecords } from '../../src/records/index.ts';
import { ROOT, RULES, samplePack, tempDir, freshLocation } from './helpers.ts';

interface Acks {
  cases: string[];
  complaints: string[];
  verified: string[];
  total: number;
}

/** Runs the writer child and SIGKILLs it after `killAfter` acknowledged writes. */
function runAndKill(dataDir: string, killAfter: number): Promise<Acks> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/records/crash-writer.ts'), dataDir, RULES], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Acks = { cases: [], complaints: [], verified: [], total: 0 };
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const [kind, id] = line.split(' ');
      if (kind === 'case') acks.cases.push(id!);
      else if (kind === 'complaint') acks.complaints.push(id!);
      else if (kind === 'verified') acks.verified.push(id!);
      else return;
      acks.total++;
      if (acks.total === killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`writer exited (${code}) before being killed: ${stderr}`));
    });
  });
}

describe('a writer killed with SIGKILL in the middle of 1,000 writes', () => {
  for (const killAfter of [137, 611]) {
    test(`after ${killAfter} acknowledged writes: the store opens valid and holds every acknowledged write`, async () => {
      const dataDir = await freshLocation();
      const acks = await runAndKill(dataDir, killAfter);
      expect(acks.total).toBeGreaterThanOrEqual(killAfter);
      // Opening as the writer takes over the dead process's lock, drops any half-written entry
      // and validates every record; it throws on anything else.
      const records = await openRecords(dataDir, await samplePack());
      try {
        for (const id of acks.cases) expect(records.cases.get(id), `case ${id}`).toBeDefined();
        for (const id of acks.complaints) expect(records.complaints.get(id), `complaint ${id}`).toBeDefined();
        for (const id of acks.verified) expect(records.complaints.get(id)?.verification?.result, `verification of ${id}`).toBe('verified');
        // At most the one write in flight when killed may be there unacknowledged.
        expect(records.cases.size - acks.cases.length).toBeLessThanOrEqual(1);
        expect(records.complaints.size - acks.complaints.length).toBeLessThanOrEqual(1);
        // And the store keeps working after the crash.
        const c = await records.complaints.add({ channel: 'written', staff: 'chen-li', content: '崩溃后写入', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-05T10:00:00+08:00' });
        expect(records.complaints.get(c.id)).toBeDefined();
      } finally {
        await records.close();
      }
      const again = await openRecords(dataDir, await samplePack(), { readonly: true });
      expect(again.complaints.size).toBeGreaterThanOrEqual(acks.complaints.length + 1);
      await again.close();
    }, 120_000);
  }
});
