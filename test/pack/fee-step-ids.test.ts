// Fees and procedure steps carry ids so a dated change can target them (issue 15): two of one id
// in an item would make `replace`/`remove` ambiguous. Before this check they validated clean.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { validate } from './expect-diagnostics.ts';
import { SAMPLE_PACK } from './fixture-pack.ts';

const NOW = new Date('2026-12-02T10:00:00+08:00');
const ITEM = 'items/rs-003.yaml';
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sampleWith(edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-ids-'));
  made.push(dir);
  cpSync(SAMPLE_PACK, dir, { recursive: true });
  const file = path.join(dir, ITEM);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

test('two procedure steps with one id: an error at the second', async () => {
  const dir = sampleWith((t) => t.replace('  - step: 受理\n', '  - id: intake\n    step: 受理\n').replace('  - step: 制卡\n', '  - id: intake\n    step: 制卡\n'));
  const r = await validate(dir, NOW);
  const dup = r.errors.filter((d) => d.code === 'E-REF-DUPLICATE-ID');
  expect(dup).toHaveLength(1);
  expect(dup[0]).toMatchObject({ file: ITEM, path: '$.procedure[1].id' });
  expect(dup[0]!.message).toContain('办事步骤标识 `intake` 在本事项中重复');
});

test('two fees with one id: an error; distinct ids are fine', async () => {
  const twice = (t: string): string =>
    t.replace('  - name: 社会保障卡补换卡工本费\n', '  - id: card-fee\n    name: 社会保障卡补换卡工本费\n').replace(/\nfees:\n/, '\nfees:\n  - id: card-fee\n    name: 加急制卡费\n    amount: 10\n    basis: { law: 示例依据 }\n');
  const r = await validate(sampleWith(twice), NOW);
  expect(r.errors.filter((d) => d.code === 'E-REF-DUPLICATE-ID').map((d) => d.path)).toEqual(['$.fees[1].id']);
  const ok = await validate(sampleWith((t) => twice(t).replace('  - id: card-fee\n    name: 加急制卡费', '  - id: rush-fee\n    name: 加急制卡费')), NOW);
  expect(ok.errors).toEqual([]);
});
