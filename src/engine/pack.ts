import type { PackData, Decision, BundleDecision } from '../pack/index.ts';
import {
  buildCalendar,
  packClock,
  packDeadline,
  clockInstant,
  shanghaiDate,
  type Calendar,
  type ClockCase,
  type ClockState,
  type Deadline,
  type DeadlineOptions,
  type InstantInput,
} from '../calendar/index.ts';
import { compilePack, type CompiledPack } from './compile.ts';
import { decide, decideParsed, type DecideOptions } from './decide.ts';
import type { ParsedApplication } from './input.ts';
import { decideBundle } from './bundle.ts';
import { listItems, type CatalogItem } from './catalog.ts';
import type { RouteMatch } from './route.ts';

/**
 * A loaded rule pack: its validated data, and (as later stages land) the compiled engine,
 * calendar and documents that work on it. Immutable: reloading makes a new Pack.
 */
export class Pack {
  readonly data: PackData;
  /** Working days and office hours (pack calendars, then the chinese-days fallback), built once. */
  readonly calendar: Calendar;
  /** The decision engine, compiled at load: one json-rules-engine Engine per item version. */
  readonly engine: CompiledPack;

  constructor(data: PackData) {
    this.data = data;
    this.calendar = buildCalendar(data);
    this.engine = compilePack(data, this.calendar);
    Object.freeze(this);
  }

  /** Promised and statutory due of an item accepted at `acceptedAt` (a decision's `deadline`). */
  deadline(itemCode: string, acceptedAt: string, options: DeadlineOptions = {}): Deadline {
    return packDeadline(this.data, this.calendar, itemCode, acceptedAt, options);
  }

  /**
   * Decides an application (see schemas/application.schema.json): consultation, supplement,
   * returned, rejected or accepted, with the one-time notice and the trace. Rejects only with
   * ApplicationError (bad input, unknown item), which carries JSON paths and suggestions.
   */
  decide(application: unknown, options: DecideOptions = {}): Promise<Decision> {
    return decide(this.engine, application, options);
  }

  /** The same decision on an application parsed once (parseApplication) for several packs. */
  decideParsed(application: ParsedApplication, options: DecideOptions = {}): Promise<Decision> {
    return decideParsed(this.engine, application, options);
  }

  /**
   * Decides a “一件事” application (schemas/bundle-application.schema.json): every item of the
   * bundle with the same applicant and materials, merged into one material list, one notice and
   * one joint deadline. Rejects only with ApplicationError.
   */
  decideBundle(application: unknown, options: DecideOptions = {}): Promise<BundleDecision> {
    return decideBundle(this.engine, application, options);
  }

  /** 首问负责: items, outside organs and windows matching a code, name or keyword, best first. */
  route(query: string, options: { at?: string; limit?: number } = {}): RouteMatch[] {
    return this.engine.router.search(query, dayOf(options.at), options.limit);
  }

  /** Every item as in force today (or on `at`): code, name, mode, window and materials. */
  listItems(options: { at?: string } = {}): CatalogItem[] {
    return listItems(this.engine, dayOf(options.at));
  }

  /** A running case's clock (due, remaining, yellow/red) under policy.yaml `warnings`. */
  clock(c: ClockCase, now: InstantInput): ClockState {
    return packClock(this.data, this.calendar, c, now);
  }
}

/** Shanghai date of `at` (ISO 8601; a time without an offset is Shanghai time), or of now. */
function dayOf(at: string | undefined): string {
  return shanghaiDate(at === undefined ? Date.now() : clockInstant(at, 'at'));
}
