/**
 * The few shapes that belong to the HTTP layer itself (the error envelope, the envelope of a
 * decision with its notice link). Everything inside them is a `$ref` to schemas/*.json.
 */
import { ref, SCHEMA_BASE } from './schemas.ts';

export const ERROR_ID = `${SCHEMA_BASE}api/error.json`;

const issue = {
  type: 'object',
  properties: {
    code: { type: 'string', description: '错误代码，例如 E-REQ-REQUIRED、E-APP-UNKNOWN-ITEM、E-AUTH-MISSING。' },
    message: { type: 'string', description: '中文说明。' },
    path: { type: 'string', description: '出错位置：请求体用 JSON 路径（$.materials[2].copies），查询参数用 query.名称，路径参数用 params.名称，请求头用 header.名称。' },
  },
  required: ['code', 'message', 'path'],
} as const;

/** `{ error: { code, message, path, details?, suggestions?, errors? } }` */
export const errorSchema = {
  $id: ERROR_ID,
  title: '错误',
  description: '所有错误的统一格式。',
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        ...issue.properties,
        details: { type: 'array', items: issue, description: '有多处问题时全部列出（第一处即上面的 code、message、path）。' },
        suggestions: { type: 'array', items: { type: 'object', additionalProperties: true }, description: '事项编码不存在时：最可能要办的事项、应去的机关或窗口（首问负责）。' },
        errors: { type: 'array', items: { type: 'object', additionalProperties: true }, description: '规则包未通过校验时：每处错误的文件、行、列和说明。' },
      },
      required: ['code', 'message', 'path'],
    },
  },
  required: ['error'],
} as const;

export const errorRef = { $ref: `${ERROR_ID}#` } as const;

/** Standard error responses of a route, for its OpenAPI description and serialization. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorRef> {
  return Object.fromEntries(statuses.map((s) => [s, errorRef]));
}

/** All server-owned schemas, registered beside the shared ones. */
export function apiSchemas(): readonly object[] {
  return [errorSchema];
}

