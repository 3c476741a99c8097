import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Every temporary folder of a test run (the tests' own, cdktf's, Terraform's) goes under the
// project's git-ignored .test-tmp/: workers get it as TMPDIR, so os.tmpdir() returns it, and the
// global setup empties it before the run and removes it after, whatever the outcome.
const TEMP_ROOT = join(import.meta.dirname, ".test-tmp");

export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    env: { TMPDIR: TEMP_ROOT },
    globalSetup: ["__tests__/support/temp-root.ts"],
    // Synthesis loads provider bindings: give the first test of a file room for it.
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Test files share a worker's module cache, so each worker synthesizes the project once, not once per file.
    isolate: false,
    // Two workers even on two cores (vitest's default there is one): the Terraform checks spend much of
    // their time waiting on terraform, so the unit tests run beside them.
    maxWorkers: 2,
  },
});
