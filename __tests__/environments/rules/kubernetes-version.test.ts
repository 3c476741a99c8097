import { describe, expect, it } from "vitest";
import {
  kubernetesVersionProblem,
  kubernetesVersionWarning,
  usableVersions,
} from "../../../environments/rules/kubernetes-version";
import { EKS_VERSIONS } from "../../../modules/cluster/versions";
import { TEST_TODAY } from "../../support/synth";

const EVERY_ADDON = {
  coredns: "v1.14.3-eksbuild.3",
  "vpc-cni": "v1.22.4-eksbuild.3",
  "kube-proxy": "v1.37.0-eksbuild.1",
  "metrics-server": "v0.8.1-eksbuild.5",
};

describe("Kubernetes versions", () => {
  it("has 1.36 in the calendar, 14 months of standard support and 12 of extended", () => {
    expect(EKS_VERSIONS[0]).toEqual({
      version: "1.36",
      endOfStandardSupport: "2027-08-02",
      endOfExtendedSupport: "2028-08-02",
    });
  });

  it("suggests only versions that synthesize: in support, with every add-on in the table", () => {
    // 1.36 lacks vpc-cni and metrics-server and 1.31 (extended support until 2026-11-26) has no row at all.
    expect(usableVersions(TEST_TODAY)).toEqual(["1.35", "1.34", "1.33", "1.32"]);
  });

  it("asks for the add-on versions a known version lacks", () => {
    expect(kubernetesVersionProblem("1.36", {}, TEST_TODAY)).toEqual({
      field: "addons.versions",
      message:
        "has no known-good vpc-cni, metrics-server version for Kubernetes 1.36 (modules/addons/versions.ts covers 1.35, 1.34, 1.33, " +
        '1.32); set "vpc-cni", "metrics-server" ' +
        "(aws eks describe-addon-versions --kubernetes-version 1.36 --addon-name <name>), or add a row to the table",
    });
    expect(
      kubernetesVersionProblem(
        "1.36",
        { "vpc-cni": "v1.22.4-eksbuild.3", "metrics-server": "v0.8.1-eksbuild.5" },
        TEST_TODAY,
      ),
    ).toBeUndefined();
  });

  it("lets a version newer than the calendar through, with a warning, when every add-on version are set", () => {
    expect(kubernetesVersionProblem("1.37", EVERY_ADDON, TEST_TODAY)).toBeUndefined();
    expect(kubernetesVersionWarning("1.37", TEST_TODAY)).toBe(
      'kubernetesVersion "1.37" is newer than this project\'s EKS calendar (up to 1.36), so its support dates and add-on ' +
        "versions are yours to check: aws eks describe-cluster-versions --cluster-versions 1.37. Add it to " +
        "modules/cluster/versions.ts and modules/addons/versions.ts once EKS publishes it.",
    );
  });

  it("refuses a newer version without every add-on version, saying what to set", () => {
    expect(kubernetesVersionProblem("1.37", { coredns: "v1.14.3-eksbuild.3" }, TEST_TODAY)).toEqual({
      field: "addons.versions",
      message:
        'has no known-good add-on versions for Kubernetes 1.37 (modules/addons/versions.ts covers 1.35, 1.34, 1.33, 1.32); set "vpc-cni", "kube-proxy", "metrics-server" ' +
        "(aws eks describe-addon-versions --kubernetes-version 1.37 --addon-name <name>), or add a row to the table. It is newer than the " +
        "EKS versions this project knows (up to 1.36): check that EKS offers it (aws eks describe-cluster-versions), or use one of 1.35, 1.34, 1.33, 1.32.",
    });
  });

  it("warns about extended support's price and names a version to upgrade to that synthesizes", () => {
    expect(kubernetesVersionWarning("1.31", TEST_TODAY)).toBe(
      'kubernetesVersion "1.31" is in EKS extended support until 2026-11-26, which costs six times the standard control-plane price; upgrade to 1.35.',
    );
    expect(kubernetesVersionWarning("1.35", TEST_TODAY)).toBeUndefined();
  });
});
