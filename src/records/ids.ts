/**
 * Yearly numbering of records: a prefix, the year and a sequence (T2026-00012). Numbers are
 * taken only once the record is saved, so a refused write leaves no gap.
 */
export class YearlyIds {
  private readonly next = new Map<number, number>();
  private seen = 0;

  constructor(
    private readonly prefix: string,
    private readonly existing: () => Iterable<{ readonly id: string }>,
    /** Changes when other processes wrote records (PostgreSQL replicas): the counts are read again. */
    private readonly foreign: () => number = () => 0,
  ) {}

  /** The id the next record of `year` gets. */
  peek(year: number): string {
    if (this.foreign() !== this.seen) {
      this.seen = this.foreign();
      this.next.clear();
    }
    let n = this.next.get(year);
    if (n === undefined) {
      n = 1;
      const head = `${this.prefix}${year}-`;
      for (const r of this.existing()) if (r.id.startsWith(head)) n = Math.max(n, Number(r.id.slice(head.length)) + 1);
      this.next.set(year, n);
    }
    return `${this.prefix}${year}-${String(n).padStart(5, '0')}`;
  }

  /** Marks `id` (as returned by peek) as taken. */
  taken(id: string): void {
    const m = /(\d{4})-(\d+)$/.exec(id);
    if (m) this.next.set(Number(m[1]), Math.max(this.next.get(Number(m[1])) ?? 1, Number(m[2]) + 1));
  }
}
