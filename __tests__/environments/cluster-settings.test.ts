import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { problemsOf } from "../support/environments";
import { TEST_TODAY } from "../support/synth";

// Samples off: profiles here need not select the samples' namespaces (the Fargate guard has its own tests).
const base = { ...dev, workloads: { enabled: false } };
const KUBE_SYSTEM = { name: "kube-system", selectors: [{ namespace: "kube-system" }] };
const withCluster = (cluster: Record<string, unknown>) => ({ ...base, cluster: { ...dev.cluster, ...cluster } });
const withProfiles = (...profiles: unknown[]) => withCluster({ fargateProfiles: [KUBE_SYSTEM, ...profiles] });

describe("cluster settings", () => {
  it("refuses STANDARD support for a version already past standard support", () => {
    expect(problemsOf({ ...withCluster({ supportType: "STANDARD" }), kubernetesVersion: "1.33" })).toBe(
      'Invalid environment "dev":\n  - cluster.supportType: is "STANDARD" but kubernetesVersion "1.33" is past standard support, so EKS would upgrade the control plane; upgrade to 1.35 or set "EXTENDED"',
    );
  });

  it("fills the cluster defaults of the issue and the seeds", () => {
    const { environments } = loadEnvironments([{ ...base, cluster: undefined }], TEST_TODAY);
    expect(environments[0].cluster).toEqual({
      endpointAccess: "public-and-private",
      logTypes: ["api", "audit", "authenticator"],
      logRetentionDays: 90,
      supportType: "EXTENDED",
      authenticationMode: "API",
      adminPrincipalArns: [],
      fargateProfiles: [
        { name: "kube-system", selectors: [{ namespace: "kube-system" }] },
        { name: "apps", selectors: [{ namespace: "app-*" }] },
      ],
    });
  });

  it("rejects a profile with more than 5 selectors", () => {
    const selectors = ["a", "b", "c", "d", "e", "f"].map((namespace) => ({ namespace }));
    expect(problemsOf(withProfiles({ name: "many", selectors }))).toBe(
      'Invalid environment "dev":\n' +
        "  - cluster.fargateProfiles[1].selectors: has more than 5 selectors, the EKS limit; split them over two profiles",
    );
  });

  it("rejects an invalid namespace pattern", () => {
    expect(problemsOf(withProfiles({ name: "apps", selectors: [{ namespace: "Apps_*" }] }))).toContain(
      'cluster.fargateProfiles[1].selectors[0].namespace: must be a Kubernetes namespace name (lowercase letters, digits, "-") where "*" and "?" may stand for characters',
    );
  });

  it("rejects profiles of which none selects kube-system", () => {
    expect(problemsOf(withCluster({ fargateProfiles: [{ name: "apps", selectors: [{ namespace: "app-*" }] }] }))).toBe(
      'Invalid environment "dev":\n' +
        '  - cluster.fargateProfiles: no profile selects the kube-system namespace, so coredns would never start; add { name: "kube-system", selectors: [{ namespace: "kube-system" }] }',
    );
  });

  it("rejects a profile name that cannot start a Terraform name", () => {
    expect(problemsOf(withProfiles({ name: "1apps", selectors: [{ namespace: "app-*" }] }))).toContain(
      "cluster.fargateProfiles[1].name: must be 1-40 letters, digits, '-' or '_', starting with a letter (it is part of Terraform names)",
    );
  });

  it("rejects two profiles with one name", () => {
    expect(problemsOf(withProfiles({ name: "kube-system", selectors: [{ namespace: "app-*" }] }))).toContain(
      'cluster.fargateProfiles[1].name: "kube-system" names two profiles; give each profile its own name',
    );
  });

  it("rejects profile names whose Terraform names collide", () => {
    expect(problemsOf(withProfiles({ name: "kube_system", selectors: [{ namespace: "app-*" }] }))).toContain(
      'cluster.fargateProfiles[1].name: "kube_system" and "kube-system" differ only in "-" and "_", so their Terraform names collide; rename one',
    );
  });

  it("rejects a profile whose pod execution role name would exceed IAM's 64 characters", () => {
    const env = { ...withProfiles({ name: "a".repeat(20), selectors: [{ namespace: "app-*" }] }) };
    expect(problemsOf({ ...env, clusterName: "c".repeat(40) })).toBe(
      'Invalid environment "dev":\n' +
        `  - cluster.fargateProfiles[1].name: makes the pod execution role name "${"c".repeat(40)}-fargate-${"a".repeat(20)}" 69 characters long, over IAM's limit of 64; shorten the profile name or clusterName`,
    );
    // 40 + "-fargate-" + 15 = 64 fits.
    const fits = withProfiles({ name: "a".repeat(15), selectors: [{ namespace: "app-*" }] });
    expect(loadEnvironments([{ ...fits, clusterName: "c".repeat(40) }], TEST_TODAY).environments).toHaveLength(1);
  });

  it("rejects a selector label key Kubernetes would refuse", () => {
    const selectors = [{ namespace: "app-*", labels: { "-tier": "web" } }];
    expect(problemsOf(withProfiles({ name: "apps", selectors }))).toContain(
      'cluster.fargateProfiles[1].selectors[0].labels["-tier"]: ' +
        "\"-tier\" is not a Kubernetes label key: use a name of up to 63 letters, digits, '-', '_' or '.' that starts and ends with a letter or digit, optionally after a DNS prefix and \"/\" (e.g. \"app.kubernetes.io/name\")",
    );
  });

  it("rejects an empty selector label value", () => {
    const selectors = [{ namespace: "app-*", labels: { "app.kubernetes.io/name": "" } }];
    expect(problemsOf(withProfiles({ name: "apps", selectors }))).toContain(
      'cluster.fargateProfiles[1].selectors[0].labels["app.kubernetes.io/name"]: ' +
        "\"\" is not a label value a selector can match: use 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
    );
  });

  it("accepts valid selector labels", () => {
    const selectors = [{ namespace: "app-*", labels: { "app.kubernetes.io/name": "web", tier: "front_end.v2" } }];
    expect(loadEnvironments([withProfiles({ name: "apps", selectors })], TEST_TODAY).environments).toHaveLength(1);
  });

  it("rejects public access CIDRs on a private endpoint", () => {
    expect(problemsOf(withCluster({ endpointAccess: "private", publicAccessCidrs: ["203.0.113.0/24"] }))).toContain(
      'cluster.publicAccessCidrs: is set but the endpoint is private; remove it or choose "public-and-private"',
    );
  });

  it("rejects an admin principal that is not an IAM role or user ARN", () => {
    const session = "arn:aws:sts::123456789012:assumed-role/admin/alice";
    expect(problemsOf(withCluster({ adminPrincipalArns: [session] }))).toContain(
      "cluster.adminPrincipalArns[0]: must be an IAM role or user ARN, e.g. arn:aws:iam::123456789012:role/platform-admin",
    );
  });

  it("rejects an admin principal listed twice", () => {
    const arn = "arn:aws:iam::123456789012:role/platform-admin";
    expect(problemsOf(withCluster({ adminPrincipalArns: [arn, arn] }))).toBe(
      `Invalid environment "dev":\n  - cluster.adminPrincipalArns[1]: lists "${arn}" twice; list each principal once`,
    );
  });

  it("rejects admin principals whose Terraform names collide", () => {
    const arns = ["arn:aws:iam::123456789012:role/ops.admin", "arn:aws:iam::123456789012:role/ops_admin"];
    expect(problemsOf(withCluster({ adminPrincipalArns: arns }))).toContain(
      `cluster.adminPrincipalArns[1]: "${arns[1]}" and "${arns[0]}" would share the Terraform name admin_role_ops_admin; list only one of them`,
    );
  });
});
