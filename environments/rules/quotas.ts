// EKS service quotas the environment settings can reach, from "View and manage Amazon EKS and Fargate
// service quotas", https://docs.aws.amazon.com/eks/latest/userguide/service-quotas.html (defaults per
// region and account; the Service Quotas console shows what an account has been granted).

/** One EKS service quota. */
export interface EksQuota {
  /** The quota's name in the Service Quotas console. */
  name: string;
  /** Its code, for `aws service-quotas request-service-quota-increase`. */
  code: string;
  /** AWS's default value. */
  limit: number;
  /** Whether AWS raises it on request; a quota that cannot be raised is an error, one that can a warning. */
  adjustable: boolean;
}

/** Public endpoint access CIDR ranges per cluster: a hard limit. */
export const PUBLIC_ENDPOINT_CIDRS: EksQuota = {
  name: "Public endpoint access CIDR ranges per cluster",
  code: "L-93A74D60",
  limit: 40,
  adjustable: false,
};
/** Fargate profiles per cluster. */
export const FARGATE_PROFILES: EksQuota = {
  name: "Fargate profiles per cluster",
  code: "L-33415657",
  limit: 10,
  adjustable: true,
};
/** Selectors per Fargate profile. */
export const FARGATE_SELECTORS: EksQuota = {
  name: "Selectors per Fargate profile",
  code: "L-D78D8AF8",
  limit: 5,
  adjustable: true,
};
/** Label pairs per Fargate profile selector. */
export const FARGATE_SELECTOR_LABELS: EksQuota = {
  name: "Label pairs per Fargate profile selector",
  code: "L-23414FF3",
  limit: 5,
  adjustable: true,
};

/** The warning for a count over an adjustable quota: which quota, and how to raise it before deploying. */
export function quotaWarning(quota: EksQuota, count: number, field: string): string | undefined {
  if (count <= quota.limit) return undefined;
  return (
    `${field}: has ${count}, over EKS's default quota "${quota.name}" (${quota.limit}), so the deploy fails unless the ` +
    `account has been granted more. Check it with aws service-quotas get-service-quota --service-code eks --quota-code ${quota.code}; ` +
    `raise it with aws service-quotas request-service-quota-increase --service-code eks --quota-code ${quota.code} --desired-value ${count}`
  );
}

/** What the Fargate quota warnings look at: the profiles, their selectors and labels. */
export interface FargateProfileCounts {
  /** Selectors of one profile, each with its labels. */
  selectors: readonly { labels?: Record<string, string> }[];
}

/** Warnings for Fargate profiles, selectors and labels over EKS's default quotas (which AWS raises on request). */
export function fargateQuotaWarnings(profiles: readonly FargateProfileCounts[]): string[] {
  const field = "cluster.fargateProfiles";
  return [
    quotaWarning(FARGATE_PROFILES, profiles.length, field),
    ...profiles.flatMap((profile, i) => [
      quotaWarning(FARGATE_SELECTORS, profile.selectors.length, `${field}[${i}].selectors`),
      ...profile.selectors.map((selector, j) =>
        quotaWarning(
          FARGATE_SELECTOR_LABELS,
          Object.keys(selector.labels ?? {}).length,
          `${field}[${i}].selectors[${j}].labels`,
        ),
      ),
    ]),
  ].filter((w): w is string => w !== undefined);
}
/** Managed node groups per cluster. */
export const MANAGED_NODE_GROUPS: EksQuota = {
  name: "Managed node groups per cluster",
  code: "L-6D54EA21",
  limit: 30,
  adjustable: true,
};
/** Nodes per managed node group. */
export const NODES_PER_NODE_GROUP: EksQuota = {
  name: "Nodes per managed node group",
  code: "L-BD136A63",
  limit: 450,
  adjustable: true,
};
