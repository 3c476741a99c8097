import { describe, expect, it } from "vitest";
import {
  ADDON_NAMES,
  KNOWN_GOOD_ADDON_VERSIONS,
  addonVersions,
  addonsWithoutVersion,
} from "../../../modules/addons/versions";

describe("KNOWN_GOOD_ADDON_VERSIONS", () => {
  it("has a row for every Kubernetes version the environments may use, 1.32 to 1.36", () => {
    expect(Object.keys(KNOWN_GOOD_ADDON_VERSIONS).sort()).toEqual(["1.32", "1.33", "1.34", "1.35", "1.36"]);
  });

  it("pins every add-on of 1.32 to 1.35, and of 1.36 what the EKS user guide lists (not vpc-cni, metrics-server)", () => {
    for (const [kubernetes, row] of Object.entries(KNOWN_GOOD_ADDON_VERSIONS)) {
      const expected = kubernetes === "1.36" ? ["coredns", "kube-proxy"] : [...ADDON_NAMES].sort();
      expect(Object.keys(row).sort(), kubernetes).toEqual(expected);
      for (const version of Object.values(row)) expect(version).toMatch(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
    }
  });

  it("pins kube-proxy to the Kubernetes minor version of its row", () => {
    for (const [kubernetes, row] of Object.entries(KNOWN_GOOD_ADDON_VERSIONS)) {
      expect(row["kube-proxy"]?.startsWith(`v${kubernetes}.`), kubernetes).toBe(true);
    }
  });
});

describe("addonVersions", () => {
  it("takes the table's versions for a known Kubernetes version", () => {
    expect(addonVersions("1.35", {})).toEqual(KNOWN_GOOD_ADDON_VERSIONS["1.35"]);
  });

  it("takes a partial row's versions and asks only for the add-on it lacks", () => {
    expect(addonsWithoutVersion("1.36", {})).toEqual(["vpc-cni", "metrics-server"]);
    expect(addonVersions("1.36", { "vpc-cni": "v1.20.4-eksbuild.1", "metrics-server": "v0.8.1-eksbuild.5" })).toEqual({
      coredns: "v1.14.3-eksbuild.3",
      "vpc-cni": "v1.20.4-eksbuild.1",
      "kube-proxy": "v1.36.0-eksbuild.14",
      "metrics-server": "v0.8.1-eksbuild.5",
    });
  });

  it("lets an override replace one add-on and keeps the table for the others", () => {
    const versions = addonVersions("1.34", { coredns: "v1.12.4-eksbuild.1" });
    expect(versions).toEqual({ ...KNOWN_GOOD_ADDON_VERSIONS["1.34"], coredns: "v1.12.4-eksbuild.1" });
  });

  it("accepts a Kubernetes version without a row when every add-on is overridden", () => {
    const overrides = {
      coredns: "v1.11.4-eksbuild.2",
      "vpc-cni": "v1.20.4-eksbuild.1",
      "kube-proxy": "v1.31.14-eksbuild.9",
      "metrics-server": "v0.8.1-eksbuild.5",
    };
    expect(addonsWithoutVersion("1.31", overrides)).toEqual([]);
    expect(addonVersions("1.31", overrides)).toEqual(overrides);
  });

  it("names the add-ons left without a version, and how to find one", () => {
    expect(addonsWithoutVersion("1.31", { coredns: "v1.11.4-eksbuild.2" })).toEqual([
      "vpc-cni",
      "kube-proxy",
      "metrics-server",
    ]);
    expect(() => addonVersions("1.31", { coredns: "v1.11.4-eksbuild.2" })).toThrow(
      "has no known-good add-on versions for Kubernetes 1.31 (modules/addons/versions.ts covers 1.35, 1.34, " +
        '1.33, 1.32); set "vpc-cni", "kube-proxy", "metrics-server" (aws eks describe-addon-versions --kubernetes-version 1.31 ' +
        "--addon-name <name>), or add a row to the table",
    );
  });
});
