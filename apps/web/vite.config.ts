import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolve paths from this file so the config works from any working directory.
const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));

// The API (apps/api) listens here during development.
const apiTarget = 'http://127.0.0.1:3000';
const proxy = {
  '/api': apiTarget,
  '/health': apiTarget,
  '/ready': apiTarget,
};

export default defineConfig({
  root: projectRoot,
  cacheDir: `${workspaceRoot}node_modules/.vite/web`,
  plugins: [react()],
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { proxy },
  preview: { proxy },
});
