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

    this.output("vpc_id", network.vpc.id, "ID of the VPC");
    this.output("vpc_cidr", network.vpc.cidrBlock, "IPv4 block of the VPC");
    this.output(
      "private_subnet_ids",
      network.privateSubnets.map((s) => s.id),
      "Private subnets, in zone order (Fargate pods, control plane)",
    );
    this.output(
      "public_subnet_ids",
      network.publicSubnets.map((s) => s.id),
      "Public subnets, in zone order (NAT, internet-facing load balancers)",
    );
    this.output("azs", env.availabilityZones, "Availability zones, in the order of the subnet lists");
    this.output(
      "nat_public_ips",
      network.natIps.map((e) => e.publicIp),
      "Egress addresses of the NAT gateways",
    );
  }
}
