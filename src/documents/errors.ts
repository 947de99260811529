import { formatDiagnostic, type Diagnostic } from '../pack/index.ts';

/**
 * Anything wrong with producing a document: bad templates (with their located diagnostics), data
 * that does not fit a document, a missing value at render time. Messages are Chinese and meant to
 * be printed as they are, without a stack trace.
 */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  readonly diagnostics: readonly Diagnostic[];

  constructor(message: string, diagnostics: readonly Diagnostic[] = []) {
    super(diagnostics.length > 0 ? `${message}\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}` : message);
    this.diagnostics = diagnostics;
  }
}
