// The kiosk's endpoints and `serve --public-url`: GET /v1/life-events groups the pack's items by the
// life events of center.yaml and by window; GET /v1/items/{code}/qr.svg is a QR code that decodes
// (the SVG's modules drawn to pixels and read back with jsQR) to the guide at the public address,
// 404 E-PUBLIC-URL-UNSET without one and 404 E-ITEM-UNKNOWN with a suggestion for a wrong code.
// A public address is checked where it enters (buildServer, the command line: exit 2, the option
// named), and the start banner shows it. (The kiosk page decodes the QR from a screenshot:
// test/browser/kiosk.test.ts.)
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeSvg } from '../documents/qr-decode.ts';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { parsePublicUrl } from '../../src/server/index.ts';
import { bianmin, BIN, ROOT } from '../cli/run.ts';
import { RULES, start, tempDir, TOKENS, within, type Running } from './helpers.ts';

const PUBLIC = 'https://bm.example.gov.cn/qingshi';

interface LifeEventsAnswer {
  center: { name: string; address: string; consultPhone: string };
  publicUrl: string | null;
  lifeEvents: Array<{ id: string; name: string; description: string | null; items: Array<{ code: string; name: string; window: { id: string; number: number; name: string; location: string | null } | null }> }>;
  windows: Array<{ id: string; number: number; name: string; location: string | null; items: Array<{ code: string; name: string }> }>;
}


