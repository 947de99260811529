import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { renderSchemaTypes, SCHEMA_TYPES_FILE } from '../../scripts/schema-types-render.ts';

test('the TypeScript types are derived from the current JSON Schemas (run `npm run gen:types`)', async () => {
  const committed = await readFile(SCHEMA_TYPES_FILE, 'utf8');
  expect(committed).toBe(await renderSchemaTypes());
});
