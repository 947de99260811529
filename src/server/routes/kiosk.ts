/**
 * 自助终端 (the kiosk at /kiosk): GET /v1/life-events — what the first screen's big buttons need
 * (life events of center.yaml and the windows, each with its items) — and GET
 * /v1/items/{code}/qr.svg, the QR code of the item's guide online at the service's public address
 * (`--public-url`). Both public: the kiosk has no token.
 */
import type { FastifyInstance } from 'fastify';
import { guideUrl, qrSvg } from '../../documents/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { HttpError } from '../http-error.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { pointer } from '../schemas.ts';
import { unknownItem } from '../unknown-item.ts';

const windowRef = {
  type: ['object', 'null'],
  description: '受理窗口（center.yaml 中的窗口）。',
  properties: {
    id: pointer('common', '/$defs/id'),
    number: { type: 'integer', description: '窗口号。' },
    name: { type: 'string' },
    location: { type: ['string', 'null'], description: '窗口位置，例如 大厅东侧。' },
  },
  required: ['id', 'number', 'name', 'location'],
  additionalProperties: false,
} as const;

const itemRef = {
  type: 'object',
  properties: { code: pointer('item', '/properties/code'), name: pointer('item', '/properties/name') },
  required: ['code', 'name'],
  additionalProperties: false,
} as const;

const lifeEventsAnswer = {
  type: 'object',
  properties: {
    center: {
      type: 'object',
      description: '中心名称、地址和咨询电话（自助页面的页头）。',
      properties: { name: { type: 'string' }, address: { type: 'string' }, consultPhone: { type: 'string' } },
      required: ['name', 'address', 'consultPhone'],
      additionalProperties: false,
    },
    publicUrl: { type: ['string', 'null'], description: '服务的对外网址（bianmin serve --public-url）；null 表示未配置，不提供二维码。' },
    lifeEvents: {
      type: 'array',
      description: 'center.yaml 的人生事件（lifeEvents），按声明顺序；每个事项按当日有效的版本，带受理窗口。',
      items: {
        type: 'object',
        properties: {
          id: pointer('common', '/$defs/id'),
          name: { type: 'string' },
          description: { type: ['string', 'null'] },
          items: { type: 'array', items: { ...itemRef, properties: { ...itemRef.properties, window: windowRef }, required: ['code', 'name', 'window'] } },
        },
        required: ['id', 'name', 'description', 'items'],
        additionalProperties: false,
      },
    },
    windows: {
      type: 'array',
      description: '全部窗口（按 center.yaml 的顺序），各带在该窗口受理的事项（没有事项的窗口 items 为空）。',
      items: {
        type: 'object',
        properties: { ...windowRef.properties, items: { type: 'array', items: itemRef } },
        required: ['id', 'number', 'name', 'location', 'items'],
        additionalProperties: false,
      },
    },
  },
  required: ['center', 'publicUrl', 'lifeEvents', 'windows'],
  additionalProperties: false,
} as const;

export async function kioskRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/v1/life-events',
    {
      serializerCompiler: plainJson,
      schema: {
        ...operation('listLifeEvents', 'public'),
        tags: ['事项'],
        summary: '人生事件和窗口（自助服务“我要办什么”）',
        description: '按人生事件（center.yaml 的 lifeEvents）和按窗口分组的事项，供自助服务页面的大按钮使用；事项按当日有效的版本。',
        response: { 200: lifeEventsAnswer, ...errorResponses(429) },
      },
    },
    async (request) => {
      const { pack } = request.served;
      const center = pack.data.center;
      const catalog = new Map(pack.listItems().map((i) => [i.code, i]));
      const windowOf = (code: string): { id: string; number: number; name: string; location: string | null } | null => {
        const w = catalog.get(code)?.window;
        return w ? { id: w.id, number: w.number, name: w.name, location: w.location ?? null } : null;
      };
      return {
        center: { name: center.center.name, address: center.center.address, consultPhone: center.center.phones.consult },
        publicUrl: app.bianmin.options.publicUrl ?? null,
        lifeEvents: (center.lifeEvents ?? []).map((e) => ({
          id: e.id,
          name: e.name,
          description: e.description ?? null,
          // validate guarantees each code is an item; a pack loaded without that check still answers.
          items: e.items.filter((code) => catalog.has(code)).map((code) => ({ code, name: catalog.get(code)!.name, window: windowOf(code) })),
        })),
        windows: center.windows.map((w) => ({
          id: w.id,
          number: w.number,
          name: w.name,
          location: w.location ?? null,
          items: [...catalog.values()].filter((i) => i.window?.id === w.id).map((i) => ({ code: i.code, name: i.name })),
        })),
      };
    },
  );

  app.get<{ Params: { code: string } }>(
    '/v1/items/:code/qr.svg',
    {
      schema: {
        ...operation('getItemQr', 'public'),
        tags: ['事项'],
        summary: '事项办事指南的二维码（SVG）',
        description: '二维码内容为 {对外网址}/v1/items/{code}/guide（bianmin serve --public-url 配置的网址）。未配置对外网址时返回 404 E-PUBLIC-URL-UNSET；事项编码不存在时返回 404 并给出最相近的事项。',
        params: { type: 'object', properties: { code: pointer('item', '/properties/code') }, required: ['code'] },
        response: {
          200: { description: '二维码图片（SVG，黑白，四个模块宽的空白边）', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
          ...errorResponses(404, 429),
        },
      },
    },
    async (request, reply) => {
      const { pack } = request.served;
      const { code } = request.params;
      if (!pack.data.items.has(code)) throw unknownItem(pack, code, 'params.code');
      const base = app.bianmin.options.publicUrl;
      if (base === undefined) throw HttpError.of('E-PUBLIC-URL-UNSET', {}, { path: '$' });
      // The address depends only on the code and the start-up flag: cacheable for the day.
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=3600')
        .send(qrSvg(guideUrl(base, code)));
    },
  );
}
