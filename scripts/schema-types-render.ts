import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_TYPES_FILE = `${root}src/pack/schema-types.ts`;

/** Top-level file schemas and the TypeScript name of the document each describes. */
const FILES: ReadonlyArray<[string, string]> = [
  ['center', 'CenterFile'],
  ['calendar', 'CalendarFile'],
  ['facts', 'FactsFile'],
  ['item', 'ItemFile'],
  ['referrals', 'ReferralsFile'],
  ['materials', 'MaterialsFile'],
  ['catalogue', 'CatalogueFile'],
  ['policy', 'PolicyFile'],
  ['application', 'Application'],
  ['decision', 'Decision'],
  ['records/case', 'CaseRecord'],
  ['records/complaint', 'ComplaintRecord'],
  ['records/review', 'ReviewRecord'],
  ['records/incident', 'IncidentRecord'],
  ['records/publication', 'PublicationRecord'],
  ['records/snapshot', 'RecordSnapshot'],
  ['records/log-entry', 'RecordLogEntry'],
  ['records/sequence', 'SequenceRecord'],
  ['records/pack-publication', 'PackPublicationRecord'],
  ['scenario', 'ScenarioFile'],
  ['init-answers', 'InitAnswers'],
  ['bundle', 'BundleFile'],
  ['bundle-application', 'BundleApplication'],
  ['bundle-decision', 'BundleDecision'],
];

/** Shared definitions in common.schema.json and the type name each gets. */
const COMMON_TITLES: Readonly<Record<string, string>> = {
  id: 'Id',
  date: 'DateString',
  month: 'MonthString',
  timeRange: 'TimeRange',
  dayHours: 'DayHours',
  phone: 'PhoneNumber',
  duration: 'Duration',
  clock: 'PolicyClock',
  legalRef: 'LegalRef',
  condition: 'Condition',
};

