import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { AutoscalingSettings } from "../../environments/rules/autoscaling";
import type { ContainerRequests } from "../fargate/size";
import { Autoscaler } from "./autoscaler";
import type { ContainerSpec, DeploymentWorkload, HttpProbeSpec } from "./workload";

/** Settings of an ExposedDeployment. */
export interface ExposedDeploymentProps {
  /** Everything deployed: the Deployment, its Services and Ingresses. Give it to the Fargate guard too. */
  workload: DeploymentWorkload;
  /** Created before and removed after every resource here, e.g. the namespace. */
  dependsOn?: ITerraformDependable[];
  /** Scale the Deployment with a HorizontalPodAutoscaler; left out, it runs the workload's replicas. */
  autoscaling?: AutoscalingSettings;
}

/**
 * A Deployment and the Services and Ingresses that expose it, built from one Workload description
 * and from nothing else, so checks of the description hold for what is deployed. Terraform addresses
 * are the Kubernetes names in snake_case (kubernetes_service_v1.service_2048), so names of one kind
 * must differ across the stack's namespaces. Services of type LoadBalancer and Ingresses wait for
 * their load balancer, so its hostname is known after apply.
 */
export class ExposedDeployment extends Construct {
  /** The Deployment. */
  readonly deployment: DeploymentV1;
  /** Services, in the description's order. */
  readonly services: ServiceV1[];
  /** Ingresses, in the description's order. */
  readonly ingresses: IngressV1[];
  /** The Deployment's autoscaler, when autoscaling is on. */
  readonly autoscaler?: Autoscaler;

  constructor(scope: Construct, id: string, props: ExposedDeploymentProps) {
    super(scope, id);
    const { workload, dependsOn, autoscaling } = props;
    const { namespace, podLabels } = workload;
    // With an HPA, the Deployment starts at its minimum and the HPA owns the count from then on.
    const replicas = autoscaling?.minReplicas ?? workload.replicas;

    this.deployment = new DeploymentV1(this, `deployment_${workload.name}`, {
      metadata: { name: workload.name, namespace, labels: podLabels },
      spec: {
        replicas: replicas === undefined ? undefined : String(replicas),
        selector: { matchLabels: podLabels },
        template: {
          metadata: { labels: podLabels },
          spec: {
            container: workload.containers.map(container),
            initContainer: workload.initContainers?.map(container),
            hostNetwork: workload.hostNetwork,
            securityContext: workload.securityContext && {
              runAsNonRoot: workload.securityContext.runAsNonRoot,
              runAsUser: uid(workload.securityContext.runAsUser),
              seccompProfile: workload.securityContext.seccompProfile && {
                type: workload.securityContext.seccompProfile,
              },
            },
            volume: workload.volumes?.map((v) =>
              v.hostPath === undefined
                ? { name: v.name, emptyDir: {} }
                : { name: v.name, hostPath: { path: v.hostPath } },
            ),
          },
        },
      },
      dependsOn,
      // So no apply resets what the HPA set.
      lifecycle: autoscaling && { ignoreChanges: ["spec[0].replicas"] },
    });
    this.deployment.overrideLogicalId(address(workload.name));
    if (autoscaling) {
      this.autoscaler = new Autoscaler(this, "autoscaler", {
        workload,
        settings: autoscaling,
        dependsOn: [this.deployment],
      });
    }

    this.services = (workload.services ?? []).map((service) => {
      const resource = new ServiceV1(this, `service_${service.name}`, {
        metadata: { name: service.name, namespace, annotations: service.annotations },
        spec: {
          type: service.type,
          selector: service.selector,
          loadBalancerClass: service.loadBalancerClass,
          port: service.ports.map((p) => ({ port: p.port, targetPort: String(p.targetPort), protocol: "TCP" })),
        },
        waitForLoadBalancer: service.type === "LoadBalancer" ? true : undefined,
        dependsOn,
      });
      resource.overrideLogicalId(address(service.name));
      return resource;
    });

    this.ingresses = (workload.ingresses ?? []).map((ingress) => {
      const resource = new IngressV1(this, `ingress_${ingress.name}`, {
        metadata: { name: ingress.name, namespace, annotations: ingress.annotations },
        spec: {
          ingressClassName: ingress.ingressClassName,
          rule: [
            {
              http: {
                path: ingress.paths.map((p) => ({
                  path: p.path,
                  pathType: "Prefix",
                  backend: { service: { name: p.serviceName, port: { number: p.servicePort } } },
                })),
              },
            },
          ],
        },
        waitForLoadBalancer: true,
        dependsOn,
      });
      resource.overrideLogicalId(address(ingress.name));
      return resource;
    });
  }
}

function container(spec: ContainerSpec) {
  return {
    name: spec.name,
    image: spec.image,
    command: spec.command,
    args: spec.args,
    port: spec.ports?.map((p) => ({ containerPort: p.containerPort, hostPort: p.hostPort })),
    resources: spec.resources && {
      requests: quantities(spec.resources.requests),
      limits: quantities(spec.resources.limits),
    },
    securityContext: spec.securityContext && {
      ...spec.securityContext,
      runAsUser: uid(spec.securityContext.runAsUser),
    },
    livenessProbe: spec.livenessProbe && probe(spec.livenessProbe),
    readinessProbe: spec.readinessProbe && probe(spec.readinessProbe),
    volumeMount: spec.volumeMounts,
  };
}

function probe({ path, port, ...timing }: HttpProbeSpec) {
  return { httpGet: { path, port: String(port) }, ...timing };
}

// The provider takes user IDs as strings.
function uid(id: number | undefined): string | undefined {
  return id === undefined ? undefined : String(id);
}

function quantities(requests: ContainerRequests | undefined): Record<string, string> | undefined {
  if (!requests) return undefined;
  return Object.fromEntries(
    Object.entries(requests).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

// Kubernetes names use "-" and "."; Terraform addresses read better with "_".
function address(name: string): string {
  return name.replace(/[-.]/g, "_");
}
