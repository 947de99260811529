/**
 * Every failure leaves as `{ "error": { "code", "message", "path" } }` with a Chinese message and
 * the status its code has in the catalogue. Fastify's own request errors (bad JSON, body too
 * large, wrong content type …) are translated to `E-REQ-*` codes; any BianminError keeps its
 * code, message and location; anything else is a bug: logged with its stack, answered with a bare
 * 500 that reveals nothing.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BianminError } from '../core/index.ts';
import { isPreflight } from './cors.ts';
import { errorBody, HttpError } from './http-error.ts';
import { mask, maskedPath } from './masked-path.ts';
import type { RouteTable } from './method-not-allowed.ts';
import { newRequestId, REQUEST_ID_HEADER } from './request-id.ts';

/** Fastify's request errors → Chinese. */
const FASTIFY_ERRORS: Readonly<Record<string, (r: FastifyRequest) => HttpError>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => HttpError.of('E-REQ-TOO-LARGE', { limit: '1 MB' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (r) => HttpError.of('E-REQ-MEDIA-TYPE', { type: r.headers['content-type'] ?? '（未注明）' }, { path: 'header.content-type' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => HttpError.of('E-REQ-EMPTY-BODY'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => HttpError.of('E-REQ-JSON', { where: '' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => HttpError.of('E-REQ-LENGTH', {}, { path: 'header.content-length' }),
  FST_ERR_CTP_INVALID_CONTENT_TYPE: () => new HttpError('E-REQ-MEDIA-TYPE', 'Content-Type 请求头格式不正确', 'header.content-type'),
  FST_ERR_BAD_URL: () => new HttpError('E-REQ-URL', '请求地址中的编码不正确'),
  FST_ERR_ASYNC_CONSTRAINT: () => new HttpError('E-REQ-URL', '请求地址无效'),
  FST_ERR_MAX_PARAM_LENGTH: () => HttpError.of('E-REQ-URL-TOO-LONG'),
};

/** The error to answer with, or null for a bug. */
function known(error: FastifyError | BianminError, request: FastifyRequest): BianminError | null {
  if (error instanceof BianminError) return error;
  // A write that failed on a full disk outside the records' own wrapping: still the clear 503.
  const errno = (error as NodeJS.ErrnoException).code;
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return HttpError.of('E-STORE-DISK-FULL', { what: '本次请求的内容未能保存' });
  const translate = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (translate) return translate(request);
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // JSON syntax errors, prototype-poisoning keys and the like: client errors without a code we know.
    if (/prototype|constructor/i.test(error.message)) return HttpError.of('E-REQ-FORBIDDEN-KEY');
    if (error instanceof SyntaxError) return HttpError.of('E-REQ-JSON', { where: '' });
    return HttpError.of('E-REQ-INVALID');
  }
  return null;
}

function answer(reply: FastifyReply, request: FastifyRequest, err: BianminError): FastifyReply {
  if (err.status === 401) void reply.header('www-authenticate', 'Bearer realm="bianmin"');
  void reply.header(REQUEST_ID_HEADER, request.id);
  request.errorCode = err.code;
  return reply.code(err.status).type('application/json; charset=utf-8').send({ error: errorBody(err) });
}

/**
 * The error handler, and the answer for a request no route took: a refused CORS preflight (403), a
 * wrong method on a known path (405 with Allow, from `routes`), or an unknown path (404, the path
 * masked). `cors` says whether any cross-origin access is configured.
 */
export function installErrorHandling(app: FastifyInstance, routes?: RouteTable, cors = false): void {
  app.setErrorHandler((error: FastifyError | BianminError, request: FastifyRequest, reply: FastifyReply) => {
    const err = known(error, request);
    if (err) return answer(reply, request, err);
    request.log.error({ err: error }, '内部错误');
    return answer(reply, request, HttpError.of('E-INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) => {
    if (isPreflight(request)) {
      const origin = mask(String(request.headers.origin).slice(0, 100));
      const detail = cors ? '该来源不在 --cors-origin 允许的来源之中' : '本服务未开启跨域访问（启动时用 --cors-origin 指定允许的来源）';
      return answer(reply, request, HttpError.of('E-CORS-ORIGIN', { origin, detail }, { path: 'header.origin' }));
    }
    const known = routes?.lookup(request.url);
    if (known && !known.methods.includes(request.method)) {
      void reply.header('allow', known.methods.join(', '));
      return answer(reply, request, HttpError.of('E-METHOD-NOT-ALLOWED', { url: known.url, method: request.method, allow: known.methods.join('、') }));
    }
    return answer(reply, request, HttpError.of('E-NOT-FOUND', { method: request.method, url: maskedPath(request.url) }));
  });
}

/**
 * Fastify's router errors (malformed percent-encoding, over-long path parameters) bypass the
 * error handler; this is its `frameworkErrors` option, answering them in the same shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const err = known(error, request) ?? HttpError.of('E-REQ-INVALID');
  void answer(reply, request, err);
  // These answers skip the onResponse hook: their log line (the path masked) is written here.
  request.log.info({ event: 'request', method: request.method, route: maskedPath(request.url), status: err.status, code: err.code }, '请求');
}

/** Malformed HTTP (unparsable request line, headers too large): a raw-socket answer in the same shape. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return;
  const error = HttpError.of(err.code === 'HPE_HEADER_OVERFLOW' ? 'E-REQ-HEADERS-TOO-LARGE' : 'E-REQ-HTTP');
  const body = JSON.stringify({ error: errorBody(error) });
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${newRequestId()}\r\nConnection: close\r\n\r\n${body}`,
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The error code answered, for the request's log line. */
    errorCode: string | null;
  }
}
