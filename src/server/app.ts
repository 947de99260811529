/**
 * The decision service: `buildServer(options)` loads the rule pack (and its hot reload), opens the
 * records, and returns a Fastify instance with every route registered. It does not listen; the
 * caller does (`bianmin serve`, tests on port 0, the benchmark).
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import pino, { type DestinationStream } from 'pino';
import { apiSchemas } from './api-schemas.ts';
import { API_SECURITY_HEADERS, CSP_DIRECTIVES } from './csp.ts';
import { TEMPLATES_DIR } from './templates-dir.ts';
import { TokenRegistry, type TokenEntry } from './auth.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './error-handler.ts';
import { HttpError } from './http-error.ts';
import { installJsonParser } from './json-body.ts';
import { LineBatch, urgentFrom } from './log-lines.ts';
import { parseCorsOrigins, registerCors } from './cors.ts';
import { parsePublicUrl } from './public-url.ts';
import { maskedPath } from './masked-path.ts';
import { RouteTable } from './method-not-allowed.ts';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.ts';
import { registerDocsUi, registerOpenApi } from './openapi.ts';
import { PackReloader, type LoadFn, type Served } from './reload.ts';
import { sharedSchemas } from './schemas.ts';
import { schemaErrorFormatter, validatorCompiler } from './validation.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { bundleRoutes } from './routes/bundles.ts';
import { guideRoutes, itemRoutes } from './routes/items.ts';
import { routeRoutes } from './routes/route.ts';
import { boardRoutes } from './routes/board.ts';
import { caseRoutes } from './routes/cases.ts';
import { complaintRoutes } from './routes/complaints.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { noticeRoutes } from './routes/notices.ts';
import { webRoutes } from './web.ts';
import { staffRoutes } from './routes/staff.ts';
import { loadPack } from '../documents/index.ts';
import { PdfPrinter } from './pdf.ts';
import { RecordsHolder } from './records-holder.ts';
import { deadlineRoutes } from './routes/deadline.ts';
import { healthRoutes } from './routes/health.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { sessionRoutes } from './routes/session.ts';
import { kioskRoutes } from './routes/kiosk.ts';
import { draftRoutes } from './routes/drafts.ts';
import { packRoutes } from './routes/pack.ts';
import { recoverAtStart } from './workbench-context.ts';

export const SERVICE_VERSION = '0.1.0';

export interface RateLimitOptions {
  /** Requests per client address per window (public endpoints; authenticated callers are not limited). */
  readonly max: number;
  readonly timeWindowMs?: number;
  /** Addresses never limited (e.g. a trusted reverse proxy or a load generator). */
  readonly allowList?: readonly string[];
}

export interface ServerOptions {
  /** Rule pack directory. */
  readonly rules: string;
  /** Where the records are: a data directory (one writer process) or a postgres:// URL (any number of replicas). */
  readonly data: string;
  /** The workbench's own files (drafts, pack history): default the data directory; needed with a database. */
  readonly work?: string;
  readonly tokens?: readonly TokenEntry[];
  /** pino options; false for no logs. */
  readonly log?: false | { readonly level?: string; readonly stream?: DestinationStream };
  /** Public-endpoint rate limit; false to turn it off. Default: 1,200 requests per minute per address. */
  readonly rateLimit?: RateLimitOptions | false;
  /** How pack changes are noticed (default fs.watch). */
  readonly watch?: 'fs' | 'poll' | 'off';
  /** Directories watched beside the pack (default: the package's templates/). */
  readonly watchExtra?: readonly string[];
  /** Trust X-Forwarded-For from these proxies (Fastify's trustProxy). */
  readonly trustProxy?: boolean | string;
  /** Loads a pack (default loadPack, which also checks the templates); the reload tests use it to observe loads in progress. */
  readonly load?: LoadFn;
  /** Origins (`https://oa.example.gov.cn`, or `*`) whose browser pages may call the API (CORS); none by default. */
  readonly corsOrigin?: readonly string[];
  /** The public address of this service (`--public-url`, e.g. https://bm.example.gov.cn): what QR codes on guides, posters and the kiosk point to. */
  readonly publicUrl?: string;
}

