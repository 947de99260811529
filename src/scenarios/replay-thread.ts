/**
 * Starting one what-if replay thread (src/scenarios/whatif-worker.ts), for the pool and the
 * per-year readers alike.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../core/index.ts';
import type { ReplayWorkerData } from './whatif-worker.ts';

/**
 * The young generation a replay thread is given (MB). Each case read and replayed allocates
 * some 30 KB that is garbage a moment later; with V8's default (16 MB semi-spaces, 48 MB young
 * generation) a scavenge runs every few hundred cases and promotes the batch in flight, and
 * garbage collection took a sixth of the thread's time. With 64 MB semi-spaces it takes about
 * a third of that (BENCHMARKS.md 「变更预演」); a thread's peak memory grows by about 70 MB.
 */
export const REPLAY_YOUNG_GENERATION_MB = 192;

export function startReplayThread(dirs: ReplayWorkerData): Worker {
  return startWorker('./whatif-worker.ts', import.meta.url, { workerData: dirs, resourceLimits: { maxYoungGenerationSizeMb: REPLAY_YOUNG_GENERATION_MB } });
}
