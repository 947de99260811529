/**
 * The service's log lines on their way to stdout: gathered, and handed to pino's destination
 * (sonic-boom) as one string once 16 K characters have gathered (some sixty request lines) or a quarter of a
 * second has passed since the first of them; a line of level error or above takes what is gathered
 * with it at once (`urgent`). Handed over one by one, each line cost a write(2) of its own under
 * load (about 12 µs of CPU each) and made sonic-boom measure its whole pending buffer again
 * (Buffer.byteLength of a growing, two-byte string). The lines, their order and their content are
 * pino's; sonic-boom still does every write (retries, partial writes). Lines still gathered when
 * the process exits are written before it ends.
 */
import type { DestinationStream, LogFn, Logger } from 'pino';

interface Destination {
  write(text: string): boolean;
  flushSync(): void;
}

const BATCH_BYTES = 16 * 1024;
const BATCH_MS = 250;

export class LineBatch implements DestinationStream {
  private lines: string[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly onExit = (): void => {
    try {
      this.flushSync();
    } catch {
      // The destination never opened: nothing was written to it.
    }
  };

  constructor(private readonly out: Destination) {
    process.on('exit', this.onExit);
  }

  write(line: string): void {
    this.lines.push(line);
    this.size += line.length;
    if (this.size >= BATCH_BYTES) this.urgent();
    // Unref'd: gathered lines never keep the process alive (closing and exiting write them).
    else this.timer ??= setTimeout(this.urgent, BATCH_MS).unref();
  }

  /** Everything gathered, handed to the destination now. */
  readonly urgent = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.lines.length === 0) return;
    const text = this.lines.length === 1 ? this.lines[0]! : this.lines.join('');
    this.lines = [];
    this.size = 0;
    this.out.write(text);
  };

  /** Written out now (the server closing); a destination not open yet has nothing to flush. */
  flushSync(): void {
    this.urgent();
    process.off('exit', this.onExit);
    this.out.flushSync();
  }
}

/** pino's logMethod hook: a line of `level` or above is written out with what was gathered before it. */
export function urgentFrom(batch: LineBatch, level: number): (this: Logger, args: Parameters<LogFn>, method: LogFn, lineLevel: number) => void {
  return function (args, method, lineLevel) {
    method.apply(this, args);
    if (lineLevel >= level) batch.urgent();
  };
}