/** What every route reaches through `app.bianmin`. */
export interface ServiceContext {
  readonly packs: PackReloader;
  readonly records: RecordsHolder;
  readonly auth: TokenRegistry;
  readonly options: ServerOptions;
  /** Every route registered (what the 405 answers use; the fuzz test enumerates the endpoints from it). */
  readonly routes: RouteTable;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 1200, timeWindowMs: 60_000 };
export const BODY_LIMIT = 1024 * 1024;

/**
 * The log's destination, stdout. When its reader goes away (EPIPE: `| head`, a log shipper that
 * died) pino stops writing without a word and the service goes on answering; its operator is told
 * so once, on stderr.
 */
function logDestination(): ReturnType<typeof pino.destination> {
  const dest = pino.destination({ dest: 1, sync: false });
  let told = false;
  dest.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' || told) return;
    told = true;
    process.stderr.write('提示：标准输出已断开（读取日志的进程已退出），此后的日志不再写出；服务继续运行。请检查日志的去向后重新启动服务\n');
  });
  return dest;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  // Checked before anything is opened: a wrong origin is the caller's mistake, reported at once.
  const corsOrigins = parseCorsOrigins(options.corsOrigin ?? []);
  const publicUrl = options.publicUrl === undefined ? undefined : parsePublicUrl(options.publicUrl);
  // stdout written asynchronously and in batches (log-lines.ts), not one write(2) per line on the
  // request path; an error line goes out at once. Flushed when the server closes.
  const stdout = options.log !== false && !options.log?.stream ? new LineBatch(logDestination()) : null;
  const stream = options.log === false ? null : (options.log?.stream ?? stdout);
  const app = Fastify({
    logger:
      stream === null
        ? false
        : {
            level: (options.log !== false && options.log?.level) || 'info',
            stream,
            redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization'], censor: '[已隐藏]' },
            ...(stdout ? { hooks: { logMethod: urgentFrom(stdout, 50) } } : {}),
          },
    // Per-request lines are written by the onResponse hook below (without URLs' query strings).
    logController: new LogController({ disableRequestLogging: true }),
    // The caller's X-Request-Id when it is safe to log, else a new UUID: the `reqId` of every log line of the request.
    genReqId: requestIdOf,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: 30_000,
    schemaErrorFormatter,
    frameworkErrors,
    clientErrorHandler,
  });
  // Every schema is compiled by createAjv's instances (validation.ts), never by Fastify's own ajv.
  app.setValidatorCompiler(validatorCompiler);
  if (stdout) {
    app.addHook('onClose', async () => {
      try {
        stdout.flushSync();
      } catch {
        // Nothing written yet (the stream not open): nothing to flush.
      }
    });
  }

  // A publish interrupted by a crash is completed before the pack is read (workbench, publish.ts).
  await recoverAtStart(options);
  const packs = await PackReloader.start({
    rules: options.rules,
    extraDirs: options.watchExtra ?? [TEMPLATES_DIR],
    load: options.load ?? ((dir) => loadPack(dir)),
    logger: app.log,
    watch: options.watch ?? 'fs',
  });
  app.addHook('onClose', async () => packs.close());
  let records: RecordsHolder;
  try {
    records = await RecordsHolder.open(options.data, packs.served.pack, app.log);
  } catch (err) {
    packs.close();
    throw err;
  }
  packs.onSwap((served) => records.rebind(served.pack));
  app.addHook('onClose', async () => records.close());

  try {
    await registerEverything(app, { ...options, corsOrigin: corsOrigins, ...(publicUrl === undefined ? {} : { publicUrl }) }, packs, records);
    await app.ready();
  } catch (err) {
    // Release the records' writer lock and the watchers before reporting.
    await app.close().catch(() => undefined);
    throw err;
  }
  return app;
}

