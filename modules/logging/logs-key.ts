import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { logsKeyAlias } from "../cluster/names";
import { type LogsKeyScope, logsKeyPolicy } from "./key-policy";

/** Settings of the key that encrypts the environment's log groups. */
export interface LogsKeyProps extends LogsKeyScope {
  /** Cluster name: in the description and the alias. */
  clusterName: string;
}

/**
 * A customer-managed KMS key with yearly rotation for every CloudWatch log group of the environment.
 * It is not the secrets key: that one's policy lets the cluster role use it, this one's lets only
 * CloudWatch Logs use it, for this account's log groups. The policy is part of the key resource, so a
 * log group that references the key is created after CloudWatch Logs may use it (CloudWatch checks
 * the key when the group is created).
 */
export class LogsKey extends Construct {
  /** The key. */
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: LogsKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, "key", {
      description: `${props.clusterName} CloudWatch log groups encryption`,
      enableKeyRotation: true,
      policy: JSON.stringify(logsKeyPolicy(props)),
    });
    this.key.overrideLogicalId("logs");

    new KmsAlias(this, "alias", {
      name: logsKeyAlias(props.clusterName),
      targetKeyId: this.key.keyId,
    }).overrideLogicalId("logs");
  }
}
