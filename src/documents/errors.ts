import { BianminError, type ErrorCode, type Location } from '../core/index.ts';
import { formatDiagnostic, type Diagnostic } from '../pack/index.ts';

/**
 * Anything wrong with producing a document: bad templates (with their located diagnostics), data
 * that does not fit a document, a missing value at render time. Messages are Chinese and meant to
 * be printed as they are, without a stack trace.
 */
export class DocumentError extends BianminError {
  override name = 'DocumentError';
  /** The templates' problems, when the error is that templates are broken. */
  readonly diagnostics: readonly Diagnostic[];

  /** `location`: where in an input file the problem is; `diagnostics`: every problem of broken templates. */
  constructor(code: ErrorCode, detail: string, location: Location = {}, diagnostics: readonly Diagnostic[] = []) {
    super(code, detail, location, diagnostics);
    // Printed as is by the CLI: the headline, then every template problem on its own line.
    if (diagnostics.length > 0) this.message = `${detail}\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`;
    this.diagnostics = diagnostics;
  }
}
