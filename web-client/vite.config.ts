import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:5080', changeOrigin: false },
    },
  },
  build: {
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'eslint-rules/**/*.test.js'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // Files share a worker's loaded modules (Ant Design among them) instead of loading them again each: every test renders
    // into a fresh QueryClient and document, and the setup clears the DOM and storage after each test.
    isolate: false,
    unstubGlobals: true,
    // Form tests drive Ant Design selects through jsdom: slow when the 2 cores are shared with the .NET tests, so the
    // limit only catches hangs.
    testTimeout: 180_000,
  },
});
