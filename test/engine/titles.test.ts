import { beforeAll, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('rules');
});

test('a document name already in title marks is not marked twice in reasons and trace', async () => {
  // MZ-005's death-proof alternatives are written 《居民死亡医学证明（推断）书》 in the pack.
  const d = await pack.decide({
    item: 'MZ-005',
    intent: 'apply',
    applicant: { type: 'person', hukouLocal: true, forDependant: false },
    materials: [],
    receivedAt: '2026-11-23T09:30:00+08:00',
  });
  const text = JSON.stringify([d.reasons, d.trace, d.missing]);
  expect(text).toContain('《居民死亡医学证明（推断）书》');
  expect(text).not.toContain('《《');
});