async function registerEverything(app: FastifyInstance, options: ServerOptions, packs: PackReloader, records: RecordsHolder): Promise<void> {
  const auth = new TokenRegistry(options.tokens ?? []);
  // Every route, as registered from here on: a wrong method on a known path is a 405 with Allow.
  const routes = new RouteTable();
  routes.watch(app);
  app.decorate('bianmin', { packs, records, auth, options, routes } satisfies ServiceContext);
  // Declared up front (null) so every request object has the same shape; set per request below.
  for (const field of ['caller', 'errorCode', 'logFields', 'served']) app.decorateRequest(field, null, []);

  // The request id on every answer (error answers set it too: some never reach onRequest).
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });

  // Only JSON bodies: anything else is a 415, never a string the schema happens to reject.
  installJsonParser(app);
  installErrorHandling(app, routes, (options.corsOrigin ?? []).length > 0);

  for (const schema of [...sharedSchemas(), ...apiSchemas()]) app.addSchema(schema);

  const limit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  if (limit !== false) {
    const allowed = new Set(limit.allowList ?? []);
    const window = limit.timeWindowMs ?? 60_000;
    await app.register(rateLimit, {
      global: true,
      max: limit.max,
      timeWindow: window,
      // The limit headers only on a 429 (with Retry-After), not on every answer.
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
      allowList: (request, key) => allowed.has(key) || auth.validHeader(request.headers.authorization),
      // The window is the configured one (ttl is what is left of it), and the wait is said in
      // Chinese: the plugin's own `after` is English ("1 minute").
      errorResponseBuilder: (_request, context) =>
        HttpError.of('E-RATE-LIMIT', { seconds: Math.round(window / 1000) || 1, max: context.max, after: `${Math.max(1, Math.ceil(context.ttl / 1000))} 秒` }),
    });
  }
  // Cross-origin access only for the configured origins (none by default).
  await registerCors(app, options.corsOrigin ?? []);

  app.addHook('onRequest', (request, reply, done) => {
    const served = packs.served;
    request.served = served;
    void reply.header('x-bianmin-pack', served.version);
    // JSON answers get fixed security headers; pages get @fastify/helmet's, with their CSP (below).
    if (request.routeOptions.config.html !== true) void reply.headers(API_SECURITY_HEADERS);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    // One line per request: the route pattern (never the query string, which may hold names), status
    // and time. A path no route matched is logged masked: a mistyped path may hold an ID number.
    // The line's reqId is the X-Request-Id answered.
    const line: Record<string, unknown> = {
      event: request.logFields ? 'decision' : 'request',
      method: request.method,
      route: request.routeOptions.url ?? maskedPath(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (request.errorCode) line.code = request.errorCode;
    if (request.caller) line.caller = request.caller.name;
    if (request.logFields) Object.assign(line, request.logFields);
    request.log.info(line, request.logFields ? '受理决定' : '请求');
    done();
  });

  await registerOpenApi(app, SERVICE_VERSION);
  // One warm Chromium for every PDF the service prints, closed with the app.
  const printer = new PdfPrinter();
  // The counter's notices have a browser of their own: public prints (a binder, posters) queued by
  // anyone never hold up the notice an applicant is waiting for.
  const noticePrinter = new PdfPrinter();
  app.addHook('onClose', async () => Promise.all([printer.close(), noticePrinter.close()]).then(() => undefined));
  await app.register(healthRoutes);
  await app.register(decisionRoutes);
  await app.register(bundleRoutes);
  await app.register(itemRoutes);
  await app.register(routeRoutes);
  await app.register(deadlineRoutes);
  await app.register(calendarRoutes);
  await app.register(caseRoutes);
  await app.register(complaintRoutes);
  await app.register(staffRoutes);
  await app.register(metricsRoutes);
  await app.register(packRoutes);
  await app.register(draftRoutes);
  await app.register(reviewRoutes);
  await app.register(sessionRoutes);
  await app.register(kioskRoutes);
  // Pages (documents, the board, the docs UI): helmet's headers and the CSP, in their own context.
  await app.register(async (pages) => {
    pages.addHook('onRoute', (route) => {
      route.config = { ...route.config, html: true };
    });
    await pages.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
    await registerDocsUi(pages);
    await pages.register(guideRoutes, { printer });
    await pages.register(boardRoutes, { printer });
    await pages.register(noticeRoutes, { printer: noticePrinter });
  });
  // The browser screens (dist/web, built by Vite): / and /workbench, their own CSP (src/server/web.ts).
  await app.register(webRoutes);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on page routes (HTML, PDF, the docs UI): they get helmet's headers instead of the API's. */
    html?: boolean;
  }
  interface FastifyInstance {
    bianmin: ServiceContext;
  }
  interface FastifyRequest {
    /** The pack this request is answered from (read once when it arrives). */
    served: Served;
    /** Fields of the request's log line (a decision's item, kind, mode); no personal data. */
    logFields: Readonly<Record<string, string | number | boolean | null>> | null;
  }
}

