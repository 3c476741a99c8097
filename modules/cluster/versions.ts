/** One Kubernetes minor version in the Amazon EKS release calendar. */
export interface EksVersion {
  /** Kubernetes minor version, e.g. "1.35". */
  version: string;
  /** Last day of standard support (ISO date). */
  endOfStandardSupport: string;
  /** Last day of extended support (ISO date); after it EKS upgrades the control plane itself. */
  endOfExtendedSupport: string;
}

// Source: EKS user guide, "Kubernetes versions" (kubernetes-versions.html), and endoflife.date for 1.35.
// Standard support lasts 14 months, extended support 12 more months at six times the hourly price.
// 1.36: the EKS user guide lists it as available ("Review release notes for Kubernetes versions on
// standard support", https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions-standard.html),
// but no copy of its release calendar we could read offline has the 1.36 row yet. The dates come from
// https://devopsdreams.blogspot.com/2026/08/kubernetes-136-on-amazon-eks-upgrade.html (EKS release
// 2026-06-02, standard support to 2027-08-02, which is EKS's 14 months), and extended support is the
// calendar's 12 months more. Check them with `aws eks describe-cluster-versions --cluster-versions 1.36`.
// Add a row when EKS publishes a new version; until then a newer version synthesizes with a warning
// when the environment sets all three add-on versions.
export const EKS_VERSIONS: readonly EksVersion[] = [
  { version: "1.36", endOfStandardSupport: "2027-08-02", endOfExtendedSupport: "2028-08-02" },
  { version: "1.35", endOfStandardSupport: "2027-03-27", endOfExtendedSupport: "2028-03-27" },
  { version: "1.34", endOfStandardSupport: "2026-12-02", endOfExtendedSupport: "2027-12-02" },
  { version: "1.33", endOfStandardSupport: "2026-07-29", endOfExtendedSupport: "2027-07-29" },
  { version: "1.32", endOfStandardSupport: "2026-03-23", endOfExtendedSupport: "2027-03-23" },
  { version: "1.31", endOfStandardSupport: "2025-11-26", endOfExtendedSupport: "2026-11-26" },
  { version: "1.30", endOfStandardSupport: "2025-07-23", endOfExtendedSupport: "2026-07-23" },
  { version: "1.29", endOfStandardSupport: "2025-03-23", endOfExtendedSupport: "2026-03-23" },
];

/**
 * Where a version stands on a given day: in the calendar ("standard", "extended", "ended"), a Kubernetes
 * minor version newer than the calendar ("newer": EKS may have published it since), or neither ("unknown").
 */
export type SupportStatus = "standard" | "extended" | "ended" | "newer" | "unknown";

const MINOR = /^1\.(\d{1,3})$/;

/** The support status of a version on `today` (an ISO date, YYYY-MM-DD). */
export function supportStatus(version: string, today: string): SupportStatus {
  const row = EKS_VERSIONS.find((v) => v.version === version);
  if (!row) {
    const minor = MINOR.exec(version)?.[1];
    const newest = Math.max(...EKS_VERSIONS.map((v) => Number(MINOR.exec(v.version)![1])));
    if (minor === undefined) return "unknown";
    // Older than the calendar: EKS ended its support before the calendar's oldest row.
    return Number(minor) > newest ? "newer" : "ended";
  }
  if (today <= row.endOfStandardSupport) return "standard";
  if (today <= row.endOfExtendedSupport) return "extended";
  return "ended";
}

/** The versions in standard or extended support on `today`, newest first. */
export function supportedVersions(today: string): string[] {
  return EKS_VERSIONS.filter((v) => supportStatus(v.version, today) !== "ended").map((v) => v.version);
}

/** The newest version of the calendar. */
export function newestKnownVersion(): string {
  return EKS_VERSIONS[0].version;
}

/** The row of a known version. */
export function eksVersion(version: string): EksVersion | undefined {
  return EKS_VERSIONS.find((v) => v.version === version);
}
