/**
 * Reading the CLI's input files (a decision, an application, completion or complaint records):
 * JSON or YAML, every problem reported as file:line:column in Chinese.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatPath, translateAjvErrors, type AjvError, type PathSegment } from '../core/index.ts';
import { upgradeStoredDecision } from '../engine/index.ts';
import type { Decision } from '../pack/index.ts';
import { schemaValidator } from '../pack/index.ts';
import { parseSource, type SourceFile } from '../pack/index.ts';
import { DocumentError } from './errors.ts';
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
    throw new DocumentError('E-DOC-INPUT', `无法读取输入文件 ${file}`);
  }
  const parsed = parseSource(path.basename(file), bytes);
  if (!parsed.ok) throw new DocumentError('E-DOC-INPUT', parsed.errors.map((d) => `${file}:${d.line}:${d.column} ${d.message}`).join('\n'));
  return { file, data: parsed.source.data, source: parsed.source };
}

function located(input: InputFile, path: readonly PathSegment[], message: string): string {
  const loc = input.source.locate(path);
  return `${input.file}:${loc.line}:${loc.column} ${formatPath(path)}：${message}`;
}

/**
 * Every problem of `data` (found at `prefix` in the file) as `file:line:column $.path：message`:
 * wrong values before missing fields (a wrong value is usually the one mistake), at most ten.
 */
function problemLines(input: InputFile, errors: readonly AjvError[], prefix: readonly PathSegment[] = []): string[] {
  const problems = translateAjvErrors(errors, { family: 'document' });
  const ordered = [...problems.filter((p) => p.anchor !== 'parent'), ...problems.filter((p) => p.anchor === 'parent')];
  const out = ordered.slice(0, 10).map((p) => located(input, [...prefix, ...p.segments], p.message));
  if (ordered.length > 10) out.push(`……共 ${ordered.length} 处问题`);
  return out;
}

/**
 * A decision as `bianmin decide --json` prints it, or `{decision, applicant}` with the applicant's
 * name (decisions never carry identity data).
 */
export function decisionFrom(input: InputFile): { decision: Decision; applicant: ApplicantInfo | null } {
  const data = input.data;
  const wrapped = data !== null && typeof data === 'object' && !Array.isArray(data) && 'decision' in data;
  const decision = upgradeStoredDecision(wrapped ? (data as { decision: unknown }).decision : data);
  const prefix: PathSegment[] = wrapped ? ['decision'] : [];
  const validateDecision = schemaValidator('decision');
  if (!validateDecision(decision)) {
    const lines = problemLines(input, validateDecision.errors ?? [], prefix);
    throw new DocumentError('E-DOC-INPUT', `${input.file} 不是有效的决定（格式见 schemas/decision.schema.json）：\n${lines.join('\n')}`);
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
  const validateApplication = schemaValidator('application');
  if (!validateApplication(input.data)) {
    const lines = problemLines(input, validateApplication.errors ?? []);
    throw new DocumentError('E-DOC-INPUT', `${input.file} 不是有效的申请（格式见 schemas/application.schema.json）：\n${lines.join('\n')}`);
  }
  return applicantFrom(input, (input.data as { applicant: unknown }).applicant, ['applicant']);
}

function applicantFrom(input: InputFile, value: unknown, at: PathSegment[]): ApplicantInfo {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DocumentError('E-DOC-INPUT', located(input, at, '申请人应为对象 {name, idNumber, phone}'));
  const v = value as Record<string, unknown>;
  const out: { name?: string; idNumber?: string; phone?: string } = {};
  for (const key of ['name', 'idNumber', 'phone'] as const) {
    const x = v[key];
    if (x === undefined) continue;
    if (typeof x !== 'string') throw new DocumentError('E-DOC-INPUT', located(input, [...at, key], '应为文字'));
    out[key] = x;
  }
  return out;
}
