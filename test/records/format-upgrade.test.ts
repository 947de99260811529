// A register written by the previous release (test/fixtures/records-2026-12-01: a case registered
// and its data directory closed by commit 0c7a1d3, before decisions had `questions`) opens, and its
// case reads in today's shape, instead of being refused as corrupt.
import { cp } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openRecords } from '../../src/records/index.ts';
import { samplePack, tempDir } from './helpers.ts';

const OLD = fileURLToPath(new URL('../fixtures/records-2026-12-01', import.meta.url));

describe('records written by an earlier version', () => {
  it('open, and a stored decision without questions reads with questions: []', async () => {
    const dir = await tempDir();
    await cp(OLD, dir, { recursive: true });
    const records = await openRecords(dir, await samplePack());
    try {
      const c = records.cases.get('2026-000001');
      expect(c?.decision.kind).toBe('accepted');
      expect(c?.decision.questions).toEqual([]);
      // …and the case is still live: an event can be recorded on it.
      await records.cases.addEvent('2026-000001', { type: 'completed', staff: 'chen-li', at: '2026-11-25T10:00:00+08:00' });
      expect(records.viewCase(records.cases.get('2026-000001')!, '2026-11-26T10:00:00+08:00').status).toBe('completed');
    } finally {
      await records.close();
    }
    // Reopened after the write, old and new entries together still load.
    const again = await openRecords(dir, await samplePack());
    try {
      expect(again.cases.get('2026-000001')?.events.map((e) => e.type)).toEqual(['received', 'accepted', 'completed']);
    } finally {
      await again.close();
    }
  });
});
