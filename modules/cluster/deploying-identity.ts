import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamSessionContext } from "@cdktf/provider-aws/lib/data-aws-iam-session-context";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { Construct } from "constructs";

/**
 * Who runs the deploy, read at plan time: the account, the partition, and the IAM principal behind
 * the caller. Deploys usually run as an assumed role, whose caller ARN is an STS session
 * (arn:aws:sts::<account>:assumed-role/<role>/<session>) that access entries and key policies do
 * not accept; the session context resolves it to the role's IAM ARN.
 */
export class DeployingIdentity extends Construct {
  /** Account the stack deploys into. */
  readonly accountId: string;
  /** ARN partition ("aws", "aws-cn", ...). */
  readonly partition: string;
  /** IAM ARN of the deploying role or user. */
  readonly principalArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const caller = new DataAwsCallerIdentity(this, "caller");
    caller.overrideLogicalId("current");
    const partition = new DataAwsPartition(this, "partition");
    partition.overrideLogicalId("current");
    const session = new DataAwsIamSessionContext(this, "session", { arn: caller.arn });
    session.overrideLogicalId("current");

    this.accountId = caller.accountId;
    this.partition = partition.partition;
    this.principalArn = session.issuerArn;
  }
}
