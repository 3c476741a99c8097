// Builds the pull-request comment that holds each stack's `cdktf diff` for one environment.
// Pure functions only: the workflow captures the logs, scripts/pr-diff.ts reads them and posts nothing.
import { CONSEQUENCES } from "./plan-consequences";

/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** What the workflow captured for one stack. */
export type StackRun =
  /** `cdktf diff <stack>` ran: everything it printed (stdout and stderr) and its exit status. */
  | { stack: string; log: string; exitCode: number }
  /** The environment has no such stack (e.g. samples turned off), so nothing ran. */
  | { stack: string; notSynthesized: true };

/** How a stack's plan went. */
export type PlanStatus = "changes" | "no changes" | "upstream not deployed" | "failed" | "not synthesized";

/** A resource the plan replaces or destroys (or updates, where that replaces something outside Terraform), and what that breaks. */
export interface Breakage {
  /** Terraform address, e.g. aws_eks_fargate_profile.kube_system. */
  address: string;
  /** What the plan does to it. */
  action: "replaced" | "destroyed" | "updated";
  /** What that breaks, in one plain sentence (scripts/plan-consequences.ts). */
  consequence: string;
}

/** One stack's plan, reduced to what the comment shows. */
export interface StackPlan {
  /** Stack id. */
  stack: string;
  /** How the plan went. */
  status: PlanStatus;
  /** One line for the summary table: Terraform's "Plan: ..." line, or why there is none. */
  summary: string;
  /** The plan itself (resource changes and the summary), or the error; empty when nothing ran. */
  body: string;
  /** Replacements and deletions whose consequence is not obvious from the plan. */
  breakages: Breakage[];
}

/** Settings of the comment. */
export interface CommentOptions {
  /** Environment the stacks belong to; one comment per environment. */
  environment: string;
  /** Each stack of the environment in dependency order. */
  runs: StackRun[];
  /** Commit that was planned. */
  commit?: string;
  /** Link to the workflow run, which keeps the full logs. */
  runUrl?: string;
  /** Maximum length of the comment (UTF-16 code units, never fewer than GitHub's characters). */
  limit?: number;
}

const ICONS: Record<PlanStatus, string> = {
  changes: "📝",
  "no changes": "✅",
  "upstream not deployed": "⏳",
  failed: "❌",
  "not synthesized": "➖",
};

// Terraform's own words that start the part of its output a reviewer needs.
const PLAN_START = /^(Terraform used the selected providers|No changes\.|Changes to Outputs:|Planning failed|Error: )/;
const PLAN_LINE = /^Plan: (\d+ to import, )?\d+ to add, \d+ to change, (\d+) to destroy\.$/m;

/** The hidden first line that identifies an environment's comment, so new pushes update it in place. */
export function commentMarker(environment: string): string {
  return `<!-- cdktf-pr-diff environment=${environment} -->`;
}

/**
 * The lines `cdktf diff` printed for one stack, without its "<stack>  " prefix and indentation,
 * colours, spinner frames, npm warnings and the duplicate of an error cdktf logs on its own.
 */
export function stackOutput(log: string, stack: string): string {
  const prefix = `${stack}  `;
  const indent = " ".repeat(prefix.length);
  const lines: string[] = [];
  let inStack = false;
  // eslint-disable-next-line no-control-regex
  for (const raw of log.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "").split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, "");
    if (line.startsWith(prefix)) {
      inStack = true;
      const text = line.slice(prefix.length);
      // cdktf trims the first line of each chunk it prints: give a resource header back Terraform's layout.
      if (/^# \S+ .*(will be|must be) /.test(text)) {
        if (lines.length > 0 && lines[lines.length - 1] !== "") lines.push("");
        lines.push(`  ${text}`);
      } else {
        lines.push(text);
      }
    } else if (inStack && (line === "" || line.startsWith(indent))) {
      lines.push(line.slice(indent.length));
    } else {
      inStack = false;
    }
  }
  return lines.join("\n").replace(/\n+$/, "");
}

