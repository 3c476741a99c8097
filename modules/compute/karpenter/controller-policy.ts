// The permissions of Karpenter's controller, scoped to one cluster. Modelled on the policies of Karpenter
// v1's getting-started CloudFormation template (aws/karpenter-provider-aws,
// website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml at commit
// 1d927085dd81a9df9301e613f371dac5b4d16bfe: NodeLifecyclePolicy, IAMIntegrationPolicy,
// EKSIntegrationPolicy, InterruptionPolicy, ResourceDiscoveryPolicy), in one document because IRSA
// roles here carry one policy, without the statements' Sids: together they would pass IAM's 6,144
// characters for a managed policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
// Left out: the ZonalShiftPolicy (settings.enableZonalShift stays off) and
// the China partition's PassedToService value. What the tags mean:
// - Karpenter tags everything it creates with kubernetes.io/cluster/<name>=owned, eks:eks-cluster-name
//   and karpenter.sh/nodepool (instances, volumes, ENIs, launch templates, fleets) or
//   karpenter.k8s.aws/ec2nodeclass (instance profiles); creation requires those request tags and every
//   later change or deletion those resource tags, so another cluster's instances are out of reach.

/** What the policy is scoped to. */
export interface KarpenterPolicyScope {
  /** ARN partition, e.g. "aws". */
  partition: string;
  /** Region of the cluster. */
  region: string;
  /** Account of the cluster. */
  accountId: string;
  /** EKS cluster name, literal: it is part of condition keys. */
  clusterName: string;
  /** The node role, the only role the controller may pass (to EC2, through instance profiles). */
  nodeRoleArn: string;
  /** The interruption queue the controller reads. */
  queueArn: string;
}

/** IAM's limit on a managed policy's size, in characters without whitespace (source above). */
export const MANAGED_POLICY_SIZE_LIMIT = 6144;

/** The controller's IAM policy document. */
export function karpenterControllerPolicy(scope: KarpenterPolicyScope) {
  const { partition, region, accountId, clusterName } = scope;
  const ec2 = (resource: string) => `arn:${partition}:ec2:${region}:*:${resource}`;
  const instanceProfiles = `arn:${partition}:iam::${accountId}:instance-profile/*`;
  const clusterArn = `arn:${partition}:eks:${region}:${accountId}:cluster/${clusterName}`;
  const owned = (kind: "Request" | "Resource") => ({
    [`aws:${kind}Tag/kubernetes.io/cluster/${clusterName}`]: "owned",
  });
  const nodePoolTagged = (kind: "Request" | "Resource") => ({ [`aws:${kind}Tag/karpenter.sh/nodepool`]: "*" });
  const nodeClassTagged = (kind: "Request" | "Resource") => ({
    [`aws:${kind}Tag/karpenter.k8s.aws/ec2nodeclass`]: "*",
  });
  const regionTag = (kind: "Request" | "Resource") => ({ [`aws:${kind}Tag/topology.kubernetes.io/region`]: region });
  const clusterNameTag = { "aws:RequestTag/eks:eks-cluster-name": clusterName };
  const launched = [
    "fleet/*",
    "instance/*",
    "volume/*",
    "network-interface/*",
    "launch-template/*",
    "spot-instances-request/*",
  ].map(ec2);

  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["ec2:RunInstances", "ec2:CreateFleet"],
        Resource: [
          `arn:${partition}:ec2:${region}::image/*`,
          `arn:${partition}:ec2:${region}::snapshot/*`,
          ...["security-group/*", "subnet/*", "capacity-reservation/*", "placement-group/*"].map(ec2),
        ],
      },
      {
        Effect: "Allow",
        Action: ["ec2:RunInstances", "ec2:CreateFleet"],
        Resource: ec2("launch-template/*"),
        Condition: { StringEquals: owned("Resource"), StringLike: nodePoolTagged("Resource") },
      },
      {
        Effect: "Allow",
        Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
        Resource: launched,
        Condition: {
          StringEquals: { ...owned("Request"), ...clusterNameTag },
          StringLike: nodePoolTagged("Request"),
        },
      },
      {
        Effect: "Allow",
        Action: "ec2:CreateTags",
        Resource: launched,
        Condition: {
          StringEquals: {
            ...owned("Request"),
            ...clusterNameTag,
            "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"],
          },
          StringLike: nodePoolTagged("Request"),
        },
      },
      {
        Effect: "Allow",
        Action: "ec2:CreateTags",
        Resource: ec2("instance/*"),
        Condition: {
          StringEquals: owned("Resource"),
          StringLike: nodePoolTagged("Resource"),
          StringEqualsIfExists: clusterNameTag,
          "ForAllValues:StringEquals": { "aws:TagKeys": ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] },
        },
      },
      {
        Effect: "Allow",
        Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
        Resource: [ec2("instance/*"), ec2("launch-template/*")],
        Condition: { StringEquals: owned("Resource"), StringLike: nodePoolTagged("Resource") },
      },
      {
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: scope.nodeRoleArn,
        Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
      },
      {
        Effect: "Allow",
        Action: "iam:CreateInstanceProfile",
        Resource: instanceProfiles,
        Condition: {
          StringEquals: { ...owned("Request"), ...clusterNameTag, ...regionTag("Request") },
          StringLike: nodeClassTagged("Request"),
        },
      },
      {
        Effect: "Allow",
        Action: "iam:TagInstanceProfile",
        Resource: instanceProfiles,
        Condition: {
          StringEquals: {
            ...owned("Resource"),
            ...regionTag("Resource"),
            ...owned("Request"),
            ...clusterNameTag,
            ...regionTag("Request"),
          },
          StringLike: { ...nodeClassTagged("Resource"), ...nodeClassTagged("Request") },
        },
      },
      {
        Effect: "Allow",
        Action: ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"],
        Resource: instanceProfiles,
        Condition: {
          StringEquals: { ...owned("Resource"), ...regionTag("Resource") },
          StringLike: nodeClassTagged("Resource"),
        },
      },
      {
        Effect: "Allow",
        Action: "iam:GetInstanceProfile",
        Resource: instanceProfiles,
      },
      {
        // IAM's List actions take no resource ARN.
        Effect: "Allow",
        Action: "iam:ListInstanceProfiles",
        Resource: "*",
      },
      {
        Effect: "Allow",
        Action: "eks:DescribeCluster",
        Resource: clusterArn,
      },
      {
        Effect: "Allow",
        Action: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
        Resource: scope.queueArn,
      },
      {
        // EC2's Describe actions support no resource-level permissions; the region is the scope.
        Effect: "Allow",
        Action: [
          "ec2:DescribeCapacityReservations",
          "ec2:DescribeImages",
          "ec2:DescribeInstances",
          "ec2:DescribeInstanceStatus",
          "ec2:DescribeInstanceTypeOfferings",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeLaunchTemplates",
          "ec2:DescribePlacementGroups",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSpotPriceHistory",
          "ec2:DescribeSubnets",
        ],
        Resource: "*",
        Condition: { StringEquals: { "aws:RequestedRegion": region } },
      },
      {
        // The AL2023 alias resolves through the public EKS AMI parameters.
        Effect: "Allow",
        Action: "ssm:GetParameter",
        Resource: `arn:${partition}:ssm:${region}::parameter/aws/service/*`,
      },
      {
        Effect: "Allow",
        Action: "pricing:GetProducts",
        Resource: "*",
      },
    ],
  };
}
