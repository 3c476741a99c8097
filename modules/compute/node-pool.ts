import type { NodePoolSettings } from "../../environments/compute";

// A `karpenter.sh/v1` NodePool from a pool's settings. Karpenter and EKS Auto Mode (which runs
// Karpenter for the cluster) read the same kind; they differ in the NodeClass a pool points at and in
// the domain of the instance labels. Fields: Karpenter's NodePool reference,
// https://karpenter.sh/docs/concepts/nodepools/ (aws/karpenter-provider-aws website/content/en/docs/concepts/nodepools.md),
// and Auto Mode's, https://docs.aws.amazon.com/eks/latest/userguide/create-node-pool.html.

/** The NodeClass a NodePool's nodes are launched from. */
export interface NodeClassRef {
  /** API group of the NodeClass kind. */
  group: string;
  /** NodeClass kind. */
  kind: string;
  /** NodeClass object name. */
  name: string;
}

/** Who provisions a pool's nodes: the NodeClass its nodes use and the label domain of instance attributes. */
export interface NodePoolProvisioner {
  /** The NodeClass the pool's nodes are launched from. */
  nodeClassRef: NodeClassRef;
  /** Requirement key of the EC2 instance category ("c", "m", "r", ...). */
  instanceCategoryKey: string;
}

/** Karpenter's own: an `EC2NodeClass` of the given name, labels under karpenter.k8s.aws. */
export function karpenterProvisioner(ec2NodeClassName: string): NodePoolProvisioner {
  return {
    nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: ec2NodeClassName },
    instanceCategoryKey: "karpenter.k8s.aws/instance-category",
  };
}

/** EKS Auto Mode's: its built-in `default` NodeClass, labels under eks.amazonaws.com. */
export const AUTO_MODE_PROVISIONER: NodePoolProvisioner = {
  nodeClassRef: { group: "eks.amazonaws.com", kind: "NodeClass", name: "default" },
  instanceCategoryKey: "eks.amazonaws.com/instance-category",
};

/** What Karpenter does when a pool's settings give no budget: at most 10% of its nodes disrupted at once (the CRD's default). */
export const DEFAULT_DISRUPTION_BUDGETS: readonly DisruptionBudget[] = [{ nodes: "10%" }];

/** One disruption budget as the NodePool writes it. */
export interface DisruptionBudget {
  /** Nodes that may be disrupted at once: a count or a percentage. */
  nodes: string;
  /** Cron schedule (UTC) from which the budget applies. */
  schedule?: string;
  /** How long it applies from each scheduled time. */
  duration?: string;
}

/** One requirement of a NodePool's node template. */
export interface NodeRequirement {
  /** Well-known label key. */
  key: string;
  /** Always "In" here: the node's label is one of the values. */
  operator: "In";
  /** Allowed values. */
  values: string[];
}

/** A NodePool object as kubernetes_manifest takes it. */
export interface NodePoolManifest {
  apiVersion: "karpenter.sh/v1";
  kind: "NodePool";
  metadata: { name: string };
  spec: {
    template: { spec: { nodeClassRef: NodeClassRef; requirements: NodeRequirement[] } };
    limits: { cpu: string };
    disruption: {
      consolidationPolicy: "WhenEmptyOrUnderutilized";
      consolidateAfter: string;
      budgets: DisruptionBudget[];
    };
  };
}

/**
 * The NodePool for one pool's settings: nodes of the listed architectures, capacity types and
 * instance categories, at most `cpuLimit` vCPUs in all, consolidated when empty or underused, and
 * disrupted no faster than the budgets allow (written out even when they are Karpenter's default, so
 * the manifest says what applies).
 */
export function nodePoolManifest(pool: NodePoolSettings, provisioner: NodePoolProvisioner): NodePoolManifest {
  const budgets = (pool.disruptionBudgets ?? DEFAULT_DISRUPTION_BUDGETS).map(({ nodes, schedule, duration }) => ({
    nodes,
    ...(schedule === undefined ? {} : { schedule }),
    ...(duration === undefined ? {} : { duration }),
  }));
  return {
    apiVersion: "karpenter.sh/v1",
    kind: "NodePool",
    metadata: { name: pool.name },
    spec: {
      template: {
        spec: {
          nodeClassRef: { ...provisioner.nodeClassRef },
          requirements: [
            { key: "kubernetes.io/arch", operator: "In", values: [...pool.architectures] },
            { key: "karpenter.sh/capacity-type", operator: "In", values: [...pool.capacityTypes] },
            { key: provisioner.instanceCategoryKey, operator: "In", values: [...pool.instanceCategories] },
          ],
        },
      },
      // A quantity; as a string, the API server stores it as written and the next plan sees no change.
      limits: { cpu: String(pool.cpuLimit) },
      disruption: {
        // Karpenter v1's default policy; a minute's wait, as the getting-started NodePool, so a pod
        // rescheduled during a rollout does not see its node removed under it.
        consolidationPolicy: "WhenEmptyOrUnderutilized",
        consolidateAfter: "1m",
        budgets,
      },
    },
  };
}
