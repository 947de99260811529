/**
 * 404 for an item code the pack does not have, with where the code most likely belongs
 * (首问负责: point the way, never just refuse).
 */
import type { Pack } from '../engine/index.ts';
import { renderMessage } from '../core/index.ts';
import { HttpError } from './http-error.ts';

export function unknownItem(pack: Pack, code: string, path: string): HttpError {
  const suggestions = pack.route(code, { limit: 5 });
  const hint = suggestions[0] ? `；是否要找：${suggestions.map((s) => `${s.code ? `${s.code} ` : ''}${s.name}`).join('、')}？` : '；全部事项见 GET /v1/items，按名称或关键词查找用 GET /v1/route?q=';
  return new HttpError('E-ITEM-UNKNOWN', renderMessage('E-ITEM-UNKNOWN', { code: code.slice(0, 64), hint }), path, { suggestions });
}
