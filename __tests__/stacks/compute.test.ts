import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import type { NodeGroupSettings } from "../../environments/compute";
import { loadEnvironments } from "../../environments/load";
import { planNodeGroup } from "../../modules/compute/node-groups";
import { outputNames, stackId } from "../../stacks/contract";
import { type StackJson, TEST_TODAY, projectEnvironments, synthesize, synthesizedProject } from "../support/synth";

const synth = synthesizedProject();
const withNodes = projectEnvironments().filter((e) => e.compute.nodeGroups.length > 0);
const without = projectEnvironments().filter((e) => e.compute.nodeGroups.length === 0 && !e.compute.karpenter.enabled);
const remote = (stack: string, output: string) => `\${data.terraform_remote_state.${stack}.outputs.${output}}`;

/** The user data's NodeConfig, decoded. */
function nodeConfig(template: StackJson): string {
  return Buffer.from(template.user_data, "base64").toString("utf8");
}

describe("compute stack", () => {
  it("is in every environment, empty without nodes, with all its outputs", () => {
    expect(withNodes.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    for (const env of without) {
      const stack = synth.stack(stackId(env.name, "compute"));
      expect(stack.resource, env.name).toBeUndefined();
      expect(Object.keys(stack.output).sort()).toEqual(outputNames("compute").sort());
    }
  });

  describe.each(withNodes.map((env) => [env.name, env] as const))("with node groups (%s)", (name, env) => {
    const stack = synth.stack(stackId(name, "compute"));
    const groups = stack.resource.aws_eks_node_group;
    const templates = stack.resource.aws_launch_template;

    it("puts each group on the private subnets with its own launch template, sizes and AL2023 AMI", () => {
      for (const settings of env.compute.nodeGroups) {
        const group = groups[settings.name.replace(/-/g, "_")];
        const plan = planNodeGroup(settings, env.compute.prefixDelegation);
        expect(group).toMatchObject({
          cluster_name: remote("cluster", "cluster_name"),
          node_group_name_prefix: `${settings.name}-`,
          subnet_ids: remote("network", "private_subnet_ids"),
          node_role_arn: "${aws_iam_role.nodes.arn}",
          instance_types: settings.instanceTypes,
          capacity_type: settings.capacityType,
          ami_type: plan.amiType,
          version: env.kubernetesVersion,
          scaling_config: {
            min_size: settings.minSize,
            max_size: settings.maxSize,
            desired_size: settings.desiredSize,
          },
          launch_template: {
            id: `\${aws_launch_template.${settings.name}.id}`,
            version: `\${aws_launch_template.${settings.name}.latest_version}`,
          },
        });
        expect(plan.amiType).toMatch(/^AL2023_/);
      }
    });

    it("leaves desired_size to the autoscaler and creates a replacement before deleting the old group", () => {
      for (const group of Object.values(groups) as StackJson[]) {
        expect(group.lifecycle).toEqual({
          create_before_destroy: true,
          ignore_changes: ["scaling_config[0].desired_size"],
        });
        expect(group.depends_on).toEqual([
          "aws_iam_role_policy_attachment.nodes_amazon_eks_worker_node_policy",
          "aws_iam_role_policy_attachment.nodes_amazon_ec2_container_registry_pull_only",
        ]);
      }
    });

    it("requires IMDSv2 with one hop, encrypts a gp3 root volume and tags what EC2 launches", () => {
      for (const settings of env.compute.nodeGroups) {
        const template = templates[settings.name.replace(/-/g, "_")];
        expect(template.metadata_options).toEqual({
          http_endpoint: "enabled",
          http_tokens: "required",
          http_put_response_hop_limit: 1,
        });
        expect(template.block_device_mappings).toEqual([
          {
            device_name: "/dev/xvda",
            ebs: {
              volume_size: settings.diskSizeGiB,
              volume_type: "gp3",
              encrypted: "true",
              delete_on_termination: "true",
            },
          },
        ]);
        expect(template.tag_specifications.map((t: StackJson) => t.resource_type)).toEqual([
          "instance",
          "volume",
          "network-interface",
        ]);
        for (const spec of template.tag_specifications) expect(spec.tags).toMatchObject(env.tags);
        expect(template.update_default_version).toBe(true);
      }
    });

    it("writes the group's max pods into the nodes' NodeConfig", () => {
      for (const settings of env.compute.nodeGroups) {
        const template = templates[settings.name.replace(/-/g, "_")];
        const { maxPods } = planNodeGroup(settings, env.compute.prefixDelegation);
        expect(nodeConfig(template)).toContain("Content-Type: application/node.eks.aws");
        expect(nodeConfig(template)).toContain(
          `kind: NodeConfig\nspec:\n  kubelet:\n    config:\n      maxPods: ${maxPods}\n`,
        );
      }
    });

    it("gives the nodes' role only the worker-node and image-pull policies, never the CNI policy", () => {
      const attachments = Object.values(stack.resource.aws_iam_role_policy_attachment) as StackJson[];
      expect(attachments.map((a) => a.policy_arn.replace(/.*policy\//, "")).sort()).toEqual([
        "AmazonEC2ContainerRegistryPullOnly",
        "AmazonEKSWorkerNodePolicy",
      ]);
      const trust = JSON.parse(stack.resource.aws_iam_role.nodes.assume_role_policy);
      expect(trust.Statement).toEqual([
        { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
      ]);
    });
  });
});

describe("node groups, as settings change", () => {
  const group: NodeGroupSettings = {
    name: "general",
    instanceTypes: ["t3.medium"],
    capacityType: "ON_DEMAND",
    minSize: 1,
    maxSize: 3,
    desiredSize: 1,
    labels: {},
    taints: [],
    diskSizeGiB: 20,
  };
  const build = (compute: object) => {
    const [env] = loadEnvironments([{ ...dev, name: "qa", compute }], TEST_TODAY).environments;
    return synthesize([env]).stack("qa-compute");
  };

  it("changes only the launch template of the group whose prefix setting changed: its nodes roll, nothing is replaced", () => {
    const before = build({ nodeGroups: [group] });
    const after = build({ nodeGroups: [group], prefixDelegation: true });
    expect(nodeConfig(before.resource.aws_launch_template.general)).toContain("maxPods: 17");
    expect(nodeConfig(after.resource.aws_launch_template.general)).toContain("maxPods: 110");
    // The node group itself reads the template's latest version: the only difference is the template.
    expect(after.resource.aws_eks_node_group).toEqual(before.resource.aws_eks_node_group);
  });

  it("touches only the group whose instance types change", () => {
    const other = { ...group, name: "batch", instanceTypes: ["m6g.large"] };
    const before = build({ nodeGroups: [group, other] });
    const after = build({ nodeGroups: [{ ...group, instanceTypes: ["t3.large"] }, other] });
    expect(after.resource.aws_eks_node_group.batch).toEqual(before.resource.aws_eks_node_group.batch);
    expect(after.resource.aws_launch_template.batch).toEqual(before.resource.aws_launch_template.batch);
    expect(after.resource.aws_eks_node_group.general.instance_types).toEqual(["t3.large"]);
    // Graviton derives the ARM AMI type.
    expect(before.resource.aws_eks_node_group.batch.ami_type).toBe("AL2023_ARM_64_STANDARD");
  });
});
