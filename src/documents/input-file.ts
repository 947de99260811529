/**
 * Reading the CLI's input files (a decision, an application, completion or complaint records):
 * JSON or YAML, every problem reported as file:line:column in Chinese.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { formatPath, type PathSegment } from '../pack/index.ts';
import type { Decision } from '../pack/index.ts';
import { readSchema } from '../pack/index.ts';
import { parseSource, type SourceFile } from '../pack/index.ts';
import { DocumentError } from './errors.ts';
import { describeError } from './inputs.ts';
import type { ApplicantInfo } from './views/notice.ts';

export interface InputFile {
  readonly file: string;
  readonly data: unknown;
  readonly source: SourceFile;
}

export async function readInputFile(file: string): Promise<InputFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new DocumentError(`无法读取输入文件 ${file}`);
  }
  const parsed = parseSource(path.basename(file), bytes);
  if (!parsed.ok) throw new DocumentError(parsed.errors.map((d) => `${file}:${d.line}:${d.column} ${d.message}`).join('\n'));
  return { file, data: parsed.source.data, source: parsed.source };
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateDecision = ajv.compile(readSchema('decision'));
const validateApplication = ajv.compile(readSchema('application'));

function located(input: InputFile, path: readonly PathSegment[], message: string): string {
  const loc = input.source.locate(path);
  return `${input.file}:${loc.line}:${loc.column} ${formatPath(path)}：${message}`;
}

/** Wrong values before missing fields (a wrong value is usually the one mistake), at most ten. */
function listed(errors: readonly ErrorObject[], line: (e: ErrorObject) => string): string[] {
  const ordered = [...errors.filter((e) => e.keyword !== 'required'), ...errors.filter((e) => e.keyword === 'required')];
  const out = ordered.slice(0, 10).map(line);
  if (ordered.length > 10) out.push(`……共 ${ordered.length} 处问题`);
  return out;
}

function pathOf(instancePath: string): PathSegment[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/**
 * A decision as `bianmin decide --json` prints it, or `{decision, applicant}` with the applicant's
 * name (decisions never carry identity data).
 */
export function decisionFrom(input: InputFile): { decision: Decision; applicant: ApplicantInfo | null } {
  const data = input.data;
  const wrapped = data !== null && typeof data === 'object' && !Array.isArray(data) && 'decision' in data;
  const decision = wrapped ? (data as { decision: unknown }).decision : data;
  const prefix: PathSegment[] = wrapped ? ['decision'] : [];
  if (!validateDecision(decision)) {
    const lines = listed(validateDecision.errors ?? [], (e) => located(input, [...prefix, ...pathOf(e.instancePath)], describeError(e)));
    throw new DocumentError(`${input.file} 不是有效的决定（格式见 schemas/decision.schema.json）：\n${lines.join('\n')}`);
  }
  let applicant: ApplicantInfo | null = null;
  if (wrapped) {
    const a = (data as { applicant?: unknown }).applicant;
    if (a !== undefined) applicant = applicantFrom(input, a, ['applicant']);
  }
  return { decision: decision as Decision, applicant };
}

/** The applicant's identity from an application file (schemas/application.schema.json). */
export function applicantFromApplication(input: InputFile): ApplicantInfo {
  if (!validateApplication(input.data)) {
    const lines = listed(validateApplication.errors ?? [], (e) => located(input, pathOf(e.instancePath), describeError(e)));
    throw new DocumentError(`${input.file} 不是有效的申请（格式见 schemas/application.schema.json）：\n${lines.join('\n')}`);
  }
  return applicantFrom(input, (input.data as { applicant: unknown }).applicant, ['applicant']);
}

function applicantFrom(input: InputFile, value: unknown, at: PathSegment[]): ApplicantInfo {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DocumentError(located(input, at, '申请人应为对象 {name, idNumber, phone}'));
  const v = value as Record<string, unknown>;
  const out: { name?: string; idNumber?: string; phone?: string } = {};
  for (const key of ['name', 'idNumber', 'phone'] as const) {
    const x = v[key];
    if (x === undefined) continue;
    if (typeof x !== 'string') throw new DocumentError(located(input, [...at, key], '应为文字'));
    out[key] = x;
  }
  return out;
}