/** The reviewer's part of a stack's output: from the plan (or error) to the summary, without apply hints. */
function planBody(output: string): string {
  const lines = output.split("\n");
  const start = lines.findIndex((l) => PLAN_START.test(l));
  let body = start < 0 ? lines : lines.slice(start);
  const saved = body.findIndex((l) => l.startsWith("Saved the plan to:"));
  if (saved >= 0) body = body.slice(0, saved);
  while (body.length > 0 && /^(─*|\s*)$/.test(body[body.length - 1])) body.pop();
  return body.join("\n");
}

// A resource's header in a plan, after cdktf's construct path if any: "# aws_vpc.vpc (vpc/vpc) must be replaced".
const RESOURCE_HEADER = /^\s*# ([\w.[\]"-]+)(?: \([^)]*\))* (will be|must be|is tainted, so must be) (\w+)/;

/**
 * The resources a plan replaces or destroys whose consequence is not obvious, each with what it
 * breaks: the first row of CONSEQUENCES for its type whose pattern matches its part of the plan.
 * Heaviest consequences first, in the table's order.
 */
export function breakages(body: string): Breakage[] {
  const lines = body.split("\n");
  const found: { rank: number; breakage: Breakage }[] = [];
  lines.forEach((line, i) => {
    const header = RESOURCE_HEADER.exec(line);
    if (!header || !["replaced", "destroyed", "updated"].includes(header[3])) return;
    const address = header[1];
    const end = lines.findIndex((l, j) => j > i && (RESOURCE_HEADER.test(l) || PLAN_LINE.test(l)));
    const block = lines.slice(i, end < 0 ? undefined : end).join("\n");
    const type = address.split(".")[0];
    const rank = CONSEQUENCES.findIndex(
      (c) => c.type === type && (!c.when || c.when.test(block)) && (header[3] !== "updated" || c.onUpdate),
    );
    if (rank < 0) return;
    const { text } = CONSEQUENCES[rank];
    const consequence = typeof text === "string" ? text : text(block);
    found.push({ rank, breakage: { address, action: header[3] as Breakage["action"], consequence } });
  });
  // The table lists the heaviest consequences first: so does the comment.
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.breakage);
}

/** Reads one stack's result from what `cdktf diff` printed. */
export function readPlan(run: StackRun): StackPlan {
  const { stack } = run;
  if ("notSynthesized" in run) {
    return { stack, status: "not synthesized", summary: "not part of this environment", body: "", breakages: [] };
  }
  const output = stackOutput(run.log, stack);
  const body = planBody(output || run.log.trim());
  if (run.exitCode !== 0) {
    const errors = [...body.matchAll(/^Error: (.+)$/gm)].map((m) => m[1]);
    const other = errors.find((e) => e !== "Unable to find remote state");
    if (errors.length > 0 && !other) {
      return {
        stack,
        status: "upstream not deployed",
        summary: "an upstream stack has no state yet: deploy it, then this stack can be planned",
        body,
        breakages: [],
      };
    }
    const summary = other ?? `cdktf diff exited with status ${run.exitCode}`;
    return { stack, status: "failed", summary, body, breakages: [] };
  }
  const plan = PLAN_LINE.exec(output)?.[0];
  if (plan) return { stack, status: "changes", summary: plan, body, breakages: breakages(body) };
  if (/^No changes\./m.test(output)) {
    return { stack, status: "no changes", summary: "No changes.", body, breakages: [] };
  }
  if (/^Changes to Outputs:/m.test(output)) {
    return { stack, status: "changes", summary: "Only output values change.", body, breakages: [] };
  }
  return { stack, status: "failed", summary: "cdktf diff printed no plan summary", body, breakages: [] };
}

/** Whether a plan destroys something (a replacement counts): worth a warning in the table. */
function destroys(plan: StackPlan): boolean {
  return Number(PLAN_LINE.exec(plan.summary)?.[2] ?? 0) > 0;
}

/**
 * The comment's list of what the replacements and deletions break, under the table: one item per stack,
 * action and consequence, listing its resources.
 */
