/**
 * The public board (政务公开栏) as a hall posts it: GET /board?layout=center (one center board),
 * ?layout=window[&window=ID] (a poster per window, QR codes to the guides when the service has a
 * public URL), the default binder (办事指南汇编, A4) and its hall screen (?screen=1); GET
 * /board.pdf the same in print. Each distinct content served is archived in the records'
 * publication archive (每次公开的内容均要存档), once.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseInstant } from '../../core/index.ts';
import { BOARD_LAYOUTS, boardOptionProblem, PAPERS, renderBoard, type BoardLayout, type BoardRenderOptions, type RenderedDocument } from '../../documents/index.ts';
import type { PackData } from '../../pack/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { sendHtml } from '../csp.ts';
import { TEMPLATES_DIR } from '../templates-dir.ts';
import { boardCompletions } from '../board-completions.ts';
import { boardComplaints } from '../board-complaints.ts';
import { boardReviews } from '../board-reviews.ts';
import { HttpError } from '../http-error.ts';
import type { PdfPrinter } from '../pdf.ts';
import { shanghaiToday } from '../today.ts';

const DATE = { type: 'string', format: 'date', description: '公布日期 YYYY-MM-DD（决定适用的事项版本、值班表和“好差评”的月份）；默认今天（北京时间）。' } as const;
const LAYOUT = { enum: [...BOARD_LAYOUTS], description: 'center：中心公开栏（一张）；window：窗口公示牌（每个窗口一张，可用 window 只要一个）；binder（默认）：办事指南汇编（全部事项，A4，带目录）。' } as const;
const WINDOW = { type: 'string', minLength: 1, maxLength: 64, description: '窗口标识（center.yaml 的 windows[].id），只用于 layout=window。' } as const;
const PAPER = { enum: [...PAPERS], description: '纸张：中心公开栏和窗口公示牌可用 A4、A3（默认）、A1、A0，字号随纸张放大；汇编只印 A4。' } as const;

interface BoardQuery {
  layout?: BoardLayout;
  window?: string;
  paper?: (typeof PAPERS)[number];
  date?: string;
}

/** The options a request asks for, checked with the documents' own rules, located in the query. */
function optionsOf(pack: PackData, query: BoardQuery, screen: boolean, publicUrl: string | undefined): BoardRenderOptions {
  const options: BoardRenderOptions = { layout: query.layout ?? 'binder', window: query.window, paper: query.paper, screen, publicUrl };
  const problem = boardOptionProblem(pack, options);
  if (problem) throw new HttpError(problem.error.code, problem.error.detail, `query.${problem.option}`);
  return options;
}

function archiveTitle(doc: RenderedDocument, options: BoardRenderOptions): string {
  if (options.layout === 'center') return `${doc.title}（中心公开栏，${options.paper ?? 'A3'}）`;
  if (options.layout === 'window') return `${doc.title}（${options.window === undefined ? '全部窗口，' : ''}${options.paper ?? 'A3'}）`;
  return options.screen ? `${doc.title}（大厅显示屏）` : `政务公开栏（${doc.title}）`;
}

