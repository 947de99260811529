/**
 * Every failure leaves as `{ "error": { "code", "message", "path" } }` with a Chinese message.
 * Fastify's own request errors (bad JSON, body too large, wrong content type …) are translated;
 * the engine's and the records' typed input errors keep their codes and JSON paths; anything
 * else is a bug: logged with its stack, answered with a bare 500 that reveals nothing.
 */
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, type ErrorBody } from './http-error.ts';

/** Fastify's request errors → Chinese. */
const FASTIFY_ERRORS: Readonly<Record<string, (e: FastifyError, r: FastifyRequest) => ErrorBody>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => ({ code: 'E-REQ-TOO-LARGE', message: '请求体过大：不得超过 1 MB', path: '$' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (_e, r) => ({
    code: 'E-REQ-MEDIA-TYPE',
    message: `不支持的内容类型 ${r.headers['content-type'] ?? '（未注明）'}：请求体须为 JSON，Content-Type: application/json`,
    path: 'header.content-type',
  }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({ code: 'E-REQ-EMPTY-BODY', message: '请求体为空：Content-Type 为 application/json 时须提供 JSON 内容', path: '$' }),
  FST_ERR_CTP_INVALID_JSON_BODY: () => ({ code: 'E-REQ-JSON', message: '请求体不是有效的 JSON', path: '$' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => ({ code: 'E-REQ-LENGTH', message: '请求体长度与 Content-Length 不符', path: 'header.content-length' }),
  FST_ERR_CTP_INVALID_CONTENT_TYPE: () => ({ code: 'E-REQ-MEDIA-TYPE', message: 'Content-Type 请求头格式不正确', path: 'header.content-type' }),
  FST_ERR_BAD_URL: () => ({ code: 'E-REQ-URL', message: '请求地址中的编码不正确', path: '$' }),
  FST_ERR_ASYNC_CONSTRAINT: () => ({ code: 'E-REQ-URL', message: '请求地址无效', path: '$' }),
  FST_ERR_MAX_PARAM_LENGTH: () => ({ code: 'E-REQ-URL-TOO-LONG', message: '请求地址中的参数过长', path: '$' }),
};

function bodyFor(error: FastifyError, request: FastifyRequest): { status: number; body: ErrorBody } | null {
  if (error instanceof HttpError) return { status: error.statusCode, body: error.body };
  const translate = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (translate) return { status: error.statusCode ?? 400, body: translate(error, request) };
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // JSON syntax errors, prototype-poisoning keys and the like: client errors without a code we know.
    if (/prototype|constructor/i.test(error.message)) return { status, body: { code: 'E-REQ-FORBIDDEN-KEY', message: '请求体含有不允许的键 __proto__ 或 constructor.prototype', path: '$' } };
    if (error instanceof SyntaxError) return { status, body: { code: 'E-REQ-JSON', message: '请求体不是有效的 JSON', path: '$' } };
    return { status, body: { code: 'E-REQ-INVALID', message: '请求无效', path: '$' } };
  }
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = bodyFor(error, request);
    if (known) {
      if (known.status === 401) void reply.header('www-authenticate', 'Bearer realm="bianmin"');
      request.errorCode = known.body.code;
      return reply.code(known.status).type('application/json; charset=utf-8').send({ error: known.body });
    }
    request.log.error({ err: error }, '内部错误');
    request.errorCode = 'E-INTERNAL';
    return reply.code(500).type('application/json; charset=utf-8').send({ error: { code: 'E-INTERNAL', message: '服务内部错误，已记录日志，请联系管理员', path: '$' } });
  });

  app.setNotFoundHandler((request, reply) => {
    request.errorCode = 'E-NOT-FOUND';
    const url = request.url.split('?')[0] ?? '';
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send({ error: { code: 'E-NOT-FOUND', message: `没有这个接口：${request.method} ${url.slice(0, 200)}；全部接口见 /docs`, path: '$' } });
  });
}

/**
 * Fastify's router errors (malformed percent-encoding, over-long path parameters) bypass the
 * error handler; this is its `frameworkErrors` option, answering them in the same shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = bodyFor(error, request) ?? { status: 400, body: { code: 'E-REQ-INVALID', message: '请求无效', path: '$' } };
  void reply.code(known.status).type('application/json; charset=utf-8').send({ error: known.body });
}

/** Malformed HTTP (unparsable request line, headers too large): a raw-socket answer in the same shape. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return;
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({
    error: tooLarge ? { code: 'E-REQ-HEADERS-TOO-LARGE', message: '请求头过大', path: '$' } : { code: 'E-REQ-HTTP', message: '请求不符合 HTTP 协议', path: '$' },
  });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The error code answered, for the request's log line. */
    errorCode: string | null;
  }
}
