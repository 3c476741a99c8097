import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse, stringify } from "yaml";

// Helm values as the project writes them: checked against the chart's vendored values.yaml, so a
// misspelt key (which Helm ignores silently) fails synthesis, and rendered as YAML for helm_release.

/** A chart's default values, from its values.yaml. */
export type ChartValues = Record<string, unknown>;

const cache = new Map<string, ChartValues>();

/**
 * The parsed values.yaml of a vendored chart, e.g. "vendor/aws-load-balancer-controller/values.yaml",
 * relative to the project folder (cdktf and the tests run there).
 */
export function vendoredChartDefaults(valuesFile: string): ChartValues {
  if (!cache.has(valuesFile)) cache.set(valuesFile, parse(readFileSync(resolve(valuesFile), "utf8")) as ChartValues);
  return cache.get(valuesFile)!;
}

/**
 * Dotted paths of the keys in `values` that a chart's default values.yaml does not have. Nested maps
 * are walked where the default is a non-empty map; below a default of `{}` (serviceAccount.annotations,
 * podDisruptionBudget) any key is accepted, since the chart passes those maps through as they are.
 */
export function unknownChartKeys(values: ChartValues, defaults: ChartValues): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    if (!(key in defaults)) return [key];
    const fallback = defaults[key];
    if (isMap(value) && isMap(fallback) && Object.keys(fallback).length > 0) {
      return unknownChartKeys(value, fallback).map((path) => `${key}.${path}`);
    }
    return [];
  });
}

/**
 * The values as YAML for helm_release.values. Strings are double-quoted because Terraform fills in
 * tokens (cluster name, VPC id, role ARN) after rendering: a cluster named "1234" or "true" stays a
 * string. (None of those values can contain a quote or backslash.)
 */
export function renderChartValues(values: ChartValues): string {
  return stringify(values, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
}

function isMap(value: unknown): value is ChartValues {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
