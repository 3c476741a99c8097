// The monthly cost of an environment, computed from the same settings and descriptions the stacks
// are built from: NAT gateways from natZones (as the VPC creates them), the control plane from the
// version calendar, Fargate pods from coredns's, the controller's and the samples' requests sized as
// Fargate sizes them, load balancers from the samples' Ingresses and Services.

import type { Environment } from "../../environments/schema";
import { eksVersion, supportStatus } from "../cluster/versions";
import { type FargateSize, fargateSize } from "../fargate/size";
import { environmentKmsKeyAliases, environmentLogGroups } from "../cluster/names";
import { planNodeGroup } from "../compute/node-groups";
import { natZones } from "../network/nat-zones";
import { environmentSamples } from "../workloads/samples";
import { type FargatePods, fargatePods } from "./fargate-pods";
import { loadBalancersOf } from "../lb-controller/load-balancers";
import { autoModeCostItems } from "./auto-mode";
import { type PriceKey, type PriceTable, priceSource } from "./prices";
import { round2 } from "../round";

/** How an item is billed: by the hour (monthly = quantity × unit price × hours a month) or by amount. */
export type CostUnit = "hour" | "GB" | "GB-month" | "key-month";

/** One line of the estimate. */
export interface CostItem {
  /** What is billed, e.g. "NAT gateways"; stable across changes of quantity, so estimates compare. */
  item: string;
  /** How many (gateways, vCPUs, GB, ...); monthly = quantity × unitUsd (× hours a month for hourly items). */
  quantity: number;
  /** What the quantity counts, e.g. "gateway" or "vCPU". */
  counts: string;
  /** Billing unit of the price. */
  unit: CostUnit;
  /** On-demand list price per unit in USD; null when the price table has none for the region. */
  unitUsd: number | null;
  /** Monthly amount in USD, rounded to the cent; null when the price is unknown. */
  monthlyUsd: number | null;
  /** The pricing page and the day it was read, or why the price is unknown. */
  source: string;
}

/** What an environment costs a month. */
export interface CostEstimate {
  /** Environment name. */
  environment: string;
  /** Its AWS region, whose prices apply. */
  region: string;
  /** The sum of the items' monthly amounts (those with a known price), in USD. */
  monthlyUsd: number;
  /** Every billed item, in the order of the stacks. */
  items: CostItem[];
  /** Items without a price for the region: the total leaves them out. */
  unknown: string[];
  /** The volumes and rules the estimate assumes, in words. */
  assumptions: string[];
  /** What will change the bill later (the version calendar). */
  notes: string[];
  // Scaling (modules/cost/scale-out.ts): set only where pods can scale out.
  /** The monthly amount with every HPA at its maxReplicas, in USD; monthlyUsd prices their minReplicas. */
  maxMonthlyUsd?: number;
}

const UNITS: Record<PriceKey, CostUnit> = {
  eksClusterStandardHour: "hour",
  eksClusterExtendedHour: "hour",
  natGatewayHour: "hour",
  publicIpv4Hour: "hour",
  fargateVcpuHour: "hour",
  fargateGbHour: "hour",
  albHour: "hour",
  albLcuHour: "hour",
  nlbHour: "hour",
  nlbNlcuHour: "hour",
  kmsKeyMonth: "key-month",
  logsIngestionGb: "GB",
  logsStorageGbMonth: "GB-month",
  vendedLogsIngestionGb: "GB",
  ebsGp3GbMonth: "GB-month",
};

// Where instance prices come from (per region and commit in its README).
const INSTANCE_PRICE_SOURCE = "vendor/ec2-instances/instances.json (on-demand, Linux; sources in its README)";

/**
 * The monthly cost of `env` at on-demand list prices (730 hours a month), from `prices` for its
 * region and the calendar on `today` (an ISO date). Items the table has no price for are listed as
 * unknown and left out of the total, never guessed. `pods` are the Fargate pods to price: every pod
 * the environment's stacks run unless a caller asks "what if" (the tests do).
 */
