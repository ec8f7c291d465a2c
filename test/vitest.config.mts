import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    globals: true,
    include: [
      'test/unit/**/*.test.ts',
      'test/lsp/**/*.test.ts',
      'test/nvim/**/*.test.ts',
      'test/preview/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/e2e/**/*.test.ts',
    ],
    testTimeout: 30000,
    hookTimeout: 120000,
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['test/setup-env.ts'],
    // Installs Chromium and Neovim when missing, for a direct `npx vitest` as for `npm test`.
    globalSetup: ['test/provision.mjs'],
  },
});
