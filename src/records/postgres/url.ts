/**
 * A `postgres://` data location: the connection for node-postgres, the schema the records live in
 * (`?schema=`, default `public`: several halls can share one database), and the URL as shown in
 * messages (password masked, never logged).
 */
import { RecordsError } from '../errors.ts';

export interface DatabaseLocation {
  readonly connectionString: string;
  readonly schema: string;
  readonly shown: string;
}

export function parseDatabaseUrl(location: string): DatabaseLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw RecordsError.of('E-STORE-PG-URL', { url: maskUrlText(location), reason: '不是有效的网址' }, { path: '--data' });
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw RecordsError.of('E-STORE-PG-URL', { url: maskUrlText(location), reason: `schema ${JSON.stringify(schema)} 只能由小写字母、数字和下划线组成，且不以数字开头` }, { path: '--data' });
  }
  if (url.pathname.length <= 1) throw RecordsError.of('E-STORE-PG-URL', { url: maskUrlText(location), reason: '缺少数据库名（如 postgres://用户@127.0.0.1:5432/bianmin）' }, { path: '--data' });
  url.searchParams.delete('schema');
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  const shownText = `${shown.href}${schema === 'public' ? '' : `${shown.search ? '&' : '?'}schema=${schema}`}`;
  return { connectionString: url.href, schema, shown: shownText };
}

/** The URL with any password replaced (`postgres://user:***@…`), for messages and logs. */
export function maskUrlText(text: string): string {
  return text.replace(/(\/\/[^/:@]*:)[^@/]*@/, '$1***@');
}