export function estimateCost(
  env: Environment,
  prices: PriceTable,
  today: string,
  pods: readonly FargatePods[] = fargatePods(env),
): CostEstimate {
  const regional = prices.regions[env.region] ?? {};
  const hours = prices.hoursPerMonth;
  const items: CostItem[] = [];
  // One item at a known unit price (with its source), or unknown with the reason, never guessed.
  const priced = (
    item: string,
    quantity: number,
    counts: string,
    unit: CostUnit,
    price: { usd: number; source: string } | { unknown: string },
  ) => {
    if ("unknown" in price) {
      items.push({
        item,
        quantity,
        counts,
        unit,
        unitUsd: null,
        monthlyUsd: null,
        source: `unknown: ${price.unknown}`,
      });
      return;
    }
    const monthlyUsd = round2(quantity * price.usd * (unit === "hour" ? hours : 1));
    items.push({ item, quantity, counts, unit, unitUsd: price.usd, monthlyUsd, source: price.source });
  };
  // An item priced from the table (vendor/aws-prices/prices.json).
  const add = (item: string, quantity: number, counts: string, key: PriceKey, unknownWhy?: string) => {
    const price = regional[key];
    priced(
      item,
      quantity,
      counts,
      UNITS[key],
      !price || unknownWhy
        ? { unknown: unknownWhy ?? `vendor/aws-prices/prices.json has no ${key} price for ${env.region}` }
        : { usd: price.usd, source: priceSource(price) },
    );
  };

  // Network: a NAT gateway and its Elastic IP per NAT zone.
  const nats = natZones(env.natStrategy, env.availabilityZones).length;
  add("NAT gateways", nats, "gateway", "natGatewayHour");
  add("Public IPv4 addresses: NAT gateways' Elastic IPs", nats, "address", "publicIpv4Hour");

  // Cluster: the control plane at the price of its support window (the loader refuses versions out of support).
  const extended = supportStatus(env.kubernetesVersion, today) === "extended";
  add(
    `EKS control plane (${extended ? "extended" : "standard"} support)`,
    1,
    "cluster",
    extended ? "eksClusterExtendedHour" : "eksClusterStandardHour",
  );
  // The customer-managed keys the stacks create (the logs key and the secrets key).
  add("KMS keys", environmentKmsKeyAliases(env).length, "key", "kmsKeyMonth");

  // Fargate: every pod at the size Fargate provisions for its requests.
  for (const { label, replicas, pod } of pods) {
    let size: FargateSize;
    try {
      size = fargateSize(pod);
    } catch (error) {
      // Too large for Fargate: the Fargate guard stops synthesis with the reason; the estimate only says so.
      const why = (error as Error).message;
      add(`Fargate vCPU: ${label}`, 0, "vCPU", "fargateVcpuHour", why);
      add(`Fargate memory: ${label}`, 0, "GB", "fargateGbHour", why);
      continue;
    }
    add(`Fargate vCPU: ${label}`, replicas * size.vcpu, "vCPU", "fargateVcpuHour");
    add(`Fargate memory: ${label}`, replicas * size.memoryGb, "GB", "fargateGbHour");
  }

  // Nodes: each managed node group's instances at its desired size (the autoscaler moves it between
  // minSize and maxSize), priced as the type the group launches first, and their gp3 root volumes.
  for (const plan of env.compute.nodeGroups.map((g) => planNodeGroup(g, env.compute.prefixDelegation))) {
    const { settings } = plan;
    const [first] = plan.instanceTypes;
    const spot = settings.capacityType === "SPOT" ? ", Spot priced on demand" : "";
    const label = `node group ${settings.name} (${first.name}${spot})`;
    const usd = first.onDemandUsdPerHour[env.region as keyof typeof first.onDemandUsdPerHour];
    priced(
      `EC2 instances: ${label}`,
      settings.desiredSize,
      "instance",
      "hour",
      usd === undefined
        ? { unknown: `vendor/ec2-instances/instances.json has no ${env.region} price for ${first.name}` }
        : { usd, source: INSTANCE_PRICE_SOURCE },
    );
    add(
      `EBS gp3 root volumes: node group ${settings.name}`,
      settings.desiredSize * settings.diskSizeGiB,
      "GB",
      "ebsGp3GbMonth",
    );
  }

  // Load balancers the controller creates for the samples, in a public subnet of each zone when internet-facing.
  const capacityUnits = env.cost.loadBalancerCapacityUnits;
  for (const lb of loadBalancersOf(environmentSamples(env))) {
    const [hourly, capacity, unitName] =
      lb.kind === "ALB" ? (["albHour", "albLcuHour", "LCU"] as const) : (["nlbHour", "nlbNlcuHour", "NLCU"] as const);
    add(`${lb.kind}: ${lb.label}`, 1, "load balancer", hourly);
    add(`${lb.kind} capacity units: ${lb.label}`, capacityUnits, unitName, capacity);
    if (lb.internetFacing) {
      add(
        `Public IPv4 addresses: ${lb.kind} of ${lb.label}`,
        env.availabilityZones.length,
        "address",
        "publicIpv4Hour",
      );
    }
  }

  // EKS Auto Mode: its management fee per instance-hour, with the instances as usage (modules/cost/auto-mode.ts).
  if (env.compute.autoMode.enabled) items.push(...autoModeCostItems({ instances: 0 }));

  // CloudWatch Logs: each group the stacks create ingests its assumed volume and keeps it for the
  // retention period. VPC flow logs are vended logs, with their own ingestion price.
  const volumes = env.cost.logsGbPerMonth;
  const retention = env.cluster.logRetentionDays;
  for (const { name, source } of environmentLogGroups(env)) {
    const gb = source === "controlPlane" && env.cluster.logTypes.length === 0 ? 0 : volumes[source];
    add(
      `CloudWatch Logs ingestion: ${name}`,
      gb,
      "GB",
      source === "flowLogs" ? "vendedLogsIngestionGb" : "logsIngestionGb",
    );
    add(`CloudWatch Logs storage: ${name}`, round2((gb * retention * 24) / hours), "GB-month", "logsStorageGbMonth");
  }

  const known = items.filter((i) => i.monthlyUsd !== null);
  const cents = known.reduce((sum, i) => sum + Math.round(i.monthlyUsd! * 100), 0);
  return {
    environment: env.name,
    region: env.region,
    monthlyUsd: cents / 100,
    items,
    unknown: items.filter((i) => i.monthlyUsd === null).map((i) => i.item),
    assumptions: assumptions(env, hours),
    notes: calendarNotes(env, prices, today),
  };
}

