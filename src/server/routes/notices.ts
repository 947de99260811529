/**
 * GET /notices/{number}: the notice issued when a case was registered, reprinted from the case
 * register, which stores each case's notice number. Notices are addressed to an applicant by name, so they need a token like the case.
 */
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { sendHtml } from '../csp.ts';
import { TEMPLATES_DIR } from '../templates-dir.ts';
import { HttpError } from '../http-error.ts';
import { renderCaseNotice } from '../notice-numbers.ts';

export async function noticeRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;

  app.get<{ Params: { number: string } }>(
    '/notices/:number',
    {
      onRequest: auth.require('clerk'),
      schema: {
        ...operation('getNotice', 'token'),
        tags: ['公开'],
        summary: '登记办件时出具的文书（HTML，需认证）',
        description: '一次性告知单、补正材料通知书、受理通知书、即办件回执、退回件通知书或不予受理通知书，可打印；文号即登记时返回的 notice.number（路径中需 URL 编码）。',
        params: { type: 'object', properties: { number: { type: 'string', minLength: 1, maxLength: 64, description: '文号，例如 青便〔2026〕0001号。' } }, required: ['number'] },
        produces: ['text/html'],
        response: { 200: { description: '文书', content: { 'text/html': { schema: { type: 'string' } } } }, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { pack } = request.served;
      const { number } = request.params;
      const record = await records.use((r) => r.cases.byNoticeNumber(number));
      if (!record) throw HttpError.of('E-NOTICE-NOT-FOUND', { number }, { path: 'params.number' });
      const doc = await renderCaseNotice(pack, record, number);
      return sendHtml(reply, doc.html, request.served, TEMPLATES_DIR);
    },
  );
}
