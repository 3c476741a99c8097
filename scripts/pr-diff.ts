// The pull-request workflow's helper (npm run pr-diff -- <command>):
//   stacks <env>          prints the environment's synthesized stack ids in dependency order
//   comment <env> <dir>   reads <dir>/<stack>.log and <dir>/<stack>.exit, writes <dir>/comment.md,
//                         and exits 1 when a stack failed to plan (not when its upstream is undeployed);
//                         with <dir>/cost-head.json (and cost-base.json), the comment ends with the cost section
// Reads cdktf.out/manifest.json (or $CDKTF_OUTDIR), so run it after `cdktf synth`.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { COMPONENTS, stackId } from "../stacks/contract";
import { renderCostSection } from "./cost-comment";
import { GITHUB_COMMENT_LIMIT, readPlan, renderComment, type StackRun } from "./pr-comment";
import { runCli } from "./run-cli";

/** Stack ids of one environment found in a cdktf manifest, in dependency order. */
export function environmentStacks(manifestFile: string, environment: string): string[] {
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} not found: run \`npm run synth\` first.`);
  const stacks: Record<string, unknown> = JSON.parse(readFileSync(manifestFile, "utf8")).stacks;
  const ids = COMPONENTS.map((c) => stackId(environment, c)).filter((id) => id in stacks);
  if (ids.length === 0) {
    throw new Error(`No stacks of environment "${environment}" in ${manifestFile}: ${Object.keys(stacks).join(", ")}`);
  }
  return ids;
}

/** What the workflow captured for each of the environment's five components. */
export function readRuns(manifestFile: string, environment: string, dir: string): StackRun[] {
  const synthesized = environmentStacks(manifestFile, environment);
  return COMPONENTS.map((c) => stackId(environment, c)).map((stack) => {
    if (!synthesized.includes(stack)) return { stack, notSynthesized: true };
    const log = join(dir, `${stack}.log`);
    const exit = join(dir, `${stack}.exit`);
    if (!existsSync(log) || !existsSync(exit)) {
      return { stack, log: `Error: the workflow did not run cdktf diff ${stack}`, exitCode: 1 };
    }
    return { stack, log: readFileSync(log, "utf8"), exitCode: Number(readFileSync(exit, "utf8").trim()) };
  });
}

/** The cost section from the estimates the workflow saved in `dir`, or "" when there is none for the head. */
export function readCostSection(dir: string): string {
  const read = (name: string) => {
    const file = join(dir, name);
    const text = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
    return text ? JSON.parse(text) : undefined;
  };
  const head = read("cost-head.json");
  return head ? renderCostSection(read("cost-base.json"), head) : "";
}

function main(args: string[]): number {
  const manifest = join(process.env.CDKTF_OUTDIR ?? "cdktf.out", "manifest.json");
  const [command, environment, dir] = args;
  if (command === "stacks" && environment) {
    console.log(environmentStacks(manifest, environment).join("\n"));
    return 0;
  }
  if (command === "comment" && environment && dir) {
    const runs = readRuns(manifest, environment, dir);
    const { PR_HEAD_SHA: commit, RUN_URL: runUrl } = process.env;
    const cost = readCostSection(dir);
    const plans = renderComment({ environment, runs, commit, runUrl, limit: GITHUB_COMMENT_LIMIT - cost.length });
    writeFileSync(join(dir, "comment.md"), plans + cost);
    const failed = runs.map(readPlan).filter((p) => p.status === "failed");
    failed.forEach((p) => console.error(`${p.stack} failed to plan: ${p.summary}`));
    return failed.length > 0 ? 1 : 0;
  }
  console.error("usage: npm run pr-diff -- stacks <env> | comment <env> <dir>");
  return 2;
}

runCli(module, main);
