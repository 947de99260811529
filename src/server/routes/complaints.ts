/**
 * The complaints ledger: POST /v1/complaints (register), POST /v1/complaints/{id}/verification
 * (查实 / 不实, admin). The complainant is confidential: answers show the complaint masked (the
 * complainant field by field, personal numbers in its text); the register keeps it whole.
 */
import type { FastifyInstance } from 'fastify';
import type { ComplaintRecord } from '../../pack/index.ts';
import type { VerifyComplaint } from '../../records/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { BODY, inRequest } from '../in-request.ts';
import { pointer, ref } from '../schemas.ts';

const prop = (name: string): { $ref: string } => pointer('records/complaint', `/properties/${name}`);
const verificationProp = (name: string): { $ref: string } => pointer('records/complaint', `/properties/verification/properties/${name}`);

type ComplaintBody = Pick<ComplaintRecord, 'channel' | 'target' | 'content' | 'receivedBy'> & Partial<Pick<ComplaintRecord, 'complainant' | 'complex' | 'major' | 'case'>> & { receivedAt?: string };

const complaintView = {
  type: 'object',
  properties: {
    record: ref('records/complaint'),
    replyDue: { type: 'string', description: '答复期限（policy.yaml 的投诉答复时钟）。' },
    replied: { type: 'boolean' },
    replyOverdue: { type: 'boolean' },
    counted: { type: ['string', 'null'], description: '查实后计入的工作人员。' },
  },
} as const;

export async function complaintRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;

  app.post<{ Body: ComplaintBody }>(
    '/v1/complaints',
    {
      onRequest: auth.require('clerk'),
      serializerCompiler: plainJson,
      schema: {
        ...operation('createComplaint', 'token'),
        tags: ['监督'],
        summary: '登记投诉',
        description: '渠道（口头、电话、书面；重大事项须书面）、投诉人（保密，可匿名）、被投诉的工作人员或窗口、内容；答复期限按 policy.yaml 计算。',
        body: {
          type: 'object',
          properties: {
            channel: prop('channel'),
            complainant: prop('complainant'),
            target: prop('target'),
            content: prop('content'),
            receivedAt: { type: 'string', maxLength: 64, description: '收到时间（ISO 8601）；默认为当前时间。' },
            receivedBy: prop('receivedBy'),
            complex: prop('complex'),
            major: prop('major'),
            case: prop('case'),
          },
          required: ['channel', 'target', 'content', 'receivedBy'],
          additionalProperties: false,
        },
        response: { 201: complaintView, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const view = await records.use(async (r) => {
        const saved = await inRequest(BODY, () =>
          r.complaints.add({
            channel: b.channel,
            ...(b.complainant ? { complainant: b.complainant } : {}),
            ...(b.target.staff ? { staff: b.target.staff } : {}),
            ...(b.target.window ? { window: b.target.window } : {}),
            content: b.content,
            ...(b.receivedAt ? { receivedAt: b.receivedAt } : {}),
            receivedBy: b.receivedBy,
            ...(b.complex !== undefined ? { complex: b.complex } : {}),
            ...(b.major !== undefined ? { major: b.major } : {}),
            ...(b.case ? { case: b.case } : {}),
          }),
        );
        return r.complaints.maskedView(r.complaints.view(saved, saved.receivedAt));
      });
      return reply.code(201).header('location', `/v1/complaints/${view.record.id}`).send(view);
    },
  );

  app.post<{ Params: { id: string }; Body: VerifyComplaint }>(
    '/v1/complaints/:id/verification',
    {
      onRequest: auth.require('admin'),
      serializerCompiler: plainJson,
      schema: {
        ...operation('verifyComplaint', 'token'),
        tags: ['监督'],
        summary: '投诉核实结论（需管理员令牌）',
        description: 'verified 查实、unfounded 不实；结论一经记录不能更改。查实的投诉按 policy.yaml 的责任追究规则计入责任人（例如一次查实通报批评、二次查实下岗）。',
        params: { type: 'object', properties: { id: prop('id') }, required: ['id'] },
        body: {
          type: 'object',
          properties: {
            result: verificationProp('result'),
            handler: verificationProp('handler'),
            at: { type: 'string', maxLength: 64, description: '核实时间（ISO 8601）；默认为当前时间。' },
            staff: verificationProp('staff'),
            note: verificationProp('note'),
          },
          required: ['result', 'handler'],
          additionalProperties: false,
        },
        response: { 200: complaintView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return records.use(async (r) => {
        // The records locate problems inside the stored complaint (`$.verification.at`); the body is that object.
        const saved = await inRequest({ $: '$', '$.verification': '$' }, () => r.complaints.verify(id, request.body));
        return r.complaints.maskedView(r.complaints.view(saved, new Date().toISOString()));
      });
    },
  );
}