/** Names for inline object schemas, by JSON pointer inside each file schema. */
const TYPE_NAMES: Readonly<Record<string, Record<string, string>>> = {
  center: {
    '/properties/center': 'CenterInfo',
    '/properties/center/properties/officeHours': 'OfficeHours',
    '/properties/center/properties/phones': 'CenterPhones',
    '/properties/departments/items': 'Department',
    '/properties/windows/items': 'Window',
    '/properties/staff/items': 'StaffMember',
    '/properties/posts/items': 'Post',
    '/properties/leaders/items': 'Leader',
    '/properties/dutyRoster/items': 'DutyMonth',
    '/properties/dutyRoster/items/properties/days/items': 'DutyDay',
    '/properties/extends': 'CenterExtends',
  },
  calendar: {
    '/properties/holidays/items': 'HolidayPeriod',
    '/properties/workdays/items': 'MakeUpWorkday',
  },
  facts: {
    '/properties/facts/items': 'FactDefinition',
    '/properties/conditions/items': 'SharedCondition',
  },
  item: {
    '/properties/changes/items': 'ItemChange',
    '/properties/changes/items/properties/set': 'ItemChangeSet',
    '/properties/changes/items/properties/remove': 'ItemChangeRemove',
    '/properties/changes/items/properties/replace': 'ItemChangeReplace',
    '/properties/changes/items/properties/add': 'ItemChangeAdd',
    '/$defs/conditions/items': 'EligibilityRule',
    '/$defs/materials/items': 'Material',
    '/$defs/materials/items/properties/alternatives/items': 'AlternativeMaterial',
    '/$defs/procedure/items': 'ProcedureStep',
    '/$defs/limits/properties/extension': 'Extension',
    '/$defs/fees/items': 'Fee',
    '/$defs/forms/items': 'SampleForm',
  },
  referrals: { '/properties/referrals/items': 'Referral' },
  bundle: { '/properties/limit': 'BundleLimit' },
  'bundle-decision': {
    '/properties/lead': 'BundleLead',
    '/properties/window': 'BundleWindow',
    '/properties/missing/items': 'BundleMissingMaterial',
    '/properties/rejected/items': 'BundleRejectedItem',
    '/properties/deadline': 'BundleDeadline',
    '/properties/deadline/properties/items/items': 'BundleItemDue',
    '/properties/notice': 'BundleNoticeRef',
    '/$defs/material': 'BundleMaterial',
    '/$defs/material/properties/items/items': 'BundleMaterialUse',
  },
  materials: { '/properties/materials/items': 'CatalogueMaterial' },
  application: {
    '/properties/applicant': 'Applicant',
    '/properties/materials/items/anyOf/1': 'SubmittedMaterialDetail',
  },
  decision: {
    '/properties/version': 'DecisionVersion',
    '/properties/materials/items': 'NoticeMaterial',
    '/properties/missing/items': 'MissingMaterial',
    '/properties/deferred/items': 'DeferredMaterial',
    '/properties/correctable/items': 'CorrectableMaterial',
    '/properties/routeTo': 'RouteTo',
    '/properties/deadline': 'DecisionDeadline',
    '/properties/fees/items': 'DecisionFee',
    '/properties/notice': 'NoticeRef',
    '/properties/trace/items': 'TraceEntry',
    '/$defs/source': 'SourceRef',
    '/$defs/reason': 'DecisionReason',
    '/$defs/warning': 'DecisionWarning',
    '/$defs/question': 'Question',
    '/$defs/due': 'DueDate',
    '/$defs/duration': 'DecisionDuration',
    '/properties/guide': 'DecisionGuide',
  },
  'records/case': {
    '/properties/application': 'Application',
    '/$defs/event': 'CaseEvent',
    '/$defs/extension': 'CaseExtensionApproval',
  },
  'records/review': {
    '/properties/indicators': 'ReviewIndicators',
    '/properties/appeal': 'ReviewAppeal',
  },
  'records/complaint': {
    '/properties/target': 'ComplaintTarget',
    '/properties/verification': 'ComplaintVerification',
    '/properties/reply': 'ComplaintReply',
  },
  scenario: {
    '/$defs/scenario': 'Scenario',
    '/$defs/time': 'ScenarioTime',
    '/$defs/dateOrTime': 'ScenarioDateOrTime',
    '/$defs/staff': 'ScenarioStaff',
    '/$defs/applicant': 'ScenarioApplicant',
    '/$defs/material': 'ScenarioMaterial',
    '/$defs/history': 'ScenarioHistory',
    '/$defs/complaint': 'ScenarioComplaint',
    '/$defs/incident': 'ScenarioIncident',
    '/$defs/review': 'ScenarioReview',
    '/$defs/handledCase': 'ScenarioCase',
    '/$defs/missingExpectation': 'ScenarioMissingExpectation',
    '/$defs/deferredExpectation': 'ScenarioDeferredExpectation',
    '/$defs/expect': 'ScenarioExpect',
    '/$defs/expect/properties/deadline': 'ScenarioDeadlineExpectation',
  },
  'init-answers': {
    '/properties/center': 'InitCenter',
    '/properties/center/properties/phones': 'InitPhones',
    '/properties/windows/items': 'InitWindow',
    '/properties/staff/items': 'InitStaffMember',
  },
  policy: {
    '/properties/changes/items': 'PolicyChange',
    '/properties/changes/items/properties/set': 'PolicyChangeSet',
    '/properties/clocks': 'Clocks',
    '/properties/warnings': 'WarningPolicy',
    '/properties/discipline': 'DisciplinePolicy',
    '/properties/discipline/properties/actions/items': 'DisciplineAction',
    '/properties/discipline/properties/rules/items': 'DisciplineRule',
    '/properties/assessment': 'AssessmentPolicy',
    '/properties/assessment/properties/standards': 'AssessmentStandards',
    '/properties/assessment/properties/grades/items': 'GradeRule',
    '/properties/reviews': 'ReviewPolicy',
    '/properties/documents': 'DocumentPolicy',
  },
};

