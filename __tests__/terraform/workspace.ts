import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMPONENTS, type OutputName, outputSpec } from "../../stacks/contract";
import type { StackJson, Synthesized } from "../support/synth";
import { FAKE_OUTPUTS, MOCK_DATA_DEFAULTS, MOCK_RESOURCE_DEFAULTS, TEAMMATE_SESSION } from "./fakes";

// One Terraform root holding every synthesized stack as a child module, so the AWS provider's
// schema loads once for all of them. Each stack keeps its resources, data sources and outputs;
// its provider block moves to the root under an alias, and its backend is dropped (an S3 backend
// would need the network). Kubernetes and Helm parts are filtered out: those providers cannot be
// installed offline, and they are checked structurally by the unit tests instead.

/** The generated Terraform root and how each stack maps into it. */
export interface Workspace {
  /** Root module directory. */
  dir: string;
  /** Module name of each stack id (dev-network → dev_network). */
  moduleOf: Record<string, string>;
}

const NON_AWS = /\$\{(data\.)?(kubernetes|helm)_/;

function isAwsType(type: string): boolean {
  return type.startsWith("aws_") || type === "terraform_remote_state";
}

/** Drops everything that needs the kubernetes or helm provider. */
export function awsOnly(stack: StackJson): StackJson {
  const json = structuredClone(stack);
  delete json["//"];
  for (const block of ["resource", "data"]) {
    for (const type of Object.keys(json[block] ?? {})) if (!isAwsType(type)) delete json[block][type];
    if (json[block] && Object.keys(json[block]).length === 0) delete json[block];
    // An AWS resource may wait for a Kubernetes one (an add-on for a ConfigMap): drop that edge too.
    for (const byName of Object.values(json[block] ?? {})) {
      for (const item of Object.values(byName as Record<string, { depends_on?: string[] }>)) {
        if (!item.depends_on) continue;
        item.depends_on = item.depends_on.filter((ref) => !/^(data\.)?(kubernetes|helm)_/.test(ref));
        if (item.depends_on.length === 0) delete item.depends_on;
      }
    }
  }
  for (const block of ["output", "locals"]) {
    for (const [name, value] of Object.entries(json[block] ?? {})) {
      if (NON_AWS.test(JSON.stringify(value))) delete json[block][name];
    }
    // Terraform rejects an empty block (a stack whose outputs all come from Kubernetes objects).
    if (json[block] && Object.keys(json[block]).length === 0) delete json[block];
  }
  const providers = json.terraform?.required_providers ?? {};
  for (const name of Object.keys(providers)) if (name !== "aws") delete providers[name];
  for (const name of Object.keys(json.provider ?? {})) if (name !== "aws") delete json.provider[name];
  return json;
}

function upstreamStack(stackId: string, dataId: string): string {
  const component = COMPONENTS.find((c) => stackId.endsWith(`-${c}`))!;
  const env = stackId.slice(0, -component.length - 1);
  return `${env}-${dataId.replace(/_/g, "-")}`;
}

function hcl(value: unknown): string {
  // JSON is valid HCL for plain values; "${" would start an interpolation, so refuse it.
  const text = JSON.stringify(value);
  if (text.includes("${")) throw new Error(`fake value ${text} contains an interpolation`);
  return text;
}

function mockProvider(alias?: string): string {
  const blocks = [
    ...Object.entries(MOCK_RESOURCE_DEFAULTS).map(
      ([type, defaults]) => `  mock_resource "${type}" {\n    defaults = ${hcl(defaults)}\n  }\n`,
    ),
    ...Object.entries(MOCK_DATA_DEFAULTS).map(
      ([type, defaults]) => `  mock_data "${type}" {\n    defaults = ${hcl(defaults)}\n  }\n`,
    ),
  ];
  const aliased = alias === undefined ? "" : `  alias = "${alias}"\n`;
  return `mock_provider "aws" {\n${aliased}${blocks.join("")}}\n`;
}

// Outputs a downstream stack reads need plausible values (fakes.ts); the rest get a placeholder of their kind.
function fakeOutputsOf(upstream: StackJson, upstreamId: string): Record<string, unknown> {
  const component = COMPONENTS.find((c) => upstreamId.endsWith(`-${c}`))!;
  return Object.fromEntries(
    Object.keys(upstream.output ?? {}).map((name) => {
      if (name in FAKE_OUTPUTS) return [name, FAKE_OUTPUTS[name]];
      const spec = outputSpec(component, name as OutputName<typeof component>);
      if (spec.readBy.length > 0) {
        throw new Error(
          `${upstreamId} declares output ${name}, read by ${spec.readBy.join(", ")}, which has no fake value in __tests__/terraform/fakes.ts`,
        );
      }
      return [name, spec.kind === "list" ? [`fake-${name}`] : `fake-${name}`];
    }),
  );
}

/**
 * Writes a stack's AWS part as a module into `dir`: no backend (an S3 one would need the network) and no
 * provider block (the test's mocked provider takes its place). Returns it and the provider blocks removed.
 */
function writeStackModule(synth: Synthesized, id: string, dir: string) {
  const stack = awsOnly(synth.stack(id));
  delete stack.terraform.backend;
  const awsProviders: StackJson[] = stack.provider?.aws ?? [];
  delete stack.provider;
  mkdirSync(dir);
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(stack, null, 2));
  return { stack, awsProviders };
}

// `override_data` blocks giving each remote-state read of a stack its upstream's outputs; `prefix` is the
// module address of the stack ("module.dev_cluster."), empty when a run block tests the stack itself.
function upstreamOverrides(synth: Synthesized, id: string, prefix: string): string[] {
  const stack = synth.stack(id);
  return Object.keys(stack.data?.terraform_remote_state ?? {}).map((dataId) => {
    const upstreamId = upstreamStack(id, dataId);
    const outputs = fakeOutputsOf(synth.stack(upstreamId), upstreamId);
    return (
      `override_data {\n  target = ${prefix}data.terraform_remote_state.${dataId}\n` +
      `  values = { outputs = ${hcl(outputs)} }\n}\n`
    );
  });
}

