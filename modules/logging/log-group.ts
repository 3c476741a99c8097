import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { Construct } from "constructs";

/** Settings of one log group. */
export interface LogGroupProps {
  /** Log group name (from modules/cluster/names.ts). */
  name: string;
  /** Days CloudWatch keeps the logs. */
  retentionDays: number;
  /** The environment's logs key (network stack's logs_kms_key_arn); referencing it orders the group after its policy. */
  kmsKeyArn: string;
  /** Terraform name: aws_cloudwatch_log_group.<terraformName>. */
  terraformName: string;
}

/**
 * The one way the project makes a log group: always with retention and encrypted with the
 * customer-managed logs key, so no group can be added without either.
 */
export class LogGroup extends CloudwatchLogGroup {
  constructor(scope: Construct, id: string, props: LogGroupProps) {
    super(scope, id, { name: props.name, retentionInDays: props.retentionDays, kmsKeyId: props.kmsKeyArn });
    this.overrideLogicalId(props.terraformName);
  }
}
