import type { NodePoolSettings } from "../compute";
import { shown } from "./show";

// What Karpenter (and EKS Auto Mode, which runs Karpenter) would refuse in a list of node pools, checked
// at load. Sources:
// - budgets: the NodePool CRD, aws/karpenter-provider-aws pkg/apis/crds/karpenter.sh_nodepools.yaml
//   (spec.disruption.budgets: `nodes` pattern ^((100|[0-9]{1,2})%|[0-9]+)$, `duration` pattern
//   ^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$, rule "'schedule' must be set with 'duration'"); a schedule
//   the CRD's loose pattern lets through but cron cannot parse is only found when Karpenter evaluates
//   it (kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go, Budget.IsActive: cron.ParseStandard in UTC,
//   "invariant violated, invalid cron"), so the cron syntax is checked here as robfig/cron reads it;
// - names: a NodePool's name is an object name (DNS subdomain, Kubernetes docs "Object Names and IDs")
//   and the value of the `karpenter.sh/nodepool` label on its nodes (at most 63 characters);
// - instance categories: the values of `karpenter.k8s.aws/instance-category` across the instance types
//   Karpenter lists, aws/karpenter-provider-aws website/content/en/docs/reference/instance-types.md
//   (commit 1d927085dd81a9df9301e613f371dac5b4d16bfe). A category nothing has makes a pool that never
//   launches a node, without an error anywhere.

/** Instance categories some EC2 instance type has, as Karpenter labels them (source above). */
export const INSTANCE_CATEGORIES: readonly string[] = [
  ...["a", "c", "d", "dl", "f", "g", "gr", "h", "hpc", "i", "im", "inf", "is", "m", "p", "r", "t", "trn", "u", "vt"],
  ...["x", "z"],
];

/** One problem of a node pool list: the path below the list (pool index first) and what is wrong. */
export interface NodePoolProblem {
  /** Where, relative to the list, e.g. [0, "disruptionBudgets", 1, "schedule"]. */
  path: (string | number)[];
  /** What is wrong and how to fix it. */
  message: string;
}

const NODES = /^((100|[0-9]{1,2})%|[0-9]+)$/;
const DURATION = /^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE_LIMIT = 63;

// robfig/cron's standard parser: the descriptors, or five fields (minute, hour, day of month, month,
// day of week) of comma-separated `*`/`?`/value/range, each with an optional /step; months and days
// of the week also by three-letter name.
const DESCRIPTORS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FIELDS = [
  { name: "minute", min: 0, max: 59, names: [] as string[], offset: 0 },
  { name: "hour", min: 0, max: 23, names: [], offset: 0 },
  { name: "day of month", min: 1, max: 31, names: [], offset: 0 },
  { name: "month", min: 1, max: 12, names: MONTHS, offset: 1 },
  { name: "day of week", min: 0, max: 6, names: DAYS, offset: 0 },
];

function cronValue(text: string, field: (typeof FIELDS)[number]): number | undefined {
  const named = field.names.indexOf(text.toLowerCase());
  if (named >= 0) return named + field.offset;
  return /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** Why robfig/cron's standard parser would reject this schedule, or undefined when it accepts it. */
export function cronProblem(schedule: string): string | undefined {
  if (schedule.startsWith("@")) {
    return DESCRIPTORS.includes(schedule) ? undefined : `is not one of ${DESCRIPTORS.join(", ")}`;
  }
  const parts = schedule.trim().split(/\s+/);
  if (parts.length !== 5) {
    return `has ${parts.length} field${parts.length === 1 ? "" : "s"}; a cron schedule has 5 (minute hour day-of-month month day-of-week), e.g. "0 9 * * mon-fri"`;
  }
  for (const [i, part] of parts.entries()) {
    const field = FIELDS[i];
    for (const item of part.split(",")) {
      const [range, step, ...extra] = item.split("/");
      const bad = `has ${shown(item)} as its ${field.name}, which must be *, a value from ${field.min} to ${field.max}${field.names.length > 0 ? ` (or a name such as ${shown(field.names[0])})` : ""}, a range a-b, or either with /step`;
      if (extra.length > 0 || (step !== undefined && !/^[1-9][0-9]*$/.test(step))) return bad;
      if (range === "*" || range === "?") continue;
      const [from, to, ...more] = range.split("-");
      const start = cronValue(from, field);
      const end = to === undefined ? start : cronValue(to, field);
      if (more.length > 0 || start === undefined || end === undefined) return bad;
      if (start < field.min || end > field.max || start > end) return bad;
    }
  }
  return undefined;
}

/** Every reason Karpenter or Kubernetes would refuse these node pools; [] when they are fine. */
export function nodePoolProblems(pools: readonly NodePoolSettings[]): NodePoolProblem[] {
  const problems: NodePoolProblem[] = [];
  const seen = new Map<string, number>();
  pools.forEach((pool, i) => {
    if (!DNS_SUBDOMAIN.test(pool.name) || pool.name.length > LABEL_VALUE_LIMIT) {
      problems.push({
        path: [i, "name"],
        message: `${shown(pool.name)} is not a name Kubernetes accepts for a NodePool and its nodes' karpenter.sh/nodepool label: use up to ${LABEL_VALUE_LIMIT} lowercase letters, digits, '-' or '.', starting and ending with a letter or digit`,
      });
    }
    const first = seen.get(pool.name);
    if (first === undefined) seen.set(pool.name, i);
    else {
      problems.push({
        path: [i, "name"],
        message: `${shown(pool.name)} is already the name of the pool at [${first}]; NodePool names are unique in a cluster, so give each pool its own`,
      });
    }
    pool.instanceCategories.forEach((category, j) => {
      if (!INSTANCE_CATEGORIES.includes(category)) {
        problems.push({
          path: [i, "instanceCategories", j],
          message: `${shown(category)} is no EC2 instance category, so the pool would never launch a node; use categories such as "c", "m", "r" or "t" (known: ${INSTANCE_CATEGORIES.join(", ")})`,
        });
      }
    });
    (pool.disruptionBudgets ?? []).forEach((budget, j) => {
      const at = (field: string) => [i, "disruptionBudgets", j, field];
      if (!NODES.test(budget.nodes)) {
        problems.push({
          path: at("nodes"),
          message: `${shown(budget.nodes)} is neither a node count ("0", "2") nor a percentage from "0%" to "100%"`,
        });
      }
      if (budget.schedule !== undefined) {
        const cron = cronProblem(budget.schedule);
        if (cron) problems.push({ path: at("schedule"), message: `${shown(budget.schedule)} ${cron}` });
        if (budget.duration === undefined) {
          problems.push({
            path: at("duration"),
            message:
              'is missing: a budget with a schedule needs a duration, how long it applies from each scheduled time (e.g. "8h")',
          });
        }
      } else if (budget.duration !== undefined) {
        problems.push({
          path: at("schedule"),
          message:
            'is missing: a budget with a duration needs a schedule, when it starts (a cron expression in UTC, e.g. "0 9 * * mon-fri"); or remove the duration for a budget that always applies',
        });
      }
      if (budget.duration !== undefined && !DURATION.test(budget.duration)) {
        problems.push({
          path: at("duration"),
          message: `${shown(budget.duration)} is not a duration Karpenter accepts: whole hours and/or minutes, e.g. "8h", "30m" or "1h30m"`,
        });
      }
    });
  });
  return problems;
}