function assumptions(env: Environment, hours: number): string[] {
  const { loadBalancerCapacityUnits: lcu, logsGbPerMonth: logs } = env.cost;
  const fluentBit = env.addons.fluentBitProcessLogs ? `, ${logs.fluentBitProcess} GB of Fluent Bit process logs` : "";
  const flowLogs = env.flowLogs.enabled
    ? `, ${logs.flowLogs} GB of VPC flow logs of ${env.flowLogs.trafficType} traffic`
    : "";
  return [
    `${hours} hours a month at on-demand list prices (vendor/aws-prices/prices.json), before free tiers, ` +
      `discounts and taxes; traffic-dependent charges (NAT and load balancer data, data transfer, KMS requests) are not included.`,
    `Each load balancer uses ${lcu} capacity unit${lcu === 1 ? "" : "s"} (LCU or NLCU) every hour (cost.loadBalancerCapacityUnits).`,
    `CloudWatch Logs ingests ${logs.controlPlane} GB a month of control-plane logs, ${logs.fargatePods} GB of pod logs${fluentBit}${flowLogs} ` +
      `(cost.logsGbPerMonth), and stores each month's logs for ${env.cluster.logRetentionDays} days as ingested, uncompressed (an upper bound).`,
    "Each KMS key costs its first-year price; automatic rotation adds $1 a month after the first and after the second year.",
    ...env.compute.nodeGroups.map(
      (g) =>
        `Node group ${g.name} runs its desiredSize of ${g.desiredSize} (it may scale from ${g.minSize} to ${g.maxSize}) at the on-demand price of ${g.instanceTypes[0]}` +
        `${g.capacityType === "SPOT" ? "; Spot usually costs less but varies by hour and zone, so it is priced on demand as an upper bound" : ""}.`,
    ),
    ...(env.compute.karpenter.enabled
      ? [
          `Karpenter's nodes are billed as they run, so they are usage, not part of the total: ` +
            env.compute.karpenter.nodePools
              .map((p) => `pool ${p.name} at most ${p.cpuLimit} vCPUs (cpuLimit)`)
              .join(", ") +
            `, of instance categories the pool allows.`,
        ]
      : []),
  ];
}

function calendarNotes(env: Environment, prices: PriceTable, today: string): string[] {
  const row = eksVersion(env.kubernetesVersion);
  if (!row) {
    // A version newer than the calendar (the loader lets it through with a warning) is in standard support.
    return [
      `Kubernetes ${env.kubernetesVersion} is newer than the release calendar (modules/cluster/versions.ts): ` +
        "its control plane is priced at the standard-support price; add its row to know when that ends.",
    ];
  }
  const regional = prices.regions[env.region] ?? {};
  const monthly = (key: PriceKey) => {
    const price = regional[key];
    return price ? `$${(price.usd * prices.hoursPerMonth).toFixed(2)} a month` : "its unknown price";
  };
  const version = `Kubernetes ${env.kubernetesVersion}`;
  if (supportStatus(env.kubernetesVersion, today) === "extended") {
    return [
      `${version} is in extended support until ${row.endOfExtendedSupport}: its control plane costs ` +
        `${monthly("eksClusterExtendedHour")} instead of ${monthly("eksClusterStandardHour")} in standard support; upgrade to save the difference.`,
    ];
  }
  const after =
    env.cluster.supportType === "EXTENDED"
      ? `extended support raises the control plane to ${monthly("eksClusterExtendedHour")} (cluster.supportType "EXTENDED")`
      : `EKS upgrades the control plane to the next version (cluster.supportType "STANDARD")`;
  return [`${version} is in standard support until ${row.endOfStandardSupport}; after that, ${after}.`];
}
