// npm run drift -- <env> <dir>: the drift check's helper. Reads what `cdktf diff` printed for each stack
// of the environment (<dir>/<stack>.log and .exit, as the pull-request workflow captures them), writes
// the issue body to <dir>/issue.md and prints the outcome for the workflow: "drift" (a plan is not
// empty: open or update the environment's issue), "clean" (close it) or "failed" (a stack could not be
// planned: leave the issue alone and fail the run). Reads cdktf.out/manifest.json (or $CDKTF_OUTDIR).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readPlan, renderComment, type StackPlan, type StackRun } from "./pr-comment";
import { readRuns } from "./pr-diff";
import { runCli } from "./run-cli";

/** What the drift check found in an environment. */
export type DriftState = "drift" | "clean" | "failed";

/** Drift when any stack's plan is not empty; failed when a stack could not be planned at all. */
export function driftState(plans: readonly StackPlan[]): DriftState {
  if (plans.some((p) => p.status === "failed")) return "failed";
  if (plans.some((p) => p.status === "changes" || p.status === "upstream not deployed")) return "drift";
  return "clean";
}

/** The title of an environment's drift issue: the workflow finds the open issue by it. */
export function driftIssueTitle(environment: string): string {
  return `Drift in environment ${environment}`;
}

/** The drift issue's body: what the check is and how to resolve it, then every stack's plan. */
export function driftIssueBody(environment: string, runs: StackRun[], commit?: string, runUrl?: string): string {
  const intro = [
    `The scheduled drift check planned every stack of \`${environment}\` against what is deployed, and at least`,
    "one plan is not empty: AWS no longer matches the main branch. Either deploy main to put AWS back",
    `(run the Deploy workflow for \`${environment}\`), or change the code to match what was changed by hand.`,
    "The check updates this issue each day and closes it when every plan is empty.",
    "",
  ].join("\n");
  const comment = renderComment({ environment, runs, commit, runUrl, limit: 65_536 - intro.length - 1 });
  // After the comment's first line, its hidden marker.
  const newline = comment.indexOf("\n");
  return `${comment.slice(0, newline + 1)}${intro}\n${comment.slice(newline + 1)}`;
}

function main(args: string[]): number {
  const [environment, dir] = args;
  if (!environment || !dir || args.length !== 2) {
    console.error("usage: npm run drift -- <env> <dir>");
    return 2;
  }
  const runs = readRuns(join(process.env.CDKTF_OUTDIR ?? "cdktf.out", "manifest.json"), environment, dir);
  const { GITHUB_SHA: commit, RUN_URL: runUrl } = process.env;
  writeFileSync(join(dir, "issue.md"), driftIssueBody(environment, runs, commit, runUrl));
  const plans = runs.map(readPlan);
  plans.filter((p) => p.status === "failed").forEach((p) => console.error(`${p.stack} failed to plan: ${p.summary}`));
  console.log(driftState(plans));
  return 0;
}

runCli(module, main);
