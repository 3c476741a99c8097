import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { containersWithoutCpuRequest } from "../../../modules/workloads/autoscaler";
import { ExposedDeployment } from "../../../modules/workloads/exposed-deployment";
import { sampleWorkloads } from "../../../modules/workloads/samples";
import type { DeploymentWorkload } from "../../../modules/workloads/workload";
import { type StackJson, projectEnvironments, synthesizedProject } from "../../support/synth";

const SETTINGS = { minReplicas: 3, maxReplicas: 9, targetCpuUtilization: 65 };
const WORKLOAD: DeploymentWorkload = {
  kind: "Deployment",
  name: "web-app",
  namespace: "shop",
  replicas: 2,
  podLabels: { app: "web" },
  containers: [
    { name: "web", image: "example/web:1", resources: { requests: { cpu: "250m", memory: "256M" } } },
    { name: "sidecar", image: "example/sidecar:1", resources: { requests: { cpu: "100m", memory: "64M" } } },
  ],
};

function synth(workload: DeploymentWorkload, autoscaling = SETTINGS) {
  return JSON.parse(Testing.synthScope((scope) => new ExposedDeployment(scope, "app", { workload, autoscaling })))
    .resource;
}

describe("Autoscaler", () => {
  const resources = synth(WORKLOAD);
  const hpa = resources.kubernetes_horizontal_pod_autoscaler_v2.web_app;
  const deployment = resources.kubernetes_deployment_v1.web_app;

  it("scales the Deployment it belongs to, by kind and name, in its namespace", () => {
    expect(hpa.metadata).toMatchObject({ name: "web-app", namespace: deployment.metadata.namespace });
    expect(hpa.spec.scale_target_ref).toEqual({
      api_version: "apps/v1",
      kind: "Deployment",
      name: deployment.metadata.name,
    });
    expect(hpa.depends_on).toEqual(["kubernetes_deployment_v1.web_app"]);
  });

  it("keeps the replicas between the bounds, at the target average CPU utilization", () => {
    expect(hpa.spec).toMatchObject({ min_replicas: 3, max_replicas: 9 });
    expect(hpa.spec.metric).toEqual([
      { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", average_utilization: 65 } } },
    ]);
  });

  it("starts the Deployment at minReplicas and leaves the count to the HPA from then on", () => {
    expect(deployment.spec.replicas).toBe("3");
    expect(deployment.lifecycle).toEqual({ ignore_changes: ["spec[0].replicas"] });
  });

  it("leaves a Deployment without autoscaling at its own replicas, changes not ignored", () => {
    const plain = JSON.parse(
      Testing.synthScope((scope) => new ExposedDeployment(scope, "app", { workload: WORKLOAD })),
    ).resource;
    expect(plain.kubernetes_horizontal_pod_autoscaler_v2).toBeUndefined();
    expect(plain.kubernetes_deployment_v1.web_app.spec.replicas).toBe("2");
    expect(plain.kubernetes_deployment_v1.web_app.lifecycle).toBeUndefined();
  });

  it("refuses a workload with a container that requests no CPU, naming it", () => {
    const [web] = WORKLOAD.containers;
    const noCpu = { ...WORKLOAD, containers: [web, { name: "sidecar", image: "example/sidecar:1" }] };
    expect(containersWithoutCpuRequest(noCpu)).toEqual(["sidecar"]);
    expect(() => synth(noCpu)).toThrow(
      "Deployment shop/web-app cannot scale on CPU utilization: container sidecar requests no CPU; " +
        "give every container resources.requests.cpu",
    );
  });

  it("finds CPU requests on every container of every sample", () => {
    const samples = sampleWorkloads({ enabled: true, gameNamespace: "g", echoNamespace: "e" });
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(containersWithoutCpuRequest(sample), sample.name).toEqual([]);
  });
});

describe("the samples' autoscalers in each environment's workloads stack", () => {
  const synthesized = synthesizedProject();
  it.each(projectEnvironments().map((env) => [env.name, env] as const))("%s", (name, env) => {
    const resources = synthesized.stack(`${name}-workloads`).resource ?? {};
    const hpas: StackJson[] = Object.values(resources.kubernetes_horizontal_pod_autoscaler_v2 ?? {});
    const deployments: StackJson[] = Object.values(resources.kubernetes_deployment_v1 ?? {});
    const { enabled, autoscaling } = env.workloads;
    expect(hpas).toHaveLength(enabled && autoscaling ? deployments.length : 0);
    for (const hpa of hpas) {
      const target = deployments.find(
        (d) => d.metadata.name === hpa.spec.scale_target_ref.name && d.metadata.namespace === hpa.metadata.namespace,
      );
      expect(hpa.spec.scale_target_ref.kind).toBe("Deployment");
      expect(target, hpa.metadata.name).toBeDefined();
      expect(target!.lifecycle).toEqual({ ignore_changes: ["spec[0].replicas"] });
      expect(hpa.spec).toMatchObject({
        min_replicas: autoscaling!.minReplicas,
        max_replicas: autoscaling!.maxReplicas,
      });
      for (const container of target!.spec.template.spec.container)
        expect(container.resources.requests.cpu).toBeDefined();
    }
  });
});
