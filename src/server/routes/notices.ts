/**
 * GET /notices/{number}: the notice issued when a case was registered, reprinted from the case
 * register, which stores each case's notice number. Notices are addressed to an applicant by name, so they need a token like the case.
 * HTML, or PDF when Accept asks for it (the window prints it), through the service's warm Chromium.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { sendHtml } from '../csp.ts';
import { TEMPLATES_DIR } from '../templates-dir.ts';
import { HttpError } from '../http-error.ts';
import { renderCaseNotice } from '../notice-numbers.ts';
import { negotiate } from '../negotiate.ts';
import type { PdfPrinter } from '../pdf.ts';

export async function noticeRoutes(app: FastifyInstance, opts: { printer: PdfPrinter }): Promise<void> {
  const { auth, records } = app.bianmin;

  app.get<{ Params: { number: string } }>(
    '/notices/:number',
    {
      onRequest: auth.require('clerk'),
      schema: {
        ...operation('getNotice', 'token'),
        tags: ['公开'],
        summary: '登记办件时出具的文书（HTML 或 PDF，需认证）',
        description: '一次性告知单、补正材料通知书、受理通知书、即办件回执、退回件通知书或不予受理通知书，可打印；文号即登记时返回的 notice.number（路径中需 URL 编码）。按 Accept 请求头提供：text/html（默认）或 application/pdf（A4 打印版）。',
        params: { type: 'object', properties: { number: { type: 'string', minLength: 1, maxLength: 64, description: '文号，例如 青便〔2026〕0001号。' } }, required: ['number'] },
        produces: ['text/html', 'application/pdf'],
        response: {
          200: { description: '文书', content: { 'text/html': { schema: { type: 'string' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          ...errorResponses(401, 403, 404, 406, 409, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { pack } = request.served;
      const { number } = request.params;
      const record = await records.use((r) => r.cases.byNoticeNumber(number));
      if (!record) throw HttpError.of('E-NOTICE-NOT-FOUND', { number }, { path: 'params.number' });
      // Asked before rendering: a client that accepts neither gets its 406 without the work.
      const format = negotiate(request.headers.accept, ['text/html', 'application/pdf']);
      const doc = await renderCaseNotice(pack, record, number);
      void reply.header('vary', 'Accept');
      if (format === 'application/pdf') {
        // Keyed by the HTML itself: a reprint under another pack or after a template change is printed anew.
        const digest = createHash('sha256').update(doc.html).digest('hex');
        const pdf = await opts.printer.pdf(`notice/${digest}`, () => doc.html);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(number)}.pdf`)
          .send(Buffer.from(pdf));
      }
      return sendHtml(reply, doc.html, request.served, TEMPLATES_DIR);
    },
  );
}
