/**
 * The public board (政务公开栏): GET /board (printable A4 HTML), GET /board?screen=1 (large type
 * for the hall display), GET /board.pdf. Each distinct content served is archived in the records'
 * publication archive (每次公开的内容均要存档), once.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { renderBoard, type RenderedDocument } from '../../documents/index.ts';
import type { PackData } from '../../pack/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { sendHtml } from '../csp.ts';
import { TEMPLATES_DIR } from '../templates-dir.ts';
import { boardComplaints } from '../board-complaints.ts';
import { HttpError } from '../http-error.ts';
import type { PdfPrinter } from '../pdf.ts';
import { shanghaiToday } from '../today.ts';

const DATE = { type: 'string', format: 'date', description: '公布日期 YYYY-MM-DD（决定适用的事项版本和值班表月份）；默认今天（北京时间）。' } as const;

export async function boardRoutes(app: FastifyInstance, opts: { printer: PdfPrinter }): Promise<void> {
  const { records } = app.bianmin;
  /** Digests already archived (or found in the archive), so a refresh of the hall screen archives nothing. */
  const archived = new Set<string>();

  async function board(pack: PackData, screen: boolean, date: string): Promise<RenderedDocument> {
    return records.use(async (r) => {
      const doc = renderBoard(pack, { date, screen, complaints: boardComplaints(r, pack) });
      const sha = createHash('sha256').update(doc.html).digest('hex');
      if (!archived.has(sha)) {
        if (![...r.publications.all()].some((p) => p.sha256 === sha)) {
          // Free text on the board is masked when rendered, and a number the template itself writes
          // refuses the render (E-DOC-UNMASKED): what reaches the archive passes its check.
          await r.publications.archive({ kind: 'board', title: screen ? `${doc.title}（大厅显示屏）` : doc.title, content: doc.html, issuer: 'bianmin serve' });
        }
        archived.add(sha);
      }
      return doc;
    });
  }

  app.get<{ Querystring: { screen?: '1' | '0' | 'true' | 'false'; date?: string } }>(
    '/board',
    {
      schema: {
        ...operation('getBoard', 'public'),
        tags: ['公开'],
        summary: '政务公开栏（HTML）',
        description: '中心概况、窗口和AB岗人员、服务承诺、全部事项（按窗口，含依据、条件、材料、时限、收费）、预公开、领导带班值班表、投诉电话和近期投诉处理结果。screen=1 为大厅显示屏大字页面。',
        querystring: {
          type: 'object',
          properties: { screen: { enum: ['1', '0', 'true', 'false'], description: '1 或 true：大厅显示屏页面。' }, date: DATE },
          additionalProperties: false,
        },
        produces: ['text/html'],
        response: { 200: { description: '公开栏页面', content: { 'text/html': { schema: { type: 'string' } } } }, ...errorResponses(400, 429, 503) },
      },
    },
    async (request, reply) => {
      const doc = await board(request.served.pack.data, request.query.screen === '1' || request.query.screen === 'true', request.query.date ?? shanghaiToday());
      return sendHtml(reply, doc.html, request.served, TEMPLATES_DIR);
    },
  );

  app.get<{ Querystring: { date?: string } }>(
    '/board.pdf',
    {
      schema: {
        ...operation('getBoardPdf', 'public'),
        tags: ['公开'],
        summary: '政务公开栏（A4 PDF）',
        description: '打印张贴用；每个事项另起一页。',
        querystring: { type: 'object', properties: { date: DATE }, additionalProperties: false },
        produces: ['application/pdf'],
        response: { 200: { description: '公开栏 PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses(400, 429, 503) },
      },
    },
    async (request, reply) => {
      const { pack, version } = request.served;
      const date = request.query.date ?? shanghaiToday();
      const doc = await board(pack.data, false, date);
      const digest = createHash('sha256').update(doc.html).digest('hex').slice(0, 16);
      const pdf = await opts.printer.pdf(`board/${version}/${digest}`, () => doc.html);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="board-${date}.pdf"`).send(Buffer.from(pdf));
    },
  );
}
