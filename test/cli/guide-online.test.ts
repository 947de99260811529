// `bianmin guide --public-url`: the printed guide carries a QR code to the same guide online; a bad
// address is refused as a usage error (exit 2) before anything is written.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULES } from '../documents/sample.ts';
import { decodeSvg } from '../documents/qr-decode.ts';
import { bianmin as run, type Ran } from './run.ts';

let dir: string;
function bianmin(args: string[]): Promise<Ran> {
  return run([...args, '--rules', RULES], { cwd: dir });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-cli-guide-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});


describe('guide --public-url', () => {
  test('the printed guide holds a QR code that decodes to its address online', async () => {
    const ran = await bianmin(['guide', '--item', 'MZ-004', '--date', '2026-12-01', '--public-url', 'https://bm.example.gov.cn/qingshi/']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('https://bm.example.gov.cn/qingshi/v1/items/MZ-004/guide');
    const uri = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(ran.stdout)?.[1];
    expect(uri).toBeDefined();
    expect(decodeSvg(Buffer.from(uri!, 'base64').toString('utf8'))).toBe('https://bm.example.gov.cn/qingshi/v1/items/MZ-004/guide');
  });

  test('without it, no QR code; a bad address exits 2 in Chinese', async () => {
    const plain = await bianmin(['guide', '--item', 'MZ-004', '--date', '2026-12-01']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('data:image/svg+xml');
    const bad = await bianmin(['guide', '--item', 'MZ-004', '--public-url', 'ftp://example.org']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--public-url：/);
    expect(bad.stdout).toBe('');
  });
});
