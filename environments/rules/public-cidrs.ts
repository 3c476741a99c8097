import { type Ipv4Cidr, formatCidr, parseCidr } from "../../modules/network/cidr";
import { PUBLIC_ENDPOINT_CIDRS } from "./quotas";
import type { EnvironmentFields, Problem } from "../schema";

// Traffic to the cluster's public API endpoint comes from public addresses only, so a private or
// reserved block in publicAccessCidrs can only be a mistake (often a VPN or office range meant for the
// private endpoint). EKS: "API server endpoint access", https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
// The ranges are IANA's IPv4 Special-Purpose Address Registry (RFC 6890 and its updates),
// https://www.iana.org/assignments/iana-ipv4-special-registry/, plus multicast (RFC 5771).

/** A range no client on the internet has an address in, and what it is. */
export interface NonPublicRange {
  /** The range, e.g. "10.0.0.0/8". */
  cidr: string;
  /** What the range is, for the message. */
  name: string;
}

export const NON_PUBLIC_RANGES: readonly NonPublicRange[] = [
  { cidr: "0.0.0.0/8", name: '"this network" (RFC 791)' },
  { cidr: "10.0.0.0/8", name: "a private range (RFC 1918)" },
  { cidr: "100.64.0.0/10", name: "carrier-grade NAT space (RFC 6598)" },
  { cidr: "127.0.0.0/8", name: "loopback (RFC 1122)" },
  { cidr: "169.254.0.0/16", name: "link-local (RFC 3927)" },
  { cidr: "172.16.0.0/12", name: "a private range (RFC 1918)" },
  { cidr: "192.0.0.0/24", name: "IETF protocol assignments (RFC 6890)" },
  { cidr: "192.0.2.0/24", name: "a documentation range (RFC 5737)" },
  { cidr: "192.88.99.0/24", name: "the deprecated 6to4 relay anycast range (RFC 7526)" },
  { cidr: "192.168.0.0/16", name: "a private range (RFC 1918)" },
  { cidr: "198.18.0.0/15", name: "benchmarking space (RFC 2544)" },
  { cidr: "198.51.100.0/24", name: "a documentation range (RFC 5737)" },
  { cidr: "203.0.113.0/24", name: "a documentation range (RFC 5737)" },
  { cidr: "224.0.0.0/4", name: "multicast (RFC 5771)" },
  { cidr: "240.0.0.0/4", name: "reserved for future use (RFC 1112)" },
];

const PARSED = NON_PUBLIC_RANGES.map((range) => ({ range, block: parseCidr(range.cidr)! }));

function within(inner: Ipv4Cidr, outer: Ipv4Cidr): boolean {
  const size = (c: Ipv4Cidr) => 2 ** (32 - c.prefix);
  return (
    inner.prefix >= outer.prefix &&
    inner.address >= outer.address &&
    inner.address + size(inner) <= outer.address + size(outer)
  );
}

/**
 * Why a block cannot be a source of traffic to a public endpoint (it lies inside a private or reserved
 * range), or undefined. A wider block that merely contains such a range (0.0.0.0/0) is fine.
 */
export function publicCidrProblem(cidr: string): string | undefined {
  const block = parseCidr(cidr);
  if (!block) return undefined;
  const hit = PARSED.find(({ block: reserved }) => within(block, reserved));
  if (!hit) return undefined;
  return (
    `"${formatCidr(block)}" is inside ${hit.range.cidr}, ${hit.range.name}: no request to the public endpoint comes from there; ` +
    `list the public addresses your users and CI reach AWS from, or reach the API through the private endpoint instead`
  );
}

/** Who may reach the API endpoint: blocks only with a public endpoint, each public, within EKS's limit. */
export function endpointRules(env: EnvironmentFields, problem: Problem): void {
  const { cluster } = env;
  if (cluster.endpointAccess === "private" && cluster.publicAccessCidrs) {
    problem(
      ["cluster", "publicAccessCidrs"],
      'is set but the endpoint is private; remove it or choose "public-and-private"',
    );
  } else if (cluster.publicAccessCidrs) {
    cluster.publicAccessCidrs.forEach((block, i) => {
      const notPublic = publicCidrProblem(block);
      if (notPublic) problem(["cluster", "publicAccessCidrs", i], notPublic);
    });
    // A restricted public-only endpoint also lists each NAT gateway's address (modules/cluster/eks-cluster.ts).
    const natIps =
      cluster.endpointAccess === "public" ? (env.natStrategy === "single" ? 1 : env.availabilityZones.length) : 0;
    const total = cluster.publicAccessCidrs.length + natIps;
    if (total > PUBLIC_ENDPOINT_CIDRS.limit) {
      const nat =
        natIps > 0 ? ` plus the ${natIps} NAT address${natIps > 1 ? "es" : ""} a public-only endpoint adds` : "";
      problem(
        ["cluster", "publicAccessCidrs"],
        `lists ${cluster.publicAccessCidrs.length} blocks${nat}, over EKS's limit of ${PUBLIC_ENDPOINT_CIDRS.limit} ("${PUBLIC_ENDPOINT_CIDRS.name}", a quota AWS does not raise); merge blocks into wider ones`,
      );
    }
  }
}
