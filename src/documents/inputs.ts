/**
 * What the records side hands in for the published documents: completed cases for 办结公告 and
 * complaint outcomes for 投诉处理结果通报 and the board. Raw personal data comes in; only masked
 * data ever reaches a template.
 */
import { Ajv, type ErrorObject } from 'ajv';
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
const when = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}([T ].+)?$' } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

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

const ajv = new Ajv({ strict: true, allErrors: true });
const validateAnnouncement = ajv.compile({
  type: 'object',
  properties: { entries: { type: 'array', minItems: 1, items: completion } },
  required: ['entries'],
  additionalProperties: false,
});
const validateComplaints = ajv.compile({
  type: 'object',
  properties: {
    complaints: { type: 'array', items: complaint },
    period: { type: 'object', properties: { from: day, to: day }, required: ['from', 'to'], additionalProperties: false },
  },
  required: ['complaints'],
  additionalProperties: false,
});

export function parseAnnouncementInput(value: unknown, where = '输入'): AnnouncementInput {
  if (!validateAnnouncement(value)) throw new DocumentError(`${where}不是有效的办结记录：${describe(validateAnnouncement.errors ?? [])}`);
  return value as AnnouncementInput;
}

export function parseComplaintsInput(value: unknown, where = '输入'): ComplaintsInput {
  // A bare list of complaints is accepted too.
  const wrapped = Array.isArray(value) ? { complaints: value } : value;
  if (!validateComplaints(wrapped)) throw new DocumentError(`${where}不是有效的投诉处理记录：${describe(validateComplaints.errors ?? [])}`);
  return wrapped as ComplaintsInput;
}

export function describe(errors: readonly ErrorObject[]): string {
  return errors
    .slice(0, 6)
    .map((e) => `$${e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')} ${describeError(e)}`)
    .join('；');
}

/** One ajv error in Chinese, without its location. */
export function describeError(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return `缺少必填字段 ${(e.params as { missingProperty: string }).missingProperty}`;
    case 'additionalProperties':
      return `有未知字段 ${(e.params as { additionalProperty: string }).additionalProperty}`;
    case 'type':
      return `类型不对，应为 ${String((e.params as { type: unknown }).type)}`;
    case 'enum':
      return `应为 ${(e.params as { allowedValues: unknown[] }).allowedValues.join('、')} 之一`;
    case 'pattern':
    case 'format':
      return '格式不对（日期应为 YYYY-MM-DD，时间应为 ISO 8601）';
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return '不能为空';
    default:
      return e.message ?? e.keyword;
  }
}
