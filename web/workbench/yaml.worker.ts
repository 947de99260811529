// monaco-yaml's worker, imported through a file of ours (the workaround monaco-yaml's README gives
// for Vite). The pack's files say `# yaml-language-server: $schema=../schemas/item.schema.json`;
// the language server resolves that against the model's path as a file: URL. The schemas are the
// service's own (/schemas/*.json, public), so such a request is answered from there, as are the
// schemas' references to each other. (The worker calls the global fetch when it needs a schema,
// so patching it after the import has run is in time.)
import 'monaco-yaml/yaml.worker.js';
import * as l10n from '@vscode/l10n';

// The language server's own words in hovers and completions, in Chinese (its validation is off).
l10n.config({
  contents: {
    'Allowed Values:': '可填的值：',
    'Source: [{0}]({1})': '格式：[{0}]({1})',
    'Default value': '默认值',
    'Inline schema': '内嵌格式',
    '- (array item) ': '- （列表项）',
    'Create an item of an array{0}{1}': '新建一个列表项{0}{1}',
  },
});

const origin = self.location.origin;
const realFetch = self.fetch.bind(self);
const SCHEMA = /^file:\/\/\/(?:[^?#]*\/)?schemas\/((?:records\/)?[a-z-]+\.schema\.json)$/;

self.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const m = SCHEMA.exec(url);
  return realFetch(m ? `${origin}/schemas/${m[1]}` : input, init);
};

