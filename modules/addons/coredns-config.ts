import { FARGATE_SIZES, SMALLEST_FARGATE_REQUESTS, fargateSize } from "../fargate/size";

/** CPU and memory of one coredns container, used as both requests and limits. */
export interface CorednsResources {
  /** CPU quantity, e.g. "0.25". */
  cpu: string;
  /** Memory quantity, e.g. "256M". */
  memory: string;
}

// Each coredns pod gets the smallest and cheapest Fargate size, as the blueprint sizes it.
export const COREDNS_RESOURCES: CorednsResources = SMALLEST_FARGATE_REQUESTS;

/**
 * coredns pods the add-on runs: its default of two, which the configuration below does not change
 * (EKS user guide, https://docs.aws.amazon.com/eks/latest/userguide/managing-coredns.html).
 */
export const COREDNS_REPLICAS = 2;

/**
 * The coredns add-on's configuration_values: run on Fargate (the default pod template carries
 * `eks.amazonaws.com/compute-type: ec2`, which keeps it off Fargate) with requests equal to limits,
 * because Fargate sizes the pod by its requests and runs it with Guaranteed QoS.
 * Throws when the resources would give coredns a bigger Fargate size than the smallest.
 */
export function corednsConfigurationValues(resources: CorednsResources = COREDNS_RESOURCES): string {
  const smallest = FARGATE_SIZES[0];
  const size = fargateSize({ containers: [resources] });
  if (size !== smallest) {
    throw new Error(
      `coredns with cpu "${resources.cpu}" and memory "${resources.memory}" would run on Fargate as ` +
        `${size.label} (its requests plus Fargate's 256 MiB overhead), above the ${smallest.label} it is ` +
        `sized for; keep cpu at most "0.25" and memory at most "256Mi".`,
    );
  }
  const { cpu, memory } = resources;
  return JSON.stringify({ computeType: "Fargate", resources: { limits: { cpu, memory }, requests: { cpu, memory } } });
}