export async function renderSchemaTypes(): Promise<string> {
  const common = await readSchema('common');
  const commonDefs = (common.$defs ?? {}) as Record<string, JSONSchema>;
  patchCondition(commonDefs);
  const parts: string[] = ['// Generated by `npm run gen:types` from schemas/*.json. Do not edit by hand.\n'];
  const seen = new Set<string>();
  for (const [name, typeName] of FILES) {
    const schema = await readSchema(name);
    if (name.startsWith('records/')) await inlineRecordRefs(schema);
    if (name.startsWith('bundle-')) namedApiRefs(schema);
    const defs = (schema.$defs ?? {}) as Record<string, JSONSchema>;
    if (name === 'item') {
      resolvedMaterials(defs);
      plainChanges(schema);
    }
    for (const [key, def] of Object.entries(commonDefs)) {
      const copy = structuredClone(def);
      rewriteRefs(copy, /^#\/\$defs\//);
      defs[`common-${key}`] = { ...copy, title: COMMON_TITLES[key] ?? key };
    }
    schema.$defs = defs;
    nameTypes(schema, TYPE_NAMES[name] ?? {});
    // Optional named properties must fit the index signature of an open fact map.
    const openFacts = name === 'application' ? (schema.properties as Record<string, JSONSchema>).applicant : name === 'scenario' ? defs.applicant : undefined;
    if (openFacts) openFacts.additionalProperties = { tsType: 'string | number | boolean | undefined' };
    rewriteRefs(schema, /^common\.schema\.json#\/\$defs\//);
    schema.title = typeName;
    const ts = await compile(schema, typeName, {
      bannerComment: '',
      additionalProperties: false,
      declareExternallyReferenced: true,
      unreachableDefinitions: false,
      ignoreMinAndMaxItems: true,
      style: { singleQuote: true },
    });
    // Shared definitions appear in every file's output; keep the first declaration of each.
    for (const block of ts.split(/\n(?=(?:\/\*\*[\s\S]*?\*\/\n)?export )/)) {
      const m = /export (?:interface|type) (\w+)/.exec(block);
      if (m?.[1]) {
        if (seen.has(m[1])) continue;
        seen.add(m[1]);
      }
      parts.push(block.trim() + '\n');
    }
  }
  return parts.join('\n');
}

/** Type names of the record schemas' shared definitions (schemas/records/defs.schema.json). */
const RECORD_DEF_TITLES: Readonly<Record<string, string>> = {
  timestamp: 'Timestamp',
  contact: 'ContactInfo',
  followUp: 'FollowUp',
};

/** API shapes that record schemas embed by file; in the types they are the named types. */
const FILE_REF_TYPES: Readonly<Record<string, string>> = {
  '../decision.schema.json': 'Decision',
  '../application.schema.json': 'Application',
};

/**
 * Record schemas live in schemas/records/ and refer to ../common.schema.json, to the API shapes
 * and to records/defs.schema.json. Rewrites those references into the forms the loop above
 * handles: common refs as in the pack schemas, API shapes as their named types, record defs inlined.
 */
async function inlineRecordRefs(schema: JSONSchema): Promise<void> {
  const recordDefs = ((await readSchema('records/defs')).$defs ?? {}) as Record<string, JSONSchema>;
  const defs = (schema.$defs ?? {}) as Record<string, JSONSchema>;
  const visit = (node: unknown, inDefsFile: boolean): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, inDefsFile);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === 'string') {
      const named = FILE_REF_TYPES[ref];
      if (named) {
        delete record.$ref;
        record.tsType = named;
      } else if (ref.startsWith('../common.schema.json')) {
        record.$ref = ref.slice(3);
      } else if (ref.startsWith('defs.schema.json#/$defs/') || (inDefsFile && ref.startsWith('#/$defs/'))) {
        const key = ref.slice(ref.lastIndexOf('/') + 1);
        record.$ref = `#/$defs/records-${key}`;
      }
      return;
    }
    // Conditional requirements (if/then) carry no type information; the generator would turn
    // the object into an open record.
    const allOf = record.allOf;
    if (Array.isArray(allOf) && allOf.every((b) => typeof b === 'object' && b !== null && Object.keys(b).every((k) => k === 'if' || k === 'then' || k === 'else'))) {
      delete record.allOf;
    }
    for (const child of Object.values(record)) visit(child, inDefsFile);
  };
  visit(schema, false);
  for (const [key, def] of Object.entries(recordDefs)) {
    const copy = structuredClone(def);
    visit(copy, true);
    defs[`records-${key}`] = { ...copy, title: RECORD_DEF_TITLES[key] ?? key };
  }
  schema.$defs = defs;
}

