import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lib = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

// Aliases mirror tsconfig.base.json "paths" for the libraries the web may import.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      '@second-look/domain': lib('libs/domain/src/index.ts'),
      '@second-look/web-ui': lib('libs/web/ui/src/index.ts'),
      '@second-look/web-i18n': lib('libs/web/i18n/src/index.ts'),
      '@second-look/web-auth': lib('libs/web/auth/src/index.ts'),
      '@second-look/web-cases': lib('libs/web/cases/src/index.ts'),
      '@second-look/web-admin': lib('libs/web/admin/src/index.ts'),
    },
  },
  build: {
    outDir: `${root}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    fs: { allow: [root] },
    proxy: {
      '/graphql': { target: api, changeOrigin: false, ws: true },
      '/health': { target: api, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1', port: 4300 },
});
