import {
  type AddonVersionOverrides,
  addonsWithoutVersion,
  missingVersionsMessage,
} from "../../modules/addons/versions";
import { eksVersion, newestKnownVersion, supportStatus, supportedVersions } from "../../modules/cluster/versions";
import { shown } from "./show";
import type { EnvironmentFields, Problem } from "../schema";

// The Kubernetes version must be one EKS runs (the calendar in modules/cluster/versions.ts, from the EKS
// user guide's release calendar, https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html)
// and the add-ons need a version for it (modules/addons/versions.ts). A version newer than the calendar
// is let through, with a warning, when the environment sets every add-on version: a new EKS release
// must not block users until the tables catch up.

/** The versions that synthesize without add-on overrides on `today`: in support, with every add-on in the table. */
export function usableVersions(today: string): string[] {
  return supportedVersions(today).filter((v) => addonsWithoutVersion(v, {}).length === 0);
}

/** A problem with the version or the add-on versions it needs: the field to change and the message. */
export interface VersionProblem {
  /** "kubernetesVersion" or "addons.versions". */
  field: "kubernetesVersion" | "addons.versions";
  /** What is wrong and how to fix it. */
  message: string;
}

/** Why this version (with these add-on overrides) would not deploy on `today`, or undefined. */
export function kubernetesVersionProblem(
  version: string,
  overrides: AddonVersionOverrides,
  today: string,
): VersionProblem | undefined {
  const usable = usableVersions(today).join(", ");
  const status = supportStatus(version, today);
  if (status === "unknown") {
    return {
      field: "kubernetesVersion",
      message: `${shown(version)} is not a Kubernetes minor version; write it as "1.35", one of ${usable}`,
    };
  }
  if (status === "ended") {
    const row = eksVersion(version);
    const ended = row ? ` (its extended support ended ${row.endOfExtendedSupport})` : "";
    return {
      field: "kubernetesVersion",
      message: `"${version}" is out of EKS support${ended}, so EKS would refuse or upgrade the cluster; use one of ${usable}`,
    };
  }
  const missing = addonsWithoutVersion(version, overrides);
  if (missing.length > 0) {
    const newer =
      status === "newer"
        ? `. It is newer than the EKS versions this project knows (up to ${newestKnownVersion()}): check that EKS offers it (aws eks describe-cluster-versions), or use one of ${usable}.`
        : "";
    return { field: "addons.versions", message: missingVersionsMessage(version, missing) + newer };
  }
  return undefined;
}

/** The warning a version deserves on `today` (extended support's price, a version past the calendar), or undefined. */
export function kubernetesVersionWarning(version: string, today: string): string | undefined {
  const status = supportStatus(version, today);
  const upgrade = usableVersions(today)[0];
  if (status === "extended") {
    return (
      `kubernetesVersion "${version}" is in EKS extended support until ${eksVersion(version)!.endOfExtendedSupport}, ` +
      `which costs six times the standard control-plane price; upgrade to ${upgrade}.`
    );
  }
  if (status === "newer") {
    return (
      `kubernetesVersion "${version}" is newer than this project's EKS calendar (up to ${newestKnownVersion()}), so its support ` +
      `dates and add-on versions are yours to check: aws eks describe-cluster-versions --cluster-versions ${version}. ` +
      `Add it to modules/cluster/versions.ts and modules/addons/versions.ts once EKS publishes it.`
    );
  }
  return undefined;
}

/** The version and add-on versions are ones EKS runs on `today`, and the support type keeps the version. */
export function versionRules(env: EnvironmentFields, problem: Problem, today: string): void {
  const version = kubernetesVersionProblem(env.kubernetesVersion, env.addons.versions, today);
  if (version) problem(version.field.split("."), version.message);

  if (supportStatus(env.kubernetesVersion, today) === "extended" && env.cluster.supportType === "STANDARD") {
    problem(
      ["cluster", "supportType"],
      `is "STANDARD" but kubernetesVersion "${env.kubernetesVersion}" is past standard support, so EKS would upgrade the control plane; upgrade to ${usableVersions(today)[0]} or set "EXTENDED"`,
    );
  }
}
