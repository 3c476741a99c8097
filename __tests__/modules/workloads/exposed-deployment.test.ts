import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ExposedDeployment } from "../../../modules/workloads/exposed-deployment";
import type { DeploymentWorkload } from "../../../modules/workloads/workload";

// Every field of the description reaches the Kubernetes resources, so what the Fargate guard
// checks is what is deployed, including what it refuses.
const WORKLOAD: DeploymentWorkload = {
  kind: "Deployment",
  name: "agent",
  namespace: "ops",
  replicas: 3,
  podLabels: { app: "agent" },
  hostNetwork: true,
  volumes: [{ name: "logs", hostPath: "/var/log" }, { name: "scratch" }],
  initContainers: [{ name: "setup", image: "busybox:1.37" }],
  containers: [
    {
      name: "agent",
      image: "example/agent:1",
      ports: [{ containerPort: 9100, hostPort: 9100 }],
      resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "500m", memory: "1Gi" } },
      securityContext: { privileged: true, runAsUser: 65534, capabilities: { drop: ["ALL"], add: ["NET_ADMIN"] } },
      livenessProbe: { path: "/healthz", port: 9100, initialDelaySeconds: 5 },
      readinessProbe: { path: "/ready", port: 9100 },
      volumeMounts: [{ name: "logs", mountPath: "/host/logs" }],
    },
  ],
  securityContext: { seccompProfile: "RuntimeDefault", runAsNonRoot: true, runAsUser: 1000 },
  services: [
    {
      name: "agent-metrics",
      type: "LoadBalancer",
      loadBalancerClass: "service.k8s.aws/nlb",
      annotations: { "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip" },
      selector: { app: "agent" },
      ports: [{ port: 80, targetPort: 9100 }],
    },
  ],
  ingresses: [
    {
      name: "agent.web",
      ingressClassName: "alb",
      annotations: { "alb.ingress.kubernetes.io/target-type": "ip" },
      paths: [{ path: "/metrics", serviceName: "agent-metrics", servicePort: 80 }],
    },
  ],
};

function synth(workload: DeploymentWorkload) {
  return JSON.parse(Testing.synthScope((scope) => new ExposedDeployment(scope, "agent", { workload }))).resource;
}

describe("ExposedDeployment", () => {
  const resources = synth(WORKLOAD);

  it("names each resource after its Kubernetes name", () => {
    expect(Object.keys(resources.kubernetes_deployment_v1)).toEqual(["agent"]);
    expect(Object.keys(resources.kubernetes_service_v1)).toEqual(["agent_metrics"]);
    expect(Object.keys(resources.kubernetes_ingress_v1)).toEqual(["agent_web"]);
  });

  it("renders the pod template from the description, including what Fargate refuses", () => {
    const deployment = resources.kubernetes_deployment_v1.agent;
    expect(deployment.metadata).toEqual({ name: "agent", namespace: "ops", labels: { app: "agent" } });
    expect(deployment.spec.replicas).toBe("3");
    expect(deployment.spec.selector.match_labels).toEqual({ app: "agent" });
    const pod = deployment.spec.template;
    expect(pod.metadata.labels).toEqual({ app: "agent" });
    expect(pod.spec.host_network).toBe(true);
    expect(pod.spec.volume).toEqual([
      { name: "logs", host_path: { path: "/var/log" } },
      { name: "scratch", empty_dir: {} },
    ]);
    expect(pod.spec.init_container).toEqual([{ name: "setup", image: "busybox:1.37" }]);
    expect(pod.spec.container).toEqual([
      {
        name: "agent",
        image: "example/agent:1",
        port: [{ container_port: 9100, host_port: 9100 }],
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "500m", memory: "1Gi" } },
        security_context: {
          privileged: true,
          run_as_user: "65534",
          capabilities: { drop: ["ALL"], add: ["NET_ADMIN"] },
        },
        liveness_probe: { http_get: { path: "/healthz", port: "9100" }, initial_delay_seconds: 5 },
        readiness_probe: { http_get: { path: "/ready", port: "9100" } },
        volume_mount: [{ name: "logs", mount_path: "/host/logs" }],
      },
    ]);
    expect(pod.spec.security_context).toEqual({
      seccomp_profile: { type: "RuntimeDefault" },
      run_as_non_root: true,
      run_as_user: "1000",
    });
  });

  it("renders Services and Ingresses, waiting for load balancers", () => {
    expect(resources.kubernetes_service_v1.agent_metrics).toMatchObject({
      metadata: {
        name: "agent-metrics",
        namespace: "ops",
        annotations: { "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip" },
      },
      spec: {
        type: "LoadBalancer",
        load_balancer_class: "service.k8s.aws/nlb",
        selector: { app: "agent" },
        port: [{ port: 80, target_port: "9100", protocol: "TCP" }],
      },
      wait_for_load_balancer: true,
    });
    expect(resources.kubernetes_ingress_v1.agent_web).toMatchObject({
      metadata: { name: "agent.web", namespace: "ops", annotations: { "alb.ingress.kubernetes.io/target-type": "ip" } },
      spec: {
        ingress_class_name: "alb",
        rule: [
          {
            http: {
              path: [
                {
                  path: "/metrics",
                  path_type: "Prefix",
                  backend: { service: { name: "agent-metrics", port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
      wait_for_load_balancer: true,
    });
  });

  it("does not wait on a ClusterIP Service, which gets no load balancer", () => {
    const [service] = WORKLOAD.services!;
    const clusterIp = synth({
      ...WORKLOAD,
      services: [{ ...service, type: "ClusterIP", loadBalancerClass: undefined }],
    });
    expect(clusterIp.kubernetes_service_v1.agent_metrics.wait_for_load_balancer).toBeUndefined();
  });
});
