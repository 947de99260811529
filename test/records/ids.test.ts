// Record numbers officers quote (T2026-00012): per year, continuing after a restart, no gaps from refused writes.
import { expect, test } from 'vitest';
import { YearlyIds } from '../../src/records/ids.ts';

test('the first number of a year is 00001, padded to five digits and beyond', () => {
  const ids = new YearlyIds('T', () => []);
  expect(ids.peek(2026)).toBe('T2026-00001');
  ids.taken('T2026-99999');
  expect(ids.peek(2026)).toBe('T2026-100000');
});

test('numbering continues after the highest existing number of that year only', () => {
  const existing = [{ id: 'J2026-00007' }, { id: 'J2026-00003' }, { id: 'J2025-00041' }];
  const ids = new YearlyIds('J', () => existing);
  expect(ids.peek(2026)).toBe('J2026-00008');
  expect(ids.peek(2025)).toBe('J2025-00042');
  expect(ids.peek(2027)).toBe('J2027-00001');
});

test('a number is used up only once taken: a refused write leaves no gap', () => {
  const ids = new YearlyIds('P', () => []);
  expect(ids.peek(2026)).toBe('P2026-00001');
  // The write was refused: the same number is offered again.
  expect(ids.peek(2026)).toBe('P2026-00001');
  ids.taken('P2026-00001');
  expect(ids.peek(2026)).toBe('P2026-00002');
  // Taking an older number never moves the sequence back.
  ids.taken('P2026-00001');
  expect(ids.peek(2026)).toBe('P2026-00002');
});

test('another prefix in the existing records does not count', () => {
  const ids = new YearlyIds('T', () => [{ id: 'J2026-00050' }]);
  expect(ids.peek(2026)).toBe('T2026-00001');
});
