/**
 * The hot reload's validation thread. Parsing a rule file cannot be split: one hostile file (a
 * mapping of 40,000 keys, up to 5 MB of YAML that the fast reader leaves to the full parser) takes
 * seconds by itself, so yielding between files would still stall every request for that long. Here
 * the new files are read, parsed and checked (templates included) off the request thread; only a
 * pack found valid is loaded again by the service, and an invalid one never touches its thread.
 */
import { parentPort } from 'node:worker_threads';
import { withTemplateChecks } from '../documents/index.ts';
import { plainDiagnostic, validatePack, type Diagnostic } from '../pack/index.ts';

export interface CheckRequest {
  readonly id: number;
  readonly dir: string;
}

/** A located problem as it crosses the thread boundary (plain data). */
export type CheckedDiagnostic = Pick<Diagnostic, 'file' | 'line' | 'column' | 'path' | 'code' | 'message'>;

export type CheckAnswer =
  | { readonly id: number; readonly ok: true }
  | { readonly id: number; readonly ok: false; readonly errors: readonly CheckedDiagnostic[]; readonly warnings: readonly CheckedDiagnostic[] }
  /** The check itself failed (a bug, not the pack's content). */
  | { readonly id: number; readonly failed: string };


async function check(request: CheckRequest): Promise<CheckAnswer> {
  try {
    const result = withTemplateChecks(await validatePack(request.dir));
    if (result.ok && result.pack) return { id: request.id, ok: true };
    return { id: request.id, ok: false, errors: result.errors.map(plainDiagnostic), warnings: result.warnings.map(plainDiagnostic) };
  } catch (err) {
    return { id: request.id, failed: err instanceof Error ? err.message : String(err) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (request: CheckRequest) => {
    void check(request).then((answer) => port.postMessage(answer));
  });
}
