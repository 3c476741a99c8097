import { describe, expect, it } from "vitest";
import { dev } from "../../../environments/dev";
import { loadEnvironments } from "../../../environments/load";
import { problemsOf } from "../../support/environments";
import { TEST_TODAY } from "../../support/synth";

const group = { name: "general", instanceTypes: ["t3.medium"], minSize: 1, maxSize: 3, desiredSize: 1 };
const withGroups = (...nodeGroups: object[]) => ({ ...dev, compute: { nodeGroups } });
const withCompute = (compute: object) => ({ ...dev, compute });

describe("node group rules at load", () => {
  it("loads a sound group with EKS's defaults", () => {
    const [env] = loadEnvironments([withGroups(group)], TEST_TODAY).environments;
    expect(env.compute.nodeGroups[0]).toEqual({
      ...group,
      capacityType: "ON_DEMAND",
      labels: {},
      taints: [],
      diskSizeGiB: 20,
    });
  });

  it("refuses sizes out of order, naming the field and EKS's rule", () => {
    expect(problemsOf(withGroups({ ...group, minSize: 4 }))).toContain(
      "  - compute.nodeGroups[0].minSize: is 4, above maxSize 3; EKS needs minSize <= desiredSize <= maxSize",
    );
    expect(problemsOf(withGroups({ ...group, desiredSize: 5 }))).toContain(
      "  - compute.nodeGroups[0].desiredSize: is 5, outside minSize 1 to maxSize 3; EKS needs minSize <= desiredSize <= maxSize",
    );
  });

  it("refuses an instance type without facts, one listed twice, and a group mixing architectures", () => {
    expect(problemsOf(withGroups({ ...group, instanceTypes: ["t3.medum"] }))).toContain(
      '  - compute.nodeGroups[0].instanceTypes[0]: "t3.medum" is not an instance type this project has facts for',
    );
    expect(problemsOf(withGroups({ ...group, instanceTypes: ["t3.medium", "t3.medium"] }))).toContain(
      'instanceTypes[1]: lists "t3.medium" twice',
    );
    expect(problemsOf(withGroups({ ...group, instanceTypes: ["t3.medium", "t4g.medium"] }))).toContain(
      "  - compute.nodeGroups[0].instanceTypes: mixes x86_64 and arm64 instance types, but a node group launches one AMI of one architecture",
    );
  });

  it("refuses an AMI type of another architecture, or one that nodeadm does not boot", () => {
    expect(problemsOf(withGroups({ ...group, amiType: "AL2023_ARM_64_STANDARD" }))).toContain(
      '  - compute.nodeGroups[0].amiType: "AL2023_ARM_64_STANDARD" does not run x86_64 instances (t3.medium)',
    );
    expect(problemsOf(withGroups({ ...group, amiType: "AL2_x86_64" }))).toContain(
      '  - compute.nodeGroups[0].amiType: "AL2_x86_64" is not an AL2023 AMI type this project boots',
    );
  });

  it("refuses a root volume smaller than the AMI's snapshot", () => {
    expect(problemsOf(withGroups({ ...group, diskSizeGiB: 8 }))).toContain(
      "  - compute.nodeGroups[0].diskSizeGiB: is 8 GiB, smaller than the 20 GiB root snapshot of the EKS-optimized AL2023 AMI",
    );
  });

  it("refuses labels the kubelet may not set and label or taint syntax Kubernetes rejects", () => {
    expect(problemsOf(withGroups({ ...group, labels: { "kubernetes.io/role": "web" } }))).toContain(
      'compute.nodeGroups[0].labels["kubernetes.io/role"]: "kubernetes.io/role" is under kubernetes.io or k8s.io, where the kubelet may only set',
    );
    // The kubelet's own namespaces are allowed.
    expect(() =>
      loadEnvironments([withGroups({ ...group, labels: { "node.kubernetes.io/pool": "web" } })], TEST_TODAY),
    ).not.toThrow();
    expect(problemsOf(withGroups({ ...group, labels: { "bad key!": "x" } }))).toContain(
      "is not a Kubernetes label key",
    );
    const taint = { key: "dedicated", value: "gpu", effect: "NO_SCHEDULE" };
    expect(problemsOf(withGroups({ ...group, taints: [taint, taint] }))).toContain(
      '  - compute.nodeGroups[0].taints[1]: repeats key "dedicated" with effect NO_SCHEDULE; Kubernetes takes each key and effect once',
    );
    expect(problemsOf(withGroups({ ...group, taints: [{ ...taint, value: "-bad-" }] }))).toContain(
      'taints[0].value: "-bad-" is not a taint value',
    );
  });

  it("refuses a name used twice", () => {
    expect(problemsOf(withGroups(group, group))).toContain(
      '  - compute.nodeGroups[1].name: "general" names two node groups; give each its own name',
    );
  });

  it("warns about one Spot pool and counts over EKS's quotas, without stopping synthesis", () => {
    const { warnings } = loadEnvironments(
      [withGroups({ ...group, capacityType: "SPOT", maxSize: 500, desiredSize: 1 })],
      TEST_TODAY,
    );
    expect(warnings).toContainEqual(
      expect.stringContaining("compute.nodeGroups[0].instanceTypes: a Spot node group of one instance type"),
    );
    expect(warnings).toContainEqual(
      expect.stringContaining(
        'compute.nodeGroups[0].maxSize: has 500, over EKS\'s default quota "Nodes per managed node group" (450)',
      ),
    );
  });

  it("refuses Karpenter without a Fargate profile for its controller, and beside Auto Mode", () => {
    const pool = {
      name: "p",
      architectures: ["amd64"],
      capacityTypes: ["on-demand"],
      instanceCategories: ["m"],
      cpuLimit: 10,
    };
    expect(problemsOf(withCompute({ karpenter: { enabled: true, nodePools: [pool] } }))).toContain(
      '  - cluster.fargateProfiles: no profile selects the karpenter namespace, so Karpenter\'s controller (which must run on Fargate, before any node exists) would stay Pending; add { name: "karpenter", selectors: [{ namespace: "karpenter" }] }',
    );
    // Beside Auto Mode, one message names both switches and says to turn one off.
    const both = problemsOf(
      withCompute({ karpenter: { enabled: true, nodePools: [pool] }, autoMode: { enabled: true } }),
    );
    expect(both).toContain("  - compute.autoMode.enabled: is true, and so is compute.karpenter.enabled");
    expect(both).not.toContain("karpenter namespace");
  });
});
