// Accept negotiation for documents offered as HTML or PDF.
import { describe, expect, it } from 'vitest';
import { errorBody, HttpError } from '../../src/server/http-error.ts';
import { negotiate } from '../../src/server/negotiate.ts';

const OFFERS = ['text/html', 'application/pdf'] as const;

describe('negotiate', () => {
  it('gives HTML without Accept, for */* and for browsers', () => {
    expect(negotiate(undefined, [...OFFERS])).toBe('text/html');
    expect(negotiate('*/*', [...OFFERS])).toBe('text/html');
    expect(negotiate('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', [...OFFERS])).toBe('text/html');
  });

  it('gives PDF when asked for it, or preferred by quality', () => {
    expect(negotiate('application/pdf', [...OFFERS])).toBe('application/pdf');
    expect(negotiate('text/html;q=0.5, application/pdf', [...OFFERS])).toBe('application/pdf');
    expect(negotiate('application/*', [...OFFERS])).toBe('application/pdf');
    // The most specific range decides: text/html is refused even though */* is welcome.
    expect(negotiate('text/html;q=0, */*', [...OFFERS])).toBe('application/pdf');
  });

  it('answers 406 in Chinese when nothing offered is acceptable', () => {
    try {
      negotiate('application/json', [...OFFERS]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HttpError);
      expect((e as HttpError).status).toBe(406);
      expect(errorBody(e as HttpError).message).toContain('text/html');
    }
  });
});
