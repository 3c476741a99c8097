import type { EnvironmentInput } from "./schema";

/** An example shared environment: remote state with native locking, a NAT gateway per zone, a closed API. */
export const prod = {
  name: "prod",
  region: "ap-northeast-2",
  // Example ids (AWS's documentation accounts): every AWS provider is pinned to this account and assumes
  // the deploy role, which is also the cluster's deploying admin. Replace both with yours.
  account: { id: "123456789012", roleArn: "arn:aws:iam::123456789012:role/platform-deploy" },
  availabilityZones: ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"],
  vpcCidr: "10.20.0.0/16",
  natStrategy: "one-per-az",
  clusterName: "prod-fargate",
  kubernetesVersion: "1.35",
  tags: { Environment: "prod", Project: "eks-fargate-platform" },
  backend: {
    type: "s3",
    bucket: "example-platform-terraform-state",
    keyPrefix: "eks-fargate",
    region: "ap-northeast-2",
    // State in a shared account: the backend and the remote-state reads assume this role.
    roleArn: "arn:aws:iam::111122223333:role/terraform-state",
  },
  cluster: {
    endpointAccess: "public-and-private",
    // A placeholder: a public block that is not yours (documentation ranges such as 203.0.113.0/24 are
    // refused, no request comes from them). Replace it with your office, VPN and CI egress blocks.
    publicAccessCidrs: ["1.2.3.0/24"],
    logRetentionDays: 365,
  },
  // Nodes for what Fargate does not run (DaemonSets, privileged agents, EBS volumes): pods no Fargate
  // profile selects run here. Graviton, with VPC CNI prefix delegation for dense nodes.
  compute: {
    prefixDelegation: true,
    nodeGroups: [{ name: "general", instanceTypes: ["m7g.large"], minSize: 2, maxSize: 6, desiredSize: 2 }],
  },
  workloads: { enabled: false },
} satisfies EnvironmentInput;
