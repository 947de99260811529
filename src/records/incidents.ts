/**
 * Supervision findings (电子监察, 暗访, 巡查) behind the discipline facts that are not complaints:
 * a forbidden phrase used (the text is checked against the pack's list), a post left empty
 * without B cover, an undeclared fee charged.
 */
import type { Pack } from '../engine/index.ts';
import type { IncidentRecord } from '../pack/index.ts';
import { postById, requireStaff } from './center-refs.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import { YearlyIds } from './ids.ts';
import { findForbiddenPhrases } from './phrases.ts';
import type { RecordBackend } from './backend.ts';
import { epochOf, normalizeTime, shanghaiYear, toIso } from './time.ts';

export const INCIDENTS = 'incidents';
export type IncidentKind = IncidentRecord['kind'];

export const INCIDENT_LABELS: Readonly<Record<IncidentKind, string>> = {
  'forbidden-phrase': '使用服务忌语',
  'post-left-empty': '空岗',
  'undeclared-fee': '收取未公示的费用',
};

export interface AddIncident {
  readonly kind: IncidentKind;
  readonly staff: string;
  readonly recordedBy: string;
  readonly at?: string;
  /** What was said (forbidden phrase; required) or what happened. */
  readonly text?: string;
  readonly post?: string;
  readonly note?: string;
}

export function incidentSpec(): CollectionSpec<IncidentRecord> {
  return { kind: 'incident', idOf: (r) => r.id };
}

export class Incidents {
  private readonly ids: YearlyIds;

  constructor(
    private readonly store: RecordBackend,
    private pack: Pack,
  ) {
    this.ids = new YearlyIds('J', () => this.collection().values(), () => this.store.foreignWrites);
  }

  /** Binds to a reloaded pack: the same records, checked against the new pack from now on. */
  rebind(pack: Pack): void {
    this.pack = pack;
  }

  private collection() {
    return this.store.collection<IncidentRecord>(INCIDENTS);
  }

  add(input: AddIncident): Promise<IncidentRecord> {
    return this.store.exclusive(async () => {
      requireStaff(this.pack, input.staff, 'staff');
      requireStaff(this.pack, input.recordedBy, 'recordedBy');
      if (input.post && !postById(this.pack, input.post)) throw RecordsError.of('E-RECORD-POST', { id: input.post }, { path: '$.post' });
      let phrases: string[] | undefined;
      if (input.kind === 'forbidden-phrase') {
        const found = findForbiddenPhrases(input.text ?? '', this.pack.data.policy.forbiddenPhrases);
        if (found.length === 0) {
          throw RecordsError.of('E-INCIDENT-NO-PHRASE', { text: JSON.stringify(input.text ?? '') }, { path: '$.text' });
        }
        phrases = [...new Set(found.map((f) => f.phrase))];
      }
      const at = input.at ? normalizeTime(input.at, 'at') : toIso(Date.now());
      const id = this.ids.peek(shanghaiYear(epochOf(at)));
      const record: IncidentRecord = {
        id,
        kind: input.kind,
        staff: input.staff,
        at,
        recordedBy: input.recordedBy,
        ...(input.post ? { post: input.post } : {}),
        ...(input.text ? { text: input.text } : {}),
        ...(phrases ? { phrases } : {}),
        ...(input.note ? { note: input.note } : {}),
      };
      const saved = await this.collection().put(record);
      this.ids.taken(id);
      return saved;
    });
  }

  all(): Iterable<IncidentRecord> {
    return this.store.names().includes(INCIDENTS) ? this.collection().values() : [];
  }
}
