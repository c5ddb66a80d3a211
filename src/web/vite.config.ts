import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress-plugin.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// The API server runs on its own port in development; the built app is served by that same server.
const apiTarget = process.env.NOIGUONG_API_URL ?? 'http://localhost:3000';

function isSourceModule(url: string | undefined): boolean {
  return url !== undefined && /^\/api\/[^?]+\.(ts|tsx)(\?|$)/.test(url);
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // Pages are loaded on demand and the bundler's own splitting keeps the first loads smallest: tried
    // against vendor chunks (the sign-in page fetched all of antd) and one chunk per antd component
    // (the dashboard fetched 100 files and more bytes; docs/decisions/0012). The app shell stays just
    // above the default warning size.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      // The app's own sources live in src/web/api/, whose module URLs also start with /api/.
      '/api': { target: apiTarget, changeOrigin: false, bypass: (request) => (isSourceModule(request.url) ? request.url : undefined) },
      '/p': { target: apiTarget, changeOrigin: false },
    },
  },
});
