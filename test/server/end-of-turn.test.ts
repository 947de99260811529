// Decisions made in one turn of the event loop are answered together at its end (end-of-turn.ts):
// one promise per turn, resolved in the check phase, and answers over real sockets unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfTurn } from '../../src/server/end-of-turn.ts';
import { APPLICATIONS, start, type Running } from './helpers.ts';

describe('endOfTurn', () => {
  it('is one promise for every caller of a turn, resolved after the turn’s callbacks, and a new one next turn', async () => {
    const order: string[] = [];
    const first = endOfTurn();
    expect(endOfTurn()).toBe(first);
    void first.then(() => order.push('end of turn'));
    queueMicrotask(() => order.push('microtask'));
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['microtask']);
    await first;
    expect(order).toEqual(['microtask', 'end of turn']);
    const next = endOfTurn();
    expect(next).not.toBe(first);
    await next;
  });
});

describe('POST /v1/decisions over sockets, many at once', () => {
  let s: Running;
  let url: string;
  beforeAll(async () => {
    s = await start();
    url = await s.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers every request of a burst with its own decision, byte for byte', async () => {
    const bodies = [APPLICATIONS.accepted, APPLICATIONS.supplement, APPLICATIONS.consultation];
    const expected = await Promise.all(
      bodies.map(async (b) => {
        const d = await s.app.bianmin.packs.served.pack.decide(structuredClone(b) as never);
        return JSON.stringify(d);
      }),
    );
    const answers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const res = await fetch(`${url}/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': `burst-${i}` }, body: JSON.stringify(bodies[i % 3]) });
        return { i, status: res.status, id: res.headers.get('x-request-id'), text: await res.text() };
      }),
    );
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.id).toBe(`burst-${a.i}`);
      const answer = JSON.parse(a.text) as { decision: unknown; case: unknown };
      expect(JSON.stringify(answer.decision)).toBe(expected[a.i % 3]);
      expect(answer.case).toBeNull();
    }
  });
});