/** Parts of the API shapes that the bundle schemas embed by file reference, and their named types. */
const API_REF_TYPES: Readonly<Record<string, string>> = {
  'decision.schema.json': 'Decision',
  'decision.schema.json#/properties/materials/items': 'NoticeMaterial',
  'decision.schema.json#/properties/routeTo': 'RouteTo',
  'decision.schema.json#/$defs/due': 'DueDate',
  'decision.schema.json#/$defs/warning': 'DecisionWarning',
};

/** The bundle schemas reuse the application's and the decision's parts: in the types, those are the named types. */
function namedApiRefs(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) namedApiRefs(child);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const ref = record.$ref;
  if (typeof ref === 'string') {
    const app = /^application\.schema\.json#\/properties\/(\w+)$/.exec(ref);
    const named = API_REF_TYPES[ref] ?? (app ? `NonNullable<Application['${app[1]}']>` : undefined);
    if (named) {
      for (const key of Object.keys(record)) delete record[key];
      record.tsType = named;
    }
    return;
  }
  for (const child of Object.values(record)) namedApiRefs(child);
}

/**
 * An item's material may take its id and name from the shared catalogue (`use`), so the schema
 * asks for `use` or both; the loader fills them in, and the types describe that resolved shape.
 */
function resolvedMaterials(defs: Record<string, JSONSchema>): void {
  const material = (defs.materials?.items ?? undefined) as JSONSchema | undefined;
  const alternative = (material?.properties?.alternatives?.items ?? undefined) as JSONSchema | undefined;
  for (const m of [material, alternative]) {
    if (!m) continue;
    delete m.anyOf;
    m.required = ['id', 'name', ...(Array.isArray(m.required) ? m.required : [])];
  }
}

/**
 * A dated change must hold at least one of set/remove/replace/add (an `anyOf` of required keys),
 * which the generator would flatten to an open record: the type keeps the four as optional fields.
 */
function plainChanges(schema: JSONSchema): void {
  const change = (schema.properties?.changes as JSONSchema | undefined)?.items as JSONSchema | undefined;
  if (change) delete change.anyOf;
}

async function readSchema(name: string): Promise<JSONSchema> {
  return JSON.parse(await readFile(`${root}schemas/${name}.schema.json`, 'utf8')) as JSONSchema;
}

/**
 * Points references to common.schema.json at the inlined copies, and drops keywords beside `$ref`:
 * draft-07 ignores them (the schemas keep a `description` there for editor hover help), but the
 * generator would mint a new type per use (Duration1, Duration2 …).
 */
function rewriteRefs(node: unknown, target: RegExp): void {
  if (Array.isArray(node)) {
    for (const child of node) rewriteRefs(child, target);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === 'string') {
    const ref = record.$ref.replace(target, '#/$defs/common-');
    for (const key of Object.keys(record)) delete record[key];
    record.$ref = ref;
    return;
  }
  for (const child of Object.values(record)) rewriteRefs(child, target);
}

/**
 * The condition schema is one object with a `oneOf` of required-key sets, which validates well but
 * the generator flattens to an open record. For the types, derive one closed shape per branch.
 */
function patchCondition(defs: Record<string, JSONSchema>): void {
  const condition = defs.condition;
  const props = condition?.properties;
  const branches = condition?.oneOf;
  if (!condition || !props || !branches) return;
  props.value = { tsType: 'unknown' };
  props.not = { $ref: '#/$defs/condition' };
  props.params = { tsType: 'Record<string, unknown>' };
  const required = branches.map((b) => (Array.isArray(b.required) ? (b.required as string[]) : []));
  const composite = new Set(required.filter((r) => r.length === 1).flat());
  const shapes = required.map((keys) => {
    const own = keys.length === 1 ? keys : Object.keys(props).filter((k) => !composite.has(k));
    return {
      type: 'object',
      properties: Object.fromEntries(own.map((k) => [k, props[k]])),
      required: keys,
      additionalProperties: false,
    } as JSONSchema;
  });
  for (const key of Object.keys(condition)) if (key !== 'description' && key !== 'title') delete condition[key];
  condition.anyOf = shapes;
}

function nameTypes(schema: JSONSchema, names: Record<string, string>): void {
  for (const [pointer, title] of Object.entries(names)) {
    let node: unknown = schema;
    for (const token of pointer.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[token];
    if (!node || typeof node !== 'object') throw new Error(`schema-types: no node at ${pointer}`);
    (node as JSONSchema).title = title;
  }
}
