import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { prod } from "../../environments/prod";
import { problemsOf } from "../support/environments";
import { TEST_TODAY } from "../support/synth";

const withDev = (patch: Record<string, unknown>) => ({ ...dev, ...patch });

describe("loadEnvironments", () => {
  it("accepts the project's environments and fills defaults", () => {
    const { environments, warnings } = loadEnvironments([dev, prod], TEST_TODAY);
    expect(environments.map((e) => e.name)).toEqual(["dev", "prod"]);
    // dev keeps EKS's default public endpoint open to 0.0.0.0/0; prod restricts it.
    expect(warnings).toEqual([
      'Environment "dev": the Kubernetes API\'s public endpoint is open to 0.0.0.0/0 (anyone on the internet can reach it; they still need credentials). List your office or VPN egress blocks in cluster.publicAccessCidrs, or set cluster.endpointAccess to "private".',
    ]);
    expect(environments[0].flowLogs).toEqual({ enabled: true, trafficType: "ALL" });
    expect(environments[0].cluster.logTypes).toEqual(["api", "audit", "authenticator"]);
    expect(environments[1].backend).toEqual({
      type: "s3",
      bucket: "example-platform-terraform-state",
      keyPrefix: "eks-fargate",
      region: "ap-northeast-2",
      useLockfile: true,
      encrypt: true,
      roleArn: "arn:aws:iam::111122223333:role/terraform-state",
    });
    expect(environments[1].account).toEqual({
      id: "123456789012",
      roleArn: "arn:aws:iam::123456789012:role/platform-deploy",
    });
    expect(environments[1].workloads.enabled).toBe(false);
  });

  it("rejects an unknown field, naming it", () => {
    expect(problemsOf(withDev({ vpcCidrs: "10.0.0.0/16" }))).toBe(
      'Invalid environment "dev":\n  - vpcCidrs: is not a known field; remove it or correct its spelling',
    );
  });

  it("rejects an unknown nested field with its full path", () => {
    expect(problemsOf(withDev({ cluster: { endpointAcess: "private" } }))).toContain(
      "cluster.endpointAcess: is not a known field",
    );
  });

  it("rejects an invalid CIDR", () => {
    expect(problemsOf(withDev({ vpcCidr: "10.10.0.0/33" }))).toBe(
      'Invalid environment "dev":\n  - vpcCidr: "10.10.0.0/33" is not an IPv4 CIDR block; write it as address/prefix, e.g. "10.10.0.0/16"',
    );
  });

  it("rejects a CIDR with host bits", () => {
    expect(problemsOf(withDev({ vpcCidr: "10.10.1.0/16" }))).toContain(
      'vpcCidr: "10.10.1.0/16" has bits set after the /16 prefix; use the network address of the block',
    );
  });

  it("rejects a VPC too small for the subnet plan", () => {
    expect(problemsOf(withDev({ vpcCidr: "10.10.0.0/24" }))).toContain(
      "vpcCidr: /24 is too small for the subnet plan: public subnets would be /32, smaller than AWS's /28 minimum; use /20 or larger (e.g. /16)",
    );
  });

  it("rejects fewer than two availability zones", () => {
    expect(problemsOf(withDev({ availabilityZones: ["ap-northeast-2a"] }))).toContain(
      "availabilityZones: needs at least two availability zones: EKS requires subnets in two or more zones",
    );
  });

  it("reports more zones than the subnet plan holds on availabilityZones, not vpcCidr", () => {
    const azs = ["a", "b", "c", "d"].map((l) => `ap-northeast-2${l}`);
    expect(problemsOf(withDev({ availabilityZones: azs }))).toBe(
      'Invalid environment "dev":\n' +
        "  - availabilityZones: lists 4 zones, but the subnet plan fits at most 3 (a 4th private subnet would overlap the public ones); list 2 or 3",
    );
  });

  it("rejects a region outside the standard aws partition", () => {
    expect(problemsOf(withDev({ region: "cn-north-1", availabilityZones: ["cn-north-1a", "cn-north-1b"] }))).toBe(
      'Invalid environment "dev":\n  - region: "cn-north-1" is outside the standard aws partition (China, GovCloud, ISO and European Sovereign Cloud regions are not supported); choose a region such as "ap-northeast-2"',
    );
  });

  it("rejects a region that does not exist, suggesting those of its area", () => {
    expect(
      problemsOf(withDev({ region: "ap-northeast-5", availabilityZones: ["ap-northeast-5a", "ap-northeast-5b"] })),
    ).toBe(
      'Invalid environment "dev":\n  - region: "ap-northeast-5" is not a region of the aws partition; use one of ap-northeast-1, ap-northeast-2, ap-northeast-3',
    );
  });

  it("rejects an availability zone outside the region", () => {
    expect(problemsOf(withDev({ availabilityZones: ["ap-northeast-2a", "us-east-1b"] }))).toContain(
      'availabilityZones[1]: "us-east-1b" is not an Availability Zone of ap-northeast-2, which has ap-northeast-2a, ap-northeast-2b, ap-northeast-2c, ap-northeast-2d',
    );
  });

  it("rejects a zone letter the region does not have", () => {
    expect(problemsOf(withDev({ availabilityZones: ["ap-northeast-2a", "ap-northeast-2e"] }))).toContain(
      'availabilityZones[1]: "ap-northeast-2e" is not an Availability Zone of ap-northeast-2',
    );
  });

  it("rejects duplicate environment names", () => {
    expect(problemsOf(dev, { ...prod, name: "dev" })).toBe(
      'Invalid environment "dev":\n  - name: "dev" is used by two environments, whose stacks would collide; rename one',
    );
  });

  it("rejects an invalid cluster name", () => {
    expect(problemsOf(withDev({ clusterName: "-bad name" }))).toContain(
      "clusterName: must be 1-40 letters, digits, '-' or '_', starting with a letter or digit",
    );
  });

  it("rejects text that is not a Kubernetes minor version, suggesting only versions that synthesize", () => {
    expect(problemsOf(withDev({ kubernetesVersion: "v1.35" }))).toBe(
      'Invalid environment "dev":\n  - kubernetesVersion: "v1.35" is not a Kubernetes minor version; write it as "1.35", one of 1.35, 1.34, 1.33, 1.32',
    );
  });

  it("rejects a Kubernetes version out of support", () => {
    expect(problemsOf(withDev({ kubernetesVersion: "1.30" }))).toBe(
      'Invalid environment "dev":\n  - kubernetesVersion: "1.30" is out of EKS support (its extended support ended 2026-07-23), so EKS would refuse or upgrade the cluster; use one of 1.35, 1.34, 1.33, 1.32',
    );
    expect(problemsOf(withDev({ kubernetesVersion: "1.20" }))).toContain('"1.20" is out of EKS support, so EKS');
  });

  it("warns, without failing, about a version in extended support and its price", () => {
    const { warnings } = loadEnvironments(
      [withDev({ kubernetesVersion: "1.33", cluster: { ...dev.cluster, publicAccessCidrs: ["1.2.3.0/24"] } })],
      TEST_TODAY,
    );
    expect(warnings).toEqual([
      'Environment "dev": kubernetesVersion "1.33" is in EKS extended support until 2027-07-29, which costs six times the standard control-plane price; upgrade to 1.35.',
    ]);
  });

  it("rejects a flow-log traffic type VPC flow logs do not have", () => {
    expect(problemsOf(withDev({ flowLogs: { trafficType: "DENY" } }))).toContain(
      'flowLogs.trafficType: must be "ALL", "ACCEPT" or "REJECT"',
    );
  });

  it("names a missing field", () => {
    const { region: _omitted, ...noRegion } = dev;
    expect(problemsOf(noRegion)).toContain(
      'region: is missing; add it as text in quotes, e.g. "ap-northeast-2" (see "Environment settings" in docs/environments.md)',
    );
  });

  it("rejects a bad NAT strategy and a bad backend together, in one message", () => {
    const message = problemsOf(withDev({ natStrategy: "many", backend: { type: "gcs" } }));
    expect(message).toContain('natStrategy: must be "single" or "one-per-az"');
    expect(message).toContain(
      'backend.type: must be { type: "local" } or { type: "s3", bucket, keyPrefix, region, roleArn? }',
    );
    expect(message.match(/Invalid environment/g)).toHaveLength(1);
  });

  it("labels an environment without a valid name by its position", () => {
    expect(problemsOf(withDev({ name: 42 }))).toMatch(
      /^Invalid environment #1 \(no valid name\):\n {2}- name: must be text in quotes, e.g. "dev", got 42/,
    );
  });
});
