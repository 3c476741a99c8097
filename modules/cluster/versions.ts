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
// Add a row when EKS publishes a new version.
export const EKS_VERSIONS: readonly EksVersion[] = [
  { version: "1.35", endOfStandardSupport: "2027-03-27", endOfExtendedSupport: "2028-03-27" },
  { version: "1.34", endOfStandardSupport: "2026-12-02", endOfExtendedSupport: "2027-12-02" },
  { version: "1.33", endOfStandardSupport: "2026-07-29", endOfExtendedSupport: "2027-07-29" },
  { version: "1.32", endOfStandardSupport: "2026-03-23", endOfExtendedSupport: "2027-03-23" },
  { version: "1.31", endOfStandardSupport: "2025-11-26", endOfExtendedSupport: "2026-11-26" },
  { version: "1.30", endOfStandardSupport: "2025-07-23", endOfExtendedSupport: "2026-07-23" },
  { version: "1.29", endOfStandardSupport: "2025-03-23", endOfExtendedSupport: "2026-03-23" },
];

/** Where a version stands on a given day. */
export type SupportStatus = "standard" | "extended" | "ended" | "unknown";

/** The support status of a version on `today` (an ISO date, YYYY-MM-DD). */
export function supportStatus(version: string, today: string): SupportStatus {
  const row = EKS_VERSIONS.find((v) => v.version === version);
  if (!row) return "unknown";
  if (today <= row.endOfStandardSupport) return "standard";
  if (today <= row.endOfExtendedSupport) return "extended";
  return "ended";
}

/** The versions in standard or extended support on `today`, newest first. */
export function supportedVersions(today: string): string[] {
  return EKS_VERSIONS.filter((v) => supportStatus(v.version, today) !== "ended").map((v) => v.version);
}

/** The row of a known version. */
export function eksVersion(version: string): EksVersion | undefined {
  return EKS_VERSIONS.find((v) => v.version === version);
}
