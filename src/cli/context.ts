/**
 * What a command runs with instead of `process`: where its output goes, the working directory its
 * paths are relative to, and the environment. `runCli` builds it from its `io` argument, so tests
 * run commands in-process and capture their output.
 */
import path from 'node:path';

/** Anything text can be written to: `process.stdout`, or a test's buffer. */
export interface TextSink {
  write(text: string): unknown;
}

/** Where a command reads answers from (`bianmin init`'s questions): `process.stdin`, or a test's stream. */
export type TextSource = NodeJS.ReadableStream & { readonly isTTY?: boolean };

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Default the process's. */
  readonly stdin?: TextSource;
  /** Directory that relative paths on the command line are relative to; default the process's. */
  readonly cwd?: string;
  /** Environment (BIANMIN_TOKENS …); default the process's. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** How the running command answers: set from its flags before its body runs. */
export interface OutputMode {
  /** `--json`: results and errors alike are JSON on stdout. */
  json: boolean;
}

export interface Context {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly output: OutputMode;
  /** Opened only by the commands that ask questions. */
  stdin(): TextSource;
  /**
   * A path given on the command line, as the file system should open it. Messages keep showing
   * the path as typed; only file access goes through here.
   */
  file(given: string): string;
}

/** A command's body: writes through the context and returns the exit code. */
export type Action = (ctx: Context) => Promise<number>;

/** Runs a command's body and records its exit code; given to every command's syntax. */
export type Run = (action: Action) => Promise<void>;

export function contextOf(io: CliIo): Context {
  const cwd = io.cwd;
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env ?? process.env,
    output: { json: false },
    stdin: () => io.stdin ?? process.stdin,
    // Without an explicit cwd the process's own applies, and paths pass through untouched.
    file: (given) => (cwd === undefined ? given : path.resolve(cwd, given)),
  };
}
