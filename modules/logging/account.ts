import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { Construct } from "constructs";

/**
 * The account and ARN partition a stack deploys into, read at plan time, so policies and ARNs
 * name this account without an environment setting for it.
 */
export class CurrentAccount extends Construct {
  /** Account the stack deploys into. */
  readonly accountId: string;
  /** ARN partition ("aws", ...). */
  readonly partition: string;
  /** ARN of the caller: an IAM user, or an STS session of an assumed role. */
  readonly callerArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const caller = new DataAwsCallerIdentity(this, "caller");
    caller.overrideLogicalId("current");
    const partition = new DataAwsPartition(this, "partition");
    partition.overrideLogicalId("current");
    this.accountId = caller.accountId;
    this.partition = partition.partition;
    this.callerArn = caller.arn;
  }
}
