// Module hooks (run by trace-imports.mjs): log each resolved URL, synchronously so none is lost at exit.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.BIANMIN_TRACE, `${resolved.url}\n`);
  return resolved;
}
