import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsEksClusters } from "@cdktf/provider-aws/lib/data-aws-eks-clusters";
import type { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { Fn, type Precondition, Token } from "cdktf";
import { Construct } from "constructs";

/** The minor number of a Kubernetes version: "1.35" → 35. */
export function minorOf(version: string): number {
  const match = /^1\.(\d+)$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a Kubernetes minor version such as "1.35"`);
  return Number(match[1]);
}

/**
 * Plan-time conditions on the cluster against the version of the deployed cluster, read by the data
 * source at `deployedAddress` (no instance when the cluster does not exist yet, so a first deploy passes).
 */
export function upgradeConditions(
  deployedAddress: string,
  clusterName: string,
  kubernetesVersion: string,
): Precondition[] {
  const wanted = minorOf(kubernetesVersion);
  const deployedMinor = `tonumber(split(".", cluster.version)[1])`;
  const everyDeployed = (test: string) => `\${alltrue([for cluster in ${deployedAddress} : ${test}])}`;
  const deployedVersion = `\${join("", ${deployedAddress}[*].version)}`;
  const nextVersion = `1.\${join("", [for cluster in ${deployedAddress} : ${deployedMinor} + 1])}`;
  return [
    // "Control plane version upgrades must be done for one minor version at a time ... Upgrades of more
    // than one Kubernetes version are not supported." https://docs.aws.amazon.com/eks/latest/eksctl/cluster-upgrade.html
    {
      condition: everyDeployed(`${deployedMinor} >= ${wanted - 1}`),
      errorMessage:
        `kubernetesVersion "${kubernetesVersion}" is more than one minor version above the deployed cluster ` +
        `"${clusterName}", which runs ${deployedVersion}: EKS upgrades a cluster one minor version at a time. ` +
        `Set kubernetesVersion to "${nextVersion}" and deploy, then the next version, until "${kubernetesVersion}" ` +
        `(docs/operations.md, "Kubernetes upgrades"). The plan stopped before changing anything.`,
    },
    // "Once you upgrade a cluster, you can't downgrade to a previous version."
    // https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html
    {
      condition: everyDeployed(`${deployedMinor} <= ${wanted}`),
      errorMessage:
        `kubernetesVersion "${kubernetesVersion}" is below the version of the deployed cluster "${clusterName}", ` +
        `${deployedVersion}, and EKS cannot downgrade a cluster (EKS upgrades a cluster itself when its version's ` +
        `support ends). Set kubernetesVersion to "${deployedVersion}". The plan stopped before changing anything.`,
    },
  ];
}

/** Settings of the upgrade guard. */
export interface UpgradeGuardProps {
  /** The cluster whose plan fails when its version jumps. */
  cluster: EksCluster;
  /** The cluster's name, as written in the environment: the deployed cluster is looked up by it. */
  clusterName: string;
  /** The Kubernetes minor version the environment asks for, e.g. "1.35". */
  kubernetesVersion: string;
}

/**
 * Fails the plan of the cluster stack, before anything changes, when `kubernetesVersion` is more than
 * one minor version above the deployed cluster's, or below it. It reads the deployed version with the
 * same credentials as the plan: `aws_eks_clusters` lists the region's clusters (eks:ListClusters), and
 * `aws_eks_cluster` (eks:DescribeCluster) reads this one only if it exists, so a first deploy passes.
 */
export class UpgradeGuard extends Construct {
  /** Terraform address of the deployed cluster's data source (no instance before the first deploy). */
  readonly deployedAddress = `data.${DataAwsEksCluster.tfResourceType}.deployed`;

  constructor(scope: Construct, id: string, props: UpgradeGuardProps) {
    super(scope, id);
    const clusters = new DataAwsEksClusters(this, "in_region", {});
    clusters.overrideLogicalId("in_region");
    const deployed = new DataAwsEksCluster(this, "deployed", {
      name: props.clusterName,
      count: Token.asNumber(Fn.conditional(Fn.contains(clusters.names, props.clusterName), 1, 0)),
    });
    deployed.overrideLogicalId("deployed");
    const conditions = upgradeConditions(this.deployedAddress, props.clusterName, props.kubernetesVersion);
    const lifecycle = props.cluster.lifecycle ?? {};
    props.cluster.lifecycle = { ...lifecycle, precondition: [...(lifecycle.precondition ?? []), ...conditions] };
  }
}
