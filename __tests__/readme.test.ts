import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPONENTS } from "../stacks/contract";
import { projectEnvironment, synthesizedProject } from "./support/synth";

// The cdktf CLI's own stack selection and scheduling (pinned through cdktf-cli 0.21.0), so these tests
// check what `cdktf deploy` and `cdktf destroy` would do with the README's commands, not a copy of it.
// Imported once CHECKPOINT_DISABLE is set: the CLI reports its usage errors to HashiCorp otherwise.
type Cli = typeof import("@cdktf/cli-core/src/lib/helpers/stack-helpers.js");
type Stack = Parameters<Cli["getMultipleStacks"]>[0][number];
type Executor = Parameters<Cli["getStackWithNoUnmetDependencies"]>[0][number];
let cli: Cli;
beforeAll(async () => {
  process.env.CHECKPOINT_DISABLE = "1";
  cli = await import("@cdktf/cli-core/src/lib/helpers/stack-helpers.js");
});

const readme = readFileSync("README.md", "utf8");
const packageScripts = Object.keys(JSON.parse(readFileSync("package.json", "utf8")).scripts);

/** The text of a `## ` section of the README. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no section "## ${title}"`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Commands of the `sh` code blocks of a text, continuation lines joined, comments dropped. */
function shellCommands(text: string): string[] {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]
      .replace(/\\\n\s*/g, "")
      .split("\n")
      .map((line) => line.replace(/\s+#.*$/, "").trim())
      .filter(Boolean),
  );
}

/** Splits a command into words, dropping the single quotes around shell patterns. */
function words(command: string): string[] {
  return command.split(/\s+/).map((w) => w.replace(/^'(.*)'$/, "$1"));
}

/** The order in which cdktf's scheduler would run the stacks, one at a time. */
async function schedule(stacks: Stack[], next: (executors: Executor[]) => Promise<Executor | undefined>) {
  const executors = stacks.map((stack) => {
    const executor = { stack, currentState: "pending", currentWorkPromise: undefined };
    Object.defineProperty(executor, "isPending", { get: () => executor.currentState === "pending" });
    return executor as unknown as Executor;
  });
  const order: string[] = [];
  for (let e = await next(executors); e; e = await next(executors)) {
    order.push(e.stack.name);
    (e as unknown as { currentState: string }).currentState = "done";
  }
  return order;
}

describe("README: deploy, diff and destroy one environment", () => {
  const synth = synthesizedProject();
  const manifest = JSON.parse(readFileSync(join(synth.outdir, "manifest.json"), "utf8"));
  const stacks: Stack[] = Object.values(manifest.stacks);
  const devStacks = COMPONENTS.map((c) => `dev-${c}`);
  const commands = shellCommands(section("Deploy, diff and destroy one environment"))
    .filter((c) => c.startsWith("npx cdktf "))
    .map((c) => words(c).slice(2));
  const command = (verb: string) => {
    const found = commands.find(([v]) => v === verb);
    if (!found) throw new Error(`README shows no \`npx cdktf ${verb}\``);
    return found.slice(1);
  };
  const selected = (verb: string) => cli.getMultipleStacks(stacks, command(verb), verb);

  it("shows deploy, diff, output and destroy", () => {
    expect(commands.map(([verb]) => verb)).toEqual(["deploy", "diff", "output", "destroy"]);
  });

  it("selects exactly dev's stacks for deploy, output and destroy", () => {
    for (const verb of ["deploy", "output", "destroy"]) {
      expect(
        selected(verb)
          .map((s) => s.name)
          .sort(),
        verb,
      ).toEqual([...devStacks].sort());
    }
  });

  it("deploys in dependency order: network, cluster, addons, lb-controller, workloads", async () => {
    expect(() => cli.checkIfAllDependenciesAreIncluded(selected("deploy"))).not.toThrow();
    expect(await schedule(selected("deploy"), cli.getStackWithNoUnmetDependencies)).toEqual(devStacks);
  });

  it("destroys in reverse: workloads first, network last", async () => {
    expect(() => cli.checkIfAllDependantsAreIncluded(selected("destroy"), stacks)).not.toThrow();
    expect(await schedule(selected("destroy"), cli.getStackWithNoUnmetDependants)).toEqual([...devStacks].reverse());
  });

  it("refuses to deploy a stack without its upstream or destroy one under its downstream", () => {
    const only = (id: string) => stacks.filter((s) => s.name === id);
    expect(() => cli.checkIfAllDependenciesAreIncluded(only("dev-cluster"))).toThrow(/dev-network/);
    expect(() => cli.checkIfAllDependantsAreIncluded(only("dev-network"), stacks)).toThrow(/dev-cluster/);
  });

  it("diffs one existing stack", () => {
    const [stack, ...rest] = command("diff");
    expect(rest).toEqual([]);
    expect(cli.getSingleStack(stacks, stack, "diff").name).toBe(stack);
  });
});

describe("README commands", () => {
  const synth = synthesizedProject();
  const all = shellCommands(readme);

  it("run only npm scripts that exist", () => {
    const used = all.flatMap((c) => [...c.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]));
    expect(used).toEqual(expect.arrayContaining(["state", "pr-diff"]));
    for (const script of used) expect(packageScripts, script).toContain(script);
  });

  it("name only stacks that are synthesized", () => {
    const named = all.flatMap((c) =>
      [...c.matchAll(/(?:stacks\/|cdktf \w+ |state -- )((?:dev|prod)-[a-z-]+)/g)].map((m) => m[1]),
    );
    expect(named.length).toBeGreaterThan(2);
    for (const id of named) expect(synth.stackIds, id).toContain(id);
  });
});

describe("README: state bucket bootstrap", () => {
  const commands = shellCommands(section("State bucket bootstrap"));
  const variable = (name: string) => commands.find((c) => c.startsWith(`${name}=`))?.split("=")[1];

  it("creates the bucket the example S3 environment uses, in its region", () => {
    const backend = projectEnvironment("prod").backend;
    if (backend.type !== "s3") throw new Error("prod is the example S3 environment");
    expect(variable("BUCKET")).toBe(backend.bucket);
    expect(variable("REGION")).toBe(backend.region);
    expect(commands).toContain(
      'aws s3api create-bucket --bucket "$BUCKET" --region "$REGION" --create-bucket-configuration LocationConstraint="$REGION"',
    );
  });

  it("turns versioning on and blocks every kind of public access", () => {
    expect(commands).toContain(
      'aws s3api put-bucket-versioning --bucket "$BUCKET" --versioning-configuration Status=Enabled',
    );
    const block = commands.find((c) => c.startsWith("aws s3api put-public-access-block"));
    for (const setting of ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"]) {
      expect(block).toContain(`${setting}=true`);
    }
  });
});
