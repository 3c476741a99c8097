import { SMALLEST_FARGATE_REQUESTS } from "../fargate/size";
import { type AddonResources, smallestFargateResources } from "./fargate-resources";

/** CPU and memory of one coredns container, used as both requests and limits. */
export type CorednsResources = AddonResources;

// Each coredns pod gets the smallest and cheapest Fargate size, as the blueprint sizes it.
export const COREDNS_RESOURCES: CorednsResources = SMALLEST_FARGATE_REQUESTS;

/**
 * coredns pods the add-on runs: its default of two, which the configuration below does not change
 * (EKS user guide, https://docs.aws.amazon.com/eks/latest/userguide/managing-coredns.html).
 */
export const COREDNS_REPLICAS = 2;

/**
 * The coredns add-on's configuration_values: run on Fargate (the default pod template carries
 * `eks.amazonaws.com/compute-type: ec2`, which keeps it off Fargate) with requests equal to limits.
 * Throws when the resources would give coredns a bigger Fargate size than the smallest.
 */
export function corednsConfigurationValues(resources: CorednsResources = COREDNS_RESOURCES): string {
  return JSON.stringify({ computeType: "Fargate", resources: smallestFargateResources("coredns", resources) });
}