/**
 * Writes the root module and `terraform test` files, each with the stacks' mocked providers and upstream
 * outputs, then its run blocks. By default one file, offline.tftest.hcl, plans, mock-applies and plans
 * again every stack, then plans as a teammate. Terraform runs each file on its own: a failing run skips
 * the rest of its file.
 */
export function buildWorkspace(
  synth: Synthesized,
  stackIds: string[],
  testFiles?: Record<string, string[]>,
): Workspace {
  const dir = mkdtempSync(join(tmpdir(), "tf-offline-"));
  const root: StackJson = { module: {}, provider: { aws: [] } };
  const moduleOf: Record<string, string> = {};
  const tests: string[] = [];
  const sessionReads: string[] = [];

  for (const id of stackIds) {
    const name = id.replace(/-/g, "_");
    moduleOf[id] = name;
    const { stack, awsProviders } = writeStackModule(synth, id, join(dir, id));
    // A stack with only Kubernetes resources has no AWS provider: pass it none.
    for (const provider of awsProviders) root.provider.aws.push({ ...provider, alias: name });
    root.module[name] = { source: `./${id}` };
    if (awsProviders.length > 0) {
      root.module[name].providers = { aws: `aws.${name}` };
      tests.push(mockProvider(name));
    }

    if (stack.data?.aws_iam_session_context?.current)
      sessionReads.push(`module.${name}.data.aws_iam_session_context.current`);
    tests.push(...upstreamOverrides(synth, id, `module.${name}.`));
  }
  root.terraform = { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(root, null, 2));
  // "replan" plans against the state the mocked apply left: a second deploy must be a no-op.
  const runs = [
    ["plan", "plan"],
    ["apply", "apply"],
    ["replan", "plan"],
  ].map(([run, command]) => `run "${run}" {\n  command = ${command}\n}\n`);
  // "replan_as_teammate": the same, planned by another identity (a teammate, the PR-plan role): cluster
  // access must not follow whoever runs the plan.
  const teammate = sessionReads.map(
    (target) => `  override_data {\n    target = ${target}\n    values = ${hcl(TEAMMATE_SESSION)}\n  }\n`,
  );
  runs.push(`run "replan_as_teammate" {\n  command = plan\n${teammate.join("")}}\n`);
  for (const [name, fileRuns] of Object.entries(testFiles ?? { offline: runs })) {
    writeFileSync(join(dir, `${name}.tftest.hcl`), [...tests, ...fileRuns].join("\n"));
  }
  return { dir, moduleOf };
}

/** The part of a verbose `terraform test` output that belongs to one run block. */
function runSection(verboseOutput: string, run: string): string {
  return verboseOutput.split(/^\s*run "/m).find((s) => s.startsWith(`${run}"`)) ?? "";
}

/** Counts the resources a verbose `terraform test` plan creates, per module name. */
export function plannedCreates(verboseOutput: string, run = "plan"): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of runSection(verboseOutput, run).matchAll(
    /^\s*# module\.(\w+)\.(?!data\.)\S+ will be created$/gm,
  )) {
    counts[match[1]] = (counts[match[1]] ?? 0) + 1;
  }
  return counts;
}

/** Every resource change a verbose `terraform test` run plans ("aws_vpc.vpc will be updated in-place"), per module. */
export function plannedChanges(verboseOutput: string, run: string): Record<string, string[]> {
  const changes: Record<string, string[]> = {};
  const action = /^\s*# module\.(\w+)\.(?!data\.)(.+ (?:will be|must be) .+)$/gm;
  for (const [, module, change] of runSection(verboseOutput, run).matchAll(action)) {
    (changes[module] ??= []).push(change);
  }
  return changes;
}

/**
 * A workspace for a settings change: each stack of `stackIds` as synthesized `before` and `after` the
 * change, each a module of its own, and change.tftest.hcl, which mock-applies a stack's "before" and
 * then plans its "after" against the same state (Terraform 1.11: a run block's `module` and
 * `state_key`), as a deploy of the change would. Read the plan of stack dev-cluster with
 * plannedChanges(output, "change_dev_cluster"); its resources are not in a module there.
 */
export function buildChangeWorkspace(before: Synthesized, after: Synthesized, stackIds: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "tf-change-"));
  const runs: string[] = [];
  for (const id of stackIds) {
    const name = id.replace(/-/g, "_");
    for (const [run, command, synth] of [
      [`before_${name}`, "apply", before],
      [`change_${name}`, "plan", after],
    ] as const) {
      writeStackModule(synth, id, join(dir, run));
      const overrides = upstreamOverrides(synth, id, "").map((block) => block.replace(/^(?=.)/gm, "  "));
      runs.push(
        `run "${run}" {\n  command = ${command}\n  state_key = "${id}"\n` +
          `  module {\n    source = "./${run}"\n  }\n${overrides.join("")}}\n`,
      );
    }
  }
  const root = { terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } } };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(root, null, 2));
  writeFileSync(join(dir, "change.tftest.hcl"), [mockProvider(), ...runs].join("\n"));
  return dir;
}

/** Every resource change a verbose `terraform test` run plans for a module tested by itself (no module. prefix). */
export function plannedRootChanges(verboseOutput: string, run: string): string[] {
  const action = /^\s*# (?!module\.|data\.)(\S+ (?:will be|must be) .+)$/gm;
  return [...runSection(verboseOutput, run).matchAll(action)].map((m) => m[1]);
}
