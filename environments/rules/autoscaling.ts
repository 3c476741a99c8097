// Kubernetes' rules for a HorizontalPodAutoscaler (autoscaling/v2), checked at load so a bad bound
// fails here and not at apply: ValidateHorizontalPodAutoscalerSpec and validateMetricTarget in
// kubernetes/kubernetes pkg/apis/autoscaling/validation/validation.go: minReplicas at least 1 (0 only
// behind the alpha HPAScaleToZero feature gate, which EKS does not turn on), maxReplicas at least 1 and
// at least minReplicas, a Utilization target's averageUtilization greater than 0.

/** The sample Deployments' autoscaling settings (workloads.autoscaling). */
export interface AutoscalingSettings {
  /** Pods each Deployment keeps at least. */
  minReplicas: number;
  /** Pods each Deployment may scale out to. */
  maxReplicas: number;
  /** Average CPU use, in percent of the pods' CPU requests, the HPA keeps the Deployment at. */
  targetCpuUtilization: number;
}

/** One problem: the field of workloads.autoscaling it is about, and what is wrong and how to fix it. */
export interface AutoscalingProblem {
  /** Field name, e.g. "maxReplicas". */
  field: keyof AutoscalingSettings;
  /** Message, as the loader prints it after the field's path. */
  message: string;
}

/** What Kubernetes would refuse in the settings, or what could never scale; empty when they hold. */
export function autoscalingProblems(settings: AutoscalingSettings | undefined): AutoscalingProblem[] {
  if (!settings) return [];
  const { minReplicas: min, maxReplicas: max, targetCpuUtilization: target } = settings;
  const problems: AutoscalingProblem[] = [];
  if (min < 1) {
    problems.push({
      field: "minReplicas",
      message: `is ${min}, but Kubernetes needs an autoscaler to keep at least 1 pod (scaling to zero is an alpha feature EKS does not enable); set 1 or more`,
    });
  }
  if (max < 1) {
    problems.push({
      field: "maxReplicas",
      message: `is ${max}, but Kubernetes needs at least 1; set it to minReplicas or more`,
    });
  } else if (min >= 1 && max < min) {
    problems.push({
      field: "maxReplicas",
      message: `is ${max}, below minReplicas ${min}, which Kubernetes refuses; set maxReplicas to ${min} or more, or lower minReplicas`,
    });
  }
  // Kubernetes accepts any target above 0; above 100 can never be reached here, because Fargate pods
  // run with limits equal to requests, so a pod's CPU use never exceeds 100% of its request.
  if (target < 1 || target > 100) {
    problems.push({
      field: "targetCpuUtilization",
      message:
        `is ${target}, outside 1-100: it is the average CPU use in percent of the pods' requests, which Kubernetes ` +
        `needs above 0 and pods whose limits equal their requests (as on Fargate) never exceed 100; set e.g. 70`,
    });
  }
  return problems;
}
