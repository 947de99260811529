/** The catalog: GET /v1/items, GET /v1/items/{code}, GET /v1/items/{code}/guide (HTML or PDF). */
import type { FastifyInstance } from 'fastify';
import { maskPublicData, renderGuide } from '../../documents/index.ts';
import { publishedPhones } from '../../records/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { sendHtml } from '../csp.ts';
import { TEMPLATES_DIR } from '../templates-dir.ts';
import { negotiate } from '../negotiate.ts';
import type { PdfPrinter } from '../pdf.ts';
import { pointer, ref } from '../schemas.ts';
import { shanghaiToday } from '../today.ts';
import { unknownItem } from '../unknown-item.ts';

const DATE = { type: 'string', format: 'date', description: '日期 YYYY-MM-DD（北京时间），按当日有效的事项版本；默认今天。' } as const;

const catalogEntry = {
  type: 'object',
  properties: {
    code: pointer('item', '/properties/code'),
    name: pointer('item', '/properties/name'),
    mode: { ...pointer('item', '/$defs/mode'), description: '办理方式；按条件选择办理方式的事项为其余情况（不写 when 的一项）的办理方式，各项见 modes。' },
    modes: {
      type: 'array',
      description: '按条件选择办理方式的事项：每一种办理方式及适用情形（自上而下取第一个适用的）；办理方式只有一种的事项不写。',
      items: {
        type: 'object',
        properties: { mode: pointer('item', '/$defs/mode'), text: { type: ['string', 'null'] } },
        required: ['mode', 'text'],
      },
    },
    window: {
      type: ['object', 'null'],
      description: '受理窗口。',
      properties: { id: { type: 'string' }, number: { type: 'integer' }, name: { type: 'string' }, location: { type: ['string', 'null'] } },
    },
    materials: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, necessity: { enum: ['core', 'required', 'deferrable', 'optional'] } } },
    },
  },
} as const;

export async function itemRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { date?: string } }>(
    '/v1/items',
    {
      serializerCompiler: plainJson,
      schema: {
        ...operation('listItems', 'public'),
        tags: ['事项'],
        summary: '全部服务事项',
        description: '每个事项按当日有效的版本：编码、名称、办理方式、受理窗口、申报材料（标识、名称、必要性）。',
        querystring: { type: 'object', properties: { date: DATE }, additionalProperties: false },
        response: { 200: { type: 'array', items: catalogEntry }, ...errorResponses(400, 429) },
      },
    },
    async (request) => request.served.pack.listItems({ at: noonOf(request.query.date) }),
  );

  app.get<{ Params: { code: string }; Querystring: { date?: string } }>(
    '/v1/items/:code',
    {
      serializerCompiler: plainJson,
      schema: {
        ...operation('getItem', 'public'),
        tags: ['事项'],
        summary: '一个服务事项',
        description: '目录信息（当日有效的版本）和规则包中的完整声明（declaration，格式见 Item；含将来施行的变更 changes）。事项编码不存在时返回 404 并给出最相近的事项（首问引导）。',
        params: { type: 'object', properties: { code: pointer('item', '/properties/code') }, required: ['code'] },
        querystring: { type: 'object', properties: { date: DATE }, additionalProperties: false },
        response: {
          200: { type: 'object', properties: { ...catalogEntry.properties, declaration: ref('item'), file: { type: 'string', description: '规则包中的文件。' } } },
          ...errorResponses(400, 404, 429),
        },
      },
    },
    async (request) => {
      const { pack } = request.served;
      const { code } = request.params;
      const loaded = pack.data.items.get(code);
      if (!loaded) throw unknownItem(pack, code, 'params.code');
      const entry = pack.listItems({ at: noonOf(request.query.date) }).find((i) => i.code === code);
      // Public: a number an officer typed into the item's text is masked as on the guide.
      return { ...entry, declaration: maskPublicData(loaded.data, publishedPhones(pack.data)), file: loaded.file };
    },
  );
}

/** GET /v1/items/{code}/guide: a page (HTML or PDF), registered among the pages for their headers. */
export async function guideRoutes(app: FastifyInstance, opts: { printer: PdfPrinter }): Promise<void> {
  // Printed guides carry a QR code to themselves online (serve --public-url).
  const publicUrl = app.bianmin.options.publicUrl;
  app.get<{ Params: { code: string }; Querystring: { date?: string } }>(
    '/v1/items/:code/guide',
    {
      schema: {
        ...operation('getItemGuide', 'public'),
        tags: ['事项'],
        summary: '办事指南（HTML 或 PDF）',
        description: '按 Accept 请求头提供：text/html（默认）或 application/pdf（A4 打印版）。',
        params: { type: 'object', properties: { code: pointer('item', '/properties/code') }, required: ['code'] },
        querystring: { type: 'object', properties: { date: DATE }, additionalProperties: false },
        produces: ['text/html', 'application/pdf'],
        response: {
          200: { description: '办事指南', content: { 'text/html': { schema: { type: 'string' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          ...errorResponses(404, 406, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { pack, version } = request.served;
      const { code } = request.params;
      if (!pack.data.items.has(code)) throw unknownItem(pack, code, 'params.code');
      const date = request.query.date ?? shanghaiToday();
      const format = negotiate(request.headers.accept, ['text/html', 'application/pdf']);
      if (format === 'application/pdf') {
        const pdf = await opts.printer.pdf(`guide/${version}/${code}/${date}`, () => renderGuide(pack.data, code, { date, publicUrl }).html);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="guide-${code}.pdf"`).send(Buffer.from(pdf));
      }
      return sendHtml(reply, renderGuide(pack.data, code, { date, publicUrl }).html, request.served, TEMPLATES_DIR);
    },
  );
}

/** A date as an instant inside that Shanghai day (what the engine's `at` takes). */
function noonOf(date: string | undefined): string | undefined {
  return date === undefined ? undefined : `${date}T12:00:00+08:00`;
}
