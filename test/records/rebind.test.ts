// A reloaded pack rebinds the open records (issue 17): the register is not closed and read again —
// the records in memory stay the very same — while from then on the new pack's rules apply.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Pack } from '../../src/index.ts';
import type { Records } from '../../src/records/index.ts';
import { completeApplication, decided, editedPack, openTemp, samplePack } from './helpers.ts';

let pack: Pack;
let records: Records;

beforeAll(async () => {
  pack = await samplePack();
  records = (await openTemp(pack)).records;
});
afterAll(() => records.close());

describe('rebinding the records to a reloaded pack', () => {
  test('keeps every record in memory as it is and applies the new pack from then on', async () => {
    const registered = await records.cases.register({ decision: await decided(pack, completeApplication('2026-11-02T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    const before = records.cases.get(registered.record.id);
    expect(records.checkPhrases('这个我们办不了')).toEqual([]);

    // The officers add a forbidden phrase (policy.yaml) and the service reloads the pack.
    const next = await editedPack((policy) => policy.replace('forbiddenPhrases:\n', 'forbiddenPhrases:\n  - 办不了\n'));
    records.rebind(next);

    expect(records.cases.get(registered.record.id)).toBe(before);
    expect(records.checkPhrases('这个我们办不了').map((m) => m.phrase)).toEqual(['办不了']);
    // Writes go on under the new pack, into the same register.
    const more = await records.cases.register({ decision: await decided(next, completeApplication('2026-11-03T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    expect(records.cases.get(more.record.id)).toBeDefined();
    expect(records.cases.get(registered.record.id)).toBe(before);
  });
});
