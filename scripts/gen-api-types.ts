// Derives web/src/api/openapi.d.ts (the front end's types of the HTTP API) from the service's own
// OpenAPI document: the app is built on the sample pack (rules/), with a scratch data directory and
// no logs, and `app.swagger()` goes through openapi-typescript. The route schemas stay the one
// source of truth. `npm run gen:api-types` rewrites the file; test/server/openapi-client.test.ts
// fails when it is stale.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildServer } from '../src/server/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const API_TYPES_FILE = path.join(ROOT, 'web/src/api/openapi.d.ts');
const RULES = path.join(ROOT, 'rules');

const HEADER = [
  '// 由 `npm run gen:api-types` 从服务的 OpenAPI 文档（GET /openapi.json）生成，请勿手工修改。',
  '// Generated from the service\'s OpenAPI document by `npm run gen:api-types`; do not edit.',
  '',
].join('\n');

/** The OpenAPI document of the service as built on the sample pack (what GET /openapi.json answers). */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-api-types-'));
  try {
    const app = await buildServer({ rules: RULES, data: path.join(dir, 'data'), log: false, watch: 'off', watchExtra: [], rateLimit: false });
    try {
      // A JSON round trip: exactly what a client downloading /openapi.json sees.
      return JSON.parse(JSON.stringify(app.swagger())) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** openapi-typescript's client types for `doc`, as written to web/src/api/openapi.d.ts. */
export async function renderApiTypes(doc: OpenAPI3): Promise<string> {
  // openapi-typescript mutates what it is given while resolving: it gets its own copy.
  const ast = await openapiTS(structuredClone(doc), { silent: true });
  return HEADER + astToString(ast);
}

async function main(): Promise<void> {
  const text = await renderApiTypes(await buildOpenApiDocument());
  await mkdir(path.dirname(API_TYPES_FILE), { recursive: true });
  await writeFile(API_TYPES_FILE, text);
  console.log(`已生成 ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
