import { z } from "zod";
import table from "../../vendor/ec2-instances/instances.json";

// Facts about the EC2 instance types node groups may use, from vendor/ec2-instances/instances.json
// (sources per field in its README and its `sources` block). Checked against this schema on load, so a
// hand-edited table that lost a field fails here rather than as a wrong max-pods or price later.

/** Regions the table holds on-demand prices for (a region missing on a type means no price was found). */
export const PRICED_REGIONS = ["ap-northeast-2", "us-east-1"] as const;

const count = z.number().int().nonnegative();
const positive = z.number().int().positive();

const entry = z.strictObject({
  vcpu: positive,
  memoryMiB: positive,
  architecture: z.enum(["x86_64", "arm64"]),
  // DescribeInstanceTypes gives bare-metal types no hypervisor, which the VPC CNI records as "unknown".
  hypervisor: z.enum(["nitro", "xen", "none"]),
  bareMetal: z.boolean(),
  maxEnis: positive,
  ipv4PerEni: positive,
  gpus: count,
  eniMaxPods: positive.optional(),
  onDemandUsdPerHour: z.partialRecord(z.enum(PRICED_REGIONS), z.number().positive()),
});

const file = z.strictObject({
  instanceTypes: z.record(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/), entry),
  sources: z.record(z.string(), z.unknown()),
});

/** What the project knows about one EC2 instance type. */
export interface InstanceTypeInfo {
  /** Instance type name, e.g. "t3.medium". */
  name: string;
  /** Default vCPUs. */
  vcpu: number;
  /** Memory in MiB. */
  memoryMiB: number;
  /** CPU architecture as EC2 names it (Kubernetes calls x86_64 "amd64"). */
  architecture: "x86_64" | "arm64";
  /**
   * Hypervisor; "none" for bare metal. The VPC CNI allows prefix delegation on "nitro" or bare metal
   * (IsPrefixDelegationSupported, aws/amazon-vpc-cni-k8s pkg/awsutils/awsutils.go).
   */
  hypervisor: "nitro" | "xen" | "none";
  /** Whether the type is bare metal. */
  bareMetal: boolean;
  /** Network interfaces on the default network card: the ENIs the VPC CNI can give pods. */
  maxEnis: number;
  /** IPv4 addresses per network interface, the primary one included. */
  ipv4PerEni: number;
  /** GPUs; 0 when none. */
  gpus: number;
  /** The EKS AMI's published max pods (eni-max-pods.txt), when listed there. */
  eniMaxPods?: number;
  /** On-demand Linux shared-tenancy price in USD per hour, by region, where found. */
  onDemandUsdPerHour: Partial<Record<(typeof PRICED_REGIONS)[number], number>>;
}

const parsed = file.parse(table);

/** Every vendored instance type, sorted by name. */
export const INSTANCE_TYPES: readonly InstanceTypeInfo[] = Object.entries(parsed.instanceTypes)
  .map(([name, info]) => ({ name, ...info }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const byName = new Map(INSTANCE_TYPES.map((info) => [info.name, info]));

/** The facts about an instance type, or undefined when the table does not hold it. */
export function instanceType(name: string): InstanceTypeInfo | undefined {
  return byName.get(name);
}