export async function boardRoutes(app: FastifyInstance, opts: { printer: PdfPrinter }): Promise<void> {
  const { records } = app.bianmin;
  const publicUrl = app.bianmin.options.publicUrl;
  /** Digests already archived (or found in the archive), so a refresh of the hall screen archives nothing. */
  const archived = new Set<string>();

  /** The board as served, and the options it was rendered with (the records' parts included), to render it again with page numbers. */
  async function board(pack: PackData, options: BoardRenderOptions, date: string): Promise<{ doc: RenderedDocument; rendered: BoardRenderOptions }> {
    return records.use(async (r) => {
      // Each layout reads from the records only what it prints.
      const rendered: BoardRenderOptions = {
        ...options,
        date,
        ...(options.layout === 'binder' || options.layout === undefined ? { complaints: boardComplaints(r, pack) } : {}),
        // The completions up to the end of the board's day (a board for a past day shows that day's).
        ...(options.layout === 'center' ? { completions: boardCompletions(r, pack, Math.min(Date.now(), parseInstant(`${date}T23:59:59+08:00`))) } : {}),
        ...(options.layout !== 'window' && !options.screen ? { reviews: boardReviews(r, pack, date.slice(0, 7)) } : {}),
      };
      const doc = renderBoard(pack, rendered);
      const sha = createHash('sha256').update(doc.html).digest('hex');
      if (!archived.has(sha)) {
        if (![...r.publications.all()].some((p) => p.sha256 === sha)) {
          // Free text on the board is masked when rendered, and a number the template itself writes
          // refuses the render (E-DOC-UNMASKED): what reaches the archive passes its check.
          await r.publications.archive({ kind: 'board', title: archiveTitle(doc, options), content: doc.html, issuer: 'bianmin serve' });
        }
        archived.add(sha);
      }
      return { doc, rendered };
    });
  }

  app.get<{ Querystring: BoardQuery & { screen?: '1' | '0' | 'true' | 'false' } }>(
    '/board',
    {
      schema: {
        ...operation('getBoard', 'public'),
        tags: ['公开'],
        summary: '政务公开栏（HTML）',
        description:
          'layout=center：中心公开栏（机构职责、人员与AB岗、服务承诺、投诉渠道、领导带班、近期办结公告、本月“好差评”）；layout=window：窗口公示牌（事项、时限、收费、咨询窗口和电话，设置了 --public-url 时每个事项附办事指南二维码）；默认 binder：办事指南汇编（中心概况、AB岗、服务承诺、值班表、投诉处理结果、“好差评”、预公开、目录和全部事项，每个事项另起一页）。screen=1 为大厅显示屏大字页面。未知窗口答 404（E-DOC-WINDOW，附已声明的窗口）。',
        querystring: {
          type: 'object',
          properties: { layout: LAYOUT, window: WINDOW, paper: PAPER, screen: { enum: ['1', '0', 'true', 'false'], description: '1 或 true：大厅显示屏页面（只用于汇编版式）。' }, date: DATE },
          additionalProperties: false,
        },
        produces: ['text/html'],
        response: { 200: { description: '公开栏页面', content: { 'text/html': { schema: { type: 'string' } } } }, ...errorResponses(400, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const pack = request.served.pack.data;
      const screen = request.query.screen === '1' || request.query.screen === 'true';
      const { doc } = await board(pack, optionsOf(pack, request.query, screen, publicUrl), request.query.date ?? shanghaiToday());
      return sendHtml(reply, doc.html, request.served, TEMPLATES_DIR);
    },
  );

  app.get<{ Querystring: BoardQuery }>(
    '/board.pdf',
    {
      schema: {
        ...operation('getBoardPdf', 'public'),
        tags: ['公开'],
        summary: '政务公开栏（PDF）',
        description: '打印张贴用，参数同 GET /board：中心公开栏和窗口公示牌按所选纸张（默认 A3）印，每个窗口一页；汇编为 A4，每个事项另起一页，带页码。',
        querystring: { type: 'object', properties: { layout: LAYOUT, window: WINDOW, paper: PAPER, date: DATE }, additionalProperties: false },
        produces: ['application/pdf'],
        response: { 200: { description: '公开栏 PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses(400, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { pack, version } = request.served;
      const date = request.query.date ?? shanghaiToday();
      const options = optionsOf(pack.data, request.query, false, publicUrl);
      const { doc, rendered } = await board(pack.data, options, date);
      const digest = createHash('sha256').update(doc.html).digest('hex').slice(0, 16);
      const poster = options.layout === 'center' || options.layout === 'window';
      const key = `board/${version}/${digest}`;
      // A poster carries no page footer; the binder is numbered, and its contents list the pages
      // each item starts on (printed again with them until they hold, as the CLI does).
      const pdf = poster
        ? await opts.printer.pdf(key, () => doc.html, { paper: options.paper ?? 'A3', pageNumbers: false })
        : await opts.printer.pdfPaged(key, (pages) => (pages ? renderBoard(pack.data, { ...rendered, pages }).html : doc.html), { paper: 'A4' });
      const name = options.layout === 'binder' ? `board-${date}` : `board-${options.layout}${options.window ? `-${options.window}` : ''}-${date}`;
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(Buffer.from(pdf));
    },
  );
}
