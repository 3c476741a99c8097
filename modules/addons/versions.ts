// Known-good versions of the EKS managed add-ons, pinned per Kubernetes version so a plan never
// drifts with whatever EKS calls "latest" that day (the blueprint's most_recent lookup does).

/** The EKS managed add-ons the add-ons stack installs. */
export const ADDON_NAMES = ["coredns", "vpc-cni", "kube-proxy", "metrics-server"] as const;

/** One EKS managed add-on. */
export type AddonName = (typeof ADDON_NAMES)[number];

/** A version for each add-on, e.g. { coredns: "v1.13.2-eksbuild.4", ... }. */
export type AddonVersions = Record<AddonName, string>;

/** Per-environment overrides: any add-on may be left out to use the table. */
export type AddonVersionOverrides = Partial<AddonVersions>;

// Sources, all "latest version for each Kubernetes version" tables of the EKS user guide:
// - coredns 1.35, 1.34: docs.amazonaws.cn/en_us/eks/latest/userguide/managing-coredns.md;
//   1.33, 1.32: docs.amazonaws.cn/zh_cn/eks/latest/userguide/managing-coredns.md.
// - kube-proxy: docs.amazonaws.cn/zh_cn/eks/latest/userguide/managing-kube-proxy.md.
// - vpc-cni 1.34-1.32: docs.amazonaws.cn/eks/latest/userguide/pod-networking.html (one build for
//   1.28-1.34). No table we read lists 1.35 yet; AWS publishes a single vpc-cni build for every
//   supported version, so 1.35 uses the same one. Check any row with
//   `aws eks describe-addon-versions --kubernetes-version <v> --addon-name <name>` before relying on it.
// - 1.36: coredns and kube-proxy from the same tables in Japanese,
//   docs.aws.amazon.com/ja_jp/eks/latest/userguide/managing-coredns.md and managing-kube-proxy.md (the
//   English copies we could read predate 1.36). No AWS table we read lists vpc-cni for 1.36, so the row
//   leaves it out and an environment on 1.36 must set addons.versions["vpc-cni"] itself.
// - metrics-server, a community add-on (EKS user guide, latest/ug/workloads/community-addons.adoc in
//   awsdocs/amazon-eks-user-guide): no AWS page tables its builds. v0.8.1-eksbuild.5 is what
//   `describe-addon-versions` listed for 1.31-1.35 in a public CDK project's per-version add-on table read
//   through the search tool; 1.36 is left out until a build for it is read.
// Add a row when an environment moves to a new Kubernetes version; a row may leave out what AWS has not published.
export const KNOWN_GOOD_ADDON_VERSIONS: Readonly<Record<string, AddonVersionOverrides>> = {
  "1.36": { coredns: "v1.14.3-eksbuild.3", "kube-proxy": "v1.36.0-eksbuild.14" },
  "1.35": {
    coredns: "v1.14.2-eksbuild.4",
    "vpc-cni": "v1.20.4-eksbuild.1",
    "kube-proxy": "v1.35.3-eksbuild.2",
    "metrics-server": "v0.8.1-eksbuild.5",
  },
  "1.34": {
    coredns: "v1.13.2-eksbuild.7",
    "vpc-cni": "v1.20.4-eksbuild.1",
    "kube-proxy": "v1.34.6-eksbuild.2",
    "metrics-server": "v0.8.1-eksbuild.5",
  },
  "1.33": {
    coredns: "v1.13.2-eksbuild.4",
    "vpc-cni": "v1.20.4-eksbuild.1",
    "kube-proxy": "v1.33.10-eksbuild.2",
    "metrics-server": "v0.8.1-eksbuild.5",
  },
  "1.32": {
    coredns: "v1.11.4-eksbuild.33",
    "vpc-cni": "v1.20.4-eksbuild.1",
    "kube-proxy": "v1.32.13-eksbuild.5",
    "metrics-server": "v0.8.1-eksbuild.5",
  },
};

/** The add-ons that have neither a known-good version for the Kubernetes version nor an override. */
export function addonsWithoutVersion(kubernetesVersion: string, overrides: AddonVersionOverrides): AddonName[] {
  const known: AddonVersionOverrides = KNOWN_GOOD_ADDON_VERSIONS[kubernetesVersion] ?? {};
  return ADDON_NAMES.filter((name) => (overrides[name] ?? known[name]) === undefined);
}

/** The version of each add-on: the override, else the table's; throws when an add-on has neither. */
export function addonVersions(kubernetesVersion: string, overrides: AddonVersionOverrides): AddonVersions {
  const missing = addonsWithoutVersion(kubernetesVersion, overrides);
  if (missing.length > 0) throw new Error(missingVersionsMessage(kubernetesVersion, missing));
  const known: AddonVersionOverrides = KNOWN_GOOD_ADDON_VERSIONS[kubernetesVersion] ?? {};
  return Object.fromEntries(ADDON_NAMES.map((name) => [name, overrides[name] ?? known[name]])) as AddonVersions;
}

/** What is wrong when add-ons have no version, and how to fix it. */
export function missingVersionsMessage(kubernetesVersion: string, missing: readonly AddonName[]): string {
  const complete = Object.keys(KNOWN_GOOD_ADDON_VERSIONS).filter((v) => addonsWithoutVersion(v, {}).length === 0);
  const what =
    KNOWN_GOOD_ADDON_VERSIONS[kubernetesVersion] === undefined
      ? "no known-good add-on versions"
      : `no known-good ${missing.join(", ")} version`;
  return (
    `has ${what} for Kubernetes ${kubernetesVersion} (modules/addons/versions.ts covers ` +
    `${complete.join(", ")}); set ${missing.map((n) => `"${n}"`).join(", ")} ` +
    `(aws eks describe-addon-versions --kubernetes-version ${kubernetesVersion} --addon-name <name>), ` +
    `or add a row to the table`
  );
}
