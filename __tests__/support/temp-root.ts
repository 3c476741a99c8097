import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

// Vitest global setup for the temporary root the config gives workers as TMPDIR (.test-tmp/):
// emptied before the run, removed after it whatever the outcome.

const ROOT = join(__dirname, "..", "..", ".test-tmp");

export function setup(): void {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
}

export function teardown(): void {
  rmSync(ROOT, { recursive: true, force: true });
}
