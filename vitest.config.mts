import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    // Synthesis loads provider bindings: give the first test of a file room for it.
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Test files share a worker's module cache, so each worker synthesizes the project once, not once per file.
    isolate: false,
  },
});
