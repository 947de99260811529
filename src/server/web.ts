/**
 * The browser screens built by Vite into dist/web (web/: npm ci / npm run build): the landing page
 * at `/`, the officers' workbench at `/workbench`, and their assets under `/web/assets/`. They are
 * pages: helmet's headers with the service's CSP (the workbench with what monaco needs, see
 * WORKBENCH_CSP_DIRECTIVES; the window screen with a frame for its printed PDFs, WINDOW_CSP_DIRECTIVES). The front end talks to the service only through the documented API.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CSP_DIRECTIVES, WINDOW_CSP_DIRECTIVES, WORKBENCH_CSP_DIRECTIVES } from './csp.ts';

/** dist/web of the package (the same place from src/server/ and dist/server/). */
export const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface WebOptions {
  /** The built front end (default dist/web). */
  readonly dir?: string;
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面尚未构建</title></head>
<body><h1>页面尚未构建</h1><p>浏览器页面由 Vite 构建到 dist/web：请在项目目录运行 <code>npm run build</code>，然后重新打开本页。</p></body></html>`;

function page(reply: FastifyReply, dir: string, file: string): FastifyReply {
  void reply.header('cache-control', 'no-cache');
  if (!existsSync(path.join(dir, file))) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
  return reply.type('text/html; charset=utf-8').sendFile(file, dir, { cacheControl: false });
}

function asPages(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, html: true };
  });
}

export async function webRoutes(app: FastifyInstance, options: WebOptions = {}): Promise<void> {
  const dir = options.dir ?? WEB_DIR;
  const documented = { schema: { hide: true } };

  await app.register(async (landing) => {
    asPages(landing);
    await landing.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
    await landing.register(fastifyStatic, { root: dir, serve: false });
    landing.get('/', documented, async (_request, reply) => page(reply, dir, 'landing/index.html'));
    landing.get('/kiosk', documented, async (_request, reply) => page(reply, dir, 'kiosk/index.html'));
  });

  await app.register(async (counter) => {
    asPages(counter);
    await counter.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: WINDOW_CSP_DIRECTIVES } });
    await counter.register(fastifyStatic, { root: dir, serve: false });
    counter.get('/window', documented, async (_request, reply) => page(reply, dir, 'window/index.html'));
  });

  await app.register(async (workbench) => {
    asPages(workbench);
    await workbench.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: WORKBENCH_CSP_DIRECTIVES } });
    const assets = path.join(dir, 'assets');
    if (existsSync(assets)) {
      // Hashed file names: cached for good; a new build has new names.
      await workbench.register(fastifyStatic, { root: assets, prefix: '/web/assets/', index: false, immutable: true, maxAge: '365d', schemaHide: true });
    } else {
      await workbench.register(fastifyStatic, { root: dir, serve: false });
    }
    workbench.get('/workbench', documented, async (_request, reply) => page(reply, dir, 'workbench/index.html'));
  });
}
