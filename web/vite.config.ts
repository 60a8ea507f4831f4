import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The SkillBridge pages: built to `web/dist/`, served by the local server (local/static.ts) beside
 * the API, and in AWS from a static bucket in front of the same API. The manifest lets the budget
 * bench (tests/bench/web.ts) add up the JavaScript each page loads.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    sourcemap: false,
  },
});
