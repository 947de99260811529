/**
 * Monaco, cut down to what a YAML editor needs (the full bundle carries some 80 languages), in
 * Chinese (monaco's own zh-cn messages, loaded before anything else of monaco), with monaco-yaml
 * giving completion and hover from the project's JSON Schemas (/schemas/*.json, their Chinese
 * descriptions). monaco-yaml's own validation is off: its messages are English, and the server's
 * Chinese diagnostics (which include the same schema checks, located) are the red marks.
 */
import 'monaco-editor/nls/lang/zh-cn.js';
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/codeEditor/register.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/format/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/gotoLine/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/indentation/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/links/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/wordHighlighter/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { configureMonacoYaml, type SchemasSettings } from 'monaco-yaml';
import YamlWorker from './yaml.worker.ts?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(moduleId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

export { monaco };

/** The model URI of a pack file (its `$schema=../schemas/x.json` line is answered from /schemas/ by the yaml worker). */
export function modelUri(path: string): monaco.Uri {
  return monaco.Uri.parse(`file:///pack/${path.split('/').map(encodeURIComponent).join('/')}`);
}

/**
 * monaco-yaml (through monaco-worker-manager) asks `editor.createWebWorker({ moduleId, label,
 * createData })`, the form of monaco before 0.52; monaco 0.57 wants the worker itself. This hands
 * monaco-yaml a monaco whose createWebWorker starts our yaml worker and passes createData the way
 * monaco's own language workers do (a first message to start, then the data).
 */
interface LegacyWorkerOptions {
  worker?: Worker | Promise<Worker>;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}
const forYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker(opts: LegacyWorkerOptions) {
      if (opts.worker) return monaco.editor.createWebWorker({ worker: opts.worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
      const worker = new YamlWorker();
      worker.postMessage('ignore');
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
    },
  },
};

type Yaml = ReturnType<typeof configureMonacoYaml>;
let yaml: Yaml | null = null;

/** (Re)configures the schemas: one per file that declares one (PackFile.schema), matched by model URI. */
export function configureSchemas(files: readonly { path: string; schema?: string | undefined }[]): void {
  const bySchema = new Map<string, string[]>();
  for (const f of files) {
    if (!f.schema) continue;
    const uri = new URL(f.schema, location.origin).href;
    const list = bySchema.get(uri) ?? [];
    list.push(modelUri(f.path).toString());
    bySchema.set(uri, list);
  }
  const schemas: SchemasSettings[] = [...bySchema].map(([uri, fileMatch]) => ({ uri, fileMatch }));
  const options = {
    enableSchemaRequest: true,
    validate: false,
    completion: true,
    hover: true,
    format: { enable: false },
    schemas,
  };
  if (yaml) void yaml.update(options);
  else yaml = configureMonacoYaml(forYaml as unknown as Parameters<typeof configureMonacoYaml>[0], options);
}
