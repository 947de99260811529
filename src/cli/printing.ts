/**
 * One Chromium per CLI run: the first PDF a command writes starts it, every later one reuses it
 * (17 window posters cost one launch, not 17), and `runCli` closes it when the command is done.
 * A progress line for long batches, on a terminal only: stderr, rewritten in place with `\r`;
 * nothing at all when stderr is a file or a pipe (logs and tests see only the result lines).
 * Cheap to import: the printer and the documents load with the first PDF.
 */
import os from 'node:os';
import type { PdfRenderer, PrintProgress } from '../documents/index.ts';
import type { Context, TextSink } from './context.ts';

const renderers = new WeakMap<Context, Promise<PdfRenderer>>();

/** The run's printer (its browser starts with the first print). */
export function cliRenderer(ctx: Context): Promise<PdfRenderer> {
  let renderer = renderers.get(ctx);
  if (!renderer) {
    // A CLI run has the machine to itself: print on one page per core (up to 4) where a batch allows.
    renderer = import('../documents/index.ts').then(({ PdfRenderer }) => PdfRenderer.open({ concurrency: Math.max(1, Math.min(4, os.availableParallelism())) }));
    renderers.set(ctx, renderer);
  }
  return renderer;
}

/** Closes the run's browser, if a command started one. */
export async function closeCliRenderer(ctx: Context): Promise<void> {
  const renderer = renderers.get(ctx);
  if (!renderer) return;
  renderers.delete(ctx);
  await (await renderer.catch(() => null))?.close();
}

/** How often the line is rewritten at most: a terminal does not need 300 updates a second. */
const EVERY_MS = 100;

export interface ProgressLine {
  update(progress: PrintProgress): void;
  /** Clears the line (the command's own result line follows). */
  end(): void;
}

/**
 * A `\r`-updated line "label 12/340（3%）" on a terminal's stderr (or `text` of the progress,
 * at most every `everyMs`); does nothing elsewhere.
 */
export function progressLine(ctx: Context, label: string, options: { readonly everyMs?: number; readonly text?: (p: PrintProgress) => string } = {}): ProgressLine {
  const sink = ctx.stderr as TextSink & { readonly isTTY?: boolean };
  if (sink.isTTY !== true) return { update: () => undefined, end: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update({ done, total }) {
      const now = Date.now();
      if (done < total && shown && now - last < (options.everyMs ?? EVERY_MS)) return;
      last = now;
      shown = true;
      sink.write(`\r${options.text ? options.text({ done, total }) : `${label} ${done}/${total}（${Math.floor((done / Math.max(total, 1)) * 100)}%）`}`);
    },
    end() {
      if (shown) sink.write('\r\x1b[2K');
      shown = false;
    },
  };
}
