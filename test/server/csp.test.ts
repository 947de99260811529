// Document pages: an inline script is allowed (by hash) only if a template wrote it; a script
// that came from anywhere else stays blocked by the CSP.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHtml } from '../../src/server/csp.ts';
import { TEMPLATES_DIR } from '../../src/server/templates-dir.ts';
import { start, type Running } from './helpers.ts';

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(async () => {
  await s.close();
});

const hash = (body: string): string => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

describe('CSP of document pages', () => {
  it('the hall screen page allows exactly its template’s scroll script', async () => {
    const res = await s.request('GET', '/board?screen=1');
    const script = /<script>([\s\S]*?)<\/script>/.exec(res.text)?.[1];
    expect(script).toBeTruthy();
    const template = await readFile(path.join(TEMPLATES_DIR, 'board-screen.hbs'), 'utf8');
    expect(template).toContain('<script>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src 'self' ${hash(script!)}`);
    expect(csp.split(';').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
  });

  it('a script not written by a template gets no hash, even beside one that was', async () => {
    const screen = await s.request('GET', '/board?screen=1');
    const allowed = /<script>([\s\S]*?)<\/script>/.exec(screen.text)![1]!;
    const page = `<!DOCTYPE html><html><body><p>张三</p><script>alert(document.cookie)</script><script>${allowed}</script></body></html>`;
    const app = Fastify();
    app.get('/page', async (_request, reply) => sendHtml(reply, page, s.app.bianmin.packs.served, TEMPLATES_DIR));
    const res = await app.inject({ url: '/page' });
    const scriptSrc = String(res.headers['content-security-policy']).split(';').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe(`script-src 'self' ${hash(allowed)}`);
    expect(scriptSrc).not.toContain(hash('alert(document.cookie)'));
    await app.close();
  });
});
