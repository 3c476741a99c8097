// Kubernetes label syntax (Kubernetes docs, "Labels and Selectors": syntax and character set),
// checked before EKS or the API server rejects a label at deploy time.

// A label name or value: alphanumerics, '-', '_' and '.', starting and ending with an alphanumeric.
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const NAME_LIMIT = 63;
// The optional key prefix is a DNS subdomain: lowercase labels joined by dots.
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const PREFIX_LIMIT = 253;

function isName(text: string): boolean {
  return text.length <= NAME_LIMIT && NAME.test(text);
}

/** True for a valid label key: `name` or `prefix/name`, e.g. "app" or "app.kubernetes.io/name". */
export function isLabelKey(key: string): boolean {
  const parts = key.split("/");
  if (parts.length > 2) return false;
  const name = parts.at(-1)!;
  const prefix = parts.length === 2 ? parts[0] : undefined;
  return isName(name) && (prefix === undefined || (prefix.length <= PREFIX_LIMIT && DNS_SUBDOMAIN.test(prefix)));
}

/** True for a label value a selector can match: 1-63 characters of the name syntax (EKS rejects empty ones). */
export function isLabelValue(value: string): boolean {
  return isName(value);
}
