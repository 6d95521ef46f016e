// One React application for the moderator console and the public pages, served by the API server from
// dist/web (src/http/routes/web-app.routes.ts) under a strict CSP: no inline scripts or styles, so
// everything here ends up as files under /assets/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const api = 'http://localhost:8080';

export default defineConfig({
  root: 'web',
  base: '/',
  // Brotli and gzip copies beside each file (x.js.br, x.js.gz), served by @fastify/static's preCompressed.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], logLevel: 'warn' })],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would become data: URLs; keep every asset a file so the CSP story stays simple.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': api, '/media': api, '/c': api, '/static': api },
  },
});
