import { describe, expect, it } from "vitest";
import { loadEnvironments } from "../../environments/load";
import { autoModeVariant } from "../support/auto-mode";
import { projectEnvironments, synthesize, synthesizedProject, TEST_TODAY } from "../support/synth";

// EKS Auto Mode across the stacks, on the default environment with Auto Mode on; the project's own
// environments (Auto Mode off) show what an environment without it keeps.
const env = loadEnvironments([autoModeVariant()], TEST_TODAY).environments[0];
const auto = synthesize([env]);
const project = synthesizedProject();
const base = projectEnvironments()[0].name;
const stack = (component: string) => auto.stack(`${env.name}-${component}`);
const offStack = (component: string) => project.stack(`${base}-${component}`);
const managed = (name: string) => `arn:\${data.aws_partition.current.partition}:iam::aws:policy/${name}`;

describe("Auto Mode in the cluster stack", () => {
  const cluster = stack("cluster").resource;
  const eks = cluster.aws_eks_cluster.cluster;

  it("switches compute (with the built-in pools and the node role), block storage and load balancing on together", () => {
    expect(eks.compute_config).toEqual({
      enabled: true,
      node_pools: ["general-purpose", "system"],
      node_role_arn: "${aws_iam_role.auto_mode_node.arn}",
    });
    expect(eks.storage_config).toEqual({ block_storage: { enabled: true } });
    expect(eks.kubernetes_network_config).toEqual({ elastic_load_balancing: { enabled: true } });
  });

  it("creates a new cluster without self-managed add-ons, and never changes that on a running one", () => {
    expect(eks.bootstrap_self_managed_addons).toBe(false);
    expect(eks.lifecycle.ignore_changes).toEqual(["bootstrap_self_managed_addons"]);
    // The upgrade guard's preconditions stay.
    expect(eks.lifecycle.precondition.length).toBeGreaterThan(0);
  });

  it("gives the cluster role Auto Mode's four policies, attached before the cluster changes, and sts:TagSession", () => {
    const attached = Object.entries(cluster.aws_iam_role_policy_attachment)
      .filter(([, a]) => (a as { role: string }).role === "${aws_iam_role.cluster.name}")
      .map(([id, a]) => [id, (a as { policy_arn: string }).policy_arn]);
    expect(attached).toEqual(
      expect.arrayContaining([
        ["cluster_compute", managed("AmazonEKSComputePolicy")],
        ["cluster_block_storage", managed("AmazonEKSBlockStoragePolicy")],
        ["cluster_load_balancing", managed("AmazonEKSLoadBalancingPolicy")],
        ["cluster_networking", managed("AmazonEKSNetworkingPolicy")],
      ]),
    );
    for (const id of ["cluster_compute", "cluster_block_storage", "cluster_load_balancing", "cluster_networking"]) {
      expect(eks.depends_on).toContain(`aws_iam_role_policy_attachment.${id}`);
    }
    expect(JSON.parse(cluster.aws_iam_role.cluster.assume_role_policy).Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] },
    ]);
  });

  it("creates the node role, trusted by EC2, with only the minimal node and image-pull policies", () => {
    const role = cluster.aws_iam_role.auto_mode_node;
    expect(role.name).toBe(`${env.clusterName}-auto-node`);
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    const nodeAttachments = Object.values(cluster.aws_iam_role_policy_attachment)
      .filter((a) => (a as { role: string }).role === "${aws_iam_role.auto_mode_node.name}")
      .map((a) => (a as { policy_arn: string }).policy_arn)
      .sort();
    expect(nodeAttachments).toEqual([
      managed("AmazonEC2ContainerRegistryPullOnly"),
      managed("AmazonEKSWorkerNodeMinimalPolicy"),
    ]);
  });

  it("without Auto Mode, writes the three switches off only where the deployed cluster reports them", () => {
    const off = offStack("cluster").resource;
    const deployed = "data.aws_eks_cluster.deployed";
    expect(off.aws_eks_cluster.cluster.compute_config).toBeUndefined();
    expect(off.aws_eks_cluster.cluster.dynamic.compute_config).toEqual({
      for_each: `\${[for c in ${deployed} : c.compute_config[0] if length(c.compute_config) > 0]}`,
      content: {
        enabled: false,
        node_role_arn: '${compute_config.value.node_role_arn == "" ? null : compute_config.value.node_role_arn}',
      },
    });
    expect(off.aws_eks_cluster.cluster.dynamic.storage_config).toEqual({
      for_each: `\${[for c in ${deployed} : 1 if length(c.storage_config) > 0]}`,
      content: { block_storage: { enabled: false } },
    });
    expect(off.aws_eks_cluster.cluster.kubernetes_network_config.dynamic.elastic_load_balancing.content).toEqual({
      enabled: false,
    });
    expect(off.aws_eks_cluster.cluster.bootstrap_self_managed_addons).toBe(true);
    expect(off.aws_iam_role.auto_mode_node).toBeUndefined();
    expect(off.aws_iam_role_policy_attachment.cluster_compute).toBeUndefined();
    expect(JSON.parse(off.aws_iam_role.cluster.assume_role_policy).Statement[0].Action).toBe("sts:AssumeRole");
  });
});

describe("Auto Mode's load-balancer classes", () => {
  it("the lb-controller stack declares Auto Mode's ALB IngressClass and its parameters beside the Helm controller", () => {
    const lb = stack("lb-controller").resource;
    expect(lb.kubernetes_ingress_class_v1.auto_mode_alb.spec).toEqual({
      controller: "eks.amazonaws.com/alb",
      parameters: [{ api_group: "eks.amazonaws.com", kind: "IngressClassParams", name: "eks-auto-alb" }],
    });
    expect(lb.kubernetes_ingress_class_v1.auto_mode_alb.metadata.name).toBe("eks-auto-alb");
    expect(lb.kubernetes_manifest.auto_mode_alb_params.manifest).toEqual({
      apiVersion: "eks.amazonaws.com/v1",
      kind: "IngressClassParams",
      metadata: { name: "eks-auto-alb" },
      spec: { scheme: "internet-facing" },
    });
    // The Helm controller keeps serving its own classes ("alb", service.k8s.aws/nlb), none of Auto Mode's.
    expect(lb.helm_release.lb_controller).toBeDefined();
    expect(offStack("lb-controller").resource.kubernetes_ingress_class_v1).toBeUndefined();
  });

  it("the samples ask for Auto Mode's classes with Auto Mode on, and the Helm controller's without", () => {
    const on = stack("workloads").resource;
    const ingress = Object.values(on.kubernetes_ingress_v1)[0] as { spec: { ingress_class_name: string } };
    const service = Object.values(on.kubernetes_service_v1).find(
      (s) => (s as { spec: { type: string } }).spec.type === "LoadBalancer",
    ) as { spec: { load_balancer_class: string } };
    expect(ingress.spec.ingress_class_name).toBe("eks-auto-alb");
    expect(service.spec.load_balancer_class).toBe("eks.amazonaws.com/nlb");

    const off = offStack("workloads").resource;
    expect((Object.values(off.kubernetes_ingress_v1)[0] as typeof ingress).spec.ingress_class_name).toBe("alb");
    expect(
      (Object.values(off.kubernetes_service_v1) as (typeof service & { spec: { type: string } })[]).find(
        (s) => s.spec.type === "LoadBalancer",
      )!.spec.load_balancer_class,
    ).toBe("service.k8s.aws/nlb");
  });
});
