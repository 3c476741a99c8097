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
      keepFirstDeployerAccess: true,
      fargateProfiles: [
        { name: "kube-system", selectors: [{ namespace: "kube-system" }] },
        { name: "apps", selectors: [{ namespace: "app-*" }] },
      ],
    });
  });

  it("warns, without failing, about a profile with more selectors than EKS's default quota, saying how to raise it", () => {
    const selectors = ["a", "b", "c", "d", "e", "f"].map((namespace) => ({ namespace }));
    const { warnings } = loadEnvironments([withProfiles({ name: "many", selectors })], TEST_TODAY);
    expect(warnings.filter((w) => w.includes("quota"))).toEqual([
      'Environment "dev": cluster.fargateProfiles[1].selectors: has 6, over EKS\'s default quota "Selectors per Fargate profile" (5), ' +
        "so the deploy fails unless the account has been granted more. Check it with aws service-quotas get-service-quota " +
        "--service-code eks --quota-code L-D78D8AF8; raise it with aws service-quotas request-service-quota-increase " +
        "--service-code eks --quota-code L-D78D8AF8 --desired-value 6",
    ]);
  });

  it("warns about more Fargate profiles, and more labels on a selector, than EKS's default quotas", () => {
    const labels = Object.fromEntries(["a", "b", "c", "d", "e", "f", "g"].map((k) => [k, "x"]));
    const profiles = Array.from({ length: 10 }, (_, i) => ({ name: `p${i}`, selectors: [{ namespace: `ns${i}` }] }));
    const warnings = loadEnvironments(
      [withProfiles(...profiles, { name: "labelled", selectors: [{ namespace: "app-*", labels }] })],
      TEST_TODAY,
    ).warnings.filter((w) => w.includes("quota"));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^Environment "dev": cluster.fargateProfiles: has 12, over EKS's default quota "Fargate profiles per cluster" \(10\).*--quota-code L-33415657 --desired-value 12$/,
    );
    expect(warnings[1]).toMatch(
      /^Environment "dev": cluster.fargateProfiles\[11\].selectors\[0\].labels: has 7, over EKS's default quota "Label pairs per Fargate profile selector" \(5\).*L-23414FF3/,
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
    expect(problemsOf(withCluster({ endpointAccess: "private", publicAccessCidrs: ["1.2.3.0/24"] }))).toContain(
      'cluster.publicAccessCidrs: is set but the endpoint is private; remove it or choose "public-and-private"',
    );
  });

  it("refuses an assumed-role session as admin, naming the role ARN to use instead", () => {
    const session = "arn:aws:sts::123456789012:assumed-role/admin/alice";
    expect(problemsOf(withCluster({ adminPrincipalArns: [session] }))).toBe(
      'Invalid environment "dev":\n' +
        `  - cluster.adminPrincipalArns[0]: "${session}" is an assumed-role session, which expires and which EKS and STS ` +
        "do not accept here; use the role's ARN \"arn:aws:iam::123456789012:role/admin\" (with the role's path before its name, if it has one)",
    );
  });

  it("refuses an admin principal of another partition or that is not an IAM ARN", () => {
    expect(problemsOf(withCluster({ adminPrincipalArns: ["arn:aws-cn:iam::123456789012:role/admin"] }))).toContain(
      'cluster.adminPrincipalArns[0]: "arn:aws-cn:iam::123456789012:role/admin" is in the "aws-cn" partition, but the ' +
        'environment\'s region is in "aws"; use an ARN starting "arn:aws:"',
    );
    expect(problemsOf(withCluster({ adminPrincipalArns: ["admin"] }))).toContain(
      'cluster.adminPrincipalArns[0]: "admin" is not an IAM role or user ARN; write it as "arn:aws:iam::123456789012:role/platform-admin"',
    );
  });

  it("explains why CONFIG_MAP authentication is refused although EKS accepts it", () => {
    expect(problemsOf(withCluster({ authenticationMode: "CONFIG_MAP" }))).toBe(
      'Invalid environment "dev":\n' +
        '  - cluster.authenticationMode: "CONFIG_MAP" is refused on purpose: in that mode EKS accepts no access entries, ' +
        'which is how this project grants cluster-admin, so the cluster stack\'s deploy would fail; use "API" (the default) ' +
        'or "API_AND_CONFIG_MAP"',
    );
  });

  it("refuses a public access block that is private or reserved, and accepts wider public blocks", () => {
    expect(problemsOf(withCluster({ publicAccessCidrs: ["1.2.3.0/24", "10.20.0.0/16"] }))).toBe(
      'Invalid environment "dev":\n' +
        '  - cluster.publicAccessCidrs[1]: "10.20.0.0/16" is inside 10.0.0.0/8, a private range (RFC 1918): no request ' +
        "to the public endpoint comes from there; list the public addresses your users and CI reach AWS from, or reach " +
        "the API through the private endpoint instead",
    );
    const env = withCluster({ publicAccessCidrs: ["0.0.0.0/0"] });
    expect(loadEnvironments([env], TEST_TODAY).environments).toHaveLength(1);
  });

  it("refuses more public access blocks than EKS's hard limit of 40, counting the NAT addresses of a public-only endpoint", () => {
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => `1.2.${i}.0/24`);
    expect(loadEnvironments([withCluster({ publicAccessCidrs: blocks(40) })], TEST_TODAY).environments).toHaveLength(1);
    expect(problemsOf(withCluster({ publicAccessCidrs: blocks(41) }))).toBe(
      'Invalid environment "dev":\n' +
        "  - cluster.publicAccessCidrs: lists 41 blocks, over EKS's limit of 40 (\"Public endpoint access CIDR ranges per " +
        'cluster", a quota AWS does not raise); merge blocks into wider ones',
    );
    // dev has one NAT gateway, whose address a restricted public-only endpoint adds to the list.
    expect(problemsOf(withCluster({ endpointAccess: "public", publicAccessCidrs: blocks(40) }))).toContain(
      "lists 40 blocks plus the 1 NAT address a public-only endpoint adds, over EKS's limit of 40",
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

  it("refuses dropping the first deployer's access when nobody else would have any", () => {
    expect(problemsOf(withCluster({ keepFirstDeployerAccess: false }))).toBe(
      'Invalid environment "dev":\n  - cluster.keepFirstDeployerAccess: is false, but there is no account.roleArn and ' +
        "cluster.adminPrincipalArns is empty, so nobody would have cluster-admin access; list the admins in " +
        "cluster.adminPrincipalArns or remove keepFirstDeployerAccess",
    );
  });

  it("warns where a setting removes the first deployer's access, which may be the deploying identity's own", () => {
    const alice = "arn:aws:iam::123456789012:user/alice";
    const kept = loadEnvironments([withCluster({ adminPrincipalArns: [alice] })], TEST_TODAY);
    expect(kept.warnings.filter((w) => w.includes("keepFirstDeployerAccess"))).toEqual([]);
    const dropped = loadEnvironments(
      [withCluster({ adminPrincipalArns: [alice], keepFirstDeployerAccess: false })],
      TEST_TODAY,
    );
    expect(dropped.warnings.filter((w) => w.includes("keepFirstDeployerAccess"))).toEqual([
      expect.stringMatching(
        /^Environment "dev": cluster.keepFirstDeployerAccess is false, so the plan deletes the access entry of the identity that first deployed the cluster/,
      ),
    ]);
  });
});
