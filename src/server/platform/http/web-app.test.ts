import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../web/precompress-plugin';
import { serveWebApp } from './web-app';

const webRoot = mkdtempSync(path.join(tmpdir(), 'noiguong-web-'));
const script = `console.log(${JSON.stringify('Xin chào '.repeat(400))});`;
const page = `<!doctype html><html lang="vi"><body><div id="root"></div>${'<!-- trang -->'.repeat(100)}</body></html>`;
const app = Fastify();

beforeAll(async () => {
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), page);
  writeFileSync(path.join(webRoot, 'assets', 'app-Ab12.js'), script);
  writeFileSync(path.join(webRoot, 'assets', 'tiny-Cd34.js'), 'export{};');
  // The same plugin the build runs makes the compressed twins.
  const plugin = precompress() as unknown as { configResolved(c: unknown): void; writeBundle(): Promise<void> };
  plugin.configResolved({ root: webRoot, build: { outDir: '.' } });
  await plugin.writeBundle();
  app.get('/api/ping', () => ({ ok: true }));
  await serveWebApp(app, webRoot);
  await app.ready();
});
afterAll(() => app.close());

describe('precompress plugin', () => {
  it('writes brotli and gzip twins that decompress to the original, and skips files under 1 KB', () => {
    const file = path.join(webRoot, 'assets', 'app-Ab12.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(() => readFileSync(path.join(webRoot, 'assets', 'tiny-Cd34.js.br'))).toThrow();
  });
});

describe('serving the web app', () => {
  it('sends the brotli file when the browser accepts it, gzip when it only accepts gzip, plain otherwise', async () => {
    const br = await app.inject({ url: '/assets/app-Ab12.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 4);

    const gz = await app.inject({ url: '/assets/app-Ab12.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/app-Ab12.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('caches hashed assets for a year as immutable and makes index.html revalidate', async () => {
    const asset = await app.inject({ url: '/assets/app-Ab12.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(index.rawPayload).toString()).toBe(page);
  });

  it('answers a page address with index.html so the client router can open it', async () => {
    const deep = await app.inject({ url: '/people?page=2' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toContain('text/html');
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(deep.body).toBe(page);
  });

  it('answers a missing asset or API path with a 404 error, never with the page', async () => {
    for (const url of ['/assets/missing-Zz99.js', '/api/no-such-thing', '/favicon.ico']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe('NOT_FOUND');
    }
    expect((await app.inject({ url: '/api/ping' })).json()).toEqual({ ok: true });
  });
});
