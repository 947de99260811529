/**
 * Which methods a path has: every route is noted as it is registered (onRoute), so that a wrong
 * method on a known path is answered 405 with `Allow` instead of 404. Catch-all routes (`*`,
 * `/*`, e.g. the CORS preflight route) say nothing about which paths exist and are left out.
 */
import type { FastifyInstance } from 'fastify';

interface Pattern {
  readonly url: string;
  readonly test: RegExp;
  readonly methods: Set<string>;
}

export class RouteTable {
  private readonly patterns = new Map<string, Pattern>();

  /** Notes every route registered from now on (in this context and its children). */
  watch(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      this.add(route.url, methods);
    });
  }

  add(url: string, methods: readonly string[]): void {
    let pattern = this.patterns.get(url);
    if (!pattern) {
      pattern = { url, test: patternRegExp(url), methods: new Set() };
      this.patterns.set(url, pattern);
    }
    for (const m of methods) pattern.methods.add(m.toUpperCase());
    if (pattern.methods.has('GET')) pattern.methods.add('HEAD');
  }

  /** Every route pattern registered, with its methods (HEAD beside GET), in registration order. */
  list(): Array<{ readonly url: string; readonly methods: readonly string[] }> {
    return [...this.patterns.values()].map((p) => ({ url: p.url, methods: [...p.methods].sort() }));
  }

  /** The route pattern matching `path` and its methods, sorted; null for a path no route has. */
  lookup(path: string): { readonly url: string; readonly methods: readonly string[] } | null {
    const bare = path.split('?')[0] ?? '';
    let url: string | null = null;
    const methods = new Set<string>();
    for (const p of this.patterns.values()) {
      if (p.url === '*' || p.url === '/*' || !p.test.test(bare)) continue;
      url ??= p.url;
      for (const m of p.methods) methods.add(m);
    }
    return url === null ? null : { url, methods: [...methods].sort() };
  }
}

/** find-my-way's pattern syntax as a RegExp over the raw path: `:name` (optionally `(regex)`) is one segment's text, `*` the rest, `::` a colon. */
function patternRegExp(url: string): RegExp {
  let out = '';
  for (let i = 0; i < url.length; i++) {
    const c = url[i]!;
    if (c === ':' && url[i + 1] === ':') {
      out += ':';
      i++;
    } else if (c === ':') {
      while (i + 1 < url.length && /[A-Za-z0-9_]/.test(url[i + 1]!)) i++;
      if (url[i + 1] === '(') {
        // A parameter's own regex: skipped (its text is still one segment's).
        let depth = 0;
        do {
          i++;
          if (url[i] === '(') depth++;
          else if (url[i] === ')') depth--;
        } while (i + 1 < url.length && depth > 0);
      }
      out += '[^/]+?';
    } else if (c === '*') {
      out += '.*';
    } else {
      out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}
