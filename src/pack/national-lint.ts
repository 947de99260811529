/**
 * Conformance rules officials apply to a 实施清单 entry (issue 16), as warnings on the item file's
 * base declaration: 到办事现场次数 ≠ 0 needs the reason; 0 visits with no online service needs
 * 邮寄; the 审批结果 name agrees with its type.
 */
import { renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { ItemFile } from './schema-types.ts';

export interface LintSink {
  warn(path: readonly PathSegment[], code: ErrorCode, message: string): void;
}

/** Words that name a written decision or notice (批文), not a licence. */
const DOCUMENT_WORDS = /(通知书|决定书|告知书|意见书|批复|决定|通知|意见|确认书|答复|函|审核结果|审批结果|审定结果|确认结果|登记表|服务单)[）)]*$/u;
/** Words that name a licence, certificate or card (证照). */
const LICENCE_WORDS = /(证|证书|执照|许可证|批准书|牌照|卡|登记证)[》」）)]*$/u;

/** Why `name` disagrees with `type`, or null when it agrees (or the table has nothing to say). */
export function resultTypeProblem(type: string, name: string): string | null {
  const n = name.trim();
  // A name listing several results (《甲证》《乙证》) is judged by its last one, like the rest.
  if (type === '证照' && DOCUMENT_WORDS.test(n) && !LICENCE_WORDS.test(n)) return '名称是通知书、决定书、批复一类的文书，不是证照';
  if (type === '批文' && LICENCE_WORDS.test(n) && !DOCUMENT_WORDS.test(n)) return '名称是证、照、卡一类的证照，不是批文';
  return null;
}

export function checkNationalConformance(data: ItemFile, sink: LintSink): void {
  const visits = data.visits;
  if (visits && visits.count > 0 && !visits.reason) {
    sink.warn(['visits', 'count'], 'W-NATIONAL-VISITS-REASON', renderMessage('W-NATIONAL-VISITS-REASON', { name: data.name, count: String(visits.count) }));
  }
  if (visits && visits.count === 0) {
    const forms = data.channels?.forms;
    const online = forms ? forms.includes('网上办理') : data.service?.online === true;
    const mail = (forms?.includes('邮寄办理') ?? false) || (data.delivery?.materials === true && data.delivery.results === true);
    if (!online && !mail) {
      const missing = data.delivery?.materials === true ? '不能邮寄办理结果' : data.delivery?.results === true ? '不能邮寄申请材料' : '不能邮寄申请材料和办理结果';
      sink.warn(['visits', 'count'], 'W-NATIONAL-NO-DELIVERY', renderMessage('W-NATIONAL-NO-DELIVERY', { name: data.name, detail: `不能网上办理，也${missing}` }));
    }
  }
  const result = data.result;
  if (result?.type) {
    const detail = resultTypeProblem(result.type, result.name);
    if (detail) sink.warn(['result', 'type'], 'W-NATIONAL-RESULT-TYPE', renderMessage('W-NATIONAL-RESULT-TYPE', { result: result.name, type: result.type, detail }));
  }
}
