import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Fn, TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import { irsaTrustPolicy } from "./trust-policy";

/** Settings of an IAM role for one Kubernetes service account. */
export interface IrsaRoleProps {
  /** Name of the IAM role and of its policy. */
  name: string;
  /** What the role is for, shown in the IAM console. */
  description: string;
  /** ARN of the cluster's IAM OIDC provider (cluster stack's oidc_provider_arn). */
  oidcProviderArn: string;
  /** The cluster's OIDC issuer URL, https:// included (cluster stack's oidc_issuer_url). */
  oidcIssuerUrl: string;
  /** Namespace of the service account. */
  namespace: string;
  /** The one service account allowed to assume the role. */
  serviceAccount: string;
  /** The role's permissions: a policy JSON document the role gets as its own customer-managed policy, or an AWS-managed policy's ARN. */
  policy: { document: string } | { managedPolicyArn: string };
}

/**
 * An IAM role that one Kubernetes service account assumes through the cluster's OIDC provider
 * (IRSA: the only way to give Fargate pods AWS credentials), with its own policy or an AWS-managed one.
 * Terraform addresses are the construct id: aws_iam_role.<id>, aws_iam_policy.<id>, ...
 */
export class IrsaRole extends Construct {
  /** The role; its ARN goes into the service account's eks.amazonaws.com/role-arn annotation. */
  readonly role: IamRole;
  /** The attachment: depend on it so a pod never starts with the role but not its permissions. */
  readonly attachment: IamRolePolicyAttachment;

  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id);

    // The issuer is known only once the cluster exists, so Terraform strips the scheme, not TypeScript.
    // A local keeps the trust policy a plain JSON string with ${local.*} references.
    const issuer = new TerraformLocal(this, "local_oidc_issuer", Fn.replace(props.oidcIssuerUrl, "https://", ""));
    issuer.overrideLogicalId(`${id}_oidc_issuer`);

    const trust = irsaTrustPolicy({
      oidcProviderArn: props.oidcProviderArn,
      issuerHostPath: issuer.asString,
      namespace: props.namespace,
      serviceAccount: props.serviceAccount,
    });
    this.role = new IamRole(this, "role", {
      name: props.name,
      description: props.description,
      assumeRolePolicy: JSON.stringify(trust),
    });
    this.role.overrideLogicalId(id);

    let policyArn: string;
    if ("document" in props.policy) {
      const policy = new IamPolicy(this, "policy", {
        name: props.name,
        description: props.description,
        policy: props.policy.document,
      });
      policy.overrideLogicalId(id);
      policyArn = policy.arn;
    } else {
      policyArn = props.policy.managedPolicyArn;
    }

    this.attachment = new IamRolePolicyAttachment(this, "attachment", {
      role: this.role.name,
      policyArn,
    });
    this.attachment.overrideLogicalId(id);
  }
}
