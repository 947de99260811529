// 由 `npm run gen:api-types` 从服务的 OpenAPI 文档（GET /openapi.json）生成，请勿手工修改。
// Generated from the service's OpenAPI document by `npm run gen:api-types`; do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 存活检查 */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 就绪检查：磁盘上的规则包是否就是正在使用的规则包
         * @description 200：规则包文件即正在使用的版本。503：规则包文件已修改但未通过校验（error.errors 列出每处错误的文件、行、列），或正在重新加载，此期间继续按上一版规则包答复；或登记簿不可用。
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 受理分类决定
         * @description 按规则包判断一次咨询或申请：consultation 咨询件（一次性告知）、supplement 补正、returned 退回、rejected 不予受理（告知去向）、accepted 受理（即办、承诺、上报、联办、信访），附缺件清单、理由、期限、收费和判断过程（trace，含 YAML 文件和行号）。record: true 时登记办件、出具带文号的文书（需认证）。
         */
        post: operations["decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bundles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 全部“一件事”
         * @description 规则包 bundles/ 中的“一件事”（高效办成一件事）：编码、名称、牵头部门、综合受理窗口、包含的事项和整件事的承诺时限。
         */
        get: operations["listBundles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bundles/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * “一件事”受理分类决定
         * @description 一次申请办理一件“一件事”：各事项按同一申请人情况、同一套材料逐项判断（decisions），合并为一张材料清单（共享材料只列一次，写明用于哪些事项）、一张缺件清单、总的分类和统一的办结期限，出具一份“一件事”一次性告知。
         */
        post: operations["decideBundle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 全部服务事项
         * @description 每个事项按当日有效的版本：编码、名称、办理方式、受理窗口、申报材料（标识、名称、必要性）。
         */
        get: operations["listItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 一个服务事项
         * @description 目录信息（当日有效的版本）和规则包中的完整声明（declaration，格式见 Item；含将来施行的变更 changes）。事项编码不存在时返回 404 并给出最相近的事项（首问引导）。
         */
        get: operations["getItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 首问引导：按名称、关键词或编码查找事项、窗口和外部机关
         * @description 群众问到的事，不论是否本窗口办理，都能指明应去的窗口或机关（首问负责制）。结果按匹配程度排序：kind 为 item 本中心事项、referral 不归本中心办理（organ 为应去的机关）、window 窗口。
         */
        get: operations["routeInquiry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 办结期限：承诺期限和法定期限
         * @description 自受理时起算（受理当日不计，期限届满日办公时间结束时到期），按规则包的工作日历和办公时间计算；暂停计时的期间不计入。按受理当日施行的事项版本和中心制度（policy.yaml 的 changes）计算。信访件另给答复期限（reply）和领导接待答复期限（leaderReception）。办理方式按条件选择的事项（如临时救助），按其余情况（最后一项）计算，modeBranch 指明所按的一项，modes 列出各项的时限；按申请人情况计算请用 POST /v1/decisions。
         */
        get: operations["getDeadline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 某年的工作日历
         * @description 放假安排、调休上班日、每月工作日数。source 说明数据来源：pack 规则包（official 是否为国务院正式公布）、package 通用节假日数据、statutory 规则包和通用数据均未收录，只按《全国年节及纪念日放假办法》的法定假日推算（不含调休和补假）、weekends-only 未知安排只按周末计算（warnings 中有提示）。
         */
        get: operations["getCalendarYear"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 预警办件（电子监察黄牌、红牌）
         * @description 在办的办件中即将到期（yellow，剩余工作日不超过 policy.yaml 的预警阈值）和已超期（red）的，红牌在前，各按到期时间排序，附责任人（A岗，或顶岗的B岗）；steps 另列当前环节即将超时或已超时（环节超时）的办件；specialSteps 另列因特殊环节中止计时、特殊环节自身时限临近或已过的办件。
         */
        get: operations["listOverdueCases"];
        put?: never;
        /**
         * 登记办件（按现行规则包判断后登记）
         * @description 对申请作出受理分类决定并登记为办件（咨询件也要登记），出具带文号的文书。与 POST /v1/decisions 加 record: true 相同，返回的是办件。
         */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录办理环节
         * @description 补正告知、受理、中止计时（补正、听证、检验检测、专家评审）、恢复计时、经批准延长、办结、退回、不予受理、超期说明、环节完成（step-completed，step 写事项 procedure 中步骤的 id，每个环节只记一次）、特殊环节（suspended 可写 specialStep：事项 specialSteps 中不计入办理时限的特殊环节的 id，不写理由时理由为“特殊环节：名称（依据…）”）、告知承诺核查（commitment-verified 属实；commitment-false 不实，须写理由：尚未办结的同时终止办理，并记为虚假承诺记录，此后该申请人不再适用告知承诺）。环节须符合办理顺序；中止、退回、不予受理、超期说明须写理由，延长须有批准记录且不超过事项规定的最长延长期限。
         */
        post: operations["addCaseEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 办件及其计时
         * @description 办件登记内容、全部办理环节、当前状态，以及计时：到期时间、剩余时间、预警等级（yellow 黄牌、red 红牌）和责任人。
         */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登记投诉
         * @description 渠道（口头、电话、书面；重大事项须书面）、投诉人（保密，可匿名）、被投诉的工作人员或窗口、内容；答复期限按 policy.yaml 计算。
         */
        post: operations["createComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 投诉核实结论（需管理员令牌）
         * @description verified 查实、unfounded 不实；结论一经记录不能更改。查实的投诉按 policy.yaml 的责任追究规则计入责任人（例如一次查实通报批评、二次查实下岗）。
         */
        post: operations["verifyComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/{id}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工作人员的责任追究记录（需管理员令牌）
         * @description 计算窗口期内（policy.yaml 的 countingWindow，例如自然年）的违规事实（查实投诉、无正当理由超期、服务忌语、空岗、未公示收费、差评）、据 policy.yaml 责任追究规则得出的处理（例如 通报批评、下岗）及每项处理所依据的记录。投诉人信息已脱敏。
         */
        get: operations["getStaffRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 月度考评统计
         * @description 每名工作人员和每个窗口：及时办结率、咨询首问受理率、首问事项办结率、投诉件数，以及按 policy.yaml 考评标准得出的等级（优秀、称职、不称职）。
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 现行规则包的全部文件（需令牌）
         * @description 规则包版本（全部文件内容的指纹：恢复以前的文件即回到以前的版本号）、中心名称，以及每个文件的路径、种类、etag、大小、JSON Schema 地址和事项信息。
         */
        get: operations["getPack"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pack/files/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 现行规则包中一个文件的内容（需令牌）
         * @description 文件全文和 etag。路径限于规则包目录之内：含 ..、绝对路径、NUL、反斜杠或经符号链接指向包外的，答复 400 E-DRAFT-PATH。
         */
        get: operations["getPackFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pack/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 规则包发布历史（需令牌）
         * @description 每次发布和回退，新的在前：发布人、时间、文件、统一格式差异、发布前后的版本、场景测试结果、理由。
         */
        get: operations["getPackHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pack/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 回退到以前的版本（需管理员令牌）
         * @description 把规则包恢复为发布历史中出现过的任一版本（versionBefore 或 versionAfter），全部文件一次写入（全部成功或全部不变），服务随即重新加载；回退本身也记为一次发布（kind: rollback）。
         */
        post: operations["rollbackPack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schemas/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 规则包文件的 JSON Schema
         * @description 本服务所带的 JSON Schema（规则包文件的格式和中文说明），供编辑器补全和校验：规则包文件第一行的 `# yaml-language-server: $schema=…` 可指向这里。
         */
        get: operations["getSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schemas/records/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 登记簿记录的 JSON Schema
         * @description 本服务所带的 JSON Schema（规则包文件的格式和中文说明），供编辑器补全和校验：规则包文件第一行的 `# yaml-language-server: $schema=…` 可指向这里。
         */
        get: operations["getRecordSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 全部草稿（需令牌）
         * @description 保存在数据目录中的草稿，最近修改的在前；服务重启后仍在。
         */
        get: operations["listDrafts"];
        put?: never;
        /**
         * 新建草稿（需令牌）
         * @description 在现行规则包上打开一个草稿（记下每个文件的 etag，发布时据此发现冲突）。带 init（中心名称、地址、办公时间、电话、窗口、工作人员）时按回答生成一个新的规则包，替换全部文件（“新建规则包”）。
         */
        post: operations["createDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 一个草稿及其全部文件（需令牌）
         * @description 每个文件的状态：unchanged 未改、changed 修改、added 新增、deleted 删除。
         */
        get: operations["getDraft"];
        put?: never;
        post?: never;
        /**
         * 删除草稿（需令牌）
         * @description 放弃草稿中的全部修改；现行规则包不受影响。
         */
        delete: operations["deleteDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts/{id}/files/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 草稿中一个文件的内容（需令牌）
         * @description 草稿中的内容（未改的文件即现行内容）、etag 和状态。
         */
        get: operations["getDraftFile"];
        /**
         * 写入草稿中的一个文件，返回整个草稿的校验结果（需令牌）
         * @description 请求体为文件全文（Content-Type: application/yaml 或 text/plain，原样保存，注释和格式不变），也可为 JSON { "text": "…" }。只重新解析这一个文件，再做跨文件检查。写回与现行相同的内容即撤销该文件的修改。
         */
        put: operations["putDraftFile"];
        post?: never;
        /**
         * 在草稿中删除一个文件，返回整个草稿的校验结果（需令牌）
         * @description 现行规则包中的文件标为删除（发布时删除）；草稿新增的文件直接去掉。
         */
        delete: operations["deleteDraftFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts/{id}/diagnostics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 草稿的校验结果（需令牌）
         * @description 与 bianmin validate --json 相同的错误和警告（文件、行、列、JSON 路径、代码、中文说明及“是否应为…？”建议），另加耗时 ms；写了 item 且草稿没有错误时，check 为该事项的静态检查（bianmin check），每条发现附反例场景。写入事项文件（PUT）的答复同样带上该事项的静态检查。草稿没有错误而其中没有 item 所写的事项时答复 404 E-ITEM-UNKNOWN，附最相近的事项（check 为 null 只表示草稿有错误）。
         */
        get: operations["getDraftDiagnostics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 按草稿判断一次申请（需令牌）
         * @description 请求体同 POST /v1/decisions（申请，含 item）；按草稿中的规则判断，答复格式也相同（不登记，case 恒为 null）。判断过程 trace 带 YAML 文件和行号。草稿有校验错误时答复 422 E-DRAFT-INVALID。
         */
        post: operations["decideOnDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 按草稿生成文书预览（HTML，需令牌）
         * @description doc：consultation 一次性告知单（按 application 中申请人的情况筛选有条件的材料）、guide 办事指南、board-item 政务公开栏中该事项的一页，或 supplement、accepted、immediate、returned、rejected 等决定文书（由 application 判断，或直接给出 decision）。预览不取文号。
         */
        post: operations["renderDraftDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 按草稿运行场景测试（需令牌）
         * @description 答复与 bianmin test --coverage --json 相同：每个场景的结果、未通过的原因（带行号）和判断过程、覆盖情况。可只运行某些文件（files）或某个场景（name）。
         */
        post: operations["testDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 草稿改变了什么（需令牌）
         * @description files：每个改动文件的统一格式差异；whatIf：与 bianmin diff --data --json --limit 200 相同，以现行规则包为旧、草稿为新，重放场景测试和登记簿中近 30 天的申请，列出结果不同的（办件最多列出按编号最前的 200 件，unlisted 是其余件数，tally 汇总全部变化）。
         */
        get: operations["diffDraft"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/drafts/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发布草稿（需管理员令牌）
         * @description 全部改动的文件一次写入（全部成功或全部不变，中途断电也是如此），服务随即重新加载，并记入发布历史。草稿有校验错误时 422 E-DRAFT-INVALID；草稿打开后磁盘上的文件已被修改时 409 E-DRAFT-CONFLICT（details 给出两边的 etag）；场景测试未通过时 422 E-DRAFT-TESTS-FAIL，除非 confirmFailing 为 true 并写明 reason。
         */
        post: operations["publishDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办件评价（好差评，一次一评）
         * @description 办件办结（含退回、不予受理、咨询件一次性告知）后，申请人对服务作出评价：评价等级取自 policy.yaml 的 reviews.grades（非常满意 … 非常不满意），可另评整体满意度、服务效率、服务水平、服务态度。被评价的工作人员和窗口取自办件（责任人、办件窗口）。同一办件只能评价一次，再次评价返回 409 E-REVIEW-DUPLICATE。差评按 policy.yaml 起算回访和整改反馈期限。
         */
        post: operations["createCaseReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 评价列表（好差评）
         * @description 按办件、工作人员、月份筛选的评价，按评价时间排序，附是否差评、是否经申诉复核撤销、回访和整改反馈期限及是否逾期。不含评价人信息。
         */
        get: operations["listReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录差评回访
         * @description 差评的回访：经办人、时间、情况；只能记录一次，不早于评价时间。期限按 policy.yaml（badReviewCallback）计算，晚于期限记为逾期。经申诉复核撤销的差评无需回访。
         */
        post: operations["recordReviewCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/rectification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录差评整改反馈
         * @description 差评的整改反馈：经办人、时间、情况；只能记录一次，不早于评价时间。期限按 policy.yaml（badReviewRectification）计算，晚于期限记为逾期。经申诉复核撤销的差评无需整改反馈。
         */
        post: operations["recordReviewRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 差评申诉复核（需管理员令牌）
         * @description 中心管理办公室对差评的申诉复核：upheld 维持（照常计入）、struck 撤销（不再计入考评统计、满意率和责任追究的差评次数，工作人员的记录中显示为已撤销及理由）。须写明理由；每条评价只能复核一次。
         */
        post: operations["appealReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 当前令牌对应的工作人员（窗口受理页用）
         * @description 令牌名称、角色；令牌名称为 center.yaml 中工作人员的标识时，给出该工作人员、所在窗口和担任的岗位（AB岗）；以及好差评的评价等级。
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/{id}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的办件：工作人员在办的办件及其黄牌、红牌
         * @description 该工作人员负责的在办办件（A岗，或B岗顶岗时的B岗），以及其担任B岗的岗位上的在办办件（covering: true），附预警等级、剩余时间和全部办理环节，红牌在前；另列今日办结的办件及是否已评价。申请人身份信息已脱敏。本人或管理员令牌另可见本人的责任追究记录。
         */
        get: operations["listStaffCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/life-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 人生事件和窗口（自助服务“我要办什么”）
         * @description 按人生事件（center.yaml 的 lifeEvents）和按窗口分组的事项，供自助服务页面的大按钮使用；事项按当日有效的版本。
         */
        get: operations["listLifeEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/items/{code}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 事项办事指南的二维码（SVG）
         * @description 二维码内容为 {对外网址}/v1/items/{code}/guide（bianmin serve --public-url 配置的网址）。未配置对外网址时返回 404 E-PUBLIC-URL-UNSET；事项编码不存在时返回 404 并给出最相近的事项。
         */
        get: operations["getItemQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/items/{code}/guide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 办事指南（HTML 或 PDF）
         * @description 按 Accept 请求头提供：text/html（默认）或 application/pdf（A4 打印版）。
         */
        get: operations["getItemGuide"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 政务公开栏（HTML）
         * @description layout=center：中心公开栏（机构职责、人员与AB岗、服务承诺、投诉渠道、领导带班、近期办结公告、本月“好差评”）；layout=window：窗口公示牌（事项、时限、收费、咨询窗口和电话，设置了 --public-url 时每个事项附办事指南二维码）；默认 binder：办事指南汇编（中心概况、AB岗、服务承诺、值班表、投诉处理结果、“好差评”、预公开、目录和全部事项，每个事项另起一页）。screen=1 为大厅显示屏大字页面。未知窗口答 404（E-DOC-WINDOW，附已声明的窗口）。
         */
        get: operations["getBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/board.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 政务公开栏（PDF）
         * @description 打印张贴用，参数同 GET /board：中心公开栏和窗口公示牌按所选纸张（默认 A3）印，每个窗口一页；汇编为 A4，每个事项另起一页，带页码。
         */
        get: operations["getBoardPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notices/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 登记办件时出具的文书（HTML 或 PDF，需认证）
         * @description 一次性告知单、补正材料通知书、受理通知书、即办件回执、退回件通知书或不予受理通知书，可打印；文号即登记时返回的 notice.number（路径中需 URL 编码）。按 Accept 请求头提供：text/html（默认）或 application/pdf（A4 打印版）。
         */
        get: operations["getNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description 标识：小写英文字母、数字和连字符，例如 minzheng-window。其他文件用它来引用此项。 */
        "Common-id": string;
        /** @description 日期，格式 YYYY-MM-DD，例如 2026-10-01（北京时间）。 */
        "Common-date": string;
        /** @description 月份，格式 YYYY-MM，例如 2026-12。 */
        "Common-month": string;
        /** @description 电话号码，例如 0856-2336001。 */
        "Common-phone": string;
        /** @description 时限：数量加单位。工作日不含周末和法定节假日，含调休上班日；小时、分钟只计办公时间。 */
        "Common-duration": {
            /** @description 数量。 */
            amount: number;
            /**
             * @description 单位：workingDays 工作日（默认口径）、calendarDays 自然日、hours 小时（办公时间）、minutes 分钟（办公时间）、sameDay 当日（写作 {amount: 0, unit: sameDay}：在工作日办公时间内受理的，当日下班前办结；下班后、周末或节假日受理的，下一个工作日下班前办结）。
             * @enum {unknown}
             */
            unit: "workingDays" | "calendarDays" | "hours" | "minutes" | "sameDay";
        };
        /** @description 法律依据：法律法规名称及条款。 */
        "Common-legalRef": {
            /** @description 法律、法规、规章或规范性文件名称，例如《中华人民共和国行政许可法》。 */
            law: string;
            /** @description 条款，例如 第三十二条。 */
            article?: string;
            /** @description 条文摘要（可选）。 */
            text?: string;
            /** @description 依据文号：例如 国务院令第649号、民发〔2021〕57号。 */
            number?: string;
            /** @description 颁布机关：例如 国务院、民政部。 */
            issuer?: string;
            effectiveDate?: components["schemas"]["Common-date"];
        };
        /** @description 统一社会信用代码：18位，例如 11522731MB1234567X。 */
        "Common-creditCode": string;
        /** @description 规则包内的文件：相对规则包根目录的路径，例如 forms/mz-001-申请书.pdf；校验时检查文件存在。 */
        "Common-packFile": string;
        /** @description 来源渠道：材料从哪里来。 */
        "Common-sourceChannel": {
            /**
             * @description 来源渠道：申请人自备、政府部门核发或其他。
             * @enum {unknown}
             */
            channel: "申请人自备" | "政府部门核发" | "其他";
            /** @description 来源渠道说明：例如 由户籍所在地公安派出所核发。 */
            note?: string;
        };
        /** @description 电子证照：该材料对应的电子证照（可凭电子证照免交纸质材料）。 */
        "Common-license": {
            /** @description 电子证照目录编码：全国一体化政务服务平台电子证照目录中的编码。 */
            code: string;
            /** @description 电子证照名称：例如 居民户口簿。 */
            name?: string;
        };
        /** @description 条件（json-rules-engine 语法）：all 全部满足、any 任一满足、not 不满足、condition 引用共享条件，或单个比较 fact + operator + value（可加 path）。 */
        "Common-condition": {
            /** @description 下列条件全部满足。 */
            all?: components["schemas"]["Common-condition"][];
            /** @description 下列条件任一满足。 */
            any?: components["schemas"]["Common-condition"][];
            not?: components["schemas"]["Common-condition"];
            condition?: components["schemas"]["Common-id"];
            /** @description 事实名称：facts.yaml 中声明的申请人事实，或内置事实 applicantType（person 自然人 / organization 法人）。 */
            fact?: string;
            /**
             * @description 比较方式：equal 等于、notEqual 不等于、lessThan 小于、lessThanInclusive 小于等于、greaterThan 大于、greaterThanInclusive 大于等于、in 属于列表、notIn 不属于列表、contains 包含、doesNotContain 不包含。
             * @enum {unknown}
             */
            operator?: "equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain";
            /** @description 比较的值。 */
            value?: unknown;
            /** @description 事实内部的路径（JSONPath，以 $ 开头），例如 $.county。 */
            path?: string;
            /** @description 传给事实的参数（高级用法）。 */
            params?: Record<string, never>;
        } & (unknown | unknown | unknown | unknown | unknown);
        /**
         * 便民规则包：服务事项（items/*.yaml）
         * @description 一个服务事项一个文件：办事指南和一次性告知单所需的全部内容，以及受理条件、申报材料和时限。
         */
        Item: {
            code: components["schemas"]["Item-code"];
            name: components["schemas"]["Item-name"];
            type: components["schemas"]["Item-type"];
            keywords?: components["schemas"]["Item-keywords"];
            department: components["schemas"]["Item-department"];
            window: components["schemas"]["Item-window"];
            mode: components["schemas"]["Item-modeField"];
            departments?: components["schemas"]["Item-departments"];
            reportTo?: components["schemas"]["Item-reportTo"];
            basis?: components["schemas"]["Item-basis"];
            conditions?: components["schemas"]["Item-conditions"];
            materials: components["schemas"]["Item-materials"];
            procedure?: components["schemas"]["Item-procedure"];
            limits?: components["schemas"]["Item-limits"];
            fees?: components["schemas"]["Item-fees"];
            result?: components["schemas"]["Item-result"];
            announcement?: components["schemas"]["Item-announcement"];
            service?: components["schemas"]["Item-service"];
            place?: components["schemas"]["Item-place"];
            phone?: components["schemas"]["Item-phone"];
            forms?: components["schemas"]["Item-forms"];
            documents?: components["schemas"]["Item-documents"];
            notes?: components["schemas"]["Item-notes"];
            codes?: components["schemas"]["Item-codes"];
            version?: components["schemas"]["Item-version"];
            status?: components["schemas"]["Item-status"];
            authority?: components["schemas"]["Item-authority"];
            serviceObjects?: components["schemas"]["Item-serviceObjects"];
            implementationBasis?: components["schemas"]["Item-implementationBasis"];
            specialSteps?: components["schemas"]["Item-specialSteps"];
            visits?: components["schemas"]["Item-visits"];
            channels?: components["schemas"]["Item-channels"];
            appointment?: components["schemas"]["Item-appointment"];
            delivery?: components["schemas"]["Item-delivery"];
            selfService?: components["schemas"]["Item-selfService"];
            onlinePayment?: components["schemas"]["Item-onlinePayment"];
            crossRegion?: components["schemas"]["Item-crossRegion"];
            intermediaries?: components["schemas"]["Item-intermediaries"];
            quantityLimit?: components["schemas"]["Item-quantityLimit"];
            rights?: components["schemas"]["Item-rights"];
            obligations?: components["schemas"]["Item-obligations"];
            remedies?: components["schemas"]["Item-remedies"];
            faq?: components["schemas"]["Item-faq"];
            directions?: components["schemas"]["Item-directions"];
            commitment?: components["schemas"]["Item-commitment"];
            situations?: components["schemas"]["Item-situations"];
            /** @description 已公布、将于某日起施行的变更（预公开）。到 effectiveFrom 当日起依次应用：set 整体替换所列字段，remove 按标识删除，replace 按标识整体替换条目，add 在列表末尾新增条目。材料、受理条件、收费和办事程序请用 remove/replace/add 按标识修改，不要用 set 整体重写。 */
            changes?: ({
                effectiveFrom: components["schemas"]["Common-date"];
                /** @description 变更依据，例如 县政府文件文号。 */
                reference: string;
                /** @description 变更说明（预公开时展示）。 */
                note?: string;
                /** @description 变更后的字段值（整体替换）：适用于名称、时限等单项字段；材料、受理条件、收费、办事程序请用 remove/replace/add。 */
                set?: {
                    name?: components["schemas"]["Item-name"];
                    type?: components["schemas"]["Item-type"];
                    keywords?: components["schemas"]["Item-keywords"];
                    department?: components["schemas"]["Item-department"];
                    window?: components["schemas"]["Item-window"];
                    mode?: components["schemas"]["Item-modeField"];
                    departments?: components["schemas"]["Item-departments"];
                    reportTo?: components["schemas"]["Item-reportTo"];
                    basis?: components["schemas"]["Item-basis"];
                    conditions?: components["schemas"]["Item-conditions"];
                    materials?: components["schemas"]["Item-materials"];
                    procedure?: components["schemas"]["Item-procedure"];
                    limits?: components["schemas"]["Item-limits"];
                    fees?: components["schemas"]["Item-fees"];
                    result?: components["schemas"]["Item-result"];
                    announcement?: components["schemas"]["Item-announcement"];
                    service?: components["schemas"]["Item-service"];
                    place?: components["schemas"]["Item-place"];
                    phone?: components["schemas"]["Item-phone"];
                    forms?: components["schemas"]["Item-forms"];
                    documents?: components["schemas"]["Item-documents"];
                    notes?: components["schemas"]["Item-notes"];
                    codes?: components["schemas"]["Item-codes"];
                    version?: components["schemas"]["Item-version"];
                    status?: components["schemas"]["Item-status"];
                    authority?: components["schemas"]["Item-authority"];
                    serviceObjects?: components["schemas"]["Item-serviceObjects"];
                    implementationBasis?: components["schemas"]["Item-implementationBasis"];
                    specialSteps?: components["schemas"]["Item-specialSteps"];
                    visits?: components["schemas"]["Item-visits"];
                    channels?: components["schemas"]["Item-channels"];
                    appointment?: components["schemas"]["Item-appointment"];
                    delivery?: components["schemas"]["Item-delivery"];
                    selfService?: components["schemas"]["Item-selfService"];
                    onlinePayment?: components["schemas"]["Item-onlinePayment"];
                    crossRegion?: components["schemas"]["Item-crossRegion"];
                    intermediaries?: components["schemas"]["Item-intermediaries"];
                    quantityLimit?: components["schemas"]["Item-quantityLimit"];
                    rights?: components["schemas"]["Item-rights"];
                    obligations?: components["schemas"]["Item-obligations"];
                    remedies?: components["schemas"]["Item-remedies"];
                    faq?: components["schemas"]["Item-faq"];
                    directions?: components["schemas"]["Item-directions"];
                };
                /** @description 按标识删除的条目：标识须是前一版本中已有的。 */
                remove?: {
                    /** @description 要删除的申报材料的标识（材料引用共享目录且未写 id 的，标识即 use）。 */
                    materials?: components["schemas"]["Common-id"][];
                    /** @description 要删除的受理条件的标识。 */
                    conditions?: components["schemas"]["Common-id"][];
                    /** @description 要删除的收费项目的标识。 */
                    fees?: components["schemas"]["Common-id"][];
                    /** @description 要删除的办事程序步骤的标识。 */
                    procedure?: components["schemas"]["Common-id"][];
                };
                /** @description 按标识整体替换的条目：写出替换后的完整条目，标识须是前一版本中已有的，位置不变。 */
                replace?: {
                    /** @description 替换后的申报材料（完整条目，按 id 对应原条目；引用共享目录且未写 id 的，以 use 为 id）。 */
                    materials?: components["schemas"]["Item-materials-items"][];
                    /** @description 替换后的受理条件（完整条目，按 id 对应原条目）。 */
                    conditions?: components["schemas"]["Item-conditions-items"][];
                    /** @description 替换后的收费项目（完整条目，按 id 对应原条目）。 */
                    fees?: components["schemas"]["Item-fees-items"][];
                    /** @description 替换后的办事程序步骤（完整条目，按 id 对应原条目）。 */
                    procedure?: components["schemas"]["Item-procedure-items"][];
                };
                /** @description 新增的条目，依次添加到列表末尾；标识不得与已有条目重复。 */
                add?: {
                    /** @description 新增的申报材料（完整条目）。 */
                    materials?: components["schemas"]["Item-materials-items"][];
                    /** @description 新增的受理条件（完整条目）。 */
                    conditions?: components["schemas"]["Item-conditions-items"][];
                    /** @description 新增的收费项目（完整条目）。 */
                    fees?: components["schemas"]["Item-fees-items"][];
                    /** @description 新增的办事程序步骤（完整条目）。 */
                    procedure?: components["schemas"]["Item-procedure-items"][];
                };
            } | unknown | unknown | unknown | unknown)[];
        };
        /** @description 告知承诺（证明事项告知承诺制，国办发〔2020〕42号）：事项的承诺内容、适用范围、不适用情形、核查和虚假承诺的后果。只作为写了 commitment 的材料的默认值：哪些材料可以承诺，由材料各自的 commitment 写明。 */
        "Item-commitment": {
            /** @description 告知承诺的承诺内容：申请人承诺的事实，例如 本人与逝者系直系亲属关系，所填信息真实。 */
            text: string;
            /** @description 告知承诺的适用范围：哪些申请人、哪些情形可以承诺，例如 本县户籍居民。 */
            scope?: string;
            /** @description 告知承诺的不适用情形：不得以承诺代替的情形（中文列举），例如 曾作出虚假承诺的。登记簿中有虚假承诺记录的申请人一律不适用。 */
            excluded?: string[];
            /** @description 告知承诺的核查：受理后在期限内核查承诺内容。 */
            postCheck?: {
                period: components["schemas"]["Common-duration"];
                /** @description 告知承诺的核查方式或核查单位，例如 民政办向村（居）民委员会核实。 */
                by?: string;
            };
            /** @description 告知承诺的虚假承诺后果：例如 终止办理、追回补贴、记入信用记录。 */
            falseConsequence?: string;
            /** @description 告知承诺的依据：法律法规及条款，例如 国办发〔2020〕42号。 */
            basis?: components["schemas"]["Common-legalRef"][];
        };
        /** @description 告知承诺：该材料的承诺内容等；未写的字段取事项的 commitment（承诺内容 text 两处至少写一处）。 */
        "Item-materialCommitment": {
            /** @description 告知承诺的承诺内容：申请人承诺的事实，例如 本人与逝者系直系亲属关系，所填信息真实。 */
            text?: string;
            /** @description 告知承诺的适用范围：哪些申请人、哪些情形可以承诺，例如 本县户籍居民。 */
            scope?: string;
            /** @description 告知承诺的不适用情形：不得以承诺代替的情形（中文列举），例如 曾作出虚假承诺的。登记簿中有虚假承诺记录的申请人一律不适用。 */
            excluded?: string[];
            /** @description 告知承诺的核查：受理后在期限内核查承诺内容。 */
            postCheck?: {
                period: components["schemas"]["Common-duration"];
                /** @description 告知承诺的核查方式或核查单位，例如 民政办向村（居）民委员会核实。 */
                by?: string;
            };
            /** @description 告知承诺的虚假承诺后果：例如 终止办理、追回补贴、记入信用记录。 */
            falseConsequence?: string;
            /** @description 告知承诺的依据：法律法规及条款，例如 国办发〔2020〕42号。 */
            basis?: components["schemas"]["Common-legalRef"][];
        };
        /** @description 事项编码，全包唯一，例如 MZ-001。 */
        "Item-code": string;
        /** @description 事项名称，例如 最低生活保障审核。 */
        "Item-name": string;
        /**
         * @description 事项类型：行政许可、行政确认、行政给付、行政裁决、行政奖励、行政备案、其他行政权力、公共服务或其他。
         * @enum {unknown}
         */
        "Item-type": "行政许可" | "行政确认" | "行政给付" | "行政裁决" | "行政奖励" | "行政备案" | "其他行政权力" | "公共服务" | "其他";
        /** @description 检索关键词（首问引导用），例如 [低保, 困难补助]。 */
        "Item-keywords": string[];
        "Item-department": components["schemas"]["Common-id"];
        "Item-window": components["schemas"]["Common-id"];
        /**
         * @description 办理方式：immediate 即办件（30分钟内当场办结）、promised 承诺件、reported 上报件（报上级审批）、joint 联办件（多部门）、petition 信访件。
         * @enum {string}
         */
        "Item-mode": "immediate" | "promised" | "reported" | "joint" | "petition";
        /** @description 办理方式：写一种（如 promised），或按条件选择的列表：自上而下取第一个 when 满足的一项，最后一项不写 when（其余情况）。例如 救助金额1000元以下的即办，超过的承诺件。 */
        "Item-modeField": components["schemas"]["Item-mode"] | components["schemas"]["Item-modeChoice"][];
        /** @description 按条件选择的一种办理方式。 */
        "Item-modeChoice": {
            when?: components["schemas"]["Common-condition"];
            mode: components["schemas"]["Item-mode"];
            /** @description 适用情形的中文表述（办事指南、告知单上显示），例如 救助金额1000元以下的。 */
            text?: string;
            limits?: components["schemas"]["Item-limits"];
        };
        /** @description 联办件的协办部门标识（主办部门之外）。 */
        "Item-departments": components["schemas"]["Common-id"][];
        /** @description 上报件的审批机关，例如 县民政局。 */
        "Item-reportTo": string;
        /** @description 设定依据：设定该事项的法律、法规及条款（本地实施的依据写在 implementationBasis 实施依据）。 */
        "Item-basis": components["schemas"]["Common-legalRef"][];
        /** @description 受理条件。任一条件不满足时，按 onFail 处理：returned 退回（默认）或 rejected 不予受理（须写 routeTo）。 */
        "Item-conditions": components["schemas"]["Item-conditions-items"][];
        /** @description 申报材料。necessity：core 主件（缺少则退回）、required 必要（缺少则一次性告知补正）、deferrable 容缺（可受理后补交，须写 due）、optional 可选。 */
        "Item-materials": components["schemas"]["Item-materials-items"][];
        /** @description 办事程序，按顺序列出步骤。 */
        "Item-procedure": components["schemas"]["Item-procedure-items"][];
        /** @description 时限：statutory 法定时限、promised 承诺期限（不得长于法定时限）、extension 经批准可延长的最长期限。即办件可不写：承诺期限按 policy.yaml 的 clocks.immediate（30分钟），法定时限同承诺期限；写了的，承诺期限不得长于即办时限。其他办理方式必须写。 */
        "Item-limits": {
            statutory: components["schemas"]["Common-duration"];
            promised: components["schemas"]["Common-duration"];
            /** @description 延长：经批准可延长的最长期限。 */
            extension?: {
                max: components["schemas"]["Common-duration"];
                /** @description 批准人，例如 本中心负责人。 */
                approver: string;
                basis?: components["schemas"]["Common-legalRef"];
            };
            /** @description 办结时限说明：时限的计算方法和不计入时限的情形等。 */
            note?: string;
            /** @description 办结时限依据：规定法定时限的法律法规及条款。 */
            basis?: components["schemas"]["Common-legalRef"][];
        };
        /** @description 收费标准。未在此声明的费用一律不得收取（杜绝“三乱”）；不收费则不写或写空列表。 */
        "Item-fees": components["schemas"]["Item-fees-items"][];
        /** @description 办理结果。 */
        "Item-result": {
            /** @description 结果名称，例如 《残疾人证》。 */
            name: string;
            /** @description 说明，例如 送达方式。 */
            description?: string;
            /**
             * @description 审批结果类型：证照、批文或其他。
             * @enum {unknown}
             */
            type?: "证照" | "批文" | "其他";
            sample?: components["schemas"]["Common-packFile"];
        };
        /** @description 办结公告：法律法规明确规定须公告的事项，办结后在政务公告栏公开。 */
        "Item-announcement": {
            /** @description 是否须办结公告。 */
            required: boolean;
            basis?: components["schemas"]["Common-legalRef"];
            period?: components["schemas"]["Common-duration"];
        };
        /** @description 预约与上门服务。 */
        "Item-service": {
            /** @description 可预约办理。 */
            appointment?: boolean;
            /** @description 可上门服务（老弱病残等）。 */
            homeService?: boolean;
            /** @description 上门服务的对象说明。 */
            homeServiceFor?: string;
            /** @description 可网上办理。 */
            online?: boolean;
        };
        /** @description 办理地点（不写则为受理窗口所在位置）。 */
        "Item-place": string;
        "Item-phone": components["schemas"]["Common-phone"];
        /** @description 样表。 */
        "Item-forms": {
            /** @description 样表名称。 */
            name: string;
            /** @description 填写说明。 */
            description?: string;
        }[];
        /** @description 本事项使用的文书模板（覆盖默认模板）：值为 templates/ 下的模板名（不含 .hbs）。 */
        "Item-documents": {
            consultation?: string;
            supplement?: string;
            accepted?: string;
            immediate?: string;
            returned?: string;
            rejected?: string;
            correctable?: string;
            guide?: string;
            announcement?: string;
        };
        /** @description 其他说明。 */
        "Item-notes": string;
        /** @description 事项编码（国家）：全国一体化政务服务平台的事项编码；本包内的 code 仍是事项的标识。 */
        "Item-codes": {
            /** @description 基本编码：国家政务服务事项基本目录中的编码。 */
            basic?: string;
            /** @description 实施编码：本实施主体的事项实施编码。 */
            implementation?: string;
            /** @description 业务办理项编码：事项下业务办理项的编码。 */
            handling?: string;
        };
        /** @description 事项版本：实施清单中该事项的版本号，例如 3。 */
        "Item-version": string;
        /** @description 事项状态：在用、暂停或取消，以及计划取消日期。 */
        "Item-status": {
            /**
             * @description 事项状态：在用、暂停、取消。
             * @enum {unknown}
             */
            state: "在用" | "暂停" | "取消";
            plannedCancelDate?: components["schemas"]["Common-date"];
            /** @description 状态说明：暂停或取消的原因等。 */
            note?: string;
        };
        /** @description 权力来源和实施主体。 */
        "Item-authority": {
            /**
             * @description 权力来源：法定本级行使、上级下放、上级授权、同级授权、上级委托、同级委托。
             * @enum {unknown}
             */
            source?: "法定本级行使" | "上级下放" | "上级授权" | "同级授权" | "上级委托" | "同级委托";
            /** @description 行使层级：国家级、省级、市级、县级、镇（乡、街道）级、村（社区）级。 */
            levels?: ("国家级" | "省级" | "市级" | "县级" | "镇（乡、街道）级" | "村（社区）级")[];
            /** @description 实施主体：实际办理该事项的机关或组织。 */
            implementer?: {
                /** @description 实施主体：名称，例如 梧溪县青石镇人民政府。 */
                name: string;
                /**
                 * @description 实施主体性质：法定机关、授权组织、受委托组织。
                 * @enum {unknown}
                 */
                nature?: "法定机关" | "授权组织" | "受委托组织";
                creditCode?: components["schemas"]["Common-creditCode"];
            };
            /** @description 委托部门：受委托实施时委托方的名称和代码。 */
            entrustedBy?: {
                /** @description 委托部门：名称，例如 梧溪县民政局。 */
                name: string;
                creditCode?: components["schemas"]["Common-creditCode"];
            };
        };
        /** @description 服务对象：自然人、法人、其他组织。 */
        "Item-serviceObjects": ("自然人" | "法人" | "其他组织")[];
        /** @description 实施依据：本地实施该事项的法规、规章和规范性文件。 */
        "Item-implementationBasis": components["schemas"]["Common-legalRef"][];
        /** @description 特别程序：听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审等。 */
        "Item-specialSteps": {
            id?: components["schemas"]["Common-id"];
            /** @description 特别程序种类：例如 专家评审、听证。 */
            name: string;
            limit?: components["schemas"]["Common-duration"];
            /** @description 特别程序设定依据。 */
            basis?: components["schemas"]["Common-legalRef"][];
            /** @description 特别程序收费标准：不收费的写 不收费。 */
            fee?: string;
            /** @description 是否计入办理时限：特别程序所需时间是否计入承诺期限（通常不计入）。 */
            countedInLimit?: boolean;
        }[];
        /** @description 到办事现场次数：申请人最多需到现场几次。 */
        "Item-visits": {
            /** @description 到办事现场次数：0 表示零跑动。 */
            count: number;
            /** @description 必须现场办理原因说明：须到现场的理由，例如 须核验本人身份。 */
            reason?: string;
        };
        /** @description 办理形式和网上办理。 */
        "Item-channels": {
            /** @description 办理形式：窗口办理、网上办理、邮寄办理。 */
            forms?: ("窗口办理" | "网上办理" | "邮寄办理")[];
            /**
             * @description 网上办理深度：一级 信息发布、二级 在线预审、三级 在线办理（到现场一次）、四级 全程网办。
             * @enum {unknown}
             */
            onlineDepth?: "一级" | "二级" | "三级" | "四级";
            /** @description 网上办理地址：网址。 */
            url?: string;
        };
        /** @description 预约办理。 */
        "Item-appointment": {
            /** @description 是否支持预约办理。 */
            available: boolean;
            /** @description 每日预约数量上限：每日可预约的号数。 */
            dailyQuota?: number;
            /** @description 预约办理规则：预约方式和时段等。 */
            rules?: string;
        };
        /** @description 物流快递：申请材料和办理结果能否寄递。 */
        "Item-delivery": {
            /** @description 申请材料寄递：是否支持邮寄申请材料。 */
            materials?: boolean;
            /** @description 办理结果寄递：是否支持快递送达办理结果。 */
            results?: boolean;
            /** @description 物流快递说明：例如 邮费由政府承担。 */
            note?: string;
        };
        /** @description 是否支持自助终端办理。 */
        "Item-selfService": boolean;
        /** @description 是否支持网上支付。 */
        "Item-onlinePayment": boolean;
        /** @description 通办：跨区域通办的范围和各地职责。 */
        "Item-crossRegion": {
            /**
             * @description 通办范围：全国、跨省、省内、市内、县内。
             * @enum {unknown}
             */
            scope: "全国" | "跨省" | "省内" | "市内" | "县内";
            /** @description 通办类型：全程网办、异地代收代办、多地联办。 */
            types?: ("全程网办" | "异地代收代办" | "多地联办")[];
            /** @description 收件地职责：异地收件窗口负责的工作。 */
            receivingDuties?: string;
            /** @description 办理地职责：办理地（属地）负责的工作。 */
            handlingDuties?: string;
        };
        /** @description 中介服务：办理须经的中介服务（无则不写）。 */
        "Item-intermediaries": {
            /** @description 中介服务事项名称。 */
            name: string;
            /** @description 中介服务设定依据。 */
            basis?: components["schemas"]["Common-legalRef"][];
            /** @description 中介服务机构：提供该服务的机构或机构条件。 */
            provider?: string;
            /** @description 中介服务收费标准。 */
            fee?: string;
        }[];
        /** @description 数量限制：有数量限制的事项写明限制及依据，例如 每户限一处宅基地。 */
        "Item-quantityLimit": string;
        /** @description 申请人权利：依法享有的权利，例如 申请人有权要求一次性告知。 */
        "Item-rights": string[];
        /** @description 申请人义务：依法承担的义务，例如 如实提交材料。 */
        "Item-obligations": string[];
        /** @description 救济途径：对办理结果不服时的行政复议和行政诉讼。 */
        "Item-remedies": {
            /** @description 行政复议：受理行政复议申请的机关及联系方式。 */
            reconsideration?: {
                /** @description 行政复议机关：例如 梧溪县人民政府。 */
                organ: string;
                /** @description 行政复议机关地址。 */
                address?: string;
                phone?: components["schemas"]["Common-phone"];
            };
            /** @description 行政诉讼：受理行政诉讼申请的机关及联系方式。 */
            litigation?: {
                /** @description 行政诉讼机关：例如 梧溪县人民政府。 */
                organ: string;
                /** @description 行政诉讼机关地址。 */
                address?: string;
                phone?: components["schemas"]["Common-phone"];
            };
        };
        /** @description 常见问题：咨询中常被问到的问题和解答。 */
        "Item-faq": {
            /** @description 常见问题：问题。 */
            question: string;
            /** @description 常见问题解答：答案。 */
            answer: string;
        }[];
        /** @description 交通指引：到办理地点的公交线路等。 */
        "Item-directions": string;
        /** @description 情形（业务办理项）：同一事项下按申请人情况区分的办理情形，例如 新办、换领。每个情形在事项的材料、受理条件和时限上增删或改写；按顺序取第一个 when 成立的情形；都不成立时按事项本身的规定办理；缺少判断所需的事实时先询问，不套用任何情形。 */
        "Item-situations": {
            id: components["schemas"]["Common-id"];
            /** @description 情形名称（业务办理项名称），例如 新办、换领；告知单上写“适用情形：…”。 */
            name: string;
            /** @description 情形说明：何种申请人适用本情形。 */
            description?: string;
            when: components["schemas"]["Common-condition"];
            /** @description 情形的申报材料：在事项材料清单上 remove 按标识删除、add 在末尾新增。 */
            materials?: {
                /** @description 情形新增的申报材料（完整条目），标识不得与事项已有材料重复。 */
                add?: components["schemas"]["Item-materials-items"][];
                /** @description 情形不需要的事项材料的标识，须是事项已有的。 */
                remove?: components["schemas"]["Common-id"][];
            };
            /** @description 情形的受理条件：在事项受理条件上 remove 按标识删除、add 在末尾新增。 */
            conditions?: {
                /** @description 情形新增的受理条件（完整条目），标识不得与事项已有条件重复。 */
                add?: components["schemas"]["Item-conditions-items"][];
                /** @description 情形不适用的事项受理条件的标识，须是事项已有的。 */
                remove?: components["schemas"]["Common-id"][];
            };
            /** @description 情形时限：只写与事项不同的一项或两项，其余沿用事项的 limits。 */
            limits?: {
                statutory?: components["schemas"]["Common-duration"];
                promised?: components["schemas"]["Common-duration"];
            };
            /** @description 情形依据：规定本情形材料或时限的法律法规及条款。 */
            basis?: components["schemas"]["Common-legalRef"][];
        }[];
        /**
         * 申请（决定的输入）
         * @description 窗口收到的一次咨询或申请：事项、申请人事实、提交的材料和收件时间。
         */
        Application: {
            /** @description 事项编码，例如 MZ-001。 */
            item: string;
            /**
             * @description apply 申请办理；consult 咨询（出具一次性告知单）。
             * @enum {unknown}
             */
            intent: "apply" | "consult";
            /** @description 申请人：type 为 person（自然人）或 organization（法人）；其余为 facts.yaml 中声明的事实，例如 age、hukouLocal。name、idNumber、phone 为身份信息，不参与判断，公开时脱敏。 */
            applicant: {
                /**
                 * @description 申请人类型。
                 * @enum {unknown}
                 */
                type: "person" | "organization";
                /** @description 姓名或单位名称。 */
                name?: string;
                /** @description 身份证号或统一社会信用代码。 */
                idNumber?: string;
                /** @description 联系电话。 */
                phone?: string;
            } & {
                [key: string]: string | number | boolean;
            };
            /** @description 已提交的材料：材料标识，或 {id, party, form, copies}。只写标识表示原件一份。每一方各需一份的材料（事项中写了 perParty）须用对象写明是哪一方的，例如 {id: id-card, party: 女方}。 */
            materials?: (string | {
                /** @description 材料标识。 */
                id: string;
                /** @description 哪一方的材料（事项材料 perParty 中的称谓，例如 女方）；只用于每一方各需一份的材料。 */
                party?: string;
                /**
                 * @description 提交的形式。
                 * @enum {unknown}
                 */
                form?: "original" | "copy" | "both";
                /** @description 份数。 */
                copies?: number;
            })[];
            /** @description 告知承诺：申请人以书面承诺代替提交的材料标识（只限事项中写了 commitment 的材料），例如 [kinship-proof]。 */
            commitments?: string[];
            /**
             * Format: date-time
             * @description 收件时间（ISO 8601，例如 2026-11-23T09:30:00+08:00；可省略秒，不带时区即北京时间）；不写则为当前时间。
             */
            receivedAt?: string;
        };
        /**
         * 决定
         * @description 对一次咨询或申请的处理决定：分类、缺件清单、容缺材料、理由、去向、期限、收费、应出具的文书和完整的判断过程。
         */
        Decision: {
            /** @description 事项编码。 */
            item: string;
            /** @description 事项名称。 */
            itemName: string;
            /** @description 所适用的事项版本：收件当日有效的变更；null 表示原始声明。 */
            version: {
                /** @description 变更施行日期。 */
                effectiveFrom: string;
                /** @description 变更依据。 */
                reference: string;
            } | null;
            /**
             * @description consultation 咨询件、supplement 补正件、correctable 当场更正（材料问题都可以当场更正，更正后重新判断）、returned 退回件、rejected 不予受理、accepted 受理件。
             * @enum {unknown}
             */
            kind: "consultation" | "supplement" | "correctable" | "returned" | "rejected" | "accepted";
            /**
             * @description 受理件的办理方式；其他分类为 null。
             * @enum {unknown}
             */
            mode: "immediate" | "promised" | "reported" | "joint" | "petition" | null;
            /** @description 收件时间（ISO 8601，北京时间）。 */
            receivedAt: string;
            /** @description 事项按条件选择办理方式（mode 写成列表）时，适用的那一项：index 为列表中的序号（从0起），text 为适用情形，source 为规则出处；按已知事实无法判断时为 null。办理方式只有一种的事项、及之前版本保存的决定不写（按其余情况一项计）。 */
            modeBranch?: {
                index: number;
                text: string | null;
                source: components["schemas"]["Decision-source"];
            } | null;
            /** @description 情形（业务办理项）：事项写了 situations 时，按申请人事实适用的那一个情形（id 和名称）；都不适用或因缺少事实无法判断时为 null（按事项本身的规定办理，缺少的事实见 questions）。事项没有情形的不写。 */
            situation?: {
                id: string;
                name: string;
            } | null;
            materials: components["schemas"]["Decision-materials"];
            /** @description 缺少或不合要求的材料（补正、退回时全部列出，不分次告知）。 */
            missing: {
                id: string;
                name: string;
                /** @enum {unknown} */
                necessity: "core" | "required" | "deferrable" | "optional";
                /** @description 每一方各需一份的材料：缺的是哪一方的，例如 女方。 */
                party?: string;
                /** @enum {unknown} */
                problem: "absent" | "wrong-form" | "too-few-copies";
                /** @description 中文说明，例如 需原件和复印件，只提交了复印件。 */
                detail: string;
                department?: string | null;
            }[];
            /** @description 可以当场更正的材料问题（《行政许可法》第三十二条第一款第（三）项）：不列入缺件、不出具补正通知书；申请人当场更正后重新判断。 */
            correctable?: {
                id: string;
                name: string;
                /** @description 每一方各需一份的材料：是哪一方的，例如 女方。 */
                party?: string;
                /** @enum {unknown} */
                problem: "absent" | "wrong-form" | "too-few-copies";
                /** @description 中文说明，例如 未提交（需原件）。 */
                detail: string;
            }[];
            /** @description 尚待补交的容缺材料及补交期限（自受理时起算）。受理件写明期限；补正件、当场更正件列出尚未交齐的容缺材料，期限为 null，待受理后按受理时间计算（办件登记簿在登记受理时计算）。 */
            deferred: {
                id: string;
                name: string;
                /** @description 补交截止时间（ISO 8601），自受理时起算；尚未受理或未规定期限为 null。 */
                due: string | null;
            }[];
            /** @description 告知承诺：申请人以书面承诺代替提交、按已提交计的材料（受理后在核查期限内核查）。申请人不适用告知承诺时为空，所涉材料照常列为缺少，并在 warnings 中说明理由。 */
            committed?: {
                id: string;
                name: string;
            }[];
            /** @description 提交了本事项材料清单中没有的材料标识。 */
            unknownMaterials: string[];
            /** @description 退回、不予受理、补正的理由，每条对应一条规则。 */
            reasons: components["schemas"]["Decision-reason"][];
            /** @description 引导式问询：尚需了解的申请人情况（最少、有序）。只列出未提供、且能改变某项尚无法判断的受理条件或材料是否需要的事实；决定完全确定时为空。先列决定受理条件的事实（按条件顺序），再列只决定材料的事实（按材料顺序）。转办外单位的事项为空。 */
            questions: components["schemas"]["Decision-question"][];
            /** @description 不予受理时应去的机关或窗口（首问负责：引导，不只是拒绝）。 */
            routeTo: {
                organ: string;
                window?: string | null;
                address?: string | null;
                phone?: string | null;
            } | null;
            /** @description 受理件的办结期限（承诺与法定），自受理时起算。 */
            deadline: {
                acceptedAt: string;
                promised: components["schemas"]["Decision-due"];
                statutory: components["schemas"]["Decision-due"];
                reply?: components["schemas"]["Decision-due"];
                leaderReception?: components["schemas"]["Decision-due"];
                warnings: components["schemas"]["Decision-warning"][];
            } | null;
            fees: {
                name: string;
                amount: number;
                per?: string | null;
                basis: string;
            }[];
            /** @description 一次性告知单的办事指南部分（咨询件给出，其他分类为 null）：受理条件（按已知事实判断）、办理程序、时限、依据、地点和电话。 */
            guide?: {
                /** @description 事项类型，例如 行政给付。 */
                type: string;
                /**
                 * @description 受理后的办理方式（按条件选择的事项：按已知事实适用的一项，无法判断时为其余情况一项）。
                 * @enum {unknown}
                 */
                mode: "immediate" | "promised" | "reported" | "joint" | "petition";
                /** @description 按条件选择办理方式的事项：每一种办理方式、适用情形、时限及按已知事实是否适用；办理方式只有一种的事项不写。 */
                modes?: {
                    index: number;
                    /** @enum {unknown} */
                    mode: "immediate" | "promised" | "reported" | "joint" | "petition";
                    text: string | null;
                    promised: components["schemas"]["Decision-duration"];
                    statutory: components["schemas"]["Decision-duration"];
                    /** @description true 适用、false 不适用、null 缺少事实无法判断。 */
                    applies: boolean | null;
                }[];
                /** @description 主办部门名称。 */
                department: string;
                /** @description 联办件的协办部门名称。 */
                departments: string[];
                /** @description 上报件的审批机关。 */
                reportTo: string | null;
                /** @description 受理窗口。 */
                window: {
                    number: number;
                    name: string;
                    location: string | null;
                } | null;
                /** @description 设定依据，例如 《社会救助暂行办法》第九条。 */
                basis: string[];
                /** @description 受理条件及按已知事实的判断。 */
                conditions: {
                    id: string;
                    text: string;
                    /** @description true 符合、false 不符合、null 缺少事实无法判断。 */
                    met: boolean | null;
                }[];
                procedure: {
                    step: string;
                    description: string | null;
                    limit: components["schemas"]["Decision-duration"] | null;
                }[];
                /** @description 法定时限、承诺期限（自受理之日起算）和经批准可延长的最长期限。 */
                limits: {
                    statutory: components["schemas"]["Decision-duration"];
                    promised: components["schemas"]["Decision-duration"];
                    extension: {
                        max: components["schemas"]["Decision-duration"];
                        approver: string;
                    } | null;
                };
                /** @description 办理结果。 */
                result: string | null;
                /** @description 办理地点。 */
                place: string;
                /** @description 咨询电话和投诉电话。 */
                phones: {
                    consult: string;
                    complaint: string;
                };
            } | null;
            /** @description 应出具的文书。 */
            notice: {
                /** @description 模板名，例如 supplement。 */
                document: string;
            };
            warnings: components["schemas"]["Decision-warning"][];
            /** @description 判断过程：每条规则是否满足、原因和出处。 */
            trace: {
                rule: string;
                /** @description null 表示因缺少事实无法判断。 */
                passed: boolean | null;
                message: string;
                source: components["schemas"]["Decision-source"];
            }[];
        };
        "Decision-source": {
            file: string;
            line: number;
        };
        "Decision-reason": {
            code: string;
            message: string;
            source: components["schemas"]["Decision-source"];
        };
        /** @description 一个尚需向申请人了解的事实。 */
        "Decision-question": {
            /** @description 事实标识（facts.yaml 中的 id，或内置事实 applicantType）；回答时按此标识写入申请的 applicant。 */
            fact: string;
            /** @description 中文名称，例如 年龄。 */
            label: string;
            /**
             * @description 回答的类型：number 数字、boolean 是/否、string 文字、date 日期（YYYY-MM-DD）、enum 固定选项。
             * @enum {unknown}
             */
            type: "number" | "boolean" | "string" | "date" | "enum";
            /** @description 单位，例如 周岁、元；没有单位为 null。 */
            unit: string | null;
            /** @description enum 的可选值（applicantType 为 person 自然人、organization 法人或其他组织）；其他类型为 null。 */
            values: string[] | null;
            /** @description facts.yaml 中的说明；没有为 null。 */
            description: string | null;
            /**
             * @description eligibility：能决定某项受理条件；mode：能决定适用哪种办理方式（及时限）；material：只决定某些材料是否需要。
             * @enum {unknown}
             */
            purpose: "eligibility" | "mode" | "material";
            /** @description 它能决定的、目前无法判断的受理条件标识。 */
            conditions: string[];
            /** @description 它能决定是否需要的材料标识（目前为 unknown、且非中心调取的材料）。 */
            materials: string[];
            /** @description 它能决定的、目前无法判断的办理方式序号（mode 列表中从0起）；没有时不写。 */
            modes?: number[];
        };
        "Decision-warning": {
            /** @description 例如 calendar-uncovered。 */
            code: string;
            message: string;
        };
        "Decision-duration": {
            amount: number;
            /** @enum {unknown} */
            unit: "workingDays" | "calendarDays" | "hours" | "minutes" | "sameDay";
        };
        "Decision-due": {
            amount: number;
            /** @enum {unknown} */
            unit: "workingDays" | "calendarDays" | "hours" | "minutes" | "sameDay";
            /** @description 到期时间（ISO 8601，北京时间）。 */
            due: string;
        };
        /**
         * “一件事”申请（一表申请）
         * @description 对一件“一件事”的一次咨询或申请：一个申请人、一套材料，各事项按同一申请人情况和同一套材料判断。各字段与单个事项的申请（application.schema.json）相同，只是以 bundle 代替 item。
         */
        BundleApplication: {
            /** @description “一件事”编码，例如 YJS-001（bundles/ 中的 code）。 */
            bundle: string;
            intent: components["schemas"]["Application"]["intent"];
            applicant: components["schemas"]["Application"]["applicant"];
            materials?: components["schemas"]["Application"]["materials"];
            commitments?: components["schemas"]["Application"]["commitments"];
            receivedAt?: components["schemas"]["Application"]["receivedAt"];
        };
        /**
         * “一件事”决定
         * @description 对一件“一件事”申请的处理决定：每个事项各自的决定（decisions），合并后的一套材料清单（共享材料只列一次，写明用于哪些事项）、合并的缺件清单、总的分类和统一的办结期限。
         */
        BundleDecision: {
            /** @description “一件事”编码。 */
            bundle: string;
            /** @description “一件事”名称。 */
            name: string;
            /** @description 说明。 */
            description: string | null;
            /** @description 牵头部门。 */
            lead: {
                id: string;
                name: string;
            };
            /** @description 综合受理窗口（一窗受理）：bundles 文件的 window，不写为牵头部门的第一个窗口；牵头部门没有窗口时为 null。 */
            window: {
                id: string;
                number: number;
                name: string;
                location: string | null;
            } | null;
            /** @description 收件时间（ISO 8601，北京时间），各事项相同。 */
            receivedAt: string;
            /**
             * @description 总的分类：各事项都受理才是 accepted；否则取各事项中要求最高的一种（rejected 不予受理 > returned 退回 > supplement 补正 > correctable 当场更正），不予受理的事项另在 rejected 中逐项列出去向。咨询为 consultation。
             * @enum {unknown}
             */
            kind: "consultation" | "supplement" | "correctable" | "returned" | "rejected" | "accepted";
            /** @description 各事项的决定，与 bundles 文件中 items 的顺序相同。 */
            decisions: components["schemas"]["Decision"][];
            /** @description 一套材料（一次告知）：各事项的材料合并为一张清单；通过共享材料目录（use:）引用同一材料的只列一次，items 写明用于哪些事项。 */
            materials: components["schemas"]["BundleDecision-material"][];
            /** @description 合并的缺件清单（补正、退回时一次列全）：同一份材料在几个事项中都缺的只列一次。 */
            missing: {
                /** @description 合并清单中的材料标识（与 materials 的 id 相同）。 */
                id: string;
                name: string;
                /** @enum {unknown} */
                necessity: "core" | "required" | "deferrable" | "optional";
                /** @description 每一方各需一份的材料：缺的是哪一方的。 */
                party?: string;
                /** @enum {unknown} */
                problem: "absent" | "wrong-form" | "too-few-copies";
                detail: string;
                /** @description 缺这份材料的事项编码。 */
                items: string[];
            }[];
            /** @description 提交了、但不在任何事项材料清单中的材料标识。 */
            unknownMaterials: string[];
            /** @description 不予受理的事项，逐项写明理由和应去的机关（首问负责）。 */
            rejected: {
                item: string;
                itemName: string;
                reasons: string[];
                routeTo: components["schemas"]["Decision"]["routeTo"];
            }[];
            /** @description 统一的办结期限（各事项都受理时）：各事项承诺期限中最晚的一个；“一件事”写了更短的承诺时限（limit.promised）时按它。各事项仍各自计时，items 为每个事项在本件中的期限：不晚于统一期限，也不晚于该事项自己的承诺期限，因而不会超过任何事项的法定时限。 */
            deadline: {
                /** @description 受理时间（ISO 8601，北京时间）。 */
                acceptedAt: string;
                /** @description 统一办结期限（ISO 8601，北京时间）。 */
                due: string;
                /**
                 * @description items：各事项承诺期限中最晚的一个；bundle：“一件事”的承诺时限（更短）。
                 * @enum {unknown}
                 */
                basis: "items" | "bundle";
                /** @description “一件事”的承诺时限及按它算出的到期时间；没有写 limit 时为 null。 */
                promised: components["schemas"]["Decision-due"] | null;
                items: {
                    item: string;
                    /** @description 该事项在本件中的办结期限：取其承诺期限与统一期限中较早的。 */
                    due: string;
                    /** @description 该事项的法定期限到期时间。 */
                    statutory: string;
                }[];
                warnings: components["schemas"]["Decision-warning"][];
            } | null;
            /** @description 应出具的文书：整件事一份（模板 bundle-notice）。 */
            notice: {
                document: string;
            };
        };
        /** @description 合并清单中的一份材料。 */
        "BundleDecision-material": {
            /** @description 申请时写的标识：共享材料为共享材料目录的标识；只属于一个事项的材料为其标识；几个事项的不同材料用了同一标识时为 事项编码/标识。 */
            id: string;
            /** @description 材料名称（共享材料取共享材料目录中的名称）。 */
            name: string;
            /** @description 是否为共享材料目录中的材料。 */
            shared: boolean;
            /**
             * @description 各事项中要求最高的必要性。
             * @enum {unknown}
             */
            necessity: "core" | "required" | "deferrable" | "optional";
            /**
             * @description 各事项要求合并后的形式。
             * @enum {unknown}
             */
            form: "original" | "copy" | "both";
            /** @description 各事项中最多的份数。 */
            copies: number;
            /**
             * @description 按已知事实是否需要：任一事项需要即为 yes。
             * @enum {unknown}
             */
            required: "yes" | "no" | "unknown";
            /** @description 由中心调取，申请人无需提交（各事项都调取时）。 */
            fetchedByCenter: boolean;
            /** @description 用于哪些事项，及在各事项中的要求。 */
            items: {
                item: string;
                itemName: string;
                material: components["schemas"]["Decision-materials-items"];
            }[];
        };
        /** @description 时间（ISO 8601，北京时间，带 +08:00），例如 2026-11-23T09:30:00+08:00。 */
        "RecordDefs-timestamp": string;
        /** @description 联系人信息（保密：任何公开输出中都不得出现，内部显示时脱敏）。 */
        "RecordDefs-contact": {
            /** @description 姓名或单位名称。 */
            name?: string;
            /** @description 身份证号或统一社会信用代码。 */
            idNumber?: string;
            /** @description 联系电话。 */
            phone?: string;
            /** @description 联系地址。 */
            address?: string;
        };
        /** @description 一次处理记录：时间、经办人、说明。 */
        "RecordDefs-followUp": {
            at: components["schemas"]["RecordDefs-timestamp"];
            by: components["schemas"]["Common-id"];
            /** @description 说明。 */
            note?: string;
        };
        /**
         * 办件登记
         * @description 每一次咨询或申请（咨询件也要登记）：申请、处理决定和此后的全部办理环节，每个环节记录经办人和时间。办理时限由环节推算，不另行保存。
         */
        Case: {
            /** @description 办件编号：收件年份-序号，例如 2026-000123。 */
            id: string;
            /** @description 事项编码。 */
            item: string;
            /** @description 事项名称。 */
            itemName: string;
            receivedAt: components["schemas"]["RecordDefs-timestamp"];
            /** @description 办理窗口的标识。 */
            window: string | null;
            /** @description 办理岗位（AB岗）的标识。 */
            post: string | null;
            firstInquiry: components["schemas"]["Common-id"];
            application?: components["schemas"]["Application"];
            decision: components["schemas"]["Decision"];
            /** @description 办理环节，按时间先后。 */
            events: components["schemas"]["Case-event"][];
            /** @description 登记时出具的文书的文号（例如 青便〔2026〕0012号），取自文书编号序列；凭文号补打文书。 */
            noticeNumber?: string;
        };
        /** @description 一个办理环节。 */
        "Case-event": {
            /**
             * @description received 收件、supplement-notified 一次性告知补正、accepted 受理、suspended 中止计时（补正、听证、检验检测、专家评审等）、resumed 恢复计时、extended 经批准延长、completed 办结、returned 退回、rejected 不予受理、overdue-explained 超期说明（有正当理由）、step-completed 办理环节完成（step 写环节标识）、commitment-verified 告知承诺核查属实、commitment-false 核查发现承诺不实（终止办理或撤销，记入虚假承诺记录）。
             * @enum {unknown}
             */
            type: "received" | "supplement-notified" | "accepted" | "suspended" | "resumed" | "extended" | "completed" | "returned" | "rejected" | "overdue-explained" | "step-completed" | "commitment-verified" | "commitment-false";
            step?: components["schemas"]["Common-id"];
            specialStep?: components["schemas"]["Common-id"];
            at: components["schemas"]["RecordDefs-timestamp"];
            staff: components["schemas"]["Common-id"];
            /** @description 理由（中止、退回、不予受理、超期说明时必填）。 */
            reason?: string;
            /** @description 备注。 */
            note?: string;
            extension?: components["schemas"]["Case-extension"];
        } & (unknown & unknown & unknown & unknown);
        /** @description 延长办理时限的批准记录。 */
        "Case-extension": {
            /** @description 延长的数量。 */
            amount: number;
            /**
             * @description 单位。
             * @enum {unknown}
             */
            unit: "workingDays" | "calendarDays" | "hours" | "minutes";
            /** @description 批准人。 */
            approvedBy: string;
            approvedAt: components["schemas"]["RecordDefs-timestamp"];
            /** @description 批准文件或审批单编号。 */
            reference?: string;
        };
        /**
         * 投诉登记
         * @description 对窗口或工作人员的投诉：渠道、投诉人（保密）、被投诉对象、内容、收到时间、调查核实结果和答复。答复期限按 policy.yaml 的时钟推算，不另行保存。
         */
        Complaint: {
            /** @description 投诉编号，例如 T2026-00012。 */
            id: string;
            /**
             * @description 投诉渠道：oral 口头、phone 电话、written 书面（重大事项须书面）。
             * @enum {unknown}
             */
            channel: "oral" | "phone" | "written";
            complainant: components["schemas"]["RecordDefs-contact"];
            /** @description 被投诉对象：工作人员或窗口，至少写一个。 */
            target: {
                staff?: components["schemas"]["Common-id"];
                window?: components["schemas"]["Common-id"];
            };
            /** @description 投诉内容。 */
            content: string;
            receivedAt: components["schemas"]["RecordDefs-timestamp"];
            receivedBy: components["schemas"]["Common-id"];
            /** @description 较复杂或涉及两个以上单位（答复期限按 complaintReplyComplex）。 */
            complex: boolean;
            /** @description 涉及重大事项（须书面投诉，并向中心领导和上级纪检监察部门汇报）。 */
            major: boolean;
            /** @description 相关办件编号。 */
            case?: string;
            verification?: components["schemas"]["Complaint-verification"];
            /** @description 答复投诉人：口头投诉口头答复，电话投诉电话答复，书面投诉必须书面答复。 */
            reply?: {
                /**
                 * @description 答复方式。
                 * @enum {unknown}
                 */
                channel: "oral" | "phone" | "written";
                at: components["schemas"]["RecordDefs-timestamp"];
                by: components["schemas"]["Common-id"];
                /** @description 答复内容。 */
                content: string;
            };
        };
        /**
         * 好差评
         * @description 政务服务“好差评”：评价等级取自 policy.yaml 的 reviews.grades；一个办件只能评价一次（一次一评）；差评须回访并整改反馈，期限按 badReviewCallback、badReviewRectification 推算；差评可由中心管理办公室申诉复核。
         */
        Review: {
            /** @description 评价编号，例如 P2026-00031。 */
            id: string;
            /** @description 评价等级，例如 非常满意、不满意。 */
            grade: string;
            at: components["schemas"]["RecordDefs-timestamp"];
            staff?: components["schemas"]["Common-id"];
            window?: components["schemas"]["Common-id"];
            /** @description 相关办件编号。 */
            case?: string;
            /** @description 评价内容。 */
            comment?: string;
            reviewer?: components["schemas"]["RecordDefs-contact"];
            callback?: components["schemas"]["RecordDefs-followUp"];
            rectification?: components["schemas"]["RecordDefs-followUp"];
            /** @description 现场分项评价（可选），每项取 policy.yaml 的 reviews.grades 之一。 */
            indicators?: {
                /** @description 整体满意度。 */
                overall?: string;
                /** @description 服务效率。 */
                efficiency?: string;
                /** @description 服务水平。 */
                level?: string;
                /** @description 服务态度。 */
                attitude?: string;
            };
            appeal?: components["schemas"]["Review-appeal"];
        };
        /**
         * 新建规则包的回答
         * @description bianmin init 的回答（--answers 文件）或工作台“新建规则包”的表单：中心基本情况、窗口和工作人员。
         */
        InitAnswers: {
            /** @description 中心基本情况：名称、文书编号前缀、地址、办公时段和电话。 */
            center: {
                /** @description 中心名称，一行文字（不含换行等控制字符），最多 100 个字，例如 青石镇便民服务中心。 */
                name: string;
                /** @description 文书编号前缀（中心简称），最多 8 个字，不含空格和括号，例如 青便（编号写成 青便〔2026〕0001号）。 */
                code: string;
                /** @description 中心地址，一行文字（不含换行等控制字符），最多 200 个字，例如 梧溪县青石镇人民路1号。 */
                address: string;
                /** @description 办公时段，按先后排列，不能重叠；不写时为 08:30-12:00 和 13:00-17:30。 */
                officeHours?: string[];
                /** @description 对外公布的电话：咨询、投诉、举报。 */
                phones: {
                    /** @description 咨询电话：只能有数字、空格、+、- 和括号，例如 0856-2336000。 */
                    consult: string;
                    /** @description 投诉电话：只能有数字、空格、+、- 和括号，例如 0856-2336001。 */
                    complaint: string;
                    /** @description 举报电话：只能有数字、空格、+、- 和括号；不写或留空时与投诉电话相同。 */
                    report?: string;
                };
            };
            /** @description 窗口，至少一个：每个窗口生成一个主办部门和一个 AB岗。 */
            windows: {
                /** @description 窗口标识：只能用小写字母、数字和连字符（如 minzheng-window），不能重复。 */
                id: string;
                /** @description 窗口名称，一行文字，最多 40 个字，例如 民政窗口。 */
                name: string;
            }[];
            /** @description 工作人员：每个窗口要有 A岗（主办）和 B岗（顶岗），所以至少两名。 */
            staff: {
                /** @description 工作人员标识：只能用小写字母、数字和连字符（如 chen-li），不能重复。 */
                id: string;
                /** @description 工作人员姓名，一行文字，最多 20 个字，例如 陈丽。 */
                name: string;
                /** @description 所在窗口：windows 中一个窗口的标识，只能用小写字母、数字和连字符。 */
                window: string;
                /**
                 * @description 岗位，应为 A（A岗，主办）或 B（B岗，顶岗）；不写时自动安排。
                 * @enum {string}
                 */
                post?: "A" | "B";
            }[];
        };
        /**
         * 错误
         * @description 所有错误的统一格式。
         */
        Error: {
            error: {
                /** @description 错误代码，例如 E-REQ-REQUIRED、E-APP-UNKNOWN-ITEM、E-AUTH-MISSING。 */
                code: string;
                /** @description 中文说明。 */
                message: string;
                /** @description 出错位置：请求体用 JSON 路径（$.materials[2].copies），查询参数用 query.名称，路径参数用 params.名称，请求头用 header.名称。 */
                path: string;
                /** @description 有多处问题时全部列出（第一处即上面的 code、message、path）。 */
                details?: {
                    /** @description 错误代码，例如 E-REQ-REQUIRED、E-APP-UNKNOWN-ITEM、E-AUTH-MISSING。 */
                    code: string;
                    /** @description 中文说明。 */
                    message: string;
                    /** @description 出错位置：请求体用 JSON 路径（$.materials[2].copies），查询参数用 query.名称，路径参数用 params.名称，请求头用 header.名称。 */
                    path: string;
                }[];
                /** @description 事项编码不存在时：最可能要办的事项、应去的机关或窗口（首问负责）。 */
                suggestions?: {
                    [key: string]: unknown;
                }[];
                /** @description 规则包未通过校验时：每处错误的文件、行、列和说明。 */
                errors?: {
                    [key: string]: unknown;
                }[];
            };
        };
        "Item-materials-items": {
            id?: components["schemas"]["Common-id"];
            use?: components["schemas"]["Common-id"];
            /** @description 材料名称。有 alternatives 时为这一组的名称。 */
            name?: string;
            /**
             * @description 必要性：core 主件、required 必要、deferrable 容缺、optional 可选。
             * @enum {unknown}
             */
            necessity: "core" | "required" | "deferrable" | "optional";
            /**
             * @description 形式：original 原件（默认）、copy 复印件、both 原件和复印件。
             * @enum {unknown}
             */
            form?: "original" | "copy" | "both";
            /** @description 份数（默认 1）。 */
            copies?: number;
            /**
             * @description 载体：paper 纸质（默认）、electronic 电子、either 纸质或电子均可。
             * @enum {unknown}
             */
            medium?: "paper" | "electronic" | "either";
            /** @description 出具单位（由其他部门出具的材料），例如 公安机关。 */
            issuer?: string;
            /** @description 中心可通过共享自行调取。为 true 时不得要求申请人提交。 */
            fetchable?: boolean;
            /** @description 要求提交复印件的理由：一律不得要求申请人提交复印件（由窗口复印），form: copy 时须写明理由，例如 复印件须加盖单位公章存档。 */
            copyReason?: string;
            requiredWhen?: components["schemas"]["Common-condition"];
            /** @description requiredWhen 的中文表述，例如 代他人申请时提供。 */
            requiredWhenText?: string;
            /** @description 可任选其一的材料（提交其中任一即可）。 */
            alternatives?: ({
                id?: components["schemas"]["Common-id"];
                use?: components["schemas"]["Common-id"];
                /** @description 材料名称。 */
                name?: string;
                /**
                 * @description 形式。
                 * @enum {unknown}
                 */
                form?: "original" | "copy" | "both";
                /** @description 份数。 */
                copies?: number;
                /**
                 * @description 载体。
                 * @enum {unknown}
                 */
                medium?: "paper" | "electronic" | "either";
                /** @description 出具单位。 */
                issuer?: string;
                /** @description 填报须知。 */
                notes?: string;
            } | unknown | unknown)[];
            due?: components["schemas"]["Common-duration"];
            /** @description 每一方各需一份的材料：写出各方的称谓，例如 [男方, 女方]（2 至 10 个，不得重复）。提交时须写明是哪一方的（{ id, party: 女方 }）；缺少的按方列出，例如 女方居民身份证。 */
            perParty?: string[];
            /** @description 可以当场更正的问题（《行政许可法》第三十二条第一款第（三）项）：true 表示所有问题，或列出其中几种：absent 未提交（如申请书可在窗口当场填写）、wrong-form 形式不符、too-few-copies 份数不足（如窗口可当场复印）。这些问题不出具补正通知书，而是告知当场更正，更正后重新判断。 */
            correctable?: boolean | ("absent" | "wrong-form" | "too-few-copies")[];
            department?: components["schemas"]["Common-id"];
            /** @description 样表名称（见 forms）。 */
            sample?: string;
            /** @description 填报须知。 */
            notes?: string;
            /** @description 要求提交该材料的依据（法律法规及条款）；缺少时，补正或退回通知书注明。 */
            basis?: components["schemas"]["Common-legalRef"][];
            sourceChannel?: components["schemas"]["Common-sourceChannel"];
            /** @description 受理标准：材料合格的标准，例如 内容完整、签字齐全、与原件一致。 */
            acceptanceCriteria?: string;
            /** @description 纸质材料：纸质材料的份数和规格要求，例如 A4纸原件1份。 */
            paper?: string;
            blankForm?: components["schemas"]["Common-packFile"];
            sampleForm?: components["schemas"]["Common-packFile"];
            license?: components["schemas"]["Common-license"];
            /** @description 告知承诺：该材料可由申请人书面承诺代替（证明事项告知承诺制，国办发〔2020〕42号）。写 true 时按事项的 commitment（承诺内容、核查、虚假承诺的后果、依据）；写对象时其中所写的字段优先，未写的取事项的 commitment。主件（core）和中心调取的材料（fetchable）不得写。 */
            commitment?: true | components["schemas"]["Item-materialCommitment"];
        } | unknown | unknown;
        "Item-conditions-items": {
            id: components["schemas"]["Common-id"];
            /** @description 条件的中文表述（办事指南、告知单上显示）。 */
            text: string;
            when: components["schemas"]["Common-condition"];
            /** @description 不满足时写给申请人的理由。 */
            reason: string;
            /**
             * @description 不满足时的处理：returned 退回件（默认）、rejected 不予受理。
             * @enum {unknown}
             */
            onFail?: "returned" | "rejected";
            /** @description 不予受理时，告知申请人应向哪个机关或窗口申请。 */
            routeTo?: string;
            /** @description 该条件的依据（法律法规及条款）；不满足时，通知书在理由后注明。 */
            basis?: components["schemas"]["Common-legalRef"][];
        };
        "Item-fees-items": {
            id?: components["schemas"]["Common-id"];
            /** @description 收费项目，例如 工本费。 */
            name: string;
            /** @description 金额（元）。 */
            amount: number;
            /** @description 计费单位，例如 每本。 */
            per?: string;
            basis: components["schemas"]["Common-legalRef"];
            /** @description 收费减免：可减免的情形和依据。 */
            reductions?: {
                /** @description 减免情形：例如 低保对象免收工本费。 */
                text: string;
                /** @description 减免依据。 */
                basis?: components["schemas"]["Common-legalRef"][];
            }[];
        };
        "Item-procedure-items": {
            id?: components["schemas"]["Common-id"];
            /** @description 步骤名称，例如 受理。 */
            step: string;
            /** @description 步骤说明。 */
            description?: string;
            limit?: components["schemas"]["Common-duration"];
        };
        /** @description 一次性告知的完整材料清单（按申请人事实解析有条件的材料）。 */
        "Decision-materials": components["schemas"]["Decision-materials-items"][];
        "Decision-materials-items": {
            id: string;
            name: string;
            /** @enum {unknown} */
            necessity: "core" | "required" | "deferrable" | "optional";
            /** @enum {unknown} */
            form: "original" | "copy" | "both";
            copies: number;
            /** @enum {unknown} */
            medium?: "paper" | "electronic" | "either";
            /**
             * @description 按已知事实是否需要：yes 需要、no 不需要、unknown 取决于尚未提供的事实（见 condition）。
             * @enum {unknown}
             */
            required: "yes" | "no" | "unknown";
            /** @description 有条件材料的条件说明。 */
            condition?: string | null;
            alternatives?: {
                id: string;
                name: string;
                /**
                 * @description 与该材料不同时：这一项须提交的形式。
                 * @enum {unknown}
                 */
                form?: "original" | "copy" | "both";
                /** @description 与该材料不同时：这一项须提交的份数。 */
                copies?: number;
            }[];
            /** @description 联办件中材料所属部门名称。 */
            department?: string | null;
            /** @description 由中心通过共享调取，申请人无需提交。 */
            fetchedByCenter?: boolean;
            notes?: string | null;
            /** @description 容缺材料的补交期限（自受理之日起）；其他材料为 null。 */
            due?: components["schemas"]["Decision-duration"] | null;
            /** @description 每一方各需一份的材料的各方称谓，例如 [男方, 女方]（一次性告知写“男方、女方各一份”）；其他材料没有此字段。 */
            parties?: string[];
        };
        /** @description 调查核实结果。 */
        "Complaint-verification": {
            /**
             * @description verified 查实、unfounded 不实。
             * @enum {unknown}
             */
            result: "verified" | "unfounded";
            handler: components["schemas"]["Common-id"];
            at: components["schemas"]["RecordDefs-timestamp"];
            staff?: components["schemas"]["Common-id"];
            /** @description 核实情况和处理意见。 */
            note?: string;
        };
        /** @description 申诉复核（中心管理办公室）：upheld 维持，评价照常计入；struck 撤销，该评价不再计入考评统计和责任追究。只能复核一次。 */
        "Review-appeal": {
            at: components["schemas"]["RecordDefs-timestamp"];
            by: components["schemas"]["Common-id"];
            /**
             * @description 复核结论：upheld 维持、struck 撤销。
             * @enum {unknown}
             */
            outcome: "upheld" | "struck";
            /** @description 复核理由。 */
            reason: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description 请求号：请求带来的 X-Request-Id（1—128 个字母、数字或 ._:- 字符）原样返回，否则新生成；与该请求的日志行中的 reqId 相同。 */
        "X-Request-Id": string;
        /** @description 作出答复的规则包版本（规则包内容的指纹，与发布历史中的版本相同）。 */
        "X-Bianmin-Pack": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        status: "ready";
                        pack: {
                            version: string;
                            loadedAt: string;
                            items: number;
                        };
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    decide: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description 申请（各字段见 Application），可另加登记选项 record、staff、firstInquiry。 */
        requestBody: {
            content: {
                "application/json": {
                    item: components["schemas"]["Application"]["item"];
                    intent: components["schemas"]["Application"]["intent"];
                    applicant: components["schemas"]["Application"]["applicant"];
                    materials?: components["schemas"]["Application"]["materials"];
                    commitments?: components["schemas"]["Application"]["commitments"];
                    receivedAt?: components["schemas"]["Application"]["receivedAt"];
                    /** @description 为 true 时登记办件并出具带文号的文书（需认证）；默认只作判断，不登记。 */
                    record?: boolean;
                    staff?: components["schemas"]["Common-id"];
                    firstInquiry?: components["schemas"]["Common-id"];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decision: components["schemas"]["Decision"];
                        /** @description 应出具的文书；登记后才有文号和链接。 */
                        notice: {
                            /** @description 模板名，例如 supplement。 */
                            document: string;
                            /** @description 文书名称，例如 补正材料通知书。 */
                            title: string;
                            /** @description 文号（登记后）。 */
                            number: string | null;
                            /** @description 文书（HTML）的地址（登记后）。 */
                            href: string | null;
                        };
                        /** @description 登记的办件（record: true 时）。 */
                        case: {
                            id: string;
                            href: string;
                        } | null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decision: components["schemas"]["Decision"];
                        /** @description 应出具的文书；登记后才有文号和链接。 */
                        notice: {
                            /** @description 模板名，例如 supplement。 */
                            document: string;
                            /** @description 文书名称，例如 补正材料通知书。 */
                            title: string;
                            /** @description 文号（登记后）。 */
                            number: string | null;
                            /** @description 文书（HTML）的地址（登记后）。 */
                            href: string | null;
                        };
                        /** @description 登记的办件（record: true 时）。 */
                        case: {
                            id: string;
                            href: string;
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBundles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description “一件事”编码，例如 YJS-001。 */
                        code: string;
                        /** @description 名称。 */
                        name: string;
                        /** @description 说明。 */
                        description: string | null;
                        /** @description 牵头部门。 */
                        lead: {
                            id: string;
                            name: string;
                        };
                        /** @description 综合受理窗口。 */
                        window: {
                            id: string;
                            number: number;
                            name: string;
                        } | null;
                        /** @description 包含的事项。 */
                        items: {
                            code: string;
                            name: string;
                        }[];
                        /** @description 整件事的承诺时限（自受理之日起）；没有写为 null。 */
                        limit: {
                            promised: components["schemas"]["Common-duration"];
                        } | null;
                    }[];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    decideBundle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BundleApplication"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decision: components["schemas"]["BundleDecision"];
                        /** @description 应出具的文书：整件事一份“一件事”一次性告知。 */
                        notice: {
                            /** @description 模板名 bundle-notice。 */
                            document: string;
                            /** @description 文书名称。 */
                            title: string;
                        };
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listItems: {
        parameters: {
            query?: {
                /** @description 日期 YYYY-MM-DD（北京时间），按当日有效的事项版本；默认今天。 */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: components["schemas"]["Item"]["code"];
                        name?: components["schemas"]["Item"]["name"];
                        mode?: components["schemas"]["Item-mode"];
                        /** @description 按条件选择办理方式的事项：每一种办理方式及适用情形（自上而下取第一个适用的）；办理方式只有一种的事项不写。 */
                        modes?: {
                            mode: components["schemas"]["Item-mode"];
                            text: string | null;
                        }[];
                        /** @description 受理窗口。 */
                        window?: {
                            id?: string;
                            number?: number;
                            name?: string;
                            location?: string | null;
                        } | null;
                        materials?: {
                            id?: string;
                            name?: string;
                            /** @enum {unknown} */
                            necessity?: "core" | "required" | "deferrable" | "optional";
                        }[];
                    }[];
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getItem: {
        parameters: {
            query?: {
                /** @description 日期 YYYY-MM-DD（北京时间），按当日有效的事项版本；默认今天。 */
                date?: string;
            };
            header?: never;
            path: {
                code: components["schemas"]["Item"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: components["schemas"]["Item"]["code"];
                        name?: components["schemas"]["Item"]["name"];
                        mode?: components["schemas"]["Item-mode"];
                        /** @description 按条件选择办理方式的事项：每一种办理方式及适用情形（自上而下取第一个适用的）；办理方式只有一种的事项不写。 */
                        modes?: {
                            mode: components["schemas"]["Item-mode"];
                            text: string | null;
                        }[];
                        /** @description 受理窗口。 */
                        window?: {
                            id?: string;
                            number?: number;
                            name?: string;
                            location?: string | null;
                        } | null;
                        materials?: {
                            id?: string;
                            name?: string;
                            /** @enum {unknown} */
                            necessity?: "core" | "required" | "deferrable" | "optional";
                        }[];
                        declaration?: components["schemas"]["Item"];
                        /** @description 规则包中的文件。 */
                        file?: string;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    routeInquiry: {
        parameters: {
            query: {
                /** @description 名称、群众常用说法、事项编码或窗口号，例如 低保、办残疾证、MZ-001。 */
                q: string;
                /** @description 最多返回几条。 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        query: string;
                        matches: {
                            /** @enum {unknown} */
                            kind?: "item" | "referral" | "window";
                            code?: string | null;
                            name?: string;
                            /** @description 0–100，匹配程度。 */
                            score?: number;
                            /** @description 匹配到的内容。 */
                            matched?: string;
                            window?: {
                                id?: string;
                                number?: number;
                                name?: string;
                                location?: string | null;
                            } | null;
                            department?: string | null;
                            organ?: string | null;
                            address?: string | null;
                            phone?: string | null;
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeadline: {
        parameters: {
            query: {
                item: components["schemas"]["Application"]["item"];
                /** @description 受理时间（ISO 8601，可省略秒，不带时区即北京时间），例如 2026-09-28T09:30:00+08:00。 */
                acceptedAt: string;
                /** @description 暂停计时的期间“暂停时间/恢复时间”，可重复，例如 2026-10-09T10:00:00+08:00/2026-10-14T15:00:00+08:00。 */
                suspend?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: string;
                        itemName: string;
                        deadline: components["schemas"]["Decision"]["deadline"];
                        /**
                         * @description 期限所按的办理方式（办理方式按条件选择的，为其余情况一项的）。
                         * @enum {unknown}
                         */
                        mode: "immediate" | "promised" | "reported" | "joint" | "petition";
                        /** @description 办理方式按条件选择的事项才有：期限所按的一项（其余情况，即最后一项）。 */
                        modeBranch?: {
                            index: number;
                            text: string | null;
                        };
                        /** @description 办理方式按条件选择的事项才有：各项的办理方式和受理当日的时限，counted 为期限所按的一项。 */
                        modes?: {
                            index: number;
                            /** @enum {unknown} */
                            mode: "immediate" | "promised" | "reported" | "joint" | "petition";
                            text: string | null;
                            promised: components["schemas"]["Decision-duration"];
                            statutory: components["schemas"]["Decision-duration"];
                            counted: boolean;
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 年份，例如 2026。 */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        year: number;
                        /**
                         * @description 数据来源。
                         * @enum {unknown}
                         */
                        source: "pack" | "package" | "statutory" | "weekends-only";
                        /** @description 是否为国务院正式公布的安排；未知安排时为 null。 */
                        official: boolean | null;
                        /** @description 安排的出处（通知文号等）。 */
                        provenance: string | null;
                        /** @description 放假日期段。 */
                        holidays: {
                            name: string;
                            from: components["schemas"]["Common-date"];
                            to: components["schemas"]["Common-date"];
                            /** @description 放假天数。 */
                            days: number;
                        }[];
                        /** @description 调休上班日。 */
                        workdays: {
                            date: components["schemas"]["Common-date"];
                            /** @description 星期几，例如 星期六。 */
                            weekday: string;
                            name: string;
                        }[];
                        months: {
                            month: number;
                            workingDays: number;
                            calendarDays: number;
                        }[];
                        /** @description 全年工作日数。 */
                        workingDays: number;
                        warnings: components["schemas"]["Decision-warning"][];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOverdueCases: {
        parameters: {
            query?: {
                /** @description 只列出该等级；不写则两者都列出。 */
                level?: "yellow" | "red";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asOf?: string;
                        /** @description 在办件数。 */
                        open?: number;
                        normal?: number;
                        yellow?: number;
                        red?: number;
                        cases?: {
                            [key: string]: unknown;
                        }[];
                        /** @description 无法计时的办件及原因。 */
                        errors?: {
                            [key: string]: unknown;
                        }[];
                        /** @description 环节超时（red）或即将超时（yellow）的办件（电子监察·环节超时），红牌在前；办件总期限正常的也列出。 */
                        steps?: {
                            case: string;
                            item: string;
                            itemName: string;
                            window: string;
                            step: {
                                id: string;
                                name: string;
                            };
                            due: string;
                            /** @enum {unknown} */
                            level: "yellow" | "red";
                            remaining?: {
                                amount: number;
                                unit: string;
                            };
                            suspended?: boolean;
                            responsible: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description 告知承诺核查期限临近（yellow）或已过（red）的办件。 */
                        postChecks?: {
                            [key: string]: unknown;
                        }[];
                        /** @description 特殊环节超时（red）或即将超时（yellow）的办件，红牌在前：办件因特殊环节中止计时，办件计时冻结，特殊环节自身的时限由此监察。 */
                        specialSteps?: {
                            case: string;
                            item: string;
                            itemName: string;
                            window: string;
                            specialStep: {
                                id: string;
                                name: string;
                            };
                            /** @description 中止计时的时间。 */
                            startedAt: string;
                            due: string;
                            /** @enum {unknown} */
                            level: "yellow" | "red";
                            remaining: {
                                amount: number;
                                unit: string;
                            };
                            responsible: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    application: components["schemas"]["Application"];
                    staff: components["schemas"]["Common-id"];
                    firstInquiry?: components["schemas"]["Common-id"];
                    /** @description 补正件：是否已当场一次性告知（默认是）；否则须在规定期限内告知，逾期视为自收件时受理。 */
                    noticeGiven?: boolean;
                };
            };
        };
        responses: {
            /** @description 办件及其当前状态和计时。 */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record?: components["schemas"]["Case"];
                        /**
                         * @description 当前状态。
                         * @enum {unknown}
                         */
                        status?: "consultation" | "received" | "supplement" | "accepted" | "suspended" | "completed" | "returned" | "rejected";
                        /** @description 计时起点（受理时间；逾期未告知补正的视为自收件时受理）。 */
                        acceptedAt?: string | null;
                        deemedAccepted?: boolean;
                        concludedAt?: string | null;
                        /** @description 计时：到期时间、剩余、已用、预警等级（normal/yellow/red）、是否暂停。 */
                        clock?: {
                            [key: string]: unknown;
                        } | null;
                        overdue?: boolean;
                        overdueExplained?: boolean;
                        /** @description 责任人（A岗，或B岗顶岗时的B岗）。 */
                        responsible?: {
                            [key: string]: unknown;
                        };
                        /** @description 登记时出具的文书：文号（取自中心的文书编号序列）和补打地址。 */
                        notice?: {
                            number?: string;
                            href?: string;
                        } | null;
                        /** @description 容缺材料及补交期限：自登记簿所记的受理时间（受理环节，或逾期未告知补正视为受理）起算，补正后受理的从受理之日起算；尚未受理的为 null。 */
                        deferred?: {
                            id: string;
                            name: string;
                            /** @description 补交截止时间（ISO 8601）。 */
                            due: string | null;
                        }[];
                        /** @description 环节时限（电子监察）：当前环节（第一个未完成的有时限环节）及其到期时间和预警等级、各有时限环节、已记录完成的环节；未受理或事项没有有时限的环节时为 null。 */
                        step?: {
                            current?: {
                                /** @description 环节标识（事项 procedure 中步骤的 id）。 */
                                id: string;
                                /** @description 环节名称。 */
                                name: string;
                                limit: {
                                    amount: number;
                                    unit: string;
                                };
                                /** @description 环节计时起点。 */
                                startedAt: string;
                                /** @description 环节应完成的时间。 */
                                due: string;
                                /** @description 环节完成时间；未完成的为 null。 */
                                completedAt: string | null;
                                /**
                                 * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过环节时限为 red。
                                 * @enum {unknown}
                                 */
                                level: "normal" | "yellow" | "red";
                                remaining: {
                                    amount: number;
                                    unit: string;
                                };
                                suspended: boolean;
                            } | null;
                            timed?: {
                                /** @description 环节标识（事项 procedure 中步骤的 id）。 */
                                id: string;
                                /** @description 环节名称。 */
                                name: string;
                                limit: {
                                    amount: number;
                                    unit: string;
                                };
                                /** @description 环节计时起点。 */
                                startedAt: string;
                                /** @description 环节应完成的时间。 */
                                due: string;
                                /** @description 环节完成时间；未完成的为 null。 */
                                completedAt: string | null;
                                /**
                                 * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过环节时限为 red。
                                 * @enum {unknown}
                                 */
                                level: "normal" | "yellow" | "red";
                                remaining: {
                                    amount: number;
                                    unit: string;
                                };
                                suspended: boolean;
                            }[];
                            completed?: {
                                id: string;
                                name: string;
                                at: string;
                            }[];
                        } | null;
                        /** @description 特殊环节（特别程序）：办件因该环节中止计时（所需时间不计入办理时限）；有时限的自中止时起按工作日历计时，预警阈值同办件计时。未在特殊环节中的为 null。 */
                        specialStep?: {
                            /** @description 特殊环节标识（事项 specialSteps 中的 id）。 */
                            id: string;
                            /** @description 特殊环节名称。 */
                            name: string;
                            /** @description 中止计时的时间，特殊环节计时起点。 */
                            startedAt: string;
                            limit: {
                                amount: number;
                                unit: string;
                            } | null;
                            /** @description 特殊环节收费标准。 */
                            fee: string | null;
                            /** @description 特殊环节设定依据。 */
                            basis: string | null;
                            /** @description 特殊环节应完成的时间；没有规定时限的为 null。 */
                            due: string | null;
                            /**
                             * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过特殊环节时限为 red；没有规定时限的为 null。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red" | null;
                            remaining: {
                                amount: number;
                                unit: string;
                            } | null;
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addCaseEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Case"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    type: components["schemas"]["Case-event"]["type"];
                    /** @description 时间（ISO 8601，不带时区即北京时间）；默认为当前时间。 */
                    at?: string;
                    staff: components["schemas"]["Case-event"]["staff"];
                    reason?: components["schemas"]["Case-event"]["reason"];
                    note?: components["schemas"]["Case-event"]["note"];
                    step?: components["schemas"]["Case-event"]["step"];
                    specialStep?: components["schemas"]["Case-event"]["specialStep"];
                    /** @description 延长的批准记录（type 为 extended 时必填）。 */
                    extension?: {
                        amount: components["schemas"]["Case-extension"]["amount"];
                        unit: components["schemas"]["Case-extension"]["unit"];
                        approvedBy: components["schemas"]["Case-extension"]["approvedBy"];
                        /** @description 批准时间（ISO 8601）；默认为环节时间。 */
                        approvedAt?: string;
                        reference?: components["schemas"]["Case-extension"]["reference"];
                    };
                };
            };
        };
        responses: {
            /** @description 办件及其当前状态和计时。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record?: components["schemas"]["Case"];
                        /**
                         * @description 当前状态。
                         * @enum {unknown}
                         */
                        status?: "consultation" | "received" | "supplement" | "accepted" | "suspended" | "completed" | "returned" | "rejected";
                        /** @description 计时起点（受理时间；逾期未告知补正的视为自收件时受理）。 */
                        acceptedAt?: string | null;
                        deemedAccepted?: boolean;
                        concludedAt?: string | null;
                        /** @description 计时：到期时间、剩余、已用、预警等级（normal/yellow/red）、是否暂停。 */
                        clock?: {
                            [key: string]: unknown;
                        } | null;
                        overdue?: boolean;
                        overdueExplained?: boolean;
                        /** @description 责任人（A岗，或B岗顶岗时的B岗）。 */
                        responsible?: {
                            [key: string]: unknown;
                        };
                        /** @description 登记时出具的文书：文号（取自中心的文书编号序列）和补打地址。 */
                        notice?: {
                            number?: string;
                            href?: string;
                        } | null;
                        /** @description 容缺材料及补交期限：自登记簿所记的受理时间（受理环节，或逾期未告知补正视为受理）起算，补正后受理的从受理之日起算；尚未受理的为 null。 */
                        deferred?: {
                            id: string;
                            name: string;
                            /** @description 补交截止时间（ISO 8601）。 */
                            due: string | null;
                        }[];
                        /** @description 环节时限（电子监察）：当前环节（第一个未完成的有时限环节）及其到期时间和预警等级、各有时限环节、已记录完成的环节；未受理或事项没有有时限的环节时为 null。 */
                        step?: {
                            current?: {
                                /** @description 环节标识（事项 procedure 中步骤的 id）。 */
                                id: string;
                                /** @description 环节名称。 */
                                name: string;
                                limit: {
                                    amount: number;
                                    unit: string;
                                };
                                /** @description 环节计时起点。 */
                                startedAt: string;
                                /** @description 环节应完成的时间。 */
                                due: string;
                                /** @description 环节完成时间；未完成的为 null。 */
                                completedAt: string | null;
                                /**
                                 * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过环节时限为 red。
                                 * @enum {unknown}
                                 */
                                level: "normal" | "yellow" | "red";
                                remaining: {
                                    amount: number;
                                    unit: string;
                                };
                                suspended: boolean;
                            } | null;
                            timed?: {
                                /** @description 环节标识（事项 procedure 中步骤的 id）。 */
                                id: string;
                                /** @description 环节名称。 */
                                name: string;
                                limit: {
                                    amount: number;
                                    unit: string;
                                };
                                /** @description 环节计时起点。 */
                                startedAt: string;
                                /** @description 环节应完成的时间。 */
                                due: string;
                                /** @description 环节完成时间；未完成的为 null。 */
                                completedAt: string | null;
                                /**
                                 * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过环节时限为 red。
                                 * @enum {unknown}
                                 */
                                level: "normal" | "yellow" | "red";
                                remaining: {
                                    amount: number;
                                    unit: string;
                                };
                                suspended: boolean;
                            }[];
                            completed?: {
                                id: string;
                                name: string;
                                at: string;
                            }[];
                        } | null;
                        /** @description 特殊环节（特别程序）：办件因该环节中止计时（所需时间不计入办理时限）；有时限的自中止时起按工作日历计时，预警阈值同办件计时。未在特殊环节中的为 null。 */
                        specialStep?: {
                            /** @description 特殊环节标识（事项 specialSteps 中的 id）。 */
                            id: string;
                            /** @description 特殊环节名称。 */
                            name: string;
                            /** @description 中止计时的时间，特殊环节计时起点。 */
                            startedAt: string;
                            limit: {
                                amount: number;
                                unit: string;
                            } | null;
                            /** @description 特殊环节收费标准。 */
                            fee: string | null;
                            /** @description 特殊环节设定依据。 */
                            basis: string | null;
                            /** @description 特殊环节应完成的时间；没有规定时限的为 null。 */
                            due: string | null;
                            /**
                             * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过特殊环节时限为 red；没有规定时限的为 null。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red" | null;
                            remaining: {
                                amount: number;
                                unit: string;
                            } | null;
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Case"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 办件及其当前状态和计时。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record?: components["schemas"]["Case"];
                        /**
                         * @description 当前状态。
                         * @enum {unknown}
                         */
                        status?: "consultation" | "received" | "supplement" | "accepted" | "suspended" | "completed" | "returned" | "rejected";
                        /** @description 计时起点（受理时间；逾期未告知补正的视为自收件时受理）。 */
                        acceptedAt?: string | null;
                        deemedAccepted?: boolean;
                        concludedAt?: string | null;
                        /** @description 计时：到期时间、剩余、已用、预警等级（normal/yellow/red）、是否暂停。 */
                        clock?: {
                            [key: string]: unknown;
                        } | null;
                        overdue?: boolean;
                        overdueExplained?: boolean;
                        /** @description 责任人（A岗，或B岗顶岗时的B岗）。 */
                        responsible?: {
                            [key: string]: unknown;
                        };
                        /** @description 登记时出具的文书：文号（取自中心的文书编号序列）和补打地址。 */
                        notice?: {
                            number?: string;
                            href?: string;
                        } | null;
                        /** @description 容缺材料及补交期限：自登记簿所记的受理时间（受理环节，或逾期未告知补正视为受理）起算，补正后受理的从受理之日起算；尚未受理的为 null。 */
                        deferred?: {
                            id: string;
                            name: string;
                            /** @description 补交截止时间（ISO 8601）。 */
                            due: string | null;
                        }[];
                        /** @description 环节时限（电子监察）：当前环节（第一个未完成的有时限环节）及其到期时间和预警等级、各有时限环节、已记录完成的环节；未受理或事项没有有时限的环节时为 null。 */
                        step?: {
                            current?: {
                                /** @description 环节标识（事项 procedure 中步骤的 id）。 */
                                id: string;
                                /** @description 环节名称。 */
                                name: string;
                                limit: {
                                    amount: number;
                                    unit: string;
                                };
                                /** @description 环节计时起点。 */
                                startedAt: string;
                                /** @description 环节应完成的时间。 */
                                due: string;
                                /** @description 环节完成时间；未完成的为 null。 */
                                completedAt: string | null;
                                /**
                                 * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过环节时限为 red。
                                 * @enum {unknown}
                                 */
                                level: "normal" | "yellow" | "red";
                                remaining: {
                                    amount: number;
                                    unit: string;
                                };
                                suspended: boolean;
                            } | null;
                            timed?: {
                                /** @description 环节标识（事项 procedure 中步骤的 id）。 */
                                id: string;
                                /** @description 环节名称。 */
                                name: string;
                                limit: {
                                    amount: number;
                                    unit: string;
                                };
                                /** @description 环节计时起点。 */
                                startedAt: string;
                                /** @description 环节应完成的时间。 */
                                due: string;
                                /** @description 环节完成时间；未完成的为 null。 */
                                completedAt: string | null;
                                /**
                                 * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过环节时限为 red。
                                 * @enum {unknown}
                                 */
                                level: "normal" | "yellow" | "red";
                                remaining: {
                                    amount: number;
                                    unit: string;
                                };
                                suspended: boolean;
                            }[];
                            completed?: {
                                id: string;
                                name: string;
                                at: string;
                            }[];
                        } | null;
                        /** @description 特殊环节（特别程序）：办件因该环节中止计时（所需时间不计入办理时限）；有时限的自中止时起按工作日历计时，预警阈值同办件计时。未在特殊环节中的为 null。 */
                        specialStep?: {
                            /** @description 特殊环节标识（事项 specialSteps 中的 id）。 */
                            id: string;
                            /** @description 特殊环节名称。 */
                            name: string;
                            /** @description 中止计时的时间，特殊环节计时起点。 */
                            startedAt: string;
                            limit: {
                                amount: number;
                                unit: string;
                            } | null;
                            /** @description 特殊环节收费标准。 */
                            fee: string | null;
                            /** @description 特殊环节设定依据。 */
                            basis: string | null;
                            /** @description 特殊环节应完成的时间；没有规定时限的为 null。 */
                            due: string | null;
                            /**
                             * @description 预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过特殊环节时限为 red；没有规定时限的为 null。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red" | null;
                            remaining: {
                                amount: number;
                                unit: string;
                            } | null;
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channel: components["schemas"]["Complaint"]["channel"];
                    complainant?: components["schemas"]["Complaint"]["complainant"];
                    target: components["schemas"]["Complaint"]["target"];
                    content: components["schemas"]["Complaint"]["content"];
                    /** @description 收到时间（ISO 8601）；默认为当前时间。 */
                    receivedAt?: string;
                    receivedBy: components["schemas"]["Complaint"]["receivedBy"];
                    complex?: components["schemas"]["Complaint"]["complex"];
                    major?: components["schemas"]["Complaint"]["major"];
                    case?: components["schemas"]["Complaint"]["case"];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record?: components["schemas"]["Complaint"];
                        /** @description 答复期限（policy.yaml 的投诉答复时钟）。 */
                        replyDue?: string;
                        replied?: boolean;
                        replyOverdue?: boolean;
                        /** @description 查实后计入的工作人员。 */
                        counted?: string | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Complaint"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    result: components["schemas"]["Complaint-verification"]["result"];
                    handler: components["schemas"]["Complaint-verification"]["handler"];
                    /** @description 核实时间（ISO 8601）；默认为当前时间。 */
                    at?: string;
                    staff?: components["schemas"]["Complaint-verification"]["staff"];
                    note?: components["schemas"]["Complaint-verification"]["note"];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record?: components["schemas"]["Complaint"];
                        /** @description 答复期限（policy.yaml 的投诉答复时钟）。 */
                        replyDue?: string;
                        replied?: boolean;
                        replyOverdue?: boolean;
                        /** @description 查实后计入的工作人员。 */
                        counted?: string | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Common-id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff?: string;
                        name?: string;
                        asOf?: string;
                        countingWindow?: {
                            [key: string]: unknown;
                        };
                        /** @description 违规事实计数。 */
                        facts?: {
                            [key: string]: unknown;
                        };
                        /** @description 处理：规则、处理名称、在处分序列中的位置、依据的记录编号。 */
                        actions?: {
                            [key: string]: unknown;
                        }[];
                        /** @description 处理所依据的记录内容。 */
                        evidence?: {
                            [key: string]: unknown;
                        };
                        /** @description 计数区间内对该工作人员的评价（好差评，不含评价人）：是否差评、回访和整改期限；经申诉复核撤销的显示 struck 及复核理由（record.appeal），不计入差评次数。 */
                        reviews?: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query: {
                month: components["schemas"]["Common-month"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        period?: {
                            [key: string]: unknown;
                        };
                        asOf?: string;
                        standards?: {
                            [key: string]: unknown;
                        };
                        staff?: {
                            [key: string]: unknown;
                        }[];
                        windows?: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPack: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        center: string;
                        files: {
                            /** @description 规则包内的相对路径，以 / 分隔，例如 items/mz-004.yaml。 */
                            path: string;
                            /**
                             * @description 文件种类。
                             * @enum {unknown}
                             */
                            kind: "center" | "facts" | "policy" | "referrals" | "materials" | "calendar" | "item" | "test" | "template" | "other";
                            /** @description 内容 SHA-256 的前 16 位（十六进制）。 */
                            etag: string;
                            /** @description 字节数。 */
                            size: number;
                            /** @description 该文件的 JSON Schema 地址（用于编辑器补全），例如 /schemas/item.schema.json。 */
                            schema?: string;
                            /** @description 事项文件：编码、名称、受理窗口、关键词。 */
                            item?: {
                                code: string;
                                name: string;
                                window?: string;
                                keywords?: string[];
                            };
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPackFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 规则包内的相对路径，整体 URL 编码为一段（items%2Fmz-004.yaml）；也可不编码直接写在后面（files/items/mz-004.yaml）。 */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件内容。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        path: string;
                        etag: string;
                        /** @description 文件全文（UTF-8）。 */
                        text: string;
                        /**
                         * @description 未改、修改、新增、删除。
                         * @enum {unknown}
                         */
                        state?: "unchanged" | "changed" | "added" | "deleted";
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPackHistory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        publications: {
                            /** @description 发布编号，例如 R00003。 */
                            id: string;
                            /** @description 序号。 */
                            seq: number;
                            /** @description 时间。 */
                            at: string;
                            /** @description 发布人（令牌名称）。 */
                            by: string;
                            /** @description 理由。 */
                            reason?: string;
                            /** @enum {unknown} */
                            kind: "publish" | "rollback";
                            files: {
                                path: string;
                                /** @enum {unknown} */
                                change: "added" | "changed" | "deleted";
                            }[];
                            /** @description 全部改动文件的统一格式差异。 */
                            diff: string;
                            /** @description 发布前的版本。 */
                            versionBefore: string;
                            /** @description 发布后的版本。 */
                            versionAfter: string;
                            tests: {
                                total: number;
                                passed: number;
                                failed: number;
                            };
                            /** @description 场景测试未全部通过，经确认后发布。 */
                            confirmedFailing?: boolean;
                            /** @description 发布的草稿。 */
                            draft?: string;
                            /** @description 回退时恢复到的版本。 */
                            restoredVersion?: string;
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rollbackPack: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 要恢复的版本。 */
                    version: string;
                    /** @description 理由。 */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 一次发布或回退。 */
                        publication: {
                            /** @description 发布编号，例如 R00003。 */
                            id: string;
                            /** @description 序号。 */
                            seq: number;
                            /** @description 时间。 */
                            at: string;
                            /** @description 发布人（令牌名称）。 */
                            by: string;
                            /** @description 理由。 */
                            reason?: string;
                            /** @enum {unknown} */
                            kind: "publish" | "rollback";
                            files: {
                                path: string;
                                /** @enum {unknown} */
                                change: "added" | "changed" | "deleted";
                            }[];
                            /** @description 全部改动文件的统一格式差异。 */
                            diff: string;
                            /** @description 发布前的版本。 */
                            versionBefore: string;
                            /** @description 发布后的版本。 */
                            versionAfter: string;
                            tests: {
                                total: number;
                                passed: number;
                                failed: number;
                            };
                            /** @description 场景测试未全部通过，经确认后发布。 */
                            confirmedFailing?: boolean;
                            /** @description 发布的草稿。 */
                            draft?: string;
                            /** @description 回退时恢复到的版本。 */
                            restoredVersion?: string;
                        };
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 文件名，例如 item.schema.json。 */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRecordSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 文件名，例如 item.schema.json。 */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDrafts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        drafts: {
                            /** @description 草稿编号。 */
                            id: string;
                            /** @description 草稿名称。 */
                            name: string;
                            /** @description 创建人（令牌名称）。 */
                            owner: string;
                            /** @description 创建时间。 */
                            created: string;
                            /** @description 最后修改时间。 */
                            updated: string;
                            /** @description 打开草稿时的规则包版本。 */
                            base: string;
                            /** @description 草稿修改、新增或删除的文件。 */
                            changed: string[];
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDraft: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 草稿名称；默认按时间命名。 */
                    name?: string;
                    init?: components["schemas"]["InitAnswers"];
                };
            };
        };
        responses: {
            /** @description 草稿及其全部文件。 */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 草稿编号。 */
                        id: string;
                        /** @description 草稿名称。 */
                        name: string;
                        /** @description 创建人（令牌名称）。 */
                        owner: string;
                        /** @description 创建时间。 */
                        created: string;
                        /** @description 最后修改时间。 */
                        updated: string;
                        /** @description 打开草稿时的规则包版本。 */
                        base: string;
                        /** @description 草稿修改、新增或删除的文件。 */
                        changed: string[];
                        files: {
                            /** @description 规则包内的相对路径，以 / 分隔，例如 items/mz-004.yaml。 */
                            path: string;
                            /**
                             * @description 文件种类。
                             * @enum {unknown}
                             */
                            kind: "center" | "facts" | "policy" | "referrals" | "materials" | "calendar" | "item" | "test" | "template" | "other";
                            /** @description 内容 SHA-256 的前 16 位（十六进制）。 */
                            etag: string;
                            /** @description 字节数。 */
                            size: number;
                            /** @description 该文件的 JSON Schema 地址（用于编辑器补全），例如 /schemas/item.schema.json。 */
                            schema?: string;
                            /** @description 事项文件：编码、名称、受理窗口、关键词。 */
                            item?: {
                                code: string;
                                name: string;
                                window?: string;
                                keywords?: string[];
                            };
                            /**
                             * @description 未改、修改、新增、删除。
                             * @enum {unknown}
                             */
                            state: "unchanged" | "changed" | "added" | "deleted";
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 草稿及其全部文件。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 草稿编号。 */
                        id: string;
                        /** @description 草稿名称。 */
                        name: string;
                        /** @description 创建人（令牌名称）。 */
                        owner: string;
                        /** @description 创建时间。 */
                        created: string;
                        /** @description 最后修改时间。 */
                        updated: string;
                        /** @description 打开草稿时的规则包版本。 */
                        base: string;
                        /** @description 草稿修改、新增或删除的文件。 */
                        changed: string[];
                        files: {
                            /** @description 规则包内的相对路径，以 / 分隔，例如 items/mz-004.yaml。 */
                            path: string;
                            /**
                             * @description 文件种类。
                             * @enum {unknown}
                             */
                            kind: "center" | "facts" | "policy" | "referrals" | "materials" | "calendar" | "item" | "test" | "template" | "other";
                            /** @description 内容 SHA-256 的前 16 位（十六进制）。 */
                            etag: string;
                            /** @description 字节数。 */
                            size: number;
                            /** @description 该文件的 JSON Schema 地址（用于编辑器补全），例如 /schemas/item.schema.json。 */
                            schema?: string;
                            /** @description 事项文件：编码、名称、受理窗口、关键词。 */
                            item?: {
                                code: string;
                                name: string;
                                window?: string;
                                keywords?: string[];
                            };
                            /**
                             * @description 未改、修改、新增、删除。
                             * @enum {unknown}
                             */
                            state: "unchanged" | "changed" | "added" | "deleted";
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已删除。 */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDraftFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
                /** @description 规则包内的相对路径，整体 URL 编码为一段（items%2Fmz-004.yaml）；也可不编码直接写在后面（files/items/mz-004.yaml）。 */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件内容。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        path: string;
                        etag: string;
                        /** @description 文件全文（UTF-8）。 */
                        text: string;
                        /**
                         * @description 未改、修改、新增、删除。
                         * @enum {unknown}
                         */
                        state?: "unchanged" | "changed" | "added" | "deleted";
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putDraftFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
                /** @description 规则包内的相对路径，整体 URL 编码为一段（items%2Fmz-004.yaml）；也可不编码直接写在后面（files/items/mz-004.yaml）。 */
                path: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/yaml": {
                    /** @description 文件全文。 */
                    text: string;
                };
                "text/plain": {
                    /** @description 文件全文。 */
                    text: string;
                };
                "application/json": {
                    /** @description 文件全文。 */
                    text: string;
                };
            };
        };
        responses: {
            /** @description 整个草稿（规则包加上草稿中的修改）的校验结果，以及正在编辑的事项的静态检查。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 没有错误。 */
                        ok: boolean;
                        errors: {
                            file: string;
                            line: number;
                            column: number;
                            path: string;
                            code: string;
                            message: string;
                        }[];
                        warnings: {
                            file: string;
                            line: number;
                            column: number;
                            path: string;
                            code: string;
                            message: string;
                        }[];
                        /** @description 校验耗时（毫秒）。 */
                        ms: number;
                        /** @description 正在编辑的事项的静态检查（与 bianmin check --item 相同：一次性告知是否完整、死规则和重叠规则、办理方式与时限和文书是否一致）。只在草稿没有校验错误、且写入的是事项文件（或查询时写了 item）时才做；否则为 null。 */
                        check: {
                            /** @description 所检查的事项编码。 */
                            item: string;
                            /** @description E-CHECK-… 错误。 */
                            errors: {
                                file: string;
                                line: number;
                                column: number;
                                path: string;
                                code: string;
                                message: string;
                                /** @description 复现该问题的场景（YAML，scenarios: 下的一项）；没有反例时为 null。 */
                                scenario: string | null;
                            }[];
                            /** @description W-CHECK-… 警告。 */
                            warnings: {
                                file: string;
                                line: number;
                                column: number;
                                path: string;
                                code: string;
                                message: string;
                                /** @description 复现该问题的场景（YAML，scenarios: 下的一项）；没有反例时为 null。 */
                                scenario: string | null;
                            }[];
                            /** @description 检查耗时（毫秒）。 */
                            ms: number;
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDraftFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
                /** @description 规则包内的相对路径，整体 URL 编码为一段（items%2Fmz-004.yaml）；也可不编码直接写在后面（files/items/mz-004.yaml）。 */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 整个草稿（规则包加上草稿中的修改）的校验结果，以及正在编辑的事项的静态检查。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 没有错误。 */
                        ok: boolean;
                        errors: {
                            file: string;
                            line: number;
                            column: number;
                            path: string;
                            code: string;
                            message: string;
                        }[];
                        warnings: {
                            file: string;
                            line: number;
                            column: number;
                            path: string;
                            code: string;
                            message: string;
                        }[];
                        /** @description 校验耗时（毫秒）。 */
                        ms: number;
                        /** @description 正在编辑的事项的静态检查（与 bianmin check --item 相同：一次性告知是否完整、死规则和重叠规则、办理方式与时限和文书是否一致）。只在草稿没有校验错误、且写入的是事项文件（或查询时写了 item）时才做；否则为 null。 */
                        check: {
                            /** @description 所检查的事项编码。 */
                            item: string;
                            /** @description E-CHECK-… 错误。 */
                            errors: {
                                file: string;
                                line: number;
                                column: number;
                                path: string;
                                code: string;
                                message: string;
                                /** @description 复现该问题的场景（YAML，scenarios: 下的一项）；没有反例时为 null。 */
                                scenario: string | null;
                            }[];
                            /** @description W-CHECK-… 警告。 */
                            warnings: {
                                file: string;
                                line: number;
                                column: number;
                                path: string;
                                code: string;
                                message: string;
                                /** @description 复现该问题的场景（YAML，scenarios: 下的一项）；没有反例时为 null。 */
                                scenario: string | null;
                            }[];
                            /** @description 检查耗时（毫秒）。 */
                            ms: number;
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDraftDiagnostics: {
        parameters: {
            query?: {
                /** @description 正在编辑的事项编码，例如 MZ-004：答复中附该事项的静态检查。 */
                item?: string;
            };
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 整个草稿（规则包加上草稿中的修改）的校验结果，以及正在编辑的事项的静态检查。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 没有错误。 */
                        ok: boolean;
                        errors: {
                            file: string;
                            line: number;
                            column: number;
                            path: string;
                            code: string;
                            message: string;
                        }[];
                        warnings: {
                            file: string;
                            line: number;
                            column: number;
                            path: string;
                            code: string;
                            message: string;
                        }[];
                        /** @description 校验耗时（毫秒）。 */
                        ms: number;
                        /** @description 正在编辑的事项的静态检查（与 bianmin check --item 相同：一次性告知是否完整、死规则和重叠规则、办理方式与时限和文书是否一致）。只在草稿没有校验错误、且写入的是事项文件（或查询时写了 item）时才做；否则为 null。 */
                        check: {
                            /** @description 所检查的事项编码。 */
                            item: string;
                            /** @description E-CHECK-… 错误。 */
                            errors: {
                                file: string;
                                line: number;
                                column: number;
                                path: string;
                                code: string;
                                message: string;
                                /** @description 复现该问题的场景（YAML，scenarios: 下的一项）；没有反例时为 null。 */
                                scenario: string | null;
                            }[];
                            /** @description W-CHECK-… 警告。 */
                            warnings: {
                                file: string;
                                line: number;
                                column: number;
                                path: string;
                                code: string;
                                message: string;
                                /** @description 复现该问题的场景（YAML，scenarios: 下的一项）；没有反例时为 null。 */
                                scenario: string | null;
                            }[];
                            /** @description 检查耗时（毫秒）。 */
                            ms: number;
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    decideOnDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Application"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decision: components["schemas"]["Decision"];
                        notice: {
                            [key: string]: unknown;
                        };
                        case: null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    renderDraftDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description 文书种类。
                     * @enum {unknown}
                     */
                    doc: "guide" | "board-item" | "consultation" | "supplement" | "correctable" | "accepted" | "immediate" | "returned" | "rejected";
                    /** @description 事项编码（不写则取 application 或 decision 中的）。 */
                    item?: string;
                    application?: components["schemas"]["Application"];
                    decision?: components["schemas"]["Decision"];
                };
            };
        };
        responses: {
            /** @description 文书（HTML） */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
        };
    };
    testDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 只运行这些场景文件，例如 tests/mz-004.yaml。 */
                    files?: string[];
                    /** @description 只运行这个名称的场景。 */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description bianmin test --coverage --json 的输出。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    diffDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: {
                            path: string;
                            /** @enum {unknown} */
                            state: "changed" | "added" | "deleted";
                            unified: string;
                        }[];
                        whatIf: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 草稿编号。 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 发布理由（测试未通过时必填）。 */
                    reason?: string;
                    /** @description 确认在场景测试未通过的情况下发布。 */
                    confirmFailing?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 一次发布或回退。 */
                        publication: {
                            /** @description 发布编号，例如 R00003。 */
                            id: string;
                            /** @description 序号。 */
                            seq: number;
                            /** @description 时间。 */
                            at: string;
                            /** @description 发布人（令牌名称）。 */
                            by: string;
                            /** @description 理由。 */
                            reason?: string;
                            /** @enum {unknown} */
                            kind: "publish" | "rollback";
                            files: {
                                path: string;
                                /** @enum {unknown} */
                                change: "added" | "changed" | "deleted";
                            }[];
                            /** @description 全部改动文件的统一格式差异。 */
                            diff: string;
                            /** @description 发布前的版本。 */
                            versionBefore: string;
                            /** @description 发布后的版本。 */
                            versionAfter: string;
                            tests: {
                                total: number;
                                passed: number;
                                failed: number;
                            };
                            /** @description 场景测试未全部通过，经确认后发布。 */
                            confirmedFailing?: boolean;
                            /** @description 发布的草稿。 */
                            draft?: string;
                            /** @description 回退时恢复到的版本。 */
                            restoredVersion?: string;
                        };
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCaseReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Case"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    grade: components["schemas"]["Review"]["grade"];
                    indicators?: components["schemas"]["Review"]["indicators"];
                    comment?: components["schemas"]["Review"]["comment"];
                    /** @description 评价时间（ISO 8601）；默认为当前时间。 */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description 评价及其回访、整改期限（不含评价人信息）。 */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record: components["schemas"]["Review"];
                        /** @description 是否差评（policy.yaml 的 reviews.bad）。 */
                        bad: boolean;
                        /** @description 是否经申诉复核撤销（撤销的评价不计入考评统计和责任追究）。 */
                        struck: boolean;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        callback: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        rectification: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReviews: {
        parameters: {
            query?: {
                case?: components["schemas"]["Case"]["id"];
                staff?: components["schemas"]["Common-id"];
                month?: components["schemas"]["Common-month"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record: components["schemas"]["Review"];
                        /** @description 是否差评（policy.yaml 的 reviews.bad）。 */
                        bad: boolean;
                        /** @description 是否经申诉复核撤销（撤销的评价不计入考评统计和责任追究）。 */
                        struck: boolean;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        callback: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        rectification: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                    }[];
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordReviewCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Review"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    by: components["schemas"]["RecordDefs-followUp"]["by"];
                    /** @description 时间（ISO 8601，不带时区即北京时间）；默认为当前时间。 */
                    at?: string;
                    note?: components["schemas"]["RecordDefs-followUp"]["note"];
                };
            };
        };
        responses: {
            /** @description 评价及其回访、整改期限（不含评价人信息）。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record: components["schemas"]["Review"];
                        /** @description 是否差评（policy.yaml 的 reviews.bad）。 */
                        bad: boolean;
                        /** @description 是否经申诉复核撤销（撤销的评价不计入考评统计和责任追究）。 */
                        struck: boolean;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        callback: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        rectification: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordReviewRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Review"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    by: components["schemas"]["RecordDefs-followUp"]["by"];
                    /** @description 时间（ISO 8601，不带时区即北京时间）；默认为当前时间。 */
                    at?: string;
                    note?: components["schemas"]["RecordDefs-followUp"]["note"];
                };
            };
        };
        responses: {
            /** @description 评价及其回访、整改期限（不含评价人信息）。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record: components["schemas"]["Review"];
                        /** @description 是否差评（policy.yaml 的 reviews.bad）。 */
                        bad: boolean;
                        /** @description 是否经申诉复核撤销（撤销的评价不计入考评统计和责任追究）。 */
                        struck: boolean;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        callback: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        rectification: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    appealReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Review"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    by: components["schemas"]["Review-appeal"]["by"];
                    outcome: components["schemas"]["Review-appeal"]["outcome"];
                    reason: components["schemas"]["Review-appeal"]["reason"];
                    /** @description 复核时间（ISO 8601）；默认为当前时间。 */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description 评价及其回访、整改期限（不含评价人信息）。 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record: components["schemas"]["Review"];
                        /** @description 是否差评（policy.yaml 的 reviews.bad）。 */
                        bad: boolean;
                        /** @description 是否经申诉复核撤销（撤销的评价不计入考评统计和责任追究）。 */
                        struck: boolean;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        callback: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                        /** @description 差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。 */
                        rectification: {
                            /** @description 期限。 */
                            due: string;
                            /** @description 完成时间；未完成为 null。 */
                            doneAt: string | null;
                            /** @description 逾期未完成，或完成晚于期限。 */
                            overdue: boolean;
                            /**
                             * @description 预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 令牌名称（配置令牌时的“名称”）。 */
                        name: string;
                        /**
                         * @description clerk 工作人员令牌，admin 管理员令牌。
                         * @enum {unknown}
                         */
                        role: "clerk" | "admin";
                        /** @description 令牌名称为 center.yaml 中工作人员的标识时，即该工作人员；否则为 null。 */
                        staff: {
                            id: string;
                            name: string;
                            title: string | null;
                            /** @description 所在岗位的窗口（A岗或B岗）。 */
                            windows: {
                                id: string;
                                number: number;
                                name: string;
                                location: string | null;
                            }[];
                            /** @description 担任的岗位：role 为 A（主办）或 B（协办顶岗）。 */
                            posts: {
                                id: string;
                                name: string;
                                window: string;
                                /** @enum {unknown} */
                                role: "A" | "B";
                            }[];
                        } | null;
                        /** @description 好差评的评价等级（policy.yaml 的 reviews）：grades 由好到差，bad 为差评。 */
                        reviews: {
                            grades: string[];
                            bad: string[];
                        };
                        /** @description 办件状态和办理环节的中文名称（与登记簿、文书所用的相同），供界面显示。 */
                        labels: {
                            caseStatus: {
                                [key: string]: string;
                            };
                            caseEvent: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStaffCases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Common-id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: {
                            id: string;
                            name: string;
                        };
                        /** @description 计时的时点。 */
                        asOf: string;
                        /** @description 在办的办件：红牌在前，再黄牌，各按到期时间；最多 300 件（件数见 totals）。 */
                        cases: {
                            /** @description 办件及其当前状态和计时（申请人身份信息已脱敏）。 */
                            view: {
                                record: components["schemas"]["Case"];
                                /** @enum {unknown} */
                                status: "consultation" | "received" | "supplement" | "accepted" | "suspended" | "completed" | "returned" | "rejected";
                                acceptedAt: string | null;
                                deemedAccepted: boolean;
                                concludedAt: string | null;
                                /** @description 计时（未受理的补正件为 null）。 */
                                clock: {
                                    /** @description 承诺期限届满时间（已计入中止和延长）。 */
                                    due: string;
                                    /** @description 法定期限届满时间。 */
                                    statutoryDue: string;
                                    remaining: {
                                        amount: number;
                                        /** @enum {unknown} */
                                        unit: "workingDays" | "calendarDays" | "hours" | "minutes" | "sameDay";
                                    };
                                    elapsed: {
                                        amount: number;
                                        /** @enum {unknown} */
                                        unit: "workingDays" | "calendarDays" | "hours" | "minutes" | "sameDay";
                                    };
                                    /** @enum {unknown} */
                                    level: "normal" | "yellow" | "red";
                                    suspended: boolean;
                                    warnings?: {
                                        [key: string]: unknown;
                                    }[];
                                } | null;
                                overdue: boolean;
                                overdueExplained: boolean;
                                responsible: {
                                    staff: string;
                                    /** @enum {unknown} */
                                    role: "A" | "B" | "handler";
                                    post: string | null;
                                };
                                notice: {
                                    number: string;
                                    href: string;
                                } | null;
                                /** @description 容缺材料及补交期限：自登记簿所记的受理时间（受理环节，或视为受理）起算；尚未受理的为 null。 */
                                deferred: {
                                    id: string;
                                    name: string;
                                    due: string | null;
                                }[];
                            };
                            /**
                             * @description 预警等级（未计时的为 normal）。
                             * @enum {unknown}
                             */
                            level: "normal" | "yellow" | "red";
                            /** @description 剩余时间的中文说明，例如 剩余 24 个工作日、已超期 1 个工作日、待补正（未计时）。 */
                            remaining: string;
                            /** @description 本人为该岗位的B岗（顶岗A岗的办件）。 */
                            covering: boolean;
                        }[];
                        /** @description 今日办结（办结、退回、不予受理）的本人办件，附是否已评价（好差评一次一评）。 */
                        concluded: {
                            /** @description 办件及其当前状态和计时（申请人身份信息已脱敏）。 */
                            view: {
                                record: components["schemas"]["Case"];
                                /** @enum {unknown} */
                                status: "consultation" | "received" | "supplement" | "accepted" | "suspended" | "completed" | "returned" | "rejected";
                                acceptedAt: string | null;
                                deemedAccepted: boolean;
                                concludedAt: string | null;
                                /** @description 计时（未受理的补正件为 null）。 */
                                clock: {
                                    /** @description 承诺期限届满时间（已计入中止和延长）。 */
                                    due: string;
                                    /** @description 法定期限届满时间。 */
                                    statutoryDue: string;
                                    remaining: {
                                        amount: number;
                                        /** @enum {unknown} */
                                        unit: "workingDays" | "calendarDays" | "hours" | "minutes" | "sameDay";
                                    };
                                    elapsed: {
                                        amount: number;
                                        /** @enum {unknown} */
                                        unit: "workingDays" | "calendarDays" | "hours" | "minutes" | "sameDay";
                                    };
                                    /** @enum {unknown} */
                                    level: "normal" | "yellow" | "red";
                                    suspended: boolean;
                                    warnings?: {
                                        [key: string]: unknown;
                                    }[];
                                } | null;
                                overdue: boolean;
                                overdueExplained: boolean;
                                responsible: {
                                    staff: string;
                                    /** @enum {unknown} */
                                    role: "A" | "B" | "handler";
                                    post: string | null;
                                };
                                notice: {
                                    number: string;
                                    href: string;
                                } | null;
                                /** @description 容缺材料及补交期限：自登记簿所记的受理时间（受理环节，或视为受理）起算；尚未受理的为 null。 */
                                deferred: {
                                    id: string;
                                    name: string;
                                    due: string | null;
                                }[];
                            };
                            reviewed: {
                                id: string;
                                grade: string;
                            } | null;
                        }[];
                        /** @description 全部在办件和今日办结件的件数；cases、concluded 各最多列出 300 件（在办件按紧急程度最前的，今日办结件按时间最近的），其余只计入这里。 */
                        totals: {
                            /** @description 在办件数（含未列出的）。 */
                            open: number;
                            /** @description 其中红牌。 */
                            red: number;
                            /** @description 其中黄牌。 */
                            yellow: number;
                            /** @description 今日办结件数（含未列出的）。 */
                            concluded: number;
                        };
                        /** @description 本人的责任追究记录（计算窗口期内的违规事实和处理）；只有本人令牌或管理员令牌可见，其他为 null。 */
                        record: {
                            countingWindow: {
                                label: string;
                                from: string;
                                to: string;
                            };
                            /** @description 违规事实计数：verifiedComplaints 查实投诉、overdueWithoutReason 无故超时、badReviews 差评等。 */
                            facts: {
                                [key: string]: number;
                            };
                            actions: {
                                rule: string;
                                ruleName: string;
                                actionName: string;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listLifeEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 中心名称、地址和咨询电话（自助页面的页头）。 */
                        center: {
                            name: string;
                            address: string;
                            consultPhone: string;
                        };
                        /** @description 服务的对外网址（bianmin serve --public-url）；null 表示未配置，不提供二维码。 */
                        publicUrl: string | null;
                        /** @description center.yaml 的人生事件（lifeEvents），按声明顺序；每个事项按当日有效的版本，带受理窗口。 */
                        lifeEvents: {
                            id: components["schemas"]["Common-id"];
                            name: string;
                            description: string | null;
                            items: {
                                code: components["schemas"]["Item"]["code"];
                                name: components["schemas"]["Item"]["name"];
                                /** @description 受理窗口（center.yaml 中的窗口）。 */
                                window: {
                                    id: components["schemas"]["Common-id"];
                                    /** @description 窗口号。 */
                                    number: number;
                                    name: string;
                                    /** @description 窗口位置，例如 大厅东侧。 */
                                    location: string | null;
                                } | null;
                            }[];
                        }[];
                        /** @description 全部窗口（按 center.yaml 的顺序），各带在该窗口受理的事项（没有事项的窗口 items 为空）。 */
                        windows: {
                            id: components["schemas"]["Common-id"];
                            /** @description 窗口号。 */
                            number: number;
                            name: string;
                            /** @description 窗口位置，例如 大厅东侧。 */
                            location: string | null;
                            items: {
                                code: components["schemas"]["Item"]["code"];
                                name: components["schemas"]["Item"]["name"];
                            }[];
                        }[];
                    };
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getItemQr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: components["schemas"]["Item"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 二维码图片（SVG，黑白，四个模块宽的空白边） */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getItemGuide: {
        parameters: {
            query?: {
                /** @description 日期 YYYY-MM-DD（北京时间），按当日有效的事项版本；默认今天。 */
                date?: string;
            };
            header?: never;
            path: {
                code: components["schemas"]["Item"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 办事指南 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/pdf": string;
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            406: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
        };
    };
    getBoard: {
        parameters: {
            query?: {
                /** @description center：中心公开栏（一张）；window：窗口公示牌（每个窗口一张，可用 window 只要一个）；binder（默认）：办事指南汇编（全部事项，A4，带目录）。 */
                layout?: "center" | "window" | "binder";
                /** @description 窗口标识（center.yaml 的 windows[].id），只用于 layout=window。 */
                window?: string;
                /** @description 纸张：中心公开栏和窗口公示牌可用 A4、A3（默认）、A1、A0，字号随纸张放大；汇编只印 A4。 */
                paper?: "A4" | "A3" | "A1" | "A0";
                /** @description 1 或 true：大厅显示屏页面（只用于汇编版式）。 */
                screen?: "1" | "0" | "true" | "false";
                /** @description 公布日期 YYYY-MM-DD（决定适用的事项版本、值班表和“好差评”的月份）；默认今天（北京时间）。 */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 公开栏页面 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                };
            };
        };
    };
    getBoardPdf: {
        parameters: {
            query?: {
                /** @description center：中心公开栏（一张）；window：窗口公示牌（每个窗口一张，可用 window 只要一个）；binder（默认）：办事指南汇编（全部事项，A4，带目录）。 */
                layout?: "center" | "window" | "binder";
                /** @description 窗口标识（center.yaml 的 windows[].id），只用于 layout=window。 */
                window?: string;
                /** @description 纸张：中心公开栏和窗口公示牌可用 A4、A3（默认）、A1、A0，字号随纸张放大；汇编只印 A4。 */
                paper?: "A4" | "A3" | "A1" | "A0";
                /** @description 公布日期 YYYY-MM-DD（决定适用的事项版本、值班表和“好差评”的月份）；默认今天（北京时间）。 */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 公开栏 PDF */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description 所有错误的统一格式。 */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 文号，例如 青便〔2026〕0001号。 */
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文书 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/pdf": string;
                };
            };
            /** @description 所有错误的统一格式。 */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            406: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description 所有错误的统一格式。 */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Bianmin-Pack": components["headers"]["X-Bianmin-Pack"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Error"];
                    "application/pdf": components["schemas"]["Error"];
                };
            };
        };
    };
}
