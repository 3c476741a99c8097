import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { Construct } from "constructs";
import { LogGroup } from "../../logging/log-group";
import { fargateLogGroupName, fargateLoggingPolicyName, fluentBitProcessLogGroupName } from "../../cluster/names";
import { fargateLoggingPolicy } from "./policy";

/** Settings of where Fargate pod logs go. */
export interface FargateLogDestinationProps {
  /** Cluster name, prefix of the log group and policy names. */
  clusterName: string;
  /** Retention of the log groups, in days. */
  retentionDays: number;
  /** Customer-managed KMS key encrypting the pod log group; writers need no KMS permission for it. */
  kmsKeyArn: string;
  /** Whether Fluent Bit's own process logs go to CloudWatch too (the add-ons stack's flb_log_cw). */
  fluentBitProcessLogs: boolean;
  /** Region of the cluster, for the process log group's ARN. */
  region: string;
  /** Account of the cluster, for the process log group's ARN. */
  accountId: string;
  /** ARN partition of the account. */
  partition: string;
}

/**
 * What Fargate's built-in Fluent Bit needs before the add-ons stack turns logging on: the pod log
 * group and an IAM policy, for every pod execution role, limited to that group. When Fluent Bit's
 * process logs are on, the policy also covers their group, whose name Fargate fixes; the add-ons
 * stack creates that group (with retention), the policy only needs its ARN.
 */
export class FargateLogDestination extends Construct {
  /** Log group of pod logs. */
  readonly logGroup: LogGroup;
  /** Policy to attach to every pod execution role. */
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: FargateLogDestinationProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, "log_pods", {
      name: fargateLogGroupName(props.clusterName),
      retentionDays: props.retentionDays,
      kmsKeyArn: props.kmsKeyArn,
      terraformName: "fargate_pods",
    });
    const groupArns = [this.logGroup.arn];
    if (props.fluentBitProcessLogs) {
      const name = fluentBitProcessLogGroupName(props.clusterName);
      groupArns.push(`arn:${props.partition}:logs:${props.region}:${props.accountId}:log-group:${name}`);
    }

    this.policy = new IamPolicy(this, "policy", {
      name: fargateLoggingPolicyName(props.clusterName),
      description: `Lets Fargate pods of ${props.clusterName} send their logs to CloudWatch`,
      policy: JSON.stringify(fargateLoggingPolicy(groupArns)),
    });
    this.policy.overrideLogicalId("fargate_logging");
  }
}
