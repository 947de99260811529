// A served township pack reloads when its base catalogue (extends.path, outside the pack folder)
// changes: the catalogue's folder is watched with the pack's.
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { loadPack } from '../../src/index.ts';
import { PackReloader } from '../../src/server/reload.ts';
import { reloadOutcomes, saveFile, tempDir } from './helpers.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const made: string[] = [];
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

describe('hot reload of a township pack', () => {
  for (const watch of ['fs', 'poll'] as const) {
    it(`reloads when an adopted catalogue item changes (${watch})`, async () => {
      const root = await tempDir('catalogue');
      made.push(root);
      await cp(path.join(EXAMPLES, 'wuxi-county'), path.join(root, 'wuxi-county'), { recursive: true });
      await cp(path.join(EXAMPLES, 'qingshi-town'), path.join(root, 'qingshi-town'), { recursive: true });
      const reloader = await PackReloader.start({ rules: path.join(root, 'qingshi-town'), load: (d) => loadPack(d), logger: pino({ level: 'silent' }), watch, pollMs: 100 });
      try {
        const outcomes = reloadOutcomes(reloader);
        const file = path.join(root, 'wuxi-county', 'items', 'mz-004.yaml');
        await saveFile(file, (await readFile(file, 'utf8')).replace('name: 高龄津贴申领', 'name: 高龄津贴申领（县目录修订）'));
        expect((await outcomes.next()).kind).toBe('reloaded');
        outcomes.stop();
        expect(reloader.served.pack.data.items.get('MZ-004')?.data.name).toBe('高龄津贴申领（县目录修订）');
      } finally {
        reloader.close();
      }
    });
  }
});
