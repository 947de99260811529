/**
 * POST /v1/decisions: the engine's decision on an application, and the notice it calls for. With
 * `record: true` (authenticated) the case is registered and its notice numbered.
 */
import type { FastifyInstance } from 'fastify';
import type { Application } from '../../pack/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { endOfTurn } from '../end-of-turn.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { HttpError } from '../http-error.ts';
import { decideOrReject, noticeLink, register, registrationOptions } from '../register.ts';
import { pointer, ref, sharedSchema } from '../schemas.ts';
import { validatorCompiler } from '../validation.ts';

/** How to register the decided application: the only part of the body the route itself checks. */
const REGISTRATION = {
  record: { type: 'boolean', description: '为 true 时登记办件并出具带文号的文书（需认证）；默认只作判断，不登记。' },
  staff: { ...pointer('common', '/$defs/id'), description: '登记时必填：经办工作人员的标识（center.yaml 中的 staff id）。' },
  firstInquiry: { ...pointer('common', '/$defs/id'), description: '首问责任人的标识；不写则为经办人。' },
};

/** The body as documented (OpenAPI): the application itself (every property referenced from application.schema.json), plus how to register it. */
function requestSchema(): object {
  const application = sharedSchema('application');
  const keys = Object.keys((application.properties ?? {}) as object);
  return {
    type: 'object',
    description: '申请（各字段见 Application），可另加登记选项 record、staff、firstInquiry。',
    properties: {
      ...Object.fromEntries(keys.map((k) => [k, pointer('application', `/properties/${k}`)])),
      ...REGISTRATION,
    },
    required: application.required,
    additionalProperties: false,
  };
}

/**
 * The body as validated here: only the registration options. The application is validated once,
 * by the engine (`pack.decide`, E-APP-*, which library users rely on too); checking it here as
 * well would validate every application twice.
 */
const registrationSchema = { type: 'object', properties: REGISTRATION };

const responseSchema = {
  type: 'object',
  properties: {
    decision: ref('decision'),
    notice: {
      type: 'object',
      description: '应出具的文书；登记后才有文号和链接。',
      properties: {
        document: { type: 'string', description: '模板名，例如 supplement。' },
        title: { type: 'string', description: '文书名称，例如 补正材料通知书。' },
        number: { type: ['string', 'null'], description: '文号（登记后）。' },
        href: { type: ['string', 'null'], description: '文书（HTML）的地址（登记后）。' },
      },
      required: ['document', 'title', 'number', 'href'],
    },
    case: {
      type: ['object', 'null'],
      description: '登记的办件（record: true 时）。',
      properties: { id: { type: 'string' }, href: { type: 'string' } },
      required: ['id', 'href'],
    },
  },
  required: ['decision', 'notice', 'case'],
} as const;

/** The documented body. Only the registration options are checked on arrival; decideOrReject checks the application before anything uses it. */
type DecisionRequest = Application & { record?: boolean; staff?: string; firstInquiry?: string };

export async function decisionRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: DecisionRequest }>(
    '/v1/decisions',
    {
      serializerCompiler: plainJson,
      validatorCompiler: (route) => validatorCompiler(route.httpPart === 'body' ? { ...route, schema: registrationSchema } : route),
      schema: {
        ...operation('decide', 'optional'),
        tags: ['受理'],
        summary: '受理分类决定',
        description:
          '按规则包判断一次咨询或申请：consultation 咨询件（一次性告知）、supplement 补正、returned 退回、rejected 不予受理（告知去向）、accepted 受理（即办、承诺、上报、联办、信访），附缺件清单、理由、期限、收费和判断过程（trace，含 YAML 文件和行号）。record: true 时登记办件、出具带文号的文书（需认证）。',
        body: requestSchema(),
        response: { 200: responseSchema, 201: responseSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const { record, staff, firstInquiry, ...application } = request.body;
      if (record) {
        app.bianmin.auth.authorize(request, 'clerk');
        if (!staff) throw new HttpError('E-REQ-REQUIRED', '登记办件（record: true）时必须写明经办工作人员 staff', '$.staff');
      }
      const { pack } = request.served;
      const decision = await decideOrReject(pack, application, '$', record && staff ? await registrationOptions(app.bianmin.records, application) : {});
      request.logFields = { item: decision.item, kind: decision.kind, mode: decision.mode };
      if (!record || !staff) {
        // Sent with the other answers of this turn (end-of-turn.ts).
        await endOfTurn();
        return { decision, notice: noticeLink(decision, null), case: null };
      }
      const { view, notice } = await register(app.bianmin.records, application, decision, { staff, ...(firstInquiry ? { firstInquiry } : {}) });
      request.logFields = { ...request.logFields, case: view.record.id };
      const href = `/v1/cases/${view.record.id}`;
      return reply.code(201).header('location', href).send({ decision, notice, case: { id: view.record.id, href } });
    },
  );
}
