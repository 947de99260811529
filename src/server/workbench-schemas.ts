/** JSON Schemas of the workbench API (documented in the OpenAPI document; answers are checked against them in tests). */

const str = (description: string): object => ({ type: 'string', description });

export const packFileSchema = {
  type: 'object',
  description: '规则包中的一个文件。',
  properties: {
    path: str('规则包内的相对路径，以 / 分隔，例如 items/mz-004.yaml。'),
    kind: { enum: ['center', 'facts', 'policy', 'referrals', 'materials', 'calendar', 'item', 'test', 'template', 'other'], description: '文件种类。' },
    etag: { type: 'string', pattern: '^[0-9a-f]{16}$', description: '内容 SHA-256 的前 16 位（十六进制）。' },
    size: { type: 'integer', minimum: 0, description: '字节数。' },
    schema: str('该文件的 JSON Schema 地址（用于编辑器补全），例如 /schemas/item.schema.json。'),
    item: {
      type: 'object',
      description: '事项文件：编码、名称、受理窗口、关键词。',
      properties: { code: { type: 'string' }, name: { type: 'string' }, window: { type: 'string' }, keywords: { type: 'array', items: { type: 'string' } } },
      required: ['code', 'name'],
    },
  },
  required: ['path', 'kind', 'etag', 'size'],
} as const;

export const draftFileSchema = {
  ...packFileSchema,
  description: '草稿中的一个文件及其状态。',
  properties: { ...packFileSchema.properties, state: { enum: ['unchanged', 'changed', 'added', 'deleted'], description: '未改、修改、新增、删除。' } },
  required: [...packFileSchema.required, 'state'],
} as const;

const diagnostic = {
  type: 'object',
  description: '一处校验问题（与 bianmin validate --json 相同）。',
  properties: { file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' }, path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
  required: ['file', 'line', 'column', 'path', 'code', 'message'],
} as const;

const checkFinding = {
  type: 'object',
  description: '静态检查（bianmin check）的一条发现：位置和说明同校验问题，另附可直接粘贴到 tests/ 的反例场景。',
  properties: {
    ...diagnostic.properties,
    scenario: { type: ['string', 'null'], description: '复现该问题的场景（YAML，scenarios: 下的一项）；没有反例时为 null。' },
  },
  required: [...diagnostic.required, 'scenario'],
} as const;

export const draftCheckSchema = {
  type: ['object', 'null'],
  description:
    '正在编辑的事项的静态检查（与 bianmin check --item 相同：一次性告知是否完整、死规则和重叠规则、办理方式与时限和文书是否一致）。只在草稿没有校验错误、且写入的是事项文件（或查询时写了 item）时才做；否则为 null。',
  properties: {
    item: str('所检查的事项编码。'),
    errors: { type: 'array', items: checkFinding, description: 'E-CHECK-… 错误。' },
    warnings: { type: 'array', items: checkFinding, description: 'W-CHECK-… 警告。' },
    ms: { type: 'number', description: '检查耗时（毫秒）。' },
  },
  required: ['item', 'errors', 'warnings', 'ms'],
} as const;

export const diagnosticsSchema = {
  type: 'object',
  description: '整个草稿（规则包加上草稿中的修改）的校验结果，以及正在编辑的事项的静态检查。',
  properties: {
    ok: { type: 'boolean', description: '没有错误。' },
    errors: { type: 'array', items: diagnostic },
    warnings: { type: 'array', items: diagnostic },
    ms: { type: 'number', description: '校验耗时（毫秒）。' },
    check: draftCheckSchema,
  },
  required: ['ok', 'errors', 'warnings', 'ms', 'check'],
} as const;

const draftProperties = {
  id: { type: 'string', pattern: '^[0-9a-f]{12}$', description: '草稿编号。' },
  name: str('草稿名称。'),
  owner: str('创建人（令牌名称）。'),
  created: str('创建时间。'),
  updated: str('最后修改时间。'),
  base: str('打开草稿时的规则包版本。'),
  changed: { type: 'array', items: { type: 'string' }, description: '草稿修改、新增或删除的文件。' },
} as const;

export const draftSchema = {
  type: 'object',
  description: '一个草稿。',
  properties: draftProperties,
  required: Object.keys(draftProperties),
} as const;

export const draftWithFilesSchema = {
  type: 'object',
  description: '草稿及其全部文件。',
  properties: { ...draftProperties, files: { type: 'array', items: draftFileSchema } },
  required: [...Object.keys(draftProperties), 'files'],
} as const;

export const fileTextSchema = {
  type: 'object',
  description: '文件内容。',
  properties: { path: { type: 'string' }, etag: { type: 'string' }, text: { type: 'string', description: '文件全文（UTF-8）。' }, state: draftFileSchema.properties.state },
  required: ['path', 'etag', 'text'],
} as const;

export const publicationSchema = {
  type: 'object',
  description: '一次发布或回退。',
  properties: {
    id: str('发布编号，例如 R00003。'),
    seq: { type: 'integer', description: '序号。' },
    at: str('时间。'),
    by: str('发布人（令牌名称）。'),
    reason: str('理由。'),
    kind: { enum: ['publish', 'rollback'] },
    files: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, change: { enum: ['added', 'changed', 'deleted'] } }, required: ['path', 'change'] },
    },
    diff: str('全部改动文件的统一格式差异。'),
    versionBefore: str('发布前的版本。'),
    versionAfter: str('发布后的版本。'),
    tests: {
      type: 'object',
      properties: { total: { type: 'integer' }, passed: { type: 'integer' }, failed: { type: 'integer' } },
      required: ['total', 'passed', 'failed'],
    },
    confirmedFailing: { type: 'boolean', description: '场景测试未全部通过，经确认后发布。' },
    draft: str('发布的草稿。'),
    restoredVersion: str('回退时恢复到的版本。'),
  },
  required: ['id', 'seq', 'at', 'by', 'kind', 'files', 'diff', 'versionBefore', 'versionAfter', 'tests'],
} as const;

export const pathParam = {
  type: 'string',
  minLength: 1,
  maxLength: 1000,
  description: '规则包内的相对路径，整体 URL 编码为一段（items%2Fmz-004.yaml）；也可不编码直接写在后面（files/items/mz-004.yaml）。',
} as const;

export const draftIdParam = draftProperties.id;
