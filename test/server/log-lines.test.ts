// Log lines to stdout are handed to pino's destination in batches, in order: when 16 K characters have
// gathered, a quarter of a second after the first, at once for an error, and when the server closes.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { LineBatch, urgentFrom } from '../../src/server/log-lines.ts';

function destination(): { writes: string[]; flushed: number; write(text: string): boolean; flushSync(): void } {
  return {
    writes: [],
    flushed: 0,
    write(text) {
      this.writes.push(text);
      return true;
    },
    flushSync() {
      this.flushed++;
    },
  };
}

describe('LineBatch', () => {
  it('hands the gathered lines over as one write, in order, soon after the first', async () => {
    const out = destination();
    const batch = new LineBatch(out);
    const log = pino({ level: 'info', base: null, timestamp: false, hooks: { logMethod: urgentFrom(batch, 50) } }, batch);
    log.info({ event: 'decision', item: 'MZ-004' }, '受理决定');
    log.info({ event: 'request', route: '/v1/route' }, '请求');
    expect(out.writes).toEqual([]);
    await new Promise((r) => setTimeout(r, 400));
    expect(out.writes).toEqual(['{"level":30,"event":"decision","item":"MZ-004","msg":"受理决定"}\n{"level":30,"event":"request","route":"/v1/route","msg":"请求"}\n']);
    // An error goes out at once, with what was gathered before it.
    log.info('之前');
    log.error('内部错误');
    expect(out.writes).toHaveLength(2);
    expect(out.writes[1]!.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['之前', '内部错误']);
    batch.flushSync();
  });

  it('writes once 16 KB have gathered, and what is pending when flushed (the server closing)', () => {
    const out = destination();
    const batch = new LineBatch(out);
    const line = `${'x'.repeat(999)}\n`;
    for (let i = 0; i < 17; i++) batch.write(line);
    expect(out.writes).toEqual([line.repeat(17)]);
    batch.write('a\n');
    batch.write('b\n');
    batch.flushSync();
    expect(out.writes).toEqual([line.repeat(17), 'a\nb\n']);
    expect(out.flushed).toBe(1);
  });
});
