/**
 * GET /v1/staff/{id}/record (admin): a staff member's disciplinary record — the discipline facts
 * in the counting window, the actions the pack's rules derive from them, and the evidence behind
 * each (complaints with the complainant masked, overdue cases, supervision findings, reviews).
 */
import type { FastifyInstance } from 'fastify';
import { parseInstant } from '../../core/index.ts';
import { maskContact, type Evidence } from '../../records/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { HttpError } from '../http-error.ts';
import { BODY, inRequest } from '../in-request.ts';
import { pointer } from '../schemas.ts';

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;

  app.get<{ Params: { id: string } }>(
    '/v1/staff/:id/record',
    {
      onRequest: auth.require('admin'),
      serializerCompiler: plainJson,
      schema: {
        ...operation('getStaffRecord', 'token'),
        tags: ['监督'],
        summary: '工作人员的责任追究记录（需管理员令牌）',
        description:
          '计算窗口期内（policy.yaml 的 countingWindow，例如自然年）的违规事实（查实投诉、无正当理由超期、服务忌语、空岗、未公示收费、差评）、据 policy.yaml 责任追究规则得出的处理（例如 通报批评、下岗）及每项处理所依据的记录。投诉人信息已脱敏。',
        params: { type: 'object', properties: { id: { ...pointer('common', '/$defs/id'), description: '工作人员的标识（center.yaml）。' } }, required: ['id'] },
        response: {
          200: {
            type: 'object',
            properties: {
              staff: { type: 'string' },
              name: { type: 'string' },
              asOf: { type: 'string' },
              countingWindow: { type: 'object', additionalProperties: true },
              facts: { type: 'object', additionalProperties: true, description: '违规事实计数。' },
              actions: { type: 'array', items: { type: 'object', additionalProperties: true }, description: '处理：规则、处理名称、在处分序列中的位置、依据的记录编号。' },
              evidence: { type: 'object', additionalProperties: true, description: '处理所依据的记录内容。' },
              reviews: {
                type: 'array',
                items: { type: 'object', additionalProperties: true },
                description: '计数区间内对该工作人员的评价（好差评，不含评价人）：是否差评、回访和整改期限；经申诉复核撤销的显示 struck 及复核理由（record.appeal），不计入差评次数。',
              },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { pack } = request.served;
      const member = pack.data.center.staff.find((s) => s.id === id);
      if (!member) throw HttpError.of('E-STAFF-NOT-FOUND', { id }, { path: 'params.id' });
      return records.use((r) =>
        inRequest(BODY, async () => {
          const report = await r.sanctions({ all: true });
          const mine = report.staff.find((s) => s.staff === id);
          const actions = mine?.actions ?? [];
          const ids: Evidence = {
            complaints: unique(actions.flatMap((a) => a.evidence.complaints)),
            cases: unique(actions.flatMap((a) => a.evidence.cases)),
            incidents: unique(actions.flatMap((a) => a.evidence.incidents)),
            reviews: unique(actions.flatMap((a) => a.evidence.reviews)),
          };
          const evidence = {
            complaints: ids.complaints.flatMap((cid) => {
              const c = r.complaints.get(cid);
              return c ? [{ ...c, complainant: maskContact(c.complainant) }] : [];
            }),
            cases: ids.cases.flatMap((cid) => {
              const c = r.cases.get(cid);
              return c ? [{ id: c.id, item: c.item, itemName: c.itemName, receivedAt: c.receivedAt, events: c.events, clock: r.viewCase(c).clock }] : [];
            }),
            incidents: ids.incidents.flatMap((iid) => [...r.incidents.all()].filter((i) => i.id === iid)),
            reviews: ids.reviews.flatMap((rid) => {
              const v = r.reviews.get(rid);
              return v ? [r.reviews.maskedView(r.reviews.view(v, report.asOf)).record] : [];
            }),
          };
          const [from, to] = [parseInstant(report.countingWindow.from), parseInstant(report.countingWindow.to)];
          const reviews = [...r.reviews.all()]
            .filter((v) => v.staff === id && parseInstant(v.at) >= from && parseInstant(v.at) < to)
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((v) => r.reviews.maskedView(r.reviews.view(v, report.asOf)));
          return { staff: id, name: member.name, asOf: report.asOf, countingWindow: report.countingWindow, facts: mine?.facts ?? null, actions, evidence, reviews };
        }),
      );
    },
  );
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
