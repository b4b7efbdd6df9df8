import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'sandbox/**/*.test.ts', 'tools/**/*.test.ts', 'plugins/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
