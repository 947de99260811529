/**
 * The Content-Security-Policy: scripts only from the service itself, styles inline (documents are
 * self-contained pages with their print CSS), no plugins, no framing by others. A template may
 * carry a static inline script (the hall screen's slow scroll); such a script is allowed by its
 * hash, and only if its exact text is in a template file — never a script that came from data.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import type { Served } from './reload.ts';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
} as const;

/**
 * The workbench's page (/workbench and its assets under /web/): the same policy, and what monaco
 * needs beyond it. Its workers (the editor's and monaco-yaml's) are script files of the service,
 * started as module workers from 'self'; monaco-yaml and monaco may also start one from a blob:
 * URL (a same-origin wrapper), hence `worker-src 'self' blob:`. Monaco sets inline styles and
 * inserts <style> elements (already allowed: 'unsafe-inline' styles), and loads its icon font
 * from the service. Previews of documents are srcdoc frames (sandboxed, no scripts), inheriting
 * this policy. Nothing else is loosened: no 'unsafe-eval', no inline scripts, no other origin.
 */
export const WORKBENCH_CSP_DIRECTIVES = {
  ...CSP_DIRECTIVES,
  workerSrc: ["'self'", 'blob:'],
} as const;

/**
 * The window screen's page (/window): the same policy, and one thing more. The screen fetches the
 * registered notice as a PDF (with the staff member's token, so not by a plain link) and shows it
 * from a blob: URL of its own making in a frame, from which it is printed: `frame-src 'self' blob:`.
 * The PDF viewer is the browser's own; nothing else is loosened (no other origin, no inline scripts).
 */
export const WINDOW_CSP_DIRECTIVES = {
  ...CSP_DIRECTIVES,
  frameSrc: ["'self'", 'blob:'],
} as const;

/**
 * Fixed headers of JSON answers: never sniffed as something else, never framed or run as a page,
 * not readable cross-origin. Set once per request from this constant (helmet builds its headers
 * anew for every request; JSON needs only these).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
};

function header(extraScripts: readonly string[]): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => {
      const list = name === 'scriptSrc' ? [...values, ...extraScripts] : values;
      return `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${list.join(' ')}`;
    })
    .join(';');
}

/** Rendering may re-indent a template's lines; a script is compared line by line, trimmed. */
function normalized(script: string): string {
  return script
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

const SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** The static inline scripts of the templates (package's and pack's own), per pack version. */
const allowed = new Map<string, ReadonlySet<string>>();

function templateScripts(served: Served, packageTemplates: string): ReadonlySet<string> {
  let set = allowed.get(served.version);
  if (set === undefined) {
    const files = readdirSync(packageTemplates)
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => path.join(packageTemplates, f));
    const scripts = new Set<string>();
    for (const file of [...files, ...served.pack.data.templates.values()]) {
      for (const m of readFileSync(file, 'utf8').matchAll(SCRIPT)) {
        // A script with a Handlebars expression in it could carry data: never allowed.
        if (!m[1]!.includes('{{')) scripts.add(normalized(m[1]!));
      }
    }
    set = scripts;
    allowed.clear();
    allowed.set(served.version, set);
  }
  return set;
}

/** Sends a document page, its CSP allowing exactly the template-authored inline scripts it contains. */
export function sendHtml(reply: FastifyReply, html: string, served: Served, packageTemplates: string): FastifyReply {
  const hashes: string[] = [];
  if (html.includes('<script')) {
    const scripts = templateScripts(served, packageTemplates);
    for (const m of html.matchAll(SCRIPT)) {
      const body = m[1]!;
      if (body.trim() !== '' && scripts.has(normalized(body))) hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
    }
  }
  if (hashes.length > 0) void reply.header('content-security-policy', header(hashes));
  return reply.type('text/html; charset=utf-8').send(html);
}
