import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { App } from "cdktf";
import { ENVIRONMENTS } from "../../environments";
import { loadEnvironments } from "../../environments/load";
import type { Environment } from "../../environments/schema";
import { buildEnvironment } from "../../stacks/environment";

/** The day the tests pretend it is, so version-support checks do not drift with the calendar. */
export const TEST_TODAY = "2026-11-22";

/** A synthesized stack's Terraform JSON, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StackJson = Record<string, any>;

/** The result of synthesizing a set of environments into a directory. */
export interface Synthesized {
  /** The cdktf output directory (holds manifest.json and stacks/). */
  outdir: string;
  /** Stack ids in manifest order. */
  stackIds: string[];
  /** The parsed cdk.tf.json of a stack. */
  stack(id: string): StackJson;
}

/** Synthesizes environments (the project's own by default) with app.synth(), so cross-stack wiring resolves. */
export function synthesize(environments: Environment[] = projectEnvironments(), outdir?: string): Synthesized {
  const dir = outdir ?? mkdtempSync(join(tmpdir(), "cdktf-test-"));
  const app = new App({ outdir: dir });
  environments.forEach((env) => buildEnvironment(app, env));
  app.synth();
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const cache = new Map<string, StackJson>();
  return {
    outdir: dir,
    stackIds: Object.keys(manifest.stacks),
    stack(id) {
      if (!cache.has(id)) {
        const file = join(dir, manifest.stacks[id].synthesizedStackPath);
        cache.set(id, JSON.parse(readFileSync(file, "utf8")));
      }
      return cache.get(id)!;
    },
  };
}

/** The project's environments, validated as main.ts does. */
export function projectEnvironments(): Environment[] {
  return loadEnvironments(ENVIRONMENTS, TEST_TODAY).environments;
}

/** One project environment by name. */
export function projectEnvironment(name: string): Environment {
  const env = projectEnvironments().find((e) => e.name === name);
  if (!env) throw new Error(`no environment named ${name}`);
  return env;
}

let shared: Synthesized | undefined;
/** The project's environments synthesized once per test worker. */
export function synthesizedProject(): Synthesized {
  shared ??= synthesize();
  return shared;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Every file under a directory (hidden ones too), by relative path, with its content. */
export function tree(dir: string): Record<string, string> {
  return Object.fromEntries(files(dir).map((f) => [relative(dir, f), readFileSync(f, "utf8")]));
}

/** Every file under an output directory's stacks/, by relative path, with its content. */
export function snapshot(outdir: string): Record<string, string> {
  return tree(join(outdir, "stacks"));
}
