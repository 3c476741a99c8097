/** One selector of a Fargate profile: a namespace pattern and optional labels. */
export interface FargateSelector {
  /** Namespace, or a pattern with `*` (any run of characters) and `?` (one character). */
  namespace: string;
  /** Labels a pod must carry, all of them, to be selected. */
  labels?: Record<string, string>;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\-]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`);
}

/** True when a Fargate namespace pattern matches the namespace. */
export function namespaceMatches(pattern: string, namespace: string): boolean {
  return globToRegExp(pattern).test(namespace);
}

/** True when the selector picks a pod in `namespace` with `labels`. */
export function selectorMatches(selector: FargateSelector, namespace: string, labels: Record<string, string>): boolean {
  if (!namespaceMatches(selector.namespace, namespace)) return false;
  return Object.entries(selector.labels ?? {}).every(([key, value]) => labels[key] === value);
}
