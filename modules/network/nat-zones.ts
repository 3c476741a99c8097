/** How many NAT gateways the VPC gets: one in the first zone, or one per zone. */
export type NatStrategy = "single" | "one-per-az";

/** The zones that get a NAT gateway (and its Elastic IP), in zone order. */
export function natZones<Zone>(strategy: NatStrategy, zones: readonly Zone[]): Zone[] {
  return strategy === "single" ? zones.slice(0, 1) : [...zones];
}
