/**
 * The front end (web/): one Vite build for every browser screen, multi-page — the landing page
 * (web/landing/) and the officers' workbench (web/workbench/), shared code in web/shared/. Built
 * into dist/web (assets under /web/assets/), served by src/server/web.ts. No CDN: monaco, its
 * workers and fonts are all bundled.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(here, 'web');

export default defineConfig({
  root: web,
  base: '/web/',
  plugins: [vue()],
  resolve: {
    alias: [
      // monaco-worker-manager imports monaco's worker by its file path, which monaco-editor's
      // `exports` map does not expose under that name.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: path.join(here, 'node_modules/monaco-editor/esm/vs/$1') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        landing: path.join(web, 'landing/index.html'),
        workbench: path.join(web, 'workbench/index.html'),
        window: path.join(web, 'window/index.html'),
        kiosk: path.join(web, 'kiosk/index.html'),
      },
    },
  },
});
