import type { EnvironmentInput } from "./schema";

/** An example shared environment: remote state with native locking, a NAT gateway per zone, a closed API. */
export const prod = {
  name: "prod",
  region: "ap-northeast-2",
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
  },
  cluster: {
    endpointAccess: "public-and-private",
    // Documentation range (RFC 5737): replace with your office or VPN egress blocks.
    publicAccessCidrs: ["203.0.113.0/24"],
    logRetentionDays: 365,
  },
  workloads: { enabled: false },
} satisfies EnvironmentInput;
