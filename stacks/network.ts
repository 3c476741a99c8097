import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { CurrentAccount } from "../modules/logging/account";
import { VpcFlowLogs } from "../modules/logging/flow-logs";
import { LogsKey } from "../modules/logging/logs-key";
import { PrefixReservations } from "../modules/network/prefix-reservations";
import { planSubnets } from "../modules/network/subnet-plan";
import { Vpc } from "../modules/network/vpc";
import { PlatformStack } from "./platform-stack";

/**
 * `<env>-network`: the VPC every other stack of the environment runs in, its flow logs, the KMS key
 * every log group of the environment is encrypted with (this stack is deployed first), and, with
 * prefix delegation, the private subnets' ranges kept for node prefixes.
 */
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

    if (env.compute.prefixDelegation) {
      new PrefixReservations(this, "prefix_reservations", {
        zones,
        privateSubnetIds: network.privateSubnets.map((s) => s.id),
      });
    }

    const account = new CurrentAccount(this, "account");
    const where = { partition: account.partition, accountId: account.accountId, region: env.region };
    const logsKey = new LogsKey(this, "logs_key", { ...where, clusterName: env.clusterName });
    if (env.flowLogs.enabled) {
      new VpcFlowLogs(this, "flow_logs", {
        ...where,
        clusterName: env.clusterName,
        vpcId: network.vpc.id,
        trafficType: env.flowLogs.trafficType,
        retentionDays: env.cluster.logRetentionDays,
        kmsKeyArn: logsKey.key.arn,
      });
    }

    this.outputs({
      vpc_id: network.vpc.id,
      vpc_cidr: network.vpc.cidrBlock,
      private_subnet_ids: network.privateSubnets.map((s) => s.id),
      public_subnet_ids: network.publicSubnets.map((s) => s.id),
      azs: env.availabilityZones,
      nat_public_ips: network.natIps.map((e) => e.publicIp),
      logs_kms_key_arn: logsKey.key.arn,
    });
  }
}
