import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    // Synthesis loads provider bindings: give the first test of a file room for it.
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