let plain: Running;
let kiosk: Running;
beforeAll(async () => {
  [plain, kiosk] = await Promise.all([start(), start({ publicUrl: `${PUBLIC}/` })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([plain?.close(), kiosk?.close()]);
});

describe('GET /v1/life-events', () => {
  it('lists the life events of center.yaml with their items and windows, and every window with its items, without a token', async () => {
    const res = await plain.request('GET', '/v1/life-events');
    expect(res.status).toBe(200);
    const body = res.json<LifeEventsAnswer>();
    const center = parse(await readFile(path.join(RULES, 'center.yaml'), 'utf8')) as { lifeEvents: Array<{ id: string; name: string; items: string[] }>; windows: Array<{ id: string }> };
    expect(body.lifeEvents.map((e) => [e.id, e.name, e.items.map((i) => i.code)])).toEqual(center.lifeEvents.map((e) => [e.id, e.name, e.items]));
    expect(body.center.name).toBe('青石镇便民服务中心');
    expect(body.publicUrl).toBeNull();
    // The sample's events cover all 17 items; each item is named and has its window.
    const items = (await plain.request('GET', '/v1/items')).json<Array<{ code: string; name: string; window: { id: string } }>>();
    expect(items).toHaveLength(17);
    expect(new Set(body.lifeEvents.flatMap((e) => e.items.map((i) => i.code)))).toEqual(new Set(items.map((i) => i.code)));
    const elderly = body.lifeEvents.find((e) => e.id === 'yanglao')!.items.find((i) => i.code === 'MZ-004')!;
    expect(elderly).toEqual({ code: 'MZ-004', name: '高龄津贴申领', window: { id: 'minzheng-window', number: 2, name: '民政窗口', location: '大厅东侧' } });
    // Windows: all of center.yaml, in order; each item under its own window exactly once.
    expect(body.windows.map((w) => w.id)).toEqual(center.windows.map((w) => w.id));
    for (const item of items) {
      const holding = body.windows.filter((w) => w.items.some((i) => i.code === item.code)).map((w) => w.id);
      expect(holding, item.code).toEqual([item.window.id]);
    }
    expect(body.windows.find((w) => w.id === 'zixun-window')!.items).toEqual([]);
  });

  it('says the public address when one is configured (the kiosk shows the QR code only then)', async () => {
    const body = (await kiosk.request('GET', '/v1/life-events')).json<LifeEventsAnswer>();
    expect(body.publicUrl).toBe(PUBLIC);
  });
});

describe('GET /v1/items/{code}/qr.svg', () => {
  it('is a QR code of the guide at the public address, for every item', async () => {
    for (const code of ['MZ-004', 'RS-003', 'XF-001']) {
      const res = await kiosk.request('GET', `/v1/items/${code}/qr.svg`);
      expect(res.status, code).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      // Served like the API (never run as a page), readable by the service's own pages.
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.text).not.toMatch(/<script|on\w+=/i);
      expect(decodeSvg(res.text), code).toBe(`${PUBLIC}/v1/items/${code}/guide`);
    }
    // The address in it answers: the guide of that item.
    const guide = await kiosk.request('GET', '/v1/items/MZ-004/guide');
    expect(guide.status).toBe(200);
    expect(guide.text).toContain('高龄津贴申领');
  });

  it('is 404 E-PUBLIC-URL-UNSET when no public address is configured', async () => {
    const res = await plain.request('GET', '/v1/items/MZ-004/qr.svg');
    expect(res.status).toBe(404);
    const { error } = res.json();
    expect(error.code).toBe('E-PUBLIC-URL-UNSET');
    expect(error.message).toContain('--public-url');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('is 404 E-ITEM-UNKNOWN with the nearest item for a wrong code, like the other item routes', async () => {
    const res = await kiosk.request('GET', '/v1/items/MZ-0O4/qr.svg');
    expect(res.status).toBe(404);
    const { error } = res.json();
    expect(error.code).toBe('E-ITEM-UNKNOWN');
    expect(error.path).toBe('params.code');
    expect(error.suggestions?.[0]?.code).toBe('MZ-004');
  });

  it('is documented as public in the OpenAPI document, with the life events', async () => {
    const doc = (await plain.request('GET', '/openapi.json')).json<{ paths: Record<string, { get: { operationId: string; security: unknown[]; responses: Record<string, { content: Record<string, unknown> }> } }> }>();
    expect(doc.paths['/v1/life-events']!.get).toMatchObject({ operationId: 'listLifeEvents', security: [] });
    const qr = doc.paths['/v1/items/{code}/qr.svg']!.get;
    expect(qr).toMatchObject({ operationId: 'getItemQr', security: [] });
    expect(Object.keys(qr.responses['200']!.content)).toEqual(['image/svg+xml']);
    expect(Object.keys(qr.responses['404']!.content)).toEqual(['application/json']);
  });
});

describe('the public address', () => {
  it('is an absolute http(s) address without query, fragment or password; a trailing slash is dropped', () => {
    expect(parsePublicUrl('https://bm.example.gov.cn')).toBe('https://bm.example.gov.cn');
    expect(parsePublicUrl(' https://bm.example.gov.cn/ ')).toBe('https://bm.example.gov.cn');
    expect(parsePublicUrl('http://10.1.2.3:8080/bianmin/')).toBe('http://10.1.2.3:8080/bianmin');
    for (const bad of ['bm.example.gov.cn', '/kiosk', 'ftp://bm.example.gov.cn', 'https://bm.example.gov.cn/?from=qr', 'https://bm.example.gov.cn/#top', 'https://admin:secret@bm.example.gov.cn']) {
      expect(() => parsePublicUrl(bad), bad).toThrow(expect.objectContaining({ code: 'E-USAGE-OPTION', location: { path: 'publicUrl' } }));
    }
  });

  it('is refused by buildServer before anything starts', async () => {
    const dir = await tempDir('kiosk');
    const err = await buildServer({ rules: RULES, data: path.join(dir, 'data'), tokens: TOKENS, log: false, watch: 'off', watchExtra: [], publicUrl: 'bm.example.gov.cn' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'E-USAGE-OPTION', location: { path: 'publicUrl' } });
  });

  it('is refused on the command line with exit 2 and the option named', async () => {
    const dir = await tempDir('kiosk');
    for (const [bad, says] of [
      ['ftp://bm.example.gov.cn', 'http:// 或 https://'],
      ['https://bm.example.gov.cn/?a=1', '查询参数'],
      ['bm.example.gov.cn', '不是完整的网址'],
    ] as const) {
      const cli = await bianmin(['serve', '--data', path.join(dir, 'data'), '--port', '0', '--public-url', bad]);
      expect(cli.code, bad).toBe(2);
      expect(cli.stderr).toContain('--public-url');
      expect(cli.stderr).toContain(says);
      expect(cli.stderr).not.toMatch(/^\s+at /m);
    }
    const help = await bianmin(['serve', '--help']);
    expect(help.stdout).toContain('--public-url');
  });

  it('reaches the running service from `bianmin serve --public-url` and is shown in its start banner', async () => {
    const data = path.join(await tempDir('kiosk'), 'data');
    const child = spawn(process.execPath, [BIN, 'serve', '--data', data, '--port', '0', '--public-url', 'https://bm.example.gov.cn/'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stdout = '';
      const banner = await within(
        '服务启动',
        new Promise<string>((resolve, reject) => {
          child.stdout!.on('data', (d: Buffer) => {
            stdout += d.toString('utf8');
            if (stdout.includes('按 Ctrl+C 停止服务')) resolve(stdout);
          });
          child.once('exit', (code) => reject(new Error(`服务已退出（${code}）`)));
        }),
        60_000,
      );
      expect(banner).toContain('二维码指向对外网址 https://bm.example.gov.cn');
      const base = /便民决策服务已启动：(http:\/\/\S+)/.exec(banner)![1]!;
      expect(banner).toContain(`自助服务：${base}/kiosk`);
      const svg = await (await fetch(`${base}/v1/items/MZ-001/qr.svg`)).text();
      expect(decodeSvg(svg)).toBe('https://bm.example.gov.cn/v1/items/MZ-001/guide');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 90_000);
});
