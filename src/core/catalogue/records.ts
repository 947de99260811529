/** Codes of kind `records`: input to, or the state of, the register, complaints, reviews, sanctions and publications. */
import { entry, type CatalogueEntry } from './entry.ts';

export const RECORDS = {
  'E-BACKUP-TARGET': entry('records', '备份目录 {target} {reason}', '备份目录位于数据目录之内，或已存在且不为空'),
  // The board is the service's page, not the caller's input: withholding it is the service unavailable.
  'E-CASE-CORRECTABLE': entry('records', '申请材料可以当场更正：更正后重新判断，再登记（{items}）', '决定为当场更正（correctable）：不登记为办件，申请人当场更正后重新判断，按新的决定登记', { status: 409 }),
  'E-CASE-NOT-FOUND': entry('records', '办件 {id} 不存在', '登记簿中没有这个办件编号', { status: 404 }),
  'E-COMPLAINT-CASE': entry('records', '办件 {id} 不存在', '投诉所涉的办件编号不在登记簿中'),
  'E-COMPLAINT-MAJOR': entry('records', '涉及重大事项的投诉应采用书面形式（投诉制度第二条）；请投诉人提交书面投诉后再登记', '重大事项的投诉以口头或电话方式登记'),
  'E-COMPLAINT-NOT-FOUND': entry('records', '投诉 {id} 不存在', '登记簿中没有这个投诉编号', { status: 404 }),
  'E-COMPLAINT-REPLIED': entry('records', '投诉 {id} 已于 {at} 答复', '投诉已经答复过，不能再次答复', { status: 409 }),
  'E-COMPLAINT-REPLY-CHANNEL': entry('records', '{rule}，不能以{channel}方式答复（投诉制度第七条）', '答复方式与投诉方式不符：书面投诉书面答复，口头投诉口头答复'),
  'E-COMPLAINT-TARGET': entry('records', '须写明被投诉的工作人员或窗口（至少一项）', '投诉没有写明被投诉的工作人员或窗口'),
  'E-COMPLAINT-TIME': entry('records', '{what}时间 {at} 早于收到投诉的时间 {receivedAt}', '核实或答复的时间早于收到投诉的时间'),
  'E-COMPLAINT-VERIFIED': entry('records', '投诉 {id} 已于 {at} 核实为“{result}”，结论不能更改', '投诉已有核实结论，结论一经记录不能更改', { status: 409 }),
  'E-INCIDENT-NO-PHRASE': entry('records', '所记原话中没有 policy.yaml 所列的服务忌语：{text}', '以“使用服务忌语”记录的过错，所记原话中找不到 policy.yaml 所列的忌语'),
  'E-PERIOD': entry('records', '期间格式不正确：{text}；应为 2026（年）、2026-11（月）、2026-Q4（季度）或 2026-H2（半年）', '统计期间不是年、月、季度或半年的写法'),
  // The archived content no longer matches its digest: the store is damaged, not the caller's request.
  'E-PUBLICATION-HASH': entry('records', '公开存档 {id} 的内容与存档摘要不符（内容被改动）', '公开存档的内容文件被改动，与存档时的 SHA-256 摘要不符', { status: 503 }),
  'E-PUBLICATION-KIND': entry('records', '公开类别 {kind} 格式不正确（小写字母、数字和连字符，例如 announcement）', '公开存档的类别不是小写字母、数字和连字符'),
  'E-PUBLICATION-MISSING': entry('records', '公开存档 {id} 的内容文件缺失', '公开存档的内容文件已不在数据目录中', { status: 503 }),
  'E-PUBLICATION-NOT-FOUND': entry('records', '公开存档 {id} 不存在', '没有这个公开存档编号', { status: 404 }),
  'E-PUBLICATION-UNMASKED': entry('records', '公开内容含未脱敏的个人信息：{what}；请脱敏后再公开', '拟公开的内容含有未脱敏的身份证号、手机号等个人信息，拒绝存档'),
  'E-RECORD-INVALID': entry('records', '记录无效：{detail}', '记录不符合登记簿格式，或办理环节的顺序与办件当前状态冲突（如未中止就恢复计时、办结后再中止）', { status: 409 }),
  'E-RECORD-POST': entry('records', '岗位 `{id}` 未在 center.yaml 中声明', '记录所写的岗位不在 center.yaml 中'),
  'E-RECORD-STAFF': entry('records', '工作人员 `{id}` 未在 center.yaml 中声明；已声明的有：{known}', '记录所写的工作人员不在 center.yaml 中'),
  'E-RECORD-TIME': entry('records', "{what} '{value}' {reason}，例如 {example}", '记录中的时间不是真实存在的 ISO 8601 时刻'),
  'E-RECORD-WINDOW': entry('records', '窗口 `{id}` 未在 center.yaml 中声明；已声明的有：{known}', '记录所写的窗口不在 center.yaml 中'),
  'E-REVIEW-APPEAL-GOOD': entry('records', '评价 {id}（{grade}）不是差评，无需申诉复核', '对不是差评的评价申诉复核', { status: 409 }),
  'E-REVIEW-APPEALED': entry('records', '评价 {id} 已于 {at} 申诉复核，结论为“{outcome}”；复核只能进行一次', '评价已经申诉复核过，结论不能更改', { status: 409 }),
  'E-REVIEW-CASE-OPEN': entry('records', '办件 {id} 在评价时间 {at} 尚未办结（{status}）；办结、退回、不予受理或一次性告知后才能评价', '对尚未办结的办件评价', { status: 409 }),
  'E-REVIEW-DONE': entry('records', '评价 {id} 已记录{what}', '差评的回访或整改反馈已经记录过', { status: 409 }),
  'E-REVIEW-DUPLICATE': entry('records', '办件 {case} 已于 {at} 评价（{id}）；一次一评，不能再次评价', '同一办件再次评价（一次一评）', { status: 409 }),
  'E-REVIEW-FUTURE': entry('records', '时间 {at} 晚于现在（{now}）：评价、回访、整改和申诉复核只能记录已经发生的事', '评价或其回访、整改、申诉复核的时间写在了将来（会使评价落在统计区间之外）'),
  'E-REVIEW-GRADE': entry('records', '评价等级“{grade}”不在 policy.yaml 的 reviews.grades 中；可选：{grades}', '评价等级不是 policy.yaml 所列的等级'),
  'E-REVIEW-NOT-BAD': entry('records', '评价 {id}（{grade}）不是差评，无需回访整改', '对不是差评的评价记录回访或整改', { status: 409 }),
  'E-REVIEW-NOT-FOUND': entry('records', '评价 {id} 不存在', '没有这个评价编号', { status: 404 }),
  'E-REVIEW-STRUCK': entry('records', '评价 {id} 已于 {at} 经申诉复核撤销，无需回访整改', '对经申诉复核撤销的差评记录回访或整改', { status: 409 }),
  'E-REVIEW-TIME': entry('records', '时间 {at} 早于评价时间 {reviewedAt}', '回访、整改或申诉复核的时间早于评价的时间'),
  'E-STAFF-NOT-FOUND': entry('records', '工作人员 {id} 未在 center.yaml 中声明', '请求的工作人员标识不在 center.yaml 中', { status: 404 }),
  // issue-16 commitment: codes of this part go below this line
  // issue-16 steps: codes of this part go below this line
  'E-CASE-STEP-CLOSED': entry('records', '办件 {id} 已结束（{status}），不能再记录环节完成', '对已办结、退回或不予受理的办件记录办理环节完成（step-completed）', { status: 409 }),
  'E-CASE-STEP-DONE': entry('records', '环节“{name}”（{step}）已于 {at} 记录完成，同一环节不能重复记录', '同一办理环节再次记录完成', { status: 409 }),
  'E-CASE-STEP-NONE': entry('records', '事项 {item}“{itemName}”的办事程序没有写环节标识（procedure 的 id），不能记录环节完成', '对办事程序没有环节标识的事项记录环节完成'),
  'E-CASE-STEP-NOT-ACCEPTED': entry('records', '办件 {id} 尚未受理（{status}），环节计时自受理起算，受理后才能记录环节完成', '对尚未受理的办件记录办理环节完成', { status: 409 }),
  'E-CASE-STEP-UNKNOWN': entry('records', '事项 {item}“{itemName}”的办事程序中没有标识为 {step} 的环节；可选：{known}', '环节完成所写的环节标识不在该事项（受理时施行的版本）的办事程序中'),
  // issue-16 bundles: codes of this part go below this line
} as const satisfies Record<string, CatalogueEntry>;
