import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The dashboard talks to the Firstline API over HTTP only. `npm run build:web` writes dist/web, which the
// server serves at /; in development (`npx vite --config web/vite.config.ts`) /api is proxied to a running
// `firstline serve` (FIRSTLINE_API, default http://localhost:3000).
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        // libraries change less often than the app: separate, long-cached chunks; ECharts stays lazy
        manualChunks(id) {
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.FIRSTLINE_API ?? 'http://localhost:3000' },
  },
});
