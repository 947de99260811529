/**
 * Starting a worker thread on one of our modules, built or not: under the TypeScript sources
 * (tests, `tsx`) the module is loaded through tsx's loader, built (dist/) the compiled file.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker running `module`, given as the `.ts` file beside `from` (the caller's
 * `import.meta.url`): e.g. `startWorker('./reload-worker.ts', import.meta.url)`.
 */
export function startWorker(module: string, from: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (from.endsWith('.ts')) {
    const source = new URL(module, from).href;
    return new Worker(`import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { ...options, eval: true });
  }
  return new Worker(new URL(module.replace(/\.ts$/, '.js'), from), options);
}

function tsxApi(): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(path.join(path.dirname(pkg), 'dist', 'esm', 'api', 'index.mjs')).href;
}
