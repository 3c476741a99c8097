/** One selector of a Fargate profile: a namespace pattern and optional labels. */
export interface FargateSelector {
  /** Namespace, or a pattern with `*` (any run of characters) and `?` (one character). */
  namespace: string;
  /** Labels a pod must carry, all of them, to be selected. */
  labels?: Record<string, string>;
}

/**
 * True when a Fargate namespace pattern matches the namespace. Wildcard matching without a regular
 * expression (a pattern like "*?*?*?...x" would make one backtrack for hours): on a mismatch, the last
 * `*` takes one more character, so the work is at most pattern length times namespace length.
 */
export function namespaceMatches(pattern: string, namespace: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let starAt = 0;
  while (n < namespace.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === namespace[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      starAt = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++starAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

/** True when the selector picks a pod in `namespace` with `labels`. */
export function selectorMatches(selector: FargateSelector, namespace: string, labels: Record<string, string>): boolean {
  if (!namespaceMatches(selector.namespace, namespace)) return false;
  return Object.entries(selector.labels ?? {}).every(([key, value]) => labels[key] === value);
}

/** A Fargate profile as placement needs it: its name and selectors. */
export interface FargateProfileSelection {
  /** Profile name. */
  name: string;
  /** Pods matching any selector run on Fargate with this profile. */
  selectors: FargateSelector[];
}

/** Pod label that pins the profile when several select a pod. */
export const PROFILE_LABEL = "eks.amazonaws.com/fargate-profile";

/** The profile Fargate schedules a pod with: the pinned one, else the first by name among those that select it. */
export function schedulingProfile(
  profiles: readonly FargateProfileSelection[],
  namespace: string,
  labels: Record<string, string>,
): FargateProfileSelection | undefined {
  const pinned = labels[PROFILE_LABEL];
  return [...profiles]
    .filter((p) => pinned === undefined || p.name === pinned)
    .filter((p) => p.selectors.some((s) => selectorMatches(s, namespace, labels)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}
