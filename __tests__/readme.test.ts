import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPONENTS } from "../stacks/contract";
import { documentationPages, section as pageSection } from "./support/markdown";
import { projectEnvironment, synthesizedProject } from "./support/synth";

// What `cdktf deploy` and `cdktf destroy` do with the commands the README and docs/ show (a section is
// found by its title, in whichever page holds it), from cdktf's documented behaviour and the synthesized manifest (no import of the CLI's private files, which move in the cdktn
// switch): a stack argument is a glob over stack ids; a deploy runs a stack only after the stacks it
// depends on (manifest "dependencies"), a destroy only after the stacks that depend on it, and each
// refuses a selection that leaves a dependency or dependant out.

/** A stack of cdktf's manifest: its id and the ids it depends on. */
interface ManifestStack {
  name: string;
  dependencies: string[];
}

const pages = documentationPages();
const packageScripts = Object.keys(JSON.parse(readFileSync("package.json", "utf8")).scripts);

/** The text of a section of the README or a docs/ page, found by its title. */
const section = (title: string) => pageSection(pages, title);

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

/** The stacks a list of cdktf stack arguments selects: each is an id or a glob with "*". */
function select(stacks: ManifestStack[], patterns: string[]): ManifestStack[] {
  const matchers = patterns.map((p) => new RegExp(`^${p.split("*").map(escapeRegExp).join(".*")}$`));
  return stacks.filter((s) => matchers.some((m) => m.test(s.name)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

/** The one order a selection can run in, each stack after those it must wait for; throws if one is left out. */
function runOrder(selected: ManifestStack[], waitsFor: (stack: ManifestStack) => string[]): string[] {
  const names = new Set(selected.map((s) => s.name));
  const order: string[] = [];
  while (order.length < selected.length) {
    const ready = selected.filter((s) => !order.includes(s.name) && waitsFor(s).every((d) => order.includes(d)));
    const missing = selected.flatMap(waitsFor).filter((d) => !names.has(d));
    if (missing.length > 0) throw new Error(`selection leaves out ${[...new Set(missing)].join(", ")}`);
    if (ready.length !== 1) throw new Error(`${ready.length} stacks could run next: the order is not fixed`);
    order.push(ready[0].name);
  }
  return order;
}

describe("docs: deploy, diff and destroy one environment", () => {
  const synth = synthesizedProject();
  const manifest = JSON.parse(readFileSync(join(synth.outdir, "manifest.json"), "utf8"));
  const stacks: ManifestStack[] = Object.values(manifest.stacks);
  const devStacks = COMPONENTS.map((c) => `dev-${c}`);
  const commands = shellCommands(section("Deploy, diff and destroy one environment"))
    .filter((c) => c.startsWith("npx cdktf "))
    .map((c) => words(c).slice(2));
  const command = (verb: string) => {
    const found = commands.find(([v]) => v === verb);
    if (!found) throw new Error(`the docs show no \`npx cdktf ${verb}\``);
    return found.slice(1);
  };
  const selected = (verb: string) => select(stacks, command(verb));
  const dependants = (stack: ManifestStack) =>
    stacks.filter((s) => s.dependencies.includes(stack.name)).map((s) => s.name);

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

  it("deploys in dependency order, the order of COMPONENTS", () => {
    expect(runOrder(selected("deploy"), (s) => s.dependencies)).toEqual(devStacks);
  });

  it("destroys in reverse: workloads first, network last", () => {
    expect(runOrder(selected("destroy"), dependants)).toEqual([...devStacks].reverse());
  });

  it("cannot deploy a stack without its upstream or destroy one under its downstream", () => {
    const only = (id: string) => stacks.filter((s) => s.name === id);
    expect(() => runOrder(only("dev-cluster"), (s) => s.dependencies)).toThrow(/dev-network/);
    expect(() => runOrder(only("dev-network"), dependants)).toThrow(/dev-cluster/);
  });

  it("diffs one existing stack", () => {
    const [stack, ...rest] = command("diff");
    expect(rest).toEqual([]);
    expect(select(stacks, [stack]).map((s) => s.name)).toEqual([stack]);
  });
});

describe("commands of the README and docs/", () => {
  const synth = synthesizedProject();
  const all = pages.flatMap((page) => shellCommands(page.text));

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

describe("docs: state bucket bootstrap", () => {
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
