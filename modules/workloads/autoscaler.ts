import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { AutoscalingSettings } from "../../environments/rules/autoscaling";
import { type DeploymentWorkload, workloadLabel } from "./workload";

/** Settings of an Autoscaler. */
export interface AutoscalerProps {
  /** The Deployment to scale, as deployed; every container must request CPU. */
  workload: DeploymentWorkload;
  /** Replica bounds and the CPU utilization to scale at. */
  settings: AutoscalingSettings;
  /** Created after these, e.g. the Deployment (the HPA scales what exists). */
  dependsOn?: ITerraformDependable[];
}

/**
 * The containers of a workload that request no CPU. The HPA computes CPU utilization against the
 * pods' requests, and reports no utilization (so never scales) while any container lacks one
 * (Kubernetes, "Horizontal Pod Autoscaling", "How does a HorizontalPodAutoscaler work?").
 */
export function containersWithoutCpuRequest(workload: DeploymentWorkload): string[] {
  return workload.containers.filter((c) => c.resources?.requests?.cpu === undefined).map((c) => c.name);
}

/**
 * An autoscaling/v2 HorizontalPodAutoscaler for one Deployment, on the average CPU utilization of its
 * pods. Its Terraform address is the Deployment's (kubernetes_horizontal_pod_autoscaler_v2.echo_server).
 * The Deployment leaves its replica count to it (ExposedDeployment ignores changes to spec.replicas).
 */
export class Autoscaler extends Construct {
  /** The HorizontalPodAutoscaler. */
  readonly hpa: HorizontalPodAutoscalerV2;

  constructor(scope: Construct, id: string, props: AutoscalerProps) {
    super(scope, id);
    const { workload, settings } = props;
    const missing = containersWithoutCpuRequest(workload);
    if (missing.length > 0) {
      throw new Error(
        `${workloadLabel(workload)} cannot scale on CPU utilization: container ${missing.join(", ")} requests no CPU; ` +
          `give every container resources.requests.cpu`,
      );
    }
    this.hpa = new HorizontalPodAutoscalerV2(this, "hpa", {
      metadata: { name: workload.name, namespace: workload.namespace, labels: workload.podLabels },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: workload.name },
        minReplicas: settings.minReplicas,
        maxReplicas: settings.maxReplicas,
        metric: [
          {
            type: "Resource",
            resource: {
              name: "cpu",
              target: { type: "Utilization", averageUtilization: settings.targetCpuUtilization },
            },
          },
        ],
      },
      dependsOn: props.dependsOn,
    });
    this.hpa.overrideLogicalId(workload.name.replace(/[-.]/g, "_"));
  }
}
