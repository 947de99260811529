/**
 * The publication archive (每次公开的内容均要存档): every board, completion announcement,
 * pre-disclosure or roster issued is archived with its SHA-256, time, issuer and kind. The
 * content itself is kept once per digest in publications/, written before its record.
 */
import { createHash } from 'node:crypto';
import type { Pack } from '../engine/index.ts';
import type { PublicationRecord } from '../pack/index.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import { YearlyIds } from './ids.ts';
import { findUnmasked, publishedPhones, unmaskedKindLabel } from './mask.ts';
import type { RecordBackend } from './backend.ts';
import { epochOf, normalizeTime, shanghaiYear, toIso } from './time.ts';

export const PUBLICATIONS = 'publications';

export interface ArchivePublication {
  /** e.g. board, announcement, pre-disclosure, duty-roster, complaint-outcomes. */
  readonly kind: string;
  readonly title: string;
  readonly content: string | Uint8Array;
  /** Default text/html for strings, application/octet-stream for bytes. */
  readonly mediaType?: string;
  readonly issuer: string;
  readonly issuedAt?: string;
}

export interface ArchiveProblem {
  readonly id: string;
  readonly detail: string;
}

export function publicationSpec(): CollectionSpec<PublicationRecord> {
  return { kind: 'publication', idOf: (r) => r.id };
}

const EXTENSIONS: Readonly<Record<string, string>> = { 'text/html': 'html', 'text/plain': 'txt', 'text/markdown': 'md', 'application/json': 'json', 'application/pdf': 'pdf' };

function contentName(sha256: string, mediaType: string): string {
  return `${sha256}.${EXTENSIONS[mediaType.split(';')[0]!.trim()] ?? 'bin'}`;
}

export class Publications {
  private readonly ids: YearlyIds;

  constructor(
    private readonly store: RecordBackend,
    private pack: Pack,
  ) {
    this.ids = new YearlyIds('G', () => this.collection().values(), () => this.store.foreignWrites);
  }

  /** Binds to a reloaded pack: the same records, checked against the new pack from now on. */
  rebind(pack: Pack): void {
    this.pack = pack;
  }

  private collection() {
    return this.store.collection<PublicationRecord>(PUBLICATIONS);
  }

  /**
   * Archives a publication. Text that shows a whole ID number or mobile number (other than the
   * center's published phones) is refused: public outputs carry personal data masked.
   */
  archive(input: ArchivePublication): Promise<PublicationRecord> {
    return this.store.exclusive(async () => {
      const bytes = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : Buffer.from(input.content);
      const mediaType = input.mediaType ?? (typeof input.content === 'string' ? 'text/html' : 'application/octet-stream');
      if (mediaType.startsWith('text/') || mediaType === 'application/json') {
        const text = bytes.toString('utf8');
        const leaks = findUnmasked(text, publishedPhones(this.pack.data));
        if (leaks.length > 0) {
          const what = leaks.map((l) => `${unmaskedKindLabel(l.kind)}（${lineColumn(text, l.index)}）`).join('、');
          throw RecordsError.of('E-PUBLICATION-UNMASKED', { what }, { path: '$.content' });
        }
      }
      if (!/^[a-z0-9][a-z0-9-]*$/.test(input.kind)) throw RecordsError.of('E-PUBLICATION-KIND', { kind: JSON.stringify(input.kind) }, { path: '$.kind' });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await this.store.content.put(contentName(sha256, mediaType), bytes);
      const issuedAt = input.issuedAt ? normalizeTime(input.issuedAt, 'issuedAt') : toIso(Date.now());
      const id = this.ids.peek(shanghaiYear(epochOf(issuedAt)));
      const record: PublicationRecord = { id, kind: input.kind, title: input.title, issuedAt, issuer: input.issuer, sha256, bytes: bytes.length, mediaType };
      const saved = await this.collection().put(record);
      this.ids.taken(id);
      return saved;
    });
  }

  all(): Iterable<PublicationRecord> {
    return this.store.names().includes(PUBLICATIONS) ? this.collection().values() : [];
  }

  get(id: string): PublicationRecord | undefined {
    return this.store.names().includes(PUBLICATIONS) ? this.collection().get(id) : undefined;
  }

  /** The archived content of a publication, checked against its digest. */
  async content(id: string): Promise<Buffer> {
    const r = this.get(id);
    if (!r) throw RecordsError.of('E-PUBLICATION-NOT-FOUND', { id });
    const name = contentName(r.sha256, r.mediaType);
    const bytes = await this.store.content.get(name);
    if (!bytes) throw RecordsError.of('E-PUBLICATION-MISSING', { id }, { file: this.store.content.shown(name) });
    if (createHash('sha256').update(bytes).digest('hex') !== r.sha256) {
      throw RecordsError.of('E-PUBLICATION-HASH', { id }, { file: this.store.content.shown(name) });
    }
    return bytes;
  }

  /** Checks every archived content against its digest; returns the problems. */
  async verify(): Promise<ArchiveProblem[]> {
    const out: ArchiveProblem[] = [];
    for (const r of this.all()) {
      try {
        await this.content(r.id);
      } catch (e) {
        if (!(e instanceof RecordsError)) throw e;
        out.push({ id: r.id, detail: e.message });
      }
    }
    return out;
  }
}

/** `第 3 行第 12 列`: where in a text an index is, as a person finds it. */
function lineColumn(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `第 ${line} 行第 ${index - before.lastIndexOf('\n')} 列`;
}
