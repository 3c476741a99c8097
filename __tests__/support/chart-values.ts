/**
 * Dotted paths of the keys in `values` that a chart's default values.yaml does not have. Nested maps
 * are walked where the default is a non-empty map; below a default of `{}` (serviceAccount.annotations,
 * podDisruptionBudget) any key is accepted, since the chart passes those maps through as they are.
 */
export function unknownChartKeys(values: Record<string, unknown>, defaults: Record<string, unknown>): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    if (!(key in defaults)) return [key];
    const fallback = defaults[key];
    if (isMap(value) && isMap(fallback) && Object.keys(fallback).length > 0) {
      return unknownChartKeys(value, fallback).map((path) => `${key}.${path}`);
    }
    return [];
  });
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
