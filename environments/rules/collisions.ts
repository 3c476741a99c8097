import { accountWideNames } from "../../modules/cluster/names";

// Names that must be unique within an AWS account: an EKS cluster name (and the log groups and KMS
// alias named after it) per region, IAM role and policy names across all regions
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names).
// Two environments in one account that share one fail on the second deploy, after its network is up.

/** What the collision check needs of an environment. */
export interface NamedEnvironment {
  /** Environment name. */
  name: string;
  /** Its AWS account, when the environment names one. */
  account?: { id: string };
  /** Region of its stacks. */
  region: string;
  /** EKS cluster name, prefix of its IAM names. */
  clusterName: string;
  /** Fargate profiles, whose pod execution roles are IAM roles. */
  cluster: { fargateProfiles: readonly { name: string }[] };
  /** Capacity beyond Fargate: Karpenter's controller and nodes have IAM roles. */
  compute?: { karpenter: { enabled: boolean } };
}

/** One collision: the environment it is reported on, and the message. */
export interface Collision {
  /** The later of the two environments, where the error or warning is reported. */
  environment: string;
  /** Both environments and what they share. */
  message: string;
}

function shared(a: NamedEnvironment, b: NamedEnvironment): string[] {
  const names: string[] = [];
  if (a.region === b.region && a.clusterName === b.clusterName) {
    names.push(`EKS cluster "${a.clusterName}" in ${a.region}`);
  }
  const iamOf = (e: NamedEnvironment) =>
    accountWideNames(
      e.clusterName,
      e.cluster.fargateProfiles.map((p) => p.name),
      e.compute?.karpenter.enabled,
    );
  const theirs = new Set(iamOf(a));
  names.push(
    ...iamOf(b)
      .filter((n) => theirs.has(n))
      .map((n) => `IAM ${n.replace("/", ' "')}"`),
  );
  return names;
}

function listed(names: string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

/**
 * Pairs of environments that would create the same account-unique names: errors when both name the
 * same account, warnings when one of them names none (they may or may not share one).
 */
export function environmentCollisions(environments: readonly NamedEnvironment[]): {
  errors: Collision[];
  warnings: Collision[];
} {
  const errors: Collision[] = [];
  const warnings: Collision[] = [];
  environments.forEach((b, j) => {
    environments.slice(0, j).forEach((a) => {
      if (a.account && b.account && a.account.id !== b.account.id) return;
      const names = shared(a, b);
      if (names.length === 0) return;
      if (a.account && b.account) {
        errors.push({
          environment: b.name,
          message:
            `environments "${a.name}" and "${b.name}" are both in account ${a.account.id} and would both create ${listed(names)}; ` +
            `the second deploy would fail. Give one of them another clusterName`,
        });
      } else {
        warnings.push({
          environment: b.name,
          message:
            `Environments "${a.name}" and "${b.name}" would both create ${listed(names)}: if they deploy to the same AWS account, ` +
            `the second deploy fails. Set account: { id } on both so synthesis can check, or give one another clusterName.`,
        });
      }
    });
  });
  return { errors, warnings };
}
