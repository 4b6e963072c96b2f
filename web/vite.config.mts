import path from 'node:path';
import { defineConfig } from 'vite';

/** The web app: web/ → dist/web, served by functions/web.ts. Hashed assets; index.html names them. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
