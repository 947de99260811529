/**
 * What the records side hands in for the published documents: completed cases for 办结公告 and
 * complaint outcomes for 投诉处理结果通报 and the board. Raw personal data comes in; only masked
 * data ever reaches a template.
 */
import type { ValidateFunction } from 'ajv';
import { translateAjvErrors, type AjvError } from '../core/index.ts';
import { compileSchema } from '../pack/index.ts';
import { DocumentError } from './errors.ts';
import { CHANNELS } from './shapes.ts';

export interface CompletionRecord {
  /** Item code. */
  readonly item: string;
  readonly applicant: { readonly name: string; readonly idNumber?: string; readonly type?: 'person' | 'organization' };
  readonly acceptedAt?: string;
  readonly completedAt: string;
  /** What was decided or issued; by default the item's declared result. */
  readonly result?: string;
}

export interface AnnouncementInput {
  readonly entries: readonly CompletionRecord[];
}

export interface ComplaintRecord {
  readonly receivedAt: string;
  readonly channel: (typeof CHANNELS)[number];
  /** Absent or without a name for an anonymous complaint (published as 匿名). */
  readonly complainant?: { readonly name?: string; readonly phone?: string };
  /** Ids from center.yaml: the window and/or the staff member complained about. */
  readonly target: { readonly window?: string; readonly staff?: string };
  readonly summary: string;
  readonly verified: boolean;
  readonly outcome: string;
  /** What was done to the person responsible, e.g. 通报批评. */
  readonly action?: string;
  readonly repliedOn?: string;
}

export interface ComplaintsInput {
  readonly complaints: readonly ComplaintRecord[];
  readonly period?: { readonly from: string; readonly to: string };
}

const text = { type: 'string', minLength: 1 } as const;
const when = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}([T ].+)?$', description: '日期 YYYY-MM-DD 或 ISO 8601 时间' } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '日期 YYYY-MM-DD' } as const;

const completion = {
  type: 'object',
  properties: {
    item: text,
    applicant: {
      type: 'object',
      properties: { name: text, idNumber: text, type: { enum: ['person', 'organization'] } },
      required: ['name'],
      additionalProperties: false,
    },
    acceptedAt: when,
    completedAt: when,
    result: text,
  },
  required: ['item', 'applicant', 'completedAt'],
  additionalProperties: false,
} as const;

const complaint = {
  type: 'object',
  properties: {
    receivedAt: when,
    channel: { enum: [...CHANNELS] },
    complainant: { type: 'object', properties: { name: text, phone: text }, additionalProperties: false },
    target: { type: 'object', properties: { window: text, staff: text }, minProperties: 1, additionalProperties: false },
    summary: text,
    verified: { type: 'boolean' },
    outcome: text,
    action: text,
    repliedOn: day,
  },
  required: ['receivedAt', 'channel', 'target', 'summary', 'verified', 'outcome'],
  additionalProperties: false,
} as const;

const announcementSchema = {
  type: 'object',
  properties: { entries: { type: 'array', minItems: 1, items: completion } },
  required: ['entries'],
  additionalProperties: false,
};
const complaintsSchema = {
  type: 'object',
  properties: {
    complaints: { type: 'array', items: complaint },
    period: { type: 'object', properties: { from: day, to: day }, required: ['from', 'to'], additionalProperties: false },
  },
  required: ['complaints'],
  additionalProperties: false,
};

// Compiled on first use (once per process), not when the module loads.
let announcementValidator: ValidateFunction | null = null;
let complaintsValidator: ValidateFunction | null = null;

export function parseAnnouncementInput(value: unknown, where = '输入'): AnnouncementInput {
  const validate = (announcementValidator ??= compileSchema(announcementSchema));
  if (!validate(value)) throw new DocumentError('E-DOC-INPUT', `${where}不是有效的办结记录：${describeProblems(validate.errors ?? [])}`);
  return value as AnnouncementInput;
}

export function parseComplaintsInput(value: unknown, where = '输入'): ComplaintsInput {
  // A bare list of complaints is accepted too.
  const wrapped = Array.isArray(value) ? { complaints: value } : value;
  const validate = (complaintsValidator ??= compileSchema(complaintsSchema));
  if (!validate(wrapped)) throw new DocumentError('E-DOC-INPUT', `${where}不是有效的投诉处理记录：${describeProblems(validate.errors ?? [])}`);
  return wrapped as ComplaintsInput;
}

/** The first `max` problems on one line, each `$.path：message` (the one translator, documents family). */
export function describeProblems(errors: readonly AjvError[], max = 6): string {
  const problems = translateAjvErrors(errors, { family: 'document' });
  const more = problems.length > max ? `；……共 ${problems.length} 处问题` : '';
  return problems
    .slice(0, max)
    .map((p) => `${p.path}：${p.message}`)
    .join('；') + more;
}
