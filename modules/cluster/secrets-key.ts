import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { secretsKeyAlias } from "./names";

/** Settings of the KMS key that encrypts the cluster's Kubernetes secrets. */
export interface SecretsKeyProps {
  /** EKS cluster name: in the description and the alias alias/eks/<cluster>. */
  clusterName: string;
  /** Account owning the key; its root principal administers the key through IAM. */
  accountId: string;
  /** ARN partition of the account. */
  partition: string;
  /** The cluster's IAM role, the only principal allowed to use the key by the key policy itself. */
  clusterRoleArn: string;
}

// What EKS needs from the key to encrypt and decrypt secrets (EKS user guide, "Encrypt Kubernetes
// secrets with KMS"; terraform-aws-eks grants the cluster role the same four).
const CLUSTER_ROLE_KEY_USE = ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"];

/**
 * A customer-managed KMS key with yearly rotation, for envelope encryption of Kubernetes secrets.
 * The key policy is the least that works: the account (so IAM policies decide who administers it,
 * and it can never become unmanageable) and the cluster role's use of it.
 */
export class SecretsKey extends Construct {
  /** The key. */
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: SecretsKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, "key", {
      description: `${props.clusterName} EKS secrets encryption`,
      enableKeyRotation: true,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AccountAdministersThroughIam",
            Effect: "Allow",
            Principal: { AWS: `arn:${props.partition}:iam::${props.accountId}:root` },
            Action: "kms:*",
            Resource: "*",
          },
          {
            Sid: "ClusterRoleUse",
            Effect: "Allow",
            Principal: { AWS: props.clusterRoleArn },
            Action: CLUSTER_ROLE_KEY_USE,
            Resource: "*",
          },
        ],
      }),
    });
    this.key.overrideLogicalId("cluster_secrets");

    new KmsAlias(this, "alias", {
      name: secretsKeyAlias(props.clusterName),
      targetKeyId: this.key.keyId,
    }).overrideLogicalId("cluster_secrets");
  }
}
