import type { CostEstimate, CostItem, CostUnit } from "./estimate";

/** One item as `npm run cost -- --json` prints it. */
export interface CostItemJson {
  /** What is billed. */
  item: string;
  /** How many. */
  quantity: number;
  /** Billing unit; "hour" means monthly = quantity × unitUsd × hours a month. */
  unit: CostUnit;
  /** Price per unit in USD, or null when unknown. */
  unitUsd: number | null;
  /** Monthly amount in USD, or null when unknown. */
  monthlyUsd: number | null;
  /** The pricing page and the day it was read, or why the price is unknown. */
  source: string;
}

/** The JSON form of the estimates, keyed by environment name; maxMonthlyUsd only where pods can scale out. */
export type CostJson = Record<string, { monthlyUsd: number; maxMonthlyUsd?: number; items: CostItemJson[] }>;

/** The estimates as `npm run cost -- --json` prints them: `{ "<env>": { monthlyUsd, maxMonthlyUsd?, items } }`. */
export function costJson(estimates: readonly CostEstimate[]): CostJson {
  return Object.fromEntries(
    estimates.map((e) => [
      e.environment,
      {
        monthlyUsd: e.monthlyUsd,
        ...(e.maxMonthlyUsd === undefined ? {} : { maxMonthlyUsd: e.maxMonthlyUsd }),
        items: e.items.map(({ item, quantity, unit, unitUsd, monthlyUsd, source }) => ({
          item,
          quantity,
          unit,
          unitUsd,
          monthlyUsd,
          source,
        })),
      },
    ]),
  );
}

/** "$1,234.50". (Not toLocaleString: loading Intl would cost synthesis milliseconds.) */
export function usd(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split(".");
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ",")}.${cents}`;
}

/** A unit price as the table prints it: at least two decimals, every digit of the price kept. */
export function unitPrice(amount: number): string {
  const [whole, decimals = ""] = String(amount).split(".");
  return `$${whole}.${decimals.padEnd(2, "0")}`;
}

/** "1 gateway", "3 gateways", "0.5 vCPU", "29.59 GB-month". */
export function quantityLabel(item: Pick<CostItem, "quantity" | "counts">): string {
  const { quantity, counts } = item;
  const countable = /^[a-z ]+$/.test(counts) && quantity !== 1;
  const noun = !countable ? counts : counts.endsWith("s") ? `${counts}es` : `${counts}s`;
  return `${Number(quantity.toFixed(2))} ${noun}`;
}

/**
 * The total as a sentence's start: "$282.22", "at least $282.22" when some prices are unknown, or a range
 * "$282.22 to $323.66" when pods can scale out.
 */
function total(estimate: CostEstimate): string {
  const { monthlyUsd, maxMonthlyUsd, unknown } = estimate;
  const amount = maxMonthlyUsd === undefined ? usd(monthlyUsd) : `${usd(monthlyUsd)} to ${usd(maxMonthlyUsd)}`;
  return unknown.length > 0 ? `at least ${amount}` : amount;
}

/** Why the total is a range, for the table's notes; empty when it is not. */
function rangeNote(estimate: CostEstimate): string[] {
  if (estimate.maxMonthlyUsd === undefined) return [];
  return [
    `The range is the samples' HorizontalPodAutoscalers at minReplicas (${usd(estimate.monthlyUsd)}, what always runs) ` +
      `and at maxReplicas (${usd(estimate.maxMonthlyUsd)}); what a month costs depends on load (workloads.autoscaling).`,
  ];
}

/** The line synthesis prints for an environment. */
export function costSummaryLine(estimate: CostEstimate): string {
  const { environment, region, unknown } = estimate;
  const missing = unknown.length > 0 ? `; ${unknown.length} items have no price for ${region}` : "";
  return (
    `Monthly cost of "${environment}": ${total(estimate)} at on-demand list prices in ${region}${missing} ` +
    `(npm run cost lists the items and assumptions)`
  );
}

/** `npm run cost`'s text for one environment: a table of the items, the total, then notes and assumptions. */
export function costTable(estimate: CostEstimate): string {
  const rows = [
    ["Item", "Quantity", "Unit", "Unit price", "Monthly"],
    ...estimate.items.map((i) => [
      i.item,
      quantityLabel(i),
      i.unit,
      i.unitUsd === null ? "unknown" : unitPrice(i.unitUsd),
      i.monthlyUsd === null ? "unknown" : usd(i.monthlyUsd),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c >= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  const width = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  const totalLine = `Total ${total(estimate)}`;
  const list = (title: string, entries: string[]) =>
    entries.length === 0 ? [] : ["", `${title}:`, ...entries.map((e) => `  - ${e}`)];
  return [
    `Environment "${estimate.environment}" (${estimate.region}): ${total(estimate)} a month`,
    "",
    ...rows.map(line),
    " ".repeat(Math.max(0, width - totalLine.length)) + totalLine,
    ...list(
      `No price for ${estimate.region} in vendor/aws-prices/prices.json, so left out of the total`,
      estimate.unknown,
    ),
    ...list("Notes", [...rangeNote(estimate), ...estimate.notes]),
    ...list("Assumptions", estimate.assumptions),
  ].join("\n");
}
