import { DataAwsIamSessionContext } from "@cdktf/provider-aws/lib/data-aws-iam-session-context";
import type { Construct } from "constructs";
import { CurrentAccount } from "../logging/account";

/**
 * Who runs the deploy, read at plan time: the account and partition, and the IAM principal behind
 * the caller. Deploys usually run as an assumed role, whose caller ARN is an STS session
 * (arn:aws:sts::<account>:assumed-role/<role>/<session>) that access entries and key policies do
 * not accept; the session context resolves it to the role's IAM ARN.
 */
export class DeployingIdentity extends CurrentAccount {
  /** IAM ARN of the deploying role or user. */
  readonly principalArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const session = new DataAwsIamSessionContext(this, "session", { arn: this.callerArn });
    session.overrideLogicalId("current");
    this.principalArn = session.issuerArn;
  }
}
