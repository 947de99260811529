// Rewrites the README's error-code tables from the catalogue (src/core/catalogue/): the catalogue is
// the one source of truth. `npm run gen:errors`; test/core/catalogue.test.ts fails when they are stale.
import { readFile, writeFile } from 'node:fs/promises';
import { README_FILE, renderErrorTables } from './error-tables-render.ts';

await writeFile(README_FILE, renderErrorTables(await readFile(README_FILE, 'utf8')));
console.log(`已生成 ${README_FILE} 的错误代码表`);
