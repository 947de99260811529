/** Picks the representation a client's Accept header prefers among those a route offers. */
import { HttpError } from './http-error.ts';

/**
 * The offered type with the highest quality (per RFC 9110 the most specific matching range sets
 * an offer's q; ties go to the order offered); the first offer when Accept is absent. 406 when
 * the client accepts none of them.
 */
export function negotiate<T extends string>(accept: string | undefined, offers: readonly [T, ...T[]]): T {
  if (!accept || accept.trim() === '') return offers[0];
  const ranges = accept
    .split(',')
    .slice(0, 50)
    .map((part) => {
      const [range = '', ...params] = part.trim().toLowerCase().split(';');
      return { range: range.trim(), q: qOf(params) };
    });
  let best: T | null = null;
  let bestQ = 0;
  for (const offer of offers) {
    const type = offer.split('/')[0];
    let specificity = -1;
    let q = 0;
    for (const r of ranges) {
      const s = r.range === offer ? 2 : r.range === `${type}/*` ? 1 : r.range === '*/*' ? 0 : -1;
      if (s > specificity) {
        specificity = s;
        q = r.q;
      }
    }
    if (q > bestQ) {
      best = offer;
      bestQ = q;
    }
  }
  if (best === null) {
    throw HttpError.of('E-NOT-ACCEPTABLE', { offers: offers.join('、') }, { path: 'header.accept' });
  }
  return best;
}

function qOf(params: readonly string[]): number {
  for (const p of params) {
    const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
    if (m) {
      const q = Number(m[1]);
      return Number.isFinite(q) ? Math.min(q, 1) : 0;
    }
  }
  return 1;
}
