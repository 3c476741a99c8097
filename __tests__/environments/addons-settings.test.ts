import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { ADDON_NAMES } from "../../modules/addons/versions";
import { problemsOf } from "../support/environments";
import { TEST_TODAY } from "../support/synth";

// 1.31 is still in extended support on TEST_TODAY, but the add-on table has no row for it.
const on131 = (versions: Record<string, string>) => ({
  ...dev,
  kubernetesVersion: "1.31",
  addons: { ...dev.addons, versions },
});

describe("addons settings", () => {
  it("rejects a Kubernetes version without known-good add-on versions, saying how to fix it", () => {
    expect(problemsOf(on131({}))).toBe(
      'Invalid environment "dev":\n' +
        "  - addons.versions: has no known-good add-on versions for Kubernetes 1.31 (modules/addons/versions.ts " +
        'covers 1.35, 1.34, 1.33, 1.32); set "coredns", "vpc-cni", "kube-proxy", "metrics-server" (aws eks ' +
        "describe-addon-versions --kubernetes-version 1.31 --addon-name <name>), or add a row to the table",
    );
  });

  it("names only the add-ons an environment left without a version", () => {
    expect(
      problemsOf(
        on131({
          coredns: "v1.11.4-eksbuild.2",
          "kube-proxy": "v1.31.14-eksbuild.9",
          "metrics-server": "v0.8.1-eksbuild.5",
        }),
      ),
    ).toContain('set "vpc-cni" (aws eks describe-addon-versions');
  });

  it("accepts that version once every add-on is overridden", () => {
    const versions = {
      coredns: "v1.11.4-eksbuild.2",
      "vpc-cni": "v1.20.4-eksbuild.1",
      "kube-proxy": "v1.31.14-eksbuild.9",
      "metrics-server": "v0.8.1-eksbuild.5",
    };
    const { environments } = loadEnvironments([on131(versions)], TEST_TODAY);
    expect(environments[0].addons.versions).toEqual(versions);
  });

  it("reports an unsupported Kubernetes version once, not again for the add-ons", () => {
    const message = problemsOf({ ...dev, kubernetesVersion: "1.30" });
    expect(message).toContain('kubernetesVersion: "1.30" is out of EKS support');
    expect(message).not.toContain("addons.versions");
  });

  it("rejects an add-on version that is not an EKS build version", () => {
    expect(problemsOf({ ...dev, addons: { versions: { coredns: "1.13.2" } } })).toBe(
      'Invalid environment "dev":\n' +
        '  - addons.versions.coredns: must be an EKS add-on version such as "v1.13.2-eksbuild.4" ' +
        "(aws eks describe-addon-versions lists them)",
    );
  });

  it("shows the shape of addons and addons.versions with every managed add-on, quoted where TypeScript needs it", () => {
    const quoted = (name: string) => (/^\w+$/.test(name) ? name : `"${name}"`);
    expect(problemsOf({ ...dev, addons: 5 })).toContain(
      `  - addons: must be { versions?: { ${ADDON_NAMES.map((n) => `${quoted(n)}?`).join(", ")} }, fluentBitProcessLogs?: true }, got 5`,
    );
    const versions = problemsOf({ ...dev, addons: { versions: 5 } });
    for (const name of ADDON_NAMES) expect(versions).toContain(`${quoted(name)}?: "`);
    expect(versions).toContain(`  - addons.versions: must be { ${quoted(ADDON_NAMES[0])}?: "v1.13.2-eksbuild.4", `);
  });
});
