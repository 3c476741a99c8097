// Karpenter's EC2NodeClass (karpenter.k8s.aws/v1): how the nodes of every pool are launched. Fields:
// aws/karpenter-provider-aws website/content/en/docs/concepts/nodeclasses.md and the CRD,
// pkg/apis/crds/karpenter.k8s.aws_ec2nodeclasses.yaml.

/**
 * The AL2023 EKS-optimized AMI release the nodes run, pinned so a new AMI reaches nodes when this
 * line changes (Karpenter then replaces them as drifted, within the pools' budgets), not whenever AWS
 * publishes one: release v20260714 of awslabs/amazon-eks-ami (CHANGELOG.md, "AMI Release v20260714",
 * AMIs for Kubernetes 1.30 to 1.36). Karpenter resolves the alias per architecture and Kubernetes version.
 */
export const AL2023_AMI_ALIAS = "al2023@v20260714";

/** Default root volume size, as the managed node groups' default disk. */
export const DEFAULT_ROOT_VOLUME_GIB = 20;

/** What an EC2NodeClass needs. */
export interface Ec2NodeClassSettings {
  /** Object name; NodePools reference it. */
  name: string;
  /** Name of the nodes' IAM role (Karpenter makes an instance profile from it). */
  nodeRoleName: string;
  /** Subnets the nodes go in, as selector terms ({ id } each). */
  subnetSelectorTerms: { id: string }[];
  /** The security group the nodes get: the cluster's, so control plane, Fargate pods and nodes talk. */
  securityGroupId: string;
  /** Root volume size in GiB. */
  rootVolumeGiB: number;
  /** Tags on the instances, volumes and network interfaces Karpenter creates. */
  tags: Record<string, string>;
}

/** The EC2NodeClass object as kubernetes_manifest takes it. */
export function ec2NodeClassManifest(settings: Ec2NodeClassSettings) {
  return {
    apiVersion: "karpenter.k8s.aws/v1",
    kind: "EC2NodeClass",
    metadata: { name: settings.name },
    spec: {
      role: settings.nodeRoleName,
      amiSelectorTerms: [{ alias: AL2023_AMI_ALIAS }],
      subnetSelectorTerms: settings.subnetSelectorTerms,
      securityGroupSelectorTerms: [{ id: settings.securityGroupId }],
      // IMDSv2 only, and a hop limit of 1: a pod's packets take a second hop, so pods cannot reach the
      // metadata service and take the node role's credentials (EC2 user guide, "Configure the instance
      // metadata options"; EKS best practices, "Restrict access to the instance profile").
      metadataOptions: {
        httpEndpoint: "enabled",
        httpProtocolIPv6: "disabled",
        httpPutResponseHopLimit: 1,
        httpTokens: "required",
      },
      // AL2023's root device. Encrypted with the account's EBS key: a customer-managed key would need
      // grants for the EC2 fleet Karpenter launches through in its key policy.
      blockDeviceMappings: [
        {
          deviceName: "/dev/xvda",
          ebs: {
            volumeSize: `${settings.rootVolumeGiB}Gi`,
            volumeType: "gp3",
            encrypted: true,
            deleteOnTermination: true,
          },
        },
      ],
      tags: { ...settings.tags },
    },
  };
}
