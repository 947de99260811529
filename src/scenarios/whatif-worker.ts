/**
 * A replay thread of `bianmin diff --data`: loads both packs once from their directories, then
 * replays the batches of recorded applications it is sent and answers with what changed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPack } from '../documents/index.ts';
import { CaseReplayer, type CaseChange, type ReplayCase } from './replay.ts';

export interface ReplayWorkerData {
  readonly base: string;
  readonly current: string;
}

export interface ReplayBatch {
  readonly id: number;
  readonly cases: readonly ReplayCase[];
}

export type ReplayAnswer =
  | { readonly ready: true }
  /** The packs did not load here: the caller replays in its own thread. */
  | { readonly unavailable: string }
  | { readonly id: number; readonly changed: readonly CaseChange[] }
  | { readonly id: number; readonly failed: string };

const port = parentPort;
if (port) {
  const dirs = workerData as ReplayWorkerData;
  const replayer = Promise.all([loadPack(dirs.base), loadPack(dirs.current)]).then(([base, current]) => new CaseReplayer(base, current));
  const post = (answer: ReplayAnswer): void => port.postMessage(answer);
  replayer.then(
    () => post({ ready: true }),
    (err: unknown) => post({ unavailable: err instanceof Error ? err.message : String(err) }),
  );
  port.on('message', (batch: ReplayBatch) => {
    void replayer
      .then((r) => r.replay(batch.cases))
      .then(
        (changed) => post({ id: batch.id, changed }),
        (err: unknown) => post({ id: batch.id, failed: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
}
