import { cidrSubnet, formatCidr, parseCidr } from "./cidr";

/** The two subnets the network stack creates in one availability zone. */
export interface ZoneSubnets {
  /** Availability zone name, e.g. ap-northeast-2a. */
  availabilityZone: string;
  /** Zone letter used in Terraform addresses and Name tags, e.g. "a". */
  suffix: string;
  /** Private subnet: cidrsubnet(vpc, 4, k), a /20 in a /16 (Fargate pods and the control plane). */
  privateCidr: string;
  /** Public subnet: cidrsubnet(vpc, 8, k + 48), a /24 in a /16 (NAT gateways and internet-facing load balancers). */
  publicCidr: string;
  /** The private subnet's upper half, kept for nodes' /28 prefixes when prefix delegation is on (a /21 in a /16). */
  prefixReservationCidr: string;
}

// The blueprint's layout: private blocks 0..n-1 of the /+4 split, public blocks from /+8 index 48,
// which is the fourth /+4 block. AWS subnets are /16 to /28.
const PRIVATE_NEWBITS = 4;
const PUBLIC_NEWBITS = 8;
const PUBLIC_OFFSET = 48;
const SMALLEST_SUBNET_PREFIX = 28;

/**
 * The most zones the plan holds: private block k must stay below the first public block, which is
 * private block PUBLIC_OFFSET / 2^(PUBLIC_NEWBITS - PRIVATE_NEWBITS) = 3.
 */
export const MAX_ZONES = PUBLIC_OFFSET / 2 ** (PUBLIC_NEWBITS - PRIVATE_NEWBITS);

/** The Load Balancer Controller's subnet discovery tag of each kind of subnet. */
export const SUBNET_ROLE_TAG = {
  private: "kubernetes.io/role/internal-elb",
  public: "kubernetes.io/role/elb",
} as const;

/** Tags of one subnet: its Name (prefix, kind, zone) and the role tag the Load Balancer Controller looks for. */
export function subnetTags(
  prefix: string,
  kind: "private" | "public",
  availabilityZone: string,
): Record<string, string> {
  return { Name: `${prefix}-${kind}-${availabilityZone}`, [SUBNET_ROLE_TAG[kind]]: "1" };
}

/** Why the VPC CIDR cannot hold the subnet plan for this many zones, or undefined when it can. */
export function subnetPlanProblem(vpcCidr: string, zoneCount: number): string | undefined {
  const vpc = parseCidr(vpcCidr);
  if (!vpc) return "is not an IPv4 CIDR block";
  if (vpc.prefix < 16 || vpc.prefix > SMALLEST_SUBNET_PREFIX) {
    return `a VPC block must be between /16 and /28 (AWS limit), got /${vpc.prefix}`;
  }
  if (vpc.prefix + PUBLIC_NEWBITS > SMALLEST_SUBNET_PREFIX) {
    return (
      `/${vpc.prefix} is too small for the subnet plan: public subnets would be ` +
      `/${vpc.prefix + PUBLIC_NEWBITS}, smaller than AWS's /28 minimum; use /20 or larger (e.g. /16)`
    );
  }
  if (zoneCount > MAX_ZONES) {
    return `the subnet plan fits at most ${MAX_ZONES} availability zones: a ${MAX_ZONES + 1}th private subnet would overlap the public subnets`;
  }
  return undefined;
}

/** The private and public subnet of every zone, in zone order; throws when subnetPlanProblem() reports one. */
export function planSubnets(vpcCidr: string, availabilityZones: string[]): ZoneSubnets[] {
  const problem = subnetPlanProblem(vpcCidr, availabilityZones.length);
  if (problem) throw new Error(problem);
  const vpc = parseCidr(vpcCidr)!;
  return availabilityZones.map((availabilityZone, k) => {
    const privateBlock = cidrSubnet(vpc, PRIVATE_NEWBITS, k);
    return {
      availabilityZone,
      suffix: availabilityZone.slice(-1),
      privateCidr: formatCidr(privateBlock),
      publicCidr: formatCidr(cidrSubnet(vpc, PUBLIC_NEWBITS, PUBLIC_OFFSET + k)),
      prefixReservationCidr: formatCidr(cidrSubnet(privateBlock, 1, 1)),
    };
  });
}
