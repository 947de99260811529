// `node --import ./trace-imports.mjs …`: appends the URL of every module the process loads to the
// file named by BIANMIN_TRACE, so a test can tell what `bianmin --version` pulled in.
import { register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url);
