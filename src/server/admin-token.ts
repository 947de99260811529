/**
 * The local admin token of a service started without any configured token: created once in
 * <data>/admin-token (mode 0600), reused on every later start, so that the officer on this machine
 * can publish from the workbench. Only where it is gets printed, never the token.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TokenEntry } from './auth.ts';

export const ADMIN_TOKEN_FILE = 'admin-token';
export const LOCAL_ADMIN = '本机管理员';

export async function localAdminToken(dataDir: string): Promise<{ readonly entry: TokenEntry; readonly file: string; readonly created: boolean }> {
  const file = path.join(dataDir, ADMIN_TOKEN_FILE);
  const existing = (await readFile(file, 'utf8').catch(() => null))?.trim();
  if (existing && existing.length >= 16 && !/[\s:,#]/.test(existing)) {
    await chmod(file, 0o600).catch(() => undefined);
    return { entry: { name: LOCAL_ADMIN, token: existing, role: 'admin' }, file, created: false };
  }
  await mkdir(dataDir, { recursive: true });
  const token = randomBytes(24).toString('hex');
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { entry: { name: LOCAL_ADMIN, token, role: 'admin' }, file, created: true };
}
