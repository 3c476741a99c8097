import { EksCluster as AwsEksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { LogGroup } from "../logging/log-group";
import { clusterRoleName, controlPlaneLogGroupName } from "./names";
import { SecretsKey } from "./secrets-key";

/** Settings of the EKS control plane. */
export interface EksClusterProps {
  /** Cluster name. */
  name: string;
  /** Kubernetes minor version, e.g. "1.35". */
  kubernetesVersion: string;
  /** Private subnets for the control plane's network interfaces, in two or more zones. */
  subnetIds: string[];
  /** Which API endpoints exist: public only, public and private, or private only. */
  endpointAccess: "public" | "public-and-private" | "private";
  /** Blocks allowed to reach the public endpoint; undefined means anywhere (0.0.0.0/0). */
  publicAccessCidrs?: string[];
  /** The VPC's NAT egress addresses, allowed on a restricted public-only endpoint so Fargate pods reach the API. */
  natEgressIps: string[];
  /** Control-plane log types sent to CloudWatch. */
  logTypes: string[];
  /** Retention of the control-plane log group, in days. */
  logRetentionDays: number;
  /** Customer-managed KMS key encrypting the control-plane log group (the network stack's logs key). */
  logsKmsKeyArn: string;
  /** At the end of standard support: "EXTENDED" keeps the version at extra cost, "STANDARD" lets EKS upgrade it. */
  supportType: "EXTENDED" | "STANDARD";
  /** "API" or "API_AND_CONFIG_MAP": access entries decide who may use the cluster. */
  authenticationMode: "API" | "API_AND_CONFIG_MAP";
  /** Account of the cluster, for the KMS key policy. */
  accountId: string;
  /** ARN partition of the account. */
  partition: string;
  /** EKS Auto Mode: undefined when off; on, its built-in node pools and the role their nodes run with. */
  autoMode?: AutoModeProps;
}

/** EKS Auto Mode's cluster settings. */
export interface AutoModeProps {
  /** Built-in node pools ("general-purpose", "system"); may be empty. */
  nodePools: string[];
  /** Role of the nodes; required by EKS when nodePools is not empty. */
  nodeRoleArn?: string;
}

// The cluster role's policies for Auto Mode: EKS manages instances, EBS volumes, load balancers and network
// interfaces with it (EKS user guide, auto-learn-iam.html and auto-enable-existing.html).
const AUTO_MODE_CLUSTER_POLICIES = [
  ["cluster_compute", "AmazonEKSComputePolicy"],
  ["cluster_block_storage", "AmazonEKSBlockStoragePolicy"],
  ["cluster_load_balancing", "AmazonEKSLoadBalancingPolicy"],
  ["cluster_networking", "AmazonEKSNetworkingPolicy"],
];

/**
 * The cluster arguments of Auto Mode on: compute, block storage and load balancing together (EKS refuses
 * anything else; provider docs, r/eks_cluster "EKS Cluster with EKS Auto Mode"). Off, they are written only
 * where the deployed cluster has them (auto-mode-off.ts).
 */
function autoModeConfig(autoMode: AutoModeProps | undefined) {
  if (!autoMode) return {};
  return {
    computeConfig: { enabled: true, nodePools: autoMode.nodePools, nodeRoleArn: autoMode.nodeRoleArn },
    storageConfig: { blockStorage: { enabled: true } },
    kubernetesNetworkConfig: { elasticLoadBalancing: { enabled: true } },
  };
}

/**
 * The EKS control plane as the blueprint builds it for Fargate: its IAM role, a KMS key encrypting
 * Kubernetes secrets, the control-plane log group (encrypted with the environment's logs key), and
 * the cluster on the private subnets. No
 * security group is created: the cluster and Fargate pods use the one EKS creates.
 */
export class EksCluster extends Construct {
  /** The cluster. */
  readonly cluster: AwsEksCluster;
  /** The cluster's IAM role. */
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    const managedPolicy = (name: string) => `arn:${props.partition}:iam::aws:policy/${name}`;

    this.role = new IamRole(this, "role_cluster", {
      name: clusterRoleName(props.name),
      description: `EKS control plane of ${props.name}`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "eks.amazonaws.com" },
            // Auto Mode tags the sessions it opens with this role (EKS user guide, auto-cluster-iam-role.html).
            Action: props.autoMode ? ["sts:AssumeRole", "sts:TagSession"] : "sts:AssumeRole",
          },
        ],
      }),
    });
    this.role.overrideLogicalId("cluster");
    // AmazonEKSVPCResourceController: the blueprint's default; it lets EKS manage pod network interfaces.
    const attachments = [
      ["cluster_policy", "AmazonEKSClusterPolicy"],
      ["cluster_vpc_resource_controller", "AmazonEKSVPCResourceController"],
      ...(props.autoMode ? AUTO_MODE_CLUSTER_POLICIES : []),
    ].map(([logicalId, policy]) => {
      const attachment = new IamRolePolicyAttachment(this, `attach_${logicalId}`, {
        role: this.role.name,
        policyArn: managedPolicy(policy),
      });
      attachment.overrideLogicalId(logicalId);
      return attachment;
    });

    const key = new SecretsKey(this, "secrets_key", {
      clusterName: props.name,
      accountId: props.accountId,
      partition: props.partition,
      clusterRoleArn: this.role.arn,
    });

    // Created before the cluster, so EKS does not create it first without retention or encryption.
    const logGroup = new LogGroup(this, "log_control_plane", {
      name: controlPlaneLogGroupName(props.name),
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.logsKmsKeyArn,
      terraformName: "control_plane",
    });

    const isPublic = props.endpointAccess !== "private";
    const isPrivate = props.endpointAccess !== "public";
    // Without a private endpoint, Fargate pods reach the API through the NAT gateways.
    const publicAccessCidrs =
      props.endpointAccess === "public" && props.publicAccessCidrs
        ? Fn.concat([props.publicAccessCidrs, Fn.formatlist("%s/32", [props.natEgressIps])])
        : props.publicAccessCidrs;

    this.cluster = new AwsEksCluster(this, "cluster", {
      name: props.name,
      version: props.kubernetesVersion,
      roleArn: this.role.arn,
      vpcConfig: {
        subnetIds: props.subnetIds,
        endpointPublicAccess: isPublic,
        endpointPrivateAccess: isPrivate,
        publicAccessCidrs: isPublic ? (publicAccessCidrs ?? ["0.0.0.0/0"]) : undefined,
      },
      accessConfig: {
        authenticationMode: props.authenticationMode,
        // Access entries are managed explicitly, so removing the deployer's entry is a visible change.
        bootstrapClusterCreatorAdminPermissions: false,
      },
      upgradePolicy: { supportType: props.supportType },
      encryptionConfig: { resources: ["secrets"], provider: { keyArn: key.key.arn } },
      enabledClusterLogTypes: props.logTypes,
      ...autoModeConfig(props.autoMode),
      // The policies must be attached while the cluster is created, updated (Auto Mode) and deleted.
      dependsOn: [logGroup, ...attachments],
    });
    this.cluster.overrideLogicalId("cluster");
    // EKS refuses to create an Auto Mode cluster that bootstraps self-managed add-ons, and the attribute
    // forces a new cluster (hashicorp/terraform-provider-aws pull 40415; terraform-aws-eks issues 3266
    // and 3372). So it is decided once, at creation, and a later change is ignored: enabling Auto Mode on a
    // running cluster updates it in place (EKS user guide, auto-enable-existing.html).
    this.cluster.bootstrapSelfManagedAddons = !props.autoMode;
    this.cluster.lifecycle = {
      ...this.cluster.lifecycle,
      ignoreChanges: ["bootstrap_self_managed_addons"],
    };
  }
}
