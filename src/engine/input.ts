import type { ValidateFunction } from 'ajv';
import { formatInstant } from '../calendar/index.ts';
import { BianminError, chineseTypeOf, parseInstant, translateAjvErrors, type AjvError, type Explanation } from '../core/index.ts';
import { schemaValidator } from '../pack/index.ts';
import type { Applicant, Application } from '../pack/index.ts';
import { ApplicationError, type ApplicationIssue } from './errors.ts';

/** What was handed over: an original, a copy, both, and how many. */
export interface Handed {
  readonly original: boolean;
  readonly copy: boolean;
  /** Total number of copies (份数). */
  readonly copies: number;
}

/**
 * What the applicant handed over for one material id, all submissions of that id merged (party or
 * not: a material not required per party ignores the party). `parties` merges per named party, for
 * materials required once per party (perParty); `entries` keeps where each submission was written,
 * so a submission that names no party, or a party the material does not list, can be pointed at.
 */
export interface Submission extends Handed {
  readonly id: string;
  readonly parties: ReadonlyMap<string, Handed>;
  readonly entries: ReadonlyArray<{ readonly index: number; readonly party: string | null }>;
}

/** A schema-valid application, with materials merged by id and the receipt time resolved. */
export interface ParsedApplication {
  readonly item: string;
  readonly intent: Application['intent'];
  readonly applicant: Applicant;
  readonly submissions: ReadonlyMap<string, Submission>;
  /** Material ids the applicant commits to instead of submitting (告知承诺), as written. */
  readonly commitments: readonly string[];
  readonly receivedAtMs: number;
  /** `receivedAt` in Shanghai time, e.g. `2026-11-23T09:30:00+08:00`. */
  readonly receivedAt: string;
}

let validator: ValidateFunction | null = null;

/**
 * Compiled once per process with the other schema files; createAjv's date-time format is the one
 * instant parser, so the schema accepts what receiptTime reads. Kept here: ajv's getSchema would
 * resolve the schema's URI again on every call.
 */
function validate(): ValidateFunction {
  return (validator ??= schemaValidator('application'));
}

/**
 * Checks an application against schemas/application.schema.json and normalises it. `now` is the
 * receipt time used when the application does not say (ISO 8601). Throws ApplicationError with
 * every problem located by JSON path; never anything else.
 */
export function parseApplication(input: unknown, now?: string): ParsedApplication {
  const check = validate();
  if (!check(input)) throw new ApplicationError(translate(check.errors ?? []));
  const app = input as Application;

  // A bad `at` is reported even when the application carries its own receipt time.
  const nowMs = now === undefined ? undefined : receiptTime(now, 'at');
  const receivedAtMs = app.receivedAt !== undefined ? receiptTime(app.receivedAt, '$.receivedAt') : (nowMs ?? Date.now());

  return {
    item: app.item,
    intent: app.intent,
    applicant: app.applicant,
    submissions: mergeSubmissions(app.materials ?? []),
    commitments: app.commitments ?? [],
    receivedAtMs,
    receivedAt: formatInstant(receivedAtMs),
  };
}

/** The one parser's reading of a receipt time; `path` is `$.receivedAt` or the `at` option. */
function receiptTime(text: string, path: string): number {
  try {
    return parseInstant(text, { code: 'E-APP-TIME', path });
  } catch (err) {
    if (err instanceof BianminError) throw new ApplicationError([{ path, code: 'E-APP-TIME', message: err.detail }]);
    throw err;
  }
}

/** Several submissions of one id add up: an original and a copy make "both", copies are summed. */
/** Shared by every submission that names no party (most): never written to. */
const NO_PARTIES: ReadonlyMap<string, Handed> = new Map();

function mergeSubmissions(list: NonNullable<Application['materials']>): Map<string, Submission> {
  const out = new Map<string, Submission>();
  for (let index = 0; index < list.length; index++) {
    const entry = list[index]!;
    const plain = typeof entry === 'string';
    const id = plain ? entry : entry.id;
    const form = plain ? 'original' : (entry.form ?? 'original');
    const copies = plain ? 1 : (entry.copies ?? 1);
    const party = plain ? null : (entry.party ?? null);
    const prior = out.get(id);
    let parties = prior?.parties ?? NO_PARTIES;
    if (party !== null) parties = new Map(parties).set(party, add(parties.get(party), form, copies));
    const handed = add(prior, form, copies);
    // Fields copied, not spread: an object spread is V8's slow path, and every submission is merged.
    out.set(id, { id, original: handed.original, copy: handed.copy, copies: handed.copies, parties, entries: prior ? [...prior.entries, { index, party }] : [{ index, party }] });
  }
  return out;
}

function add(prior: Handed | undefined, form: 'original' | 'copy' | 'both', copies: number): Handed {
  return {
    original: (prior?.original ?? false) || form !== 'copy',
    copy: (prior?.copy ?? false) || form !== 'original',
    copies: (prior?.copies ?? 0) + copies,
  };
}

/** ajv errors → Chinese issues with JSON paths, one per problem (the one translator, application family). */
function translate(errors: readonly AjvError[]): ApplicationIssue[] {
  return translateAjvErrors(errors, { family: 'application', explain: explainMaterial }).map(({ path, code, message }) => ({ path, code, message }));
}

/** A submitted material is an id or an {id, form, copies} object: anything else is named as such. */
function explainMaterial(e: AjvError): Explanation | null {
  if (e.keyword !== 'anyOf' || !/^\/materials\/\d+$/.test(e.instancePath)) return null;
  return { code: 'E-APP-TYPE', message: `材料应为材料标识（文字）或对象 {id, party, form, copies}，实际是${chineseTypeOf(e.data)}` };
}
