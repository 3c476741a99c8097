// The cost section of the pull-request comment: each environment's monthly estimate at the base and
// head commits (`npm run cost -- --json` at both), the change, and the items that changed.
// Pure functions only: the workflow computes the estimates, scripts/pr-diff.ts appends this section.

import type { CostItemJson, CostJson } from "../modules/cost/report";
import { unitPrice, usd } from "../modules/cost/report";

const UNIT_SHORT: Record<CostItemJson["unit"], string> = {
  hour: "h",
  GB: "GB",
  "GB-month": "GB-month",
  "key-month": "key-month",
};

/** "+$86.14", "-$3.65", "$0.00". */
export function signedUsd(amount: number): string {
  const cents = Math.round(amount * 100);
  if (cents === 0) return "$0.00";
  return `${cents > 0 ? "+" : "-"}${usd(Math.abs(cents) / 100)}`;
}

/** "3 × $0.059/h = $129.21", or "3 × unknown price" when the region has no price. */
function describe(item: CostItemJson | undefined): string {
  if (!item) return "—";
  const quantity = Number(item.quantity.toFixed(2));
  if (item.unitUsd === null || item.monthlyUsd === null) return `${quantity} × unknown price`;
  return `${quantity} × ${unitPrice(item.unitUsd)}/${UNIT_SHORT[item.unit]} = ${usd(item.monthlyUsd)}`;
}

function same(a: CostItemJson, b: CostItemJson): boolean {
  return a.quantity === b.quantity && a.unitUsd === b.unitUsd && a.monthlyUsd === b.monthlyUsd && a.unit === b.unit;
}

/** Items whose quantity, price or amount differ, with items only on one side, in head order then base order. */
export function changedItems(
  base: readonly CostItemJson[],
  head: readonly CostItemJson[],
): { item: string; base?: CostItemJson; head?: CostItemJson }[] {
  const byName = (items: readonly CostItemJson[]) => new Map(items.map((i) => [i.item, i]));
  const before = byName(base);
  const after = byName(head);
  const names = [...after.keys(), ...[...before.keys()].filter((n) => !after.has(n))];
  return names
    .map((item) => ({ item, base: before.get(item), head: after.get(item) }))
    .filter((c) => !c.base || !c.head || !same(c.base, c.head));
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;");
}

/**
 * The markdown section: a table of every environment (base, head, change), then for each environment
 * that changed, the items that changed. `base` is undefined when the base commit has no estimate.
 */
export function renderCostSection(base: CostJson | undefined, head: CostJson): string {
  const environments = [...Object.keys(head), ...Object.keys(base ?? {}).filter((e) => !(e in head))];
  const lines = [
    "",
    "### Monthly cost estimate",
    "",
    "On-demand list prices at 730 hours a month (`npm run cost`), at the base commit and at this pull request's.",
  ];
  if (!base) lines.push("", "The base commit has no estimate (`npm run cost -- --json` did not run there).");
  lines.push("", "| Environment | Base | This pull request | Change |", "| --- | ---: | ---: | ---: |");
  const details: string[] = [];
  for (const env of environments) {
    const before = base?.[env];
    const after = head[env];
    const change = before && after ? signedUsd(after.monthlyUsd - before.monthlyUsd) : after ? "new" : "removed";
    lines.push(
      `| \`${env}\` | ${before ? usd(before.monthlyUsd) : "—"} | ${after ? usd(after.monthlyUsd) : "—"} | ${change} |`,
    );
    const changed = changedItems(before?.items ?? [], after?.items ?? []);
    if (!before || !after || changed.length === 0) continue;
    details.push(
      "",
      `Items that changed in \`${env}\`:`,
      "",
      "| Item | Base | This pull request | Change |",
      "| --- | --- | --- | ---: |",
      ...changed.map((c) => {
        const delta = (c.head?.monthlyUsd ?? 0) - (c.base?.monthlyUsd ?? 0);
        const unknown = c.head?.monthlyUsd === null || c.base?.monthlyUsd === null;
        return `| ${cell(c.item)} | ${describe(c.base)} | ${describe(c.head)} | ${unknown ? "unknown" : signedUsd(delta)} |`;
      }),
    );
  }
  return [...lines, ...details, ""].join("\n");
}
