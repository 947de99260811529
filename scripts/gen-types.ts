// Derives src/pack/schema-types.ts from schemas/*.json: the JSON Schemas are the one source of truth.
// `npm run gen:types` rewrites the file; test/pack/schema-types.test.ts fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { renderSchemaTypes, SCHEMA_TYPES_FILE } from './schema-types-render.ts';

await writeFile(SCHEMA_TYPES_FILE, await renderSchemaTypes());
console.log(`已生成 ${SCHEMA_TYPES_FILE}`);