function breakageSection(plans: StackPlan[]): string[] {
  const items = new Map<string, string[]>();
  for (const p of plans) {
    for (const b of p.breakages) {
      const key = JSON.stringify([p.stack, b.action, b.consequence]);
      items.set(key, [...(items.get(key) ?? []), `\`${b.address}\``]);
    }
  }
  const lines = [...items].map(([key, addresses]) => {
    const [stack, action, consequence] = JSON.parse(key) as string[];
    const names = addresses.length > 1 ? `${addresses.slice(0, -1).join(", ")} and ${addresses.at(-1)}` : addresses[0];
    return `- \`${stack}\`: ${names} ${addresses.length > 1 ? "are" : "is"} ${action}. ${oneLine(consequence)}`;
  });
  return lines.length ? ["", "**⚠️ What the replacements and deletions break**", "", ...lines] : [];
}

function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function oneLine(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;");
}

/**
 * Cuts a plan to at most `max` characters on line boundaries, keeping its head and Terraform's
 * summary line, and says what was cut where it was cut.
 */
export function truncatePlan(body: string, max: number, summary: string, stack: string): string {
  if (body.length <= max) return body;
  const lines = body.split("\n");
  const tail = lines.includes(summary) ? `\n${summary}` : "";
  const note = (cut: string[]) =>
    `\n… ${cut.length} more lines (${cut.join("\n").length} characters) cut to fit GitHub's comment limit; ` +
    `the workflow log has the full plan, or run \`npx cdktf diff ${stack}\`.`;
  const reserve = note(lines).length + tail.length;
  let kept = 0;
  let length = 0;
  while (kept < lines.length && length + lines[kept].length + 1 + reserve <= max) {
    length += lines[kept].length + 1;
    kept++;
  }
  const cut = lines.slice(kept).filter((l) => !tail || l !== summary);
  return `${lines.slice(0, kept).join("\n")}${note(cut)}${tail}`;
}

/** Shares `budget` characters among plans: short ones whole, the rest an equal share each. */
function shareBudget(sizes: number[], budget: number): number[] {
  const shares = sizes.map(() => 0);
  let left = Math.max(0, budget);
  const order = sizes.map((size, i) => ({ size, i })).sort((a, b) => a.size - b.size);
  order.forEach(({ size, i }, k) => {
    shares[i] = Math.min(size, Math.floor(left / (order.length - k)));
    left -= shares[i];
  });
  return shares;
}

function render(options: CommentOptions, plans: StackPlan[], bodies: string[]): string {
  // Fences come from the whole plans, so cutting a plan never changes the comment's frame.
  const { environment, commit, runUrl } = options;
  const about = [commit && `Commit ${commit}`, runUrl && `[workflow run and full logs](${runUrl})`].filter(Boolean);
  const header = [
    commentMarker(environment),
    `### \`cdktf diff\` of environment \`${environment}\``,
    "",
    ...(about.length ? [about.join(" · "), ""] : []),
    "Stacks in dependency order; each is planned against what is deployed upstream.",
    "",
    "| Stack | Plan |",
    "| --- | --- |",
    ...plans.map((p) => {
      const icon = destroys(p) ? "⚠️" : ICONS[p.status];
      return `| \`${p.stack}\` | ${icon} ${oneLine(p.summary)} |`;
    }),
    ...breakageSection(plans),
  ];
  const sections = plans.flatMap((p, i) => {
    if (!p.body) return [];
    const f = fence(p.body);
    return [
      "",
      `<details><summary><code>${p.stack}</code>: ${oneLine(p.summary)}</summary>`,
      "",
      `${f}text`,
      bodies[i],
      f,
      "",
      "</details>",
    ];
  });
  return [...header, ...sections, ""].join("\n");
}

/** The whole comment, with each stack's plan cut as needed so the comment fits the limit. */
export function renderComment(options: CommentOptions): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const plans = options.runs.map(readPlan);
  const full = render(
    options,
    plans,
    plans.map((p) => p.body),
  );
  if (full.length <= limit) return full;
  // Lay out the comment with empty plans to learn how many characters the plans may share.
  const frame = render(
    options,
    plans,
    plans.map(() => ""),
  );
  const shares = shareBudget(
    plans.map((p) => p.body.length),
    limit - frame.length,
  );
  const comment = render(
    options,
    plans,
    plans.map((p, i) => truncatePlan(p.body, shares[i], p.summary, p.stack)),
  );
  if (comment.length > limit) throw new Error(`comment of ${comment.length} characters exceeds ${limit}`);
  return comment;
}
