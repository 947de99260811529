/**
 * 首问负责 routing: whoever is asked first must be able to send the applicant to the right window
 * or outside organ. Finds items, referrals (not this center's competence) and windows by code,
 * name, keyword, window number or a sentence that contains one of them; ranked, best first.
 */
import { suggest } from '../pack/index.ts';

export interface WindowRef {
  readonly id: string;
  readonly number: number;
  readonly name: string;
  readonly location: string | null;
}

export interface RouteMatch {
  readonly kind: 'item' | 'referral' | 'window';
  /** Item or referral code; null for a window. */
  readonly code: string | null;
  readonly name: string;
  /** 0–100: how well the query matched. */
  readonly score: number;
  /** What matched, in Chinese, e.g. `关键词“低保”`. */
  readonly matched: string;
  /** The window to go to (items and windows); null for referrals. */
  readonly window: WindowRef | null;
  /** Department in charge (items, windows). */
  readonly department: string | null;
  /** Outside organ that handles it (referrals). */
  readonly organ: string | null;
  readonly address: string | null;
  readonly phone: string | null;
}

/** One searchable entry; `show` gives its display fields on a date (items change over time). */
export interface RouteEntry {
  readonly kind: RouteMatch['kind'];
  readonly code: string | null;
  /** Every name it has had or will have, and its keywords. */
  readonly names: readonly string[];
  readonly keywords: readonly string[];
  /** Secondary terms (window name, department, organ) that match with a lower score. */
  readonly related: readonly string[];
  /** Window number, for windows. */
  readonly number: number | null;
  readonly show: (date: string) => Omit<RouteMatch, 'score' | 'matched' | 'kind' | 'code'>;
}

const KIND_ORDER = { item: 0, referral: 1, window: 2 } as const;

/** Full-width to half-width, lower case, no spaces or punctuation. */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, (m) => (m.includes('-') ? '-' : ''))
    .replace(/^-+|-+$/g, '');
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

interface Prepared {
  readonly entry: RouteEntry;
  readonly code: string | null;
  readonly names: ReadonlyArray<readonly [string, string]>;
  readonly keywords: ReadonlyArray<readonly [string, string]>;
  readonly related: ReadonlyArray<readonly [string, string]>;
  readonly grams: ReadonlyArray<readonly [Set<string>, string]>;
}

export class Router {
  private readonly entries: readonly Prepared[];
  private readonly codes: readonly string[];

  constructor(entries: readonly RouteEntry[]) {
    const pair = (s: string): readonly [string, string] => [normalizeQuery(s), s];
    this.entries = entries.map((entry) => {
      const names = entry.names.map(pair);
      const keywords = entry.keywords.map(pair);
      return {
        entry,
        code: entry.code ? normalizeQuery(entry.code) : null,
        names,
        keywords,
        related: entry.related.map(pair),
        grams: [...names, ...keywords].map(([n, raw]) => [bigrams(n), raw] as const),
      };
    });
    this.codes = entries.flatMap((e) => (e.code ? [e.code] : []));
  }

  /** Matches for `query` on `date` (YYYY-MM-DD), best first; at most `limit`. */
  search(query: string, date: string, limit = 10): RouteMatch[] {
    const q = normalizeQuery(query);
    if (q === '') return [];
    const qGrams = bigrams(q);
    const typoCode = /^[a-z][a-z0-9-]*$/.test(q) ? suggest(q.toUpperCase(), this.codes) : null;
    const out: RouteMatch[] = [];
    for (const p of this.entries) {
      const hit = this.score(p, q, qGrams, typoCode);
      if (!hit) continue;
      const shown = p.entry.show(date);
      out.push({
        kind: p.entry.kind,
        code: p.entry.code,
        name: shown.name,
        score: hit[0],
        matched: hit[1],
        window: shown.window,
        department: shown.department,
        organ: shown.organ,
        address: shown.address,
        phone: shown.phone,
      });
    }
    out.sort(
      (a, b) =>
        b.score - a.score ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (a.code ?? '').localeCompare(b.code ?? '') ||
        (a.window?.number ?? 0) - (b.window?.number ?? 0),
    );
    return out.slice(0, Math.max(0, limit));
  }

  private score(p: Prepared, q: string, qGrams: Set<string>, typoCode: string | null): [number, string] | null {
    let best: [number, string] | null = null;
    const offer = (score: number, matched: string): void => {
      if (!best || score > best[0]) best = [Math.round(score), matched];
    };
    if (p.code !== null) {
      if (q === p.code) offer(100, '事项编码');
      else if (typoCode !== null && p.entry.code === typoCode) offer(70, `编码近似 ${typoCode}`);
    }
    if (p.entry.number !== null) {
      const m = /^(?:第)?(\d+)(?:号)?(?:窗口|窗)?$/.exec(q);
      if (m && Number(m[1]) === p.entry.number) offer(95, `${p.entry.number}号窗口`);
    }
    for (const [n, raw] of p.names) {
      if (q === n) offer(95, '名称');
      else if (q.length >= 2 && q.includes(n)) offer(85, `名称“${raw}”`);
      else if (q.length >= 2 && n.includes(q)) offer(70 + (15 * q.length) / n.length, `名称“${raw}”`);
    }
    for (const [k, raw] of p.keywords) {
      if (q === k) offer(92, `关键词“${raw}”`);
      else if (k.length >= 2 && q.includes(k)) offer(72 + Math.min(12, k.length * 3), `关键词“${raw}”`);
      else if (q.length >= 2 && k.includes(q)) offer(65 + (15 * q.length) / k.length, `关键词“${raw}”`);
    }
    for (const [r, raw] of p.related) {
      if (q === r) offer(75, `“${raw}”`);
      else if (q.length >= 2 && r.includes(q)) offer(50 + (15 * q.length) / r.length, `“${raw}”`);
      else if (r.length >= 2 && q.includes(r)) offer(55, `“${raw}”`);
    }
    if (q.length >= 2 && (best === null || (best as [number, string])[0] < 60)) {
      for (const [grams, raw] of p.grams) {
        const d = dice(qGrams, grams);
        if (d >= 0.34) offer(35 + 40 * d, `相近“${raw}”`);
      }
    }
    return best;
  }
}
