import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { planSubnets } from "../modules/network/subnet-plan";
import { Vpc } from "../modules/network/vpc";
import { PlatformStack } from "./platform-stack";

/** `<env>-network`: the VPC every other stack of the environment runs in. */
export class NetworkStack extends PlatformStack<"network"> {
  constructor(scope: Construct, env: Environment) {
    super(scope, env, "network");
    const zones = planSubnets(env.vpcCidr, env.availabilityZones);
    const network = new Vpc(this, "vpc", {
      name: env.clusterName,
      cidr: env.vpcCidr,
      zones,
      natStrategy: env.natStrategy,
    });

    this.outputs({
      vpc_id: network.vpc.id,
      vpc_cidr: network.vpc.cidrBlock,
      private_subnet_ids: network.privateSubnets.map((s) => s.id),
      public_subnet_ids: network.publicSubnets.map((s) => s.id),
      azs: env.availabilityZones,
      nat_public_ips: network.natIps.map((e) => e.publicIp),
    });
  }
}
