import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { estimateCost } from "../../../modules/cost/estimate";
import { fargatePods } from "../../../modules/cost/fargate-pods";
import { PRICES } from "../../../modules/cost/prices";
import { COMPONENTS, stackId } from "../../../stacks/contract";
import { type StackJson, TEST_TODAY, projectEnvironments, synthesizedProject } from "../../support/synth";

// The estimate is computed from the settings and descriptions the stacks are built from; these checks
// hold it to what the synthesized stacks actually contain, so neither can change without the other.

const synth = synthesizedProject();
const CHART_DEFAULTS = parse(
  readFileSync(join(__dirname, "../../../vendor/aws-load-balancer-controller/values.yaml"), "utf8"),
);

describe.each(projectEnvironments().map((env) => [env.name, env] as const))("the estimate of %s", (name, env) => {
  const estimate = estimateCost(env, PRICES, TEST_TODAY);
  const quantity = (item: string) => estimate.items.find((i) => i.item === item)?.quantity;
  const stacks = COMPONENTS.map((c) => stackId(name, c))
    .filter((id) => synth.stackIds.includes(id))
    .map((id) => synth.stack(id));
  const resources = (type: string): StackJson[] => stacks.flatMap((s) => Object.values(s.resource?.[type] ?? {}));

  it("counts the NAT gateways, Elastic IPs and KMS keys the stacks create", () => {
    expect(quantity("NAT gateways")).toBe(resources("aws_nat_gateway").length);
    expect(quantity("Public IPv4 addresses: NAT gateways' Elastic IPs")).toBe(resources("aws_eip").length);
    expect(quantity("KMS keys")).toBe(resources("aws_kms_key").length);
    expect(resources("aws_eks_cluster")).toHaveLength(1);
  });

  it("prices exactly the log groups the stacks create, at their retention", () => {
    const groups = resources("aws_cloudwatch_log_group");
    const priced = estimate.items
      .filter((i) => i.item.startsWith("CloudWatch Logs storage: "))
      .map((i) => i.item.replace("CloudWatch Logs storage: ", ""));
    expect(priced.sort()).toEqual(groups.map((g) => g.name).sort());
    for (const group of groups) expect(group.retention_in_days).toBe(env.cluster.logRetentionDays);
  });

  it("prices coredns as the add-on is configured: default replicas, the configured requests", () => {
    const coredns = resources("aws_eks_addon").find((a) => a.addon_name === "coredns")!;
    const config = JSON.parse(coredns.configuration_values);
    expect(config).not.toHaveProperty("replicaCount"); // the add-on's default of two applies
    const [pods] = fargatePods(env);
    expect(pods.replicas).toBe(2);
    expect(pods.pod.containers).toEqual([config.resources.requests]);
  });

  it("prices metrics-server as the add-on is configured: its replicas and requests", () => {
    const addon = resources("aws_eks_addon").find((a) => a.addon_name === "metrics-server")!;
    const config = JSON.parse(addon.configuration_values);
    const pods = fargatePods(env).find((p) => p.label === "Deployment kube-system/metrics-server")!;
    expect(pods.replicas).toBe(config.replicas);
    expect(pods.pod.containers).toEqual([config.resources.requests]);
  });

  it("prices the controller as its Helm values run it: their replicas, the chart's resources", () => {
    const values = parse(resources("helm_release")[0].values[0]);
    const controller = fargatePods(env).find((p) => p.label.endsWith("/aws-load-balancer-controller"))!;
    expect(controller.label).toBe("Deployment kube-system/aws-load-balancer-controller");
    expect(controller.replicas).toBe(values.replicaCount);
    expect(controller.replicas).toBe(2);
    // The values leave `resources` to the chart, whose default asks for nothing.
    expect(values).not.toHaveProperty("resources");
    expect(CHART_DEFAULTS.resources).toEqual({});
    expect(controller.pod.containers).toEqual([{}]);
  });

  it("prices each sample Deployment with the replicas and requests the workloads stack deploys", () => {
    const deployments = resources("kubernetes_deployment_v1");
    const samples = fargatePods(env).filter((p) => !p.label.startsWith("Deployment kube-system/"));
    expect(samples.map((s) => s.label).sort()).toEqual(
      deployments.map((d) => `Deployment ${d.metadata.namespace}/${d.metadata.name}`).sort(),
    );
    for (const sample of samples) {
      const deployment = deployments.find((d) => sample.label.endsWith(`${d.metadata.namespace}/${d.metadata.name}`))!;
      expect(sample.replicas).toBe(Number(deployment.spec.replicas));
      expect(sample.pod.containers).toEqual(
        deployment.spec.template.spec.container.map((c: StackJson) => c.resources.requests),
      );
    }
  });

  it("prices one load balancer per internet-facing Ingress and LoadBalancer Service the samples create", () => {
    const albs = resources("kubernetes_ingress_v1").filter((i) => i.spec.ingress_class_name === "alb");
    const nlbs = resources("kubernetes_service_v1").filter((s) => s.spec.type === "LoadBalancer");
    const priced = (kind: string) => estimate.items.filter((i) => new RegExp(`^${kind}: `).test(i.item));
    expect(priced("ALB")).toHaveLength(albs.length);
    expect(priced("NLB")).toHaveLength(nlbs.length);
    const addresses = estimate.items.filter((i) => /^Public IPv4 addresses: (ALB|NLB) of /.test(i.item));
    expect(addresses.map((a) => a.quantity)).toEqual([...albs, ...nlbs].map(() => env.availabilityZones.length));
  });
});
