import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The commands' one-line warning on a Node past its end of life (bin/check-node.js)
    // would be in every spawned command's stderr; test/contract/node-versions.test.ts tests it.
    env: { NODE_NO_WARNINGS: '1' },
  },
});
