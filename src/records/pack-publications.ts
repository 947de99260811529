/**
 * The rule pack's publication history (collection `pack-publications`): every publish and rollback
 * from the workbench, with who, when, which files, the unified diff, the versions before and after
 * (content fingerprints), the test summary and the reason. The files' contents are kept by the
 * service, content-addressed, beside the records (pack-blobs/); a record names them by hash.
 */
import type { PackPublicationRecord } from '../pack/index.ts';
import type { CollectionSpec } from './collection.ts';
import type { RecordBackend } from './backend.ts';

export const PACK_PUBLICATIONS = 'pack-publications';

export function packPublicationSpec(): CollectionSpec<PackPublicationRecord> {
  return { kind: 'pack-publication', idOf: (r) => r.id };
}

/** The id of the `seq`th publication: R00001, R00002 … */
export function packPublicationId(seq: number): string {
  return `R${String(seq).padStart(5, '0')}`;
}

export class PackPublications {
  constructor(private readonly store: RecordBackend) {}

  private collection() {
    return this.store.collection<PackPublicationRecord>(PACK_PUBLICATIONS);
  }

  private has(): boolean {
    return this.store.names().includes(PACK_PUBLICATIONS);
  }

  /** The sequence number the next publication gets. */
  nextSeq(): number {
    let max = 0;
    for (const r of this.all()) max = Math.max(max, r.seq);
    return max + 1;
  }

  /**
   * Records a publication. Idempotent: a record whose id is already stored (a publication rolled
   * forward after a crash, recorded before the crash) is left as it is.
   */
  add(record: PackPublicationRecord): Promise<PackPublicationRecord> {
    return this.store.exclusive(async () => {
      const existing = this.get(record.id);
      if (existing) return existing;
      return this.collection().put(record);
    });
  }

  /** Every publication, newest first. */
  all(): PackPublicationRecord[] {
    const list = this.has() ? [...this.collection().values()] : [];
    return list.sort((a, b) => b.seq - a.seq);
  }

  get(id: string): PackPublicationRecord | undefined {
    return this.has() ? this.collection().get(id) : undefined;
  }
}
