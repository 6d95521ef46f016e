// One React application for the moderator console and the public pages, served by the API server from
// dist/web (src/http/routes/web-app.routes.ts) under a strict CSP: no inline scripts or styles, so
// everything here ends up as files under /assets/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://localhost:8080';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
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
