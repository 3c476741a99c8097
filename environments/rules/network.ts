// The VPC's subnet plan, checked at load: the zones fit it and it fits vpcCidr.

import { parseCidr } from "../../modules/network/cidr";
import { MAX_ZONES, subnetPlanProblem } from "../../modules/network/subnet-plan";
import type { EnvironmentFields, Problem } from "../schema";

/** The zones fit the subnet plan, and the plan fits vpcCidr. */
export function subnetPlanRules(env: EnvironmentFields, problem: Problem): void {
  // The zone count is the availabilityZones' problem; the VPC block's own problems are vpcCidr's.
  if (env.availabilityZones.length > MAX_ZONES) {
    problem(
      ["availabilityZones"],
      `lists ${env.availabilityZones.length} zones, but the subnet plan fits at most ${MAX_ZONES} (a ${MAX_ZONES + 1}th private subnet would overlap the public ones); list 2 or ${MAX_ZONES}`,
    );
  } else if (parseCidr(env.vpcCidr)) {
    const plan = subnetPlanProblem(env.vpcCidr, env.availabilityZones.length);
    if (plan) problem(["vpcCidr"], plan);
  }
}
