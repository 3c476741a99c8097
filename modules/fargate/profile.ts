import { EksFargateProfile } from "@cdktf/provider-aws/lib/eks-fargate-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { terraformName } from "../cluster/names";
import type { FargateSelector } from "./selector";

/** Settings of one Fargate profile and its pod execution role. */
export interface FargateProfileProps {
  /** Cluster to run on: the cluster resource's name attribute, so the profile waits for the cluster. */
  clusterName: string;
  /** Profile name (EKS) and, normalized, its Terraform name. */
  profileName: string;
  /** Pods matching any of these run on Fargate with this profile (at most 5). */
  selectors: FargateSelector[];
  /** Private subnets for the pods: Fargate accepts no subnet with a route to an internet gateway. */
  subnetIds: string[];
  /** Name of the pod execution role, at most 64 characters. */
  roleName: string;
  /** Region of the cluster, for the role's trust condition. */
  region: string;
  /** Account of the cluster, for the role's trust condition. */
  accountId: string;
  /** ARN partition of the account. */
  partition: string;
  /** Policy letting Fargate's log router write pod logs, attached to the role. */
  loggingPolicyArn: string;
  /** What must exist first: the previous profile, since EKS changes one profile per cluster at a time. */
  dependsOn?: ITerraformDependable[];
}

/**
 * A Fargate profile with its own pod execution role. The role is what Fargate's kubelet and log
 * router run as: it pulls images (AmazonEKSFargatePodExecutionRolePolicy) and sends pod logs.
 * Its trust is limited to Fargate profiles of this cluster in this account (confused-deputy guard).
 */
export class FargateProfile extends Construct {
  /** The profile. */
  readonly profile: EksFargateProfile;
  /** Its pod execution role. */
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: FargateProfileProps) {
    super(scope, id);
    const name = terraformName(props.profileName);

    this.role = new IamRole(this, "role_pod_execution", {
      name: props.roleName,
      description: `Fargate pod execution role of profile ${props.profileName}`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "eks-fargate-pods.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
              ArnLike: {
                "aws:SourceArn": `arn:${props.partition}:eks:${props.region}:${props.accountId}:fargateprofile/${props.clusterName}/*`,
              },
            },
          },
        ],
      }),
    });
    this.role.overrideLogicalId(`fargate_${name}`);

    const execution = new IamRolePolicyAttachment(this, "attach_execution", {
      role: this.role.name,
      policyArn: `arn:${props.partition}:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy`,
    });
    execution.overrideLogicalId(`fargate_${name}_execution`);
    const logging = new IamRolePolicyAttachment(this, "attach_logging", {
      role: this.role.name,
      policyArn: props.loggingPolicyArn,
    });
    logging.overrideLogicalId(`fargate_${name}_logging`);

    this.profile = new EksFargateProfile(this, "profile", {
      clusterName: props.clusterName,
      fargateProfileName: props.profileName,
      podExecutionRoleArn: this.role.arn,
      subnetIds: props.subnetIds,
      selector: props.selectors.map((s) => ({ namespace: s.namespace, labels: s.labels })),
      // Pods must be able to pull images and ship logs from their first start.
      dependsOn: [execution, logging, ...(props.dependsOn ?? [])],
    });
    this.profile.overrideLogicalId(name);
  }
}
