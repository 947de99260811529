// The README's error-code tables, rendered from the one catalogue (src/core/catalogue/): each table
// sits between `<!-- errors:KIND -->` and `<!-- /errors:KIND -->`. Used by `npm run gen:errors` and
// by test/core/catalogue.test.ts, which fails when the README differs from what this renders.
import { fileURLToPath } from 'node:url';
import { CATALOGUE, type CatalogueEntry, type ErrorKind } from '../src/core/index.ts';

export const README_FILE = fileURLToPath(new URL('../README.md', import.meta.url));

/** Every kind, each with exactly one table in the README. */
export const KINDS: readonly ErrorKind[] = ['pack', 'scenario', 'document', 'application', 'request', 'auth', 'clock', 'records', 'store', 'usage', 'internal'];

/** The table of one kind: errors first, then warnings, each by code. */
export function renderTable(kind: ErrorKind): string {
  const rows = (Object.entries(CATALOGUE) as Array<[string, CatalogueEntry]>)
    .filter(([, e]) => e.kind === kind)
    .sort(([a, x], [b, y]) => (x.severity === y.severity ? (a < b ? -1 : a > b ? 1 : 0) : x.severity === 'error' ? -1 : 1));
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  return [
    '| 代码 | 含义 | HTTP | 退出码 |',
    '| --- | --- | --- | --- |',
    ...rows.map(([code, e]) => `| \`${code}\`${e.severity === 'warning' ? '（警告）' : ''} | ${cell(e.description)} | ${e.status} | ${e.exit} |`),
  ].join('\n');
}

/** `readme` with every kind's table replaced; throws when a kind's markers are missing or repeated. */
export function renderErrorTables(readme: string): string {
  let out = readme;
  for (const kind of KINDS) {
    const open = `<!-- errors:${kind} -->`;
    const close = `<!-- /errors:${kind} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start === -1 || end < start || out.indexOf(open, start + 1) !== -1) {
      throw new Error(`README.md must contain ${open} … ${close} exactly once`);
    }
    // Blank lines around the table: Markdown renders it as a table between the comment lines.
    out = `${out.slice(0, start + open.length)}\n\n${renderTable(kind)}\n\n${out.slice(end)}`;
  }
  return out;
}
