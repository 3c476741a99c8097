import { describe, expect, it } from "vitest";
import type { Environment } from "../../../environments/schema";
import { type CostEstimate, estimateCost } from "../../../modules/cost/estimate";
import { round2 } from "../../../modules/round";
import { fargatePods } from "../../../modules/cost/fargate-pods";
import { PRICES, type PriceTable } from "../../../modules/cost/prices";
import { TEST_TODAY, projectEnvironment } from "../../support/synth";

// Expectations are worked out by hand from vendor/aws-prices/prices.json (ap-northeast-2), at 730 hours
// a month, not by calling the estimate twice. Fargate sizes: every pod here requests at most
// 0.25 vCPU / 256M, so it runs as 0.25 vCPU / 0.5 GB.

/** [item, quantity, unit price, monthly] of each line, in the estimate's order. */
type Line = [string, number, number, number];

const lines = (estimate: CostEstimate): Line[] =>
  estimate.items.map((i) => [i.item, i.quantity, i.unitUsd!, i.monthlyUsd!]);

const withEnv = (name: string, patch: (env: Environment) => Environment) => patch(projectEnvironment(name));

describe("estimateCost", () => {
  it("prices dev: one NAT gateway, the control plane, five Fargate deployments, the samples' ALB and NLB, logs", () => {
    const estimate = estimateCost(projectEnvironment("dev"), PRICES, TEST_TODAY);
    expect(lines(estimate)).toEqual([
      ["NAT gateways", 1, 0.059, 43.07], // 1 × 0.059 × 730 = 43.07
      ["Public IPv4 addresses: NAT gateways' Elastic IPs", 1, 0.005, 3.65], // 1 × 0.005 × 730 = 3.65
      ["EKS control plane (standard support)", 1, 0.1, 73], // 1.35 is in standard support on 2026-11-22: 0.10 × 730
      ["KMS keys", 2, 1, 2], // the logs key (network stack) and the secrets key (cluster stack): 2 × $1
      ["Fargate vCPU: Deployment kube-system/coredns", 0.5, 0.04656, 16.99], // 2 pods × 0.25 vCPU × 0.04656 × 730 = 16.9944
      ["Fargate memory: Deployment kube-system/coredns", 1, 0.00511, 3.73], // 2 pods × 0.5 GB × 0.00511 × 730 = 3.7303
      ["Fargate vCPU: Deployment kube-system/aws-load-balancer-controller", 0.5, 0.04656, 16.99], // 2 replicas, no requests
      ["Fargate memory: Deployment kube-system/aws-load-balancer-controller", 1, 0.00511, 3.73],
      ["Fargate vCPU: Deployment kube-system/metrics-server", 0.5, 0.04656, 16.99], // 2 replicas of 0.25 / 256M
      ["Fargate memory: Deployment kube-system/metrics-server", 1, 0.00511, 3.73],
      ["Fargate vCPU: Deployment study-2048/deployment-2048", 0.5, 0.04656, 16.99], // 2 pods of 0.25 vCPU / 256M
      ["Fargate memory: Deployment study-2048/deployment-2048", 1, 0.00511, 3.73],
      ["Fargate vCPU: Deployment study-echo/echo-server", 0.5, 0.04656, 16.99],
      ["Fargate memory: Deployment study-echo/echo-server", 1, 0.00511, 3.73],
      ["ALB: Ingress study-2048/ingress-2048", 1, 0.0225, 16.43], // 0.0225 × 730 = 16.425, rounded half up
      ["ALB capacity units: Ingress study-2048/ingress-2048", 1, 0.008, 5.84], // 1 LCU × 0.008 × 730
      ["Public IPv4 addresses: ALB of Ingress study-2048/ingress-2048", 3, 0.005, 10.95], // one per zone: 3 × 3.65
      ["NLB: Service study-echo/echo-server", 1, 0.0225, 16.43],
      ["NLB capacity units: Service study-echo/echo-server", 1, 0.006, 4.38], // 1 NLCU × 0.006 × 730
      ["Public IPv4 addresses: NLB of Service study-echo/echo-server", 3, 0.005, 10.95],
      ["CloudWatch Logs ingestion: /aws/vpc/dev-fargate/flow-logs", 5, 0.76, 3.8], // flow logs on: 5 GB × 0.76 (vended logs)
      ["CloudWatch Logs storage: /aws/vpc/dev-fargate/flow-logs", 14.79, 0.0314, 0.46], // 5 × 90 × 24 / 730 = 14.79; × 0.0314 = 0.464
      ["CloudWatch Logs ingestion: /aws/eks/dev-fargate/cluster", 10, 0.76, 7.6], // 10 GB × 0.76
      ["CloudWatch Logs storage: /aws/eks/dev-fargate/cluster", 29.59, 0.0314, 0.93], // 10 × 90 d × 24 / 730 = 29.59 GB; × 0.0314 = 0.929
      ["CloudWatch Logs ingestion: /aws/eks/dev-fargate/fargate", 5, 0.76, 3.8],
      ["CloudWatch Logs storage: /aws/eks/dev-fargate/fargate", 14.79, 0.0314, 0.46], // 5 × 90 × 24 / 730 = 14.79; × 0.0314 = 0.464
      ["CloudWatch Logs ingestion: dev-fargate-fluent-bit-logs", 1, 0.76, 0.76], // fluentBitProcessLogs is on in dev
      ["CloudWatch Logs storage: dev-fargate-fluent-bit-logs", 2.96, 0.0314, 0.09], // 2.96 × 0.0314 = 0.093
    ]);
    // 43.07 + 3.65 + 73 + 2 = 121.72; Fargate 5 × (16.99 + 3.73) = 103.60; load balancers 16.43 + 5.84 + 10.95
    // + 16.43 + 4.38 + 10.95 = 64.98; logs 3.80 + 0.46 + 7.60 + 0.93 + 3.80 + 0.46 + 0.76 + 0.09 = 17.90.
    expect(estimate.monthlyUsd).toBe(308.2);
    expect(estimate.unknown).toEqual([]);
    expect(
      estimate.items.every(
        (i) => i.source === `${PRICES.regions["ap-northeast-2"][key(i.item)]!.page} (read 2026-11-24)`,
      ),
    ).toBe(true);
  });

  it("prices prod: a NAT gateway per zone, no samples, a year of log retention", () => {
    const estimate = estimateCost(projectEnvironment("prod"), PRICES, TEST_TODAY);
    expect(lines(estimate)).toEqual([
      ["NAT gateways", 3, 0.059, 129.21], // one-per-az over 3 zones: 3 × 0.059 × 730
      ["Public IPv4 addresses: NAT gateways' Elastic IPs", 3, 0.005, 10.95],
      ["EKS control plane (standard support)", 1, 0.1, 73],
      ["KMS keys", 2, 1, 2],
      ["Fargate vCPU: Deployment kube-system/coredns", 0.5, 0.04656, 16.99],
      ["Fargate memory: Deployment kube-system/coredns", 1, 0.00511, 3.73],
      ["Fargate vCPU: Deployment kube-system/aws-load-balancer-controller", 0.5, 0.04656, 16.99],
      ["Fargate memory: Deployment kube-system/aws-load-balancer-controller", 1, 0.00511, 3.73],
      ["Fargate vCPU: Deployment kube-system/metrics-server", 0.5, 0.04656, 16.99],
      ["Fargate memory: Deployment kube-system/metrics-server", 1, 0.00511, 3.73],
      // the "general" node group: 2 m7g.large at Seoul's 0.1003 × 730 = 146.438, and 2 × 20 GiB of gp3 × 0.0912
      ["EC2 instances: node group general (m7g.large)", 2, 0.1003, 146.44],
      ["EBS gp3 root volumes: node group general", 40, 0.0912, 3.65],
      ["CloudWatch Logs ingestion: /aws/vpc/prod-fargate/flow-logs", 5, 0.76, 3.8],
      ["CloudWatch Logs storage: /aws/vpc/prod-fargate/flow-logs", 60, 0.0314, 1.88], // 5 × 365 × 24 / 730 = 60; × 0.0314 = 1.884
      ["CloudWatch Logs ingestion: /aws/eks/prod-fargate/cluster", 10, 0.76, 7.6],
      ["CloudWatch Logs storage: /aws/eks/prod-fargate/cluster", 120, 0.0314, 3.77], // 10 × 365 × 24 / 730 = 120; × 0.0314 = 3.768
      ["CloudWatch Logs ingestion: /aws/eks/prod-fargate/fargate", 5, 0.76, 3.8],
      ["CloudWatch Logs storage: /aws/eks/prod-fargate/fargate", 60, 0.0314, 1.88], // 60 × 0.0314 = 1.884
    ]);
    // 129.21 + 10.95 + 73 + 2 + 3 × 20.72 + 146.44 + 3.65 + 3.80 + 1.88 + 7.60 + 3.77 + 3.80 + 1.88
    expect(estimate.monthlyUsd).toBe(450.14);
  });

  it("adds two NAT gateways and their addresses when natStrategy goes from single to one-per-az", () => {
    const single = estimateCost(projectEnvironment("dev"), PRICES, TEST_TODAY);
    const perZone = estimateCost(
      withEnv("dev", (env) => ({ ...env, natStrategy: "one-per-az" })),
      PRICES,
      TEST_TODAY,
    );
    const nat = (e: CostEstimate) => e.items.filter((i) => i.item.startsWith("NAT") || i.item.includes("Elastic IPs"));
    expect(nat(perZone).map((i) => [i.quantity, i.monthlyUsd])).toEqual([
      [3, 129.21],
      [3, 10.95],
    ]);
    // +2 × 0.059 × 730 = 86.14 and +2 × 0.005 × 730 = 7.30
    expect(round2(perZone.monthlyUsd - single.monthlyUsd)).toBe(93.44);
  });

  it("prices a pod at the next Fargate size when its requests cross one", () => {
    const env = projectEnvironment("prod");
    const pods = fargatePods(env);
    const coredns = pods[0];
    const at = (memory: string) => [{ ...coredns, pod: { containers: [{ cpu: "0.25", memory }] } }, ...pods.slice(1)];
    // 256Mi + 256 MiB overhead is exactly 0.5 GB; 257Mi needs the next size, 0.25 vCPU / 1 GB.
    const fits = estimateCost(env, PRICES, TEST_TODAY, at("256Mi"));
    const crosses = estimateCost(env, PRICES, TEST_TODAY, at("257Mi"));
    const memory = (e: CostEstimate) =>
      e.items.find((i) => i.item === "Fargate memory: Deployment kube-system/coredns")!;
    expect([memory(fits).quantity, memory(fits).monthlyUsd]).toEqual([1, 3.73]);
    expect([memory(crosses).quantity, memory(crosses).monthlyUsd]).toEqual([2, 7.46]); // 2 pods × 1 GB × 0.00511 × 730 = 7.4606
    expect(round2(crosses.monthlyUsd - fits.monthlyUsd)).toBe(3.73);
  });

  it("charges the extended-support price from the day the version leaves standard support", () => {
    const env = projectEnvironment("dev");
    // 1.35's standard support ends on 2027-03-27.
    const lastStandardDay = estimateCost(env, PRICES, "2027-03-27");
    const extended = estimateCost(env, PRICES, "2027-03-28");
    expect(lastStandardDay.items[2]).toMatchObject({ item: "EKS control plane (standard support)", monthlyUsd: 73 });
    expect(extended.items[2]).toMatchObject({
      item: "EKS control plane (extended support)",
      unitUsd: 0.6,
      monthlyUsd: 438,
    });
    expect(round2(extended.monthlyUsd - lastStandardDay.monthlyUsd)).toBe(365); // (0.60 - 0.10) × 730
    expect(extended.notes).toEqual([
      "Kubernetes 1.35 is in extended support until 2028-03-27: its control plane costs $438.00 a month instead of " +
        "$73.00 a month in standard support; upgrade to save the difference.",
    ]);
  });

  it("prices a version newer than the calendar at the standard-support price, and says so", () => {
    const newer = estimateCost(
      withEnv("dev", (e) => ({ ...e, kubernetesVersion: "1.40" })),
      PRICES,
      TEST_TODAY,
    );
    expect(newer.items[2]).toMatchObject({ item: "EKS control plane (standard support)", monthlyUsd: 73 });
    expect(newer.notes).toEqual([
      "Kubernetes 1.40 is newer than the release calendar (modules/cluster/versions.ts): its control plane is " +
        "priced at the standard-support price; add its row to know when that ends.",
    ]);
  });

  it("says what happens at the end of standard support, by supportType", () => {
    const extended = estimateCost(projectEnvironment("dev"), PRICES, TEST_TODAY);
    expect(extended.notes).toEqual([
      "Kubernetes 1.35 is in standard support until 2027-03-27; after that, extended support raises the control plane " +
        'to $438.00 a month (cluster.supportType "EXTENDED").',
    ]);
    const standard = withEnv("dev", (env) => ({ ...env, cluster: { ...env.cluster, supportType: "STANDARD" } }));
    expect(estimateCost(standard, PRICES, TEST_TODAY).notes[0]).toMatch(
      /; after that, EKS upgrades the control plane to the next version \(cluster.supportType "STANDARD"\)\.$/,
    );
  });

  it("follows the cost assumptions: capacity units and log volumes", () => {
    const env = withEnv("dev", (e) => ({
      ...e,
      cost: {
        loadBalancerCapacityUnits: 2.5,
        logsGbPerMonth: { controlPlane: 0, fargatePods: 100, fluentBitProcess: 0, flowLogs: 5 },
      },
    }));
    const item = (name: string) => estimateCost(env, PRICES, TEST_TODAY).items.find((i) => i.item === name)!;
    expect(item("ALB capacity units: Ingress study-2048/ingress-2048")).toMatchObject({
      quantity: 2.5,
      monthlyUsd: 14.6,
    }); // 2.5 × 0.008 × 730
    expect(item("CloudWatch Logs ingestion: /aws/eks/dev-fargate/fargate")).toMatchObject({
      quantity: 100,
      monthlyUsd: 76,
    });
    expect(item("CloudWatch Logs storage: /aws/eks/dev-fargate/fargate")).toMatchObject({
      quantity: 295.89,
      monthlyUsd: 9.29,
    }); // 295.89 × 0.0314 = 9.2909
    expect(item("CloudWatch Logs ingestion: /aws/eks/dev-fargate/cluster")).toMatchObject({
      quantity: 0,
      monthlyUsd: 0,
    });
  });

  it("prices VPC flow logs at the vended-logs price while they are on, and not at all when off", () => {
    const usEast = withEnv("prod", (e) => ({
      ...e,
      region: "us-east-1",
      availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
    }));
    const flow = (e: Environment) =>
      estimateCost(e, PRICES, TEST_TODAY).items.filter((i) => i.item.includes("/aws/vpc/prod-fargate/flow-logs"));
    // us-east-1: vended logs $0.50 a GB for the first 10 TB; storage $0.03 a GB-month.
    expect(flow(usEast).map((i) => [i.item, i.quantity, i.unitUsd, i.monthlyUsd])).toEqual([
      ["CloudWatch Logs ingestion: /aws/vpc/prod-fargate/flow-logs", 5, 0.5, 2.5], // 5 × 0.50
      ["CloudWatch Logs storage: /aws/vpc/prod-fargate/flow-logs", 60, 0.03, 1.8], // 60 × 0.03
    ]);
    expect(flow(usEast)[0].source).toBe("https://aws.amazon.com/cloudwatch/pricing/ (read 2026-11-24)");
    expect(flow({ ...usEast, flowLogs: { enabled: false, trafficType: "ALL" } })).toEqual([]);
  });

  it("ingests no control-plane logs when no log type is on", () => {
    const env = withEnv("prod", (e) => ({ ...e, cluster: { ...e.cluster, logTypes: [] } }));
    const item = estimateCost(env, PRICES, TEST_TODAY).items.find((i) => i.item.endsWith("prod-fargate/cluster"))!;
    expect(item).toMatchObject({ quantity: 0, monthlyUsd: 0 });
  });

  it("lists every item as unknown in a region without prices, and totals nothing", () => {
    const env = withEnv("prod", (e) => ({ ...e, region: "eu-south-2" }));
    const estimate = estimateCost(env, PRICES, TEST_TODAY);
    expect(estimate.monthlyUsd).toBe(0);
    expect(estimate.unknown).toEqual(estimate.items.map((i) => i.item));
    expect(estimate.items[0]).toEqual({
      item: "NAT gateways",
      quantity: 3,
      counts: "gateway",
      unit: "hour",
      unitUsd: null,
      monthlyUsd: null,
      source: "unknown: vendor/aws-prices/prices.json has no natGatewayHour price for eu-south-2",
    });
  });

  it("leaves only the items without a price out of the total", () => {
    const { kmsKeyMonth: _dropped, ...rest } = PRICES.regions["ap-northeast-2"];
    const partial: PriceTable = { ...PRICES, regions: { "ap-northeast-2": rest } };
    const estimate = estimateCost(projectEnvironment("prod"), partial, TEST_TODAY);
    expect(estimate.unknown).toEqual(["KMS keys"]);
    expect(estimate.monthlyUsd).toBe(448.14); // prod's 450.14 without the keys' $2
  });
});

// The price key of an item, to check each item cites the page of its own price.
function key(item: string) {
  if (item.startsWith("NAT")) return "natGatewayHour";
  if (item.startsWith("Public IPv4")) return "publicIpv4Hour";
  if (item.startsWith("EKS")) return "eksClusterStandardHour";
  if (item.startsWith("KMS")) return "kmsKeyMonth";
  if (item.startsWith("Fargate vCPU")) return "fargateVcpuHour";
  if (item.startsWith("Fargate memory")) return "fargateGbHour";
  if (item.startsWith("ALB capacity")) return "albLcuHour";
  if (item.startsWith("ALB")) return "albHour";
  if (item.startsWith("NLB capacity")) return "nlbNlcuHour";
  if (item.startsWith("NLB")) return "nlbHour";
  if (item.includes("ingestion")) return item.includes("/aws/vpc/") ? "vendedLogsIngestionGb" : "logsIngestionGb";
  return "logsStorageGbMonth";
}
