// `bianmin` from the TypeScript sources (bin/bianmin.js runs the compiled dist/): for tests that
// need the command as a process of its own, on the sources under test.
import { runCli } from '../../src/cli/index.ts';

process.exitCode = await runCli(process.argv.slice(2));
