import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { fargateSize } from "../../modules/fargate/size";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { outputNames } from "../../stacks/contract";
import { problemsOf } from "../support/environments";
import { type StackJson, TEST_TODAY, projectEnvironments, synthesizedProject } from "../support/synth";

const synth = synthesizedProject();
const stack = synth.stack("dev-workloads");
const resources = stack.resource;

type Labels = Record<string, string>;
const selects = (selector: Labels, labels: Labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);
const deployments = (): StackJson[] => Object.values(resources.kubernetes_deployment_v1);
const services = (): StackJson[] => Object.values(resources.kubernetes_service_v1);

describe("workloads stack", () => {
  it("creates each sample's namespace from the environment, before anything in it", () => {
    expect(resources.kubernetes_namespace_v1.game_2048.metadata.name).toBe("study-2048");
    expect(resources.kubernetes_namespace_v1.echo_server.metadata.name).toBe("study-echo");
    expect(resources.kubernetes_deployment_v1.deployment_2048.depends_on).toEqual([
      "kubernetes_namespace_v1.game_2048",
    ]);
    expect(resources.kubernetes_ingress_v1.ingress_2048.depends_on).toEqual(["kubernetes_namespace_v1.game_2048"]);
    expect(resources.kubernetes_service_v1.echo_server.depends_on).toEqual(["kubernetes_namespace_v1.echo_server"]);
  });

  it("runs 2048 as two pods of the smallest Fargate size, the game copied by an init container into the unprivileged nginx's web root", () => {
    const deployment = resources.kubernetes_deployment_v1.deployment_2048;
    expect(deployment.metadata.namespace).toBe("study-2048");
    expect(deployment.spec.replicas).toBe("2");
    const spec = deployment.spec.template.spec;
    const [copy] = spec.init_container;
    const [container] = spec.container;
    expect(container.image).toBe("nginxinc/nginx-unprivileged:1.26.3-alpine-slim");
    expect(container.port).toEqual([{ container_port: 8080 }]);
    expect(copy.image).toMatch(/^public\.ecr\.aws\/l6m2t8p7\/docker-2048@sha256:[0-9a-f]{64}$/);
    expect(copy.command).toEqual(["sh", "-c", "cp -R /usr/share/nginx/html/. /game/ && grep -q 2048 /game/index.html"]);
    // The copy lands where the server serves from: one emptyDir, mounted by both.
    expect(copy.volume_mount).toEqual([{ name: "game", mount_path: "/game" }]);
    expect(container.volume_mount).toEqual([
      { name: "game", mount_path: "/usr/share/nginx/html" },
      { name: "tmp", mount_path: "/tmp" },
    ]);
    expect(spec.volume).toEqual([
      { name: "game", empty_dir: {} },
      { name: "tmp", empty_dir: {} },
    ]);
    expect(container.resources.requests).toEqual(container.resources.limits);
    expect(
      fargateSize({ containers: [container.resources.requests], initContainers: [copy.resources.requests] }).label,
    ).toBe("0.25 vCPU / 0.5 GB");
  });

  describe("hardened samples", () => {
    const podSpec = (address: string) => resources.kubernetes_deployment_v1[address].spec.template.spec;
    const SAMPLES = [
      // address, served port, UID of the image's server
      ["deployment_2048", 8080, 101],
      ["echo_server", 8080, 65534],
    ] as const;

    it.each(SAMPLES)(
      "%s: every container non-root, all capabilities dropped, read-only root, no privilege escalation; RuntimeDefault seccomp",
      (address, _port, uid) => {
        const spec = podSpec(address);
        expect(spec.security_context).toEqual({ seccomp_profile: { type: "RuntimeDefault" }, run_as_non_root: true });
        for (const container of [...(spec.init_container ?? []), ...spec.container]) {
          expect(container.security_context).toEqual({
            allow_privilege_escalation: false,
            privileged: false,
            read_only_root_filesystem: true,
            run_as_non_root: true,
            run_as_user: String(uid),
            capabilities: { drop: ["ALL"] },
          });
        }
      },
    );

    it.each(SAMPLES)("%s: writes only to emptyDir volumes", (address) => {
      const spec = podSpec(address);
      const emptyDirs = (spec.volume ?? []).filter((v: StackJson) => v.empty_dir).map((v: StackJson) => v.name);
      for (const container of [...(spec.init_container ?? []), ...spec.container])
        for (const mount of container.volume_mount ?? []) expect(emptyDirs).toContain(mount.name);
    });

    it.each(SAMPLES)("%s: liveness and readiness probes on the served port", (address, port) => {
      const [container] = podSpec(address).container;
      expect(container.port.map((p: { container_port: number }) => p.container_port)).toContain(port);
      for (const probe of [container.liveness_probe, container.readiness_probe]) {
        expect(probe.http_get).toEqual({ path: "/", port: String(port) });
      }
      expect(container.liveness_probe.initial_delay_seconds).toBeGreaterThan(0);
    });

    it.each(SAMPLES)("%s: stays on the smallest Fargate size", (address) => {
      const { resources: r } = podSpec(address).container[0];
      expect(r.requests).toEqual(r.limits);
      expect(fargateSize({ containers: [r.requests] }).label).toBe("0.25 vCPU / 0.5 GB");
    });
  });

  it("exposes 2048 through a ClusterIP Service and an internet-facing alb Ingress with IP targets", () => {
    expect(resources.kubernetes_service_v1.service_2048.spec.type).toBe("ClusterIP");
    const ingress = resources.kubernetes_ingress_v1.ingress_2048;
    expect(ingress.spec.ingress_class_name).toBe("alb");
    expect(ingress.metadata.annotations).toEqual({
      "alb.ingress.kubernetes.io/scheme": "internet-facing",
      "alb.ingress.kubernetes.io/target-type": "ip",
    });
    expect(ingress.wait_for_load_balancer).toBe(true);
  });

  it("runs the echo server on 8080 behind an internet-facing NLB in IP mode, health-checked and cross-zone", () => {
    const deployment = resources.kubernetes_deployment_v1.echo_server;
    expect(deployment.metadata.namespace).toBe("study-echo");
    expect(deployment.spec.replicas).toBe("2");
    const [container] = deployment.spec.template.spec.container;
    expect(container.image).toBe("registry.k8s.io/e2e-test-images/agnhost:2.66.1");
    expect(container.args).toEqual(["http-echo", "--port=8080"]);
    expect(container.port).toEqual([{ container_port: 8080 }]);
    expect(fargateSize({ containers: [container.resources.requests] }).label).toBe("0.25 vCPU / 0.5 GB");

    const service = resources.kubernetes_service_v1.echo_server;
    expect(service.spec).toMatchObject({ type: "LoadBalancer", load_balancer_class: "service.k8s.aws/nlb" });
    expect(service.metadata.annotations).toEqual({
      "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
      "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing",
      "service.beta.kubernetes.io/aws-load-balancer-healthcheck-port": "8080",
      "service.beta.kubernetes.io/aws-load-balancer-attributes": "load_balancing.cross_zone.enabled=true",
    });
    expect(service.wait_for_load_balancer).toBe(true);
  });

  it("declares game_url and echo_url from the load balancers' hostnames", () => {
    expect(Object.keys(stack.output).sort()).toEqual(outputNames("workloads").sort());
    expect(stack.output.game_url.value).toBe(
      "http://${kubernetes_ingress_v1.ingress_2048.status[0].load_balancer[0].ingress[0].hostname}",
    );
    expect(stack.output.echo_url.value).toBe(
      "http://${kubernetes_service_v1.echo_server.status[0].load_balancer[0].ingress[0].hostname}",
    );
  });

  it("authenticates to the cluster with aws eks get-token, reading the cluster stack's outputs", () => {
    expect(stack.provider.kubernetes).toEqual([
      {
        host: "${data.terraform_remote_state.cluster.outputs.cluster_endpoint}",
        cluster_ca_certificate:
          "${base64decode(data.terraform_remote_state.cluster.outputs.cluster_certificate_authority_data)}",
        exec: [
          {
            api_version: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: [
              "eks",
              "get-token",
              "--cluster-name",
              "${data.terraform_remote_state.cluster.outputs.cluster_name}",
              "--region",
              "ap-northeast-2",
            ],
          },
        ],
      },
    ]);
    expect(stack.data.terraform_remote_state.cluster.config.path).toBe("../../../state/dev/cluster.tfstate");
  });

  it("has only Kubernetes resources, so it carries no AWS provider", () => {
    expect(Object.keys(resources).every((type) => type.startsWith("kubernetes_"))).toBe(true);
    expect(Object.keys(stack.provider)).toEqual(["kubernetes"]);
    expect(Object.keys(stack.terraform.required_providers)).toEqual(["kubernetes"]);
  });

  describe("consistency", () => {
    it("each Service selects its Deployment's pods, in the same namespace", () => {
      for (const service of services()) {
        const selected = deployments().filter(
          (d) =>
            d.metadata.namespace === service.metadata.namespace &&
            selects(service.spec.selector, d.spec.template.metadata.labels),
        );
        expect(selected, service.metadata.name).toHaveLength(1);
        // The Deployment manages exactly the pods the Service reaches.
        expect(selected[0].spec.selector.match_labels).toEqual(selected[0].spec.template.metadata.labels);
      }
    });

    it("each Service's targetPort is a containerPort of the pods it selects", () => {
      for (const service of services()) {
        const deployment = deployments().find(
          (d) =>
            d.metadata.namespace === service.metadata.namespace &&
            selects(service.spec.selector, d.spec.template.metadata.labels),
        )!;
        const containerPorts = deployment.spec.template.spec.container.flatMap((c: StackJson) =>
          c.port.map((p: StackJson) => String(p.container_port)),
        );
        for (const port of service.spec.port) expect(containerPorts).toContain(port.target_port);
      }
    });

    it("the Ingress backend names an existing Service and one of its ports", () => {
      for (const ingress of Object.values(resources.kubernetes_ingress_v1) as StackJson[]) {
        const paths = ingress.spec.rule.flatMap((r: StackJson) => r.http.path);
        expect(paths.length).toBeGreaterThan(0);
        for (const { backend } of paths) {
          const service = services().find(
            (s) => s.metadata.namespace === ingress.metadata.namespace && s.metadata.name === backend.service.name,
          );
          expect(service, backend.service.name).toBeDefined();
          expect(service!.spec.port.map((p: StackJson) => p.port)).toContain(backend.service.port.number);
        }
      }
    });
  });

  describe("Fargate guard, run by the loader before synthesis", () => {
    it("summarizes where each sample runs, after the platform's pods", () => {
      const [summary] = loadEnvironments([{ ...dev, name: "qa" }], TEST_TODAY).summaries;
      expect(summary.split("\n").slice(-2)).toEqual([
        "  Deployment study-2048/deployment-2048: 2 pods of 0.25 vCPU / 0.5 GB on Fargate, profile study-wildcard",
        "  Deployment study-echo/echo-server: 2 pods of 0.25 vCPU / 0.5 GB on Fargate, profile study-wildcard",
      ]);
    });

    it("rejects the environment when no Fargate profile selects a sample's namespace", () => {
      const bad = { ...dev, workloads: { enabled: true, gameNamespace: "games", echoNamespace: "study-echo" } };
      expect(problemsOf(bad)).toContain(
        'Invalid environment "dev":\n  - Deployment games/deployment-2048 [fargate-profile]: no Fargate profile selects namespace "games"',
      );
    });
  });

  it("stays, empty, where the samples are off (prod), so the next deploy removes samples turned off", () => {
    const prod = synth.stack("prod-workloads");
    expect(prod.resource).toBeUndefined();
    // The provider stays: Terraform needs it to delete what the state still holds.
    expect(prod.provider.kubernetes[0].exec[0].args).toEqual([
      "eks",
      "get-token",
      "--cluster-name",
      "${data.terraform_remote_state.cluster.outputs.cluster_name}",
      "--region",
      "ap-northeast-2",
      // prod's deploy role, which has cluster-admin: the token is signed as it.
      "--role-arn",
      "arn:aws:iam::123456789012:role/platform-deploy",
    ]);
    expect(prod.output).toEqual({
      game_url: { value: "", description: "URL of the 2048 game (its ALB); empty when the samples are off" },
      echo_url: { value: "", description: "URL of the echo server (its NLB); empty when the samples are off" },
    });
  });

  it("keeps every environment's destroy order: workloads go before the controller, samples on or off", () => {
    const manifest = JSON.parse(readFileSync(join(synth.outdir, "manifest.json"), "utf8"));
    for (const env of projectEnvironments()) {
      expect(manifest.stacks[`${env.name}-workloads`].dependencies).toEqual([
        `${env.name}-cluster`,
        `${env.name}-lb-controller`,
      ]);
    }
  });
});
