import { FARGATE_SIZES, fargateSize } from "../fargate/size";

/** CPU and memory of an add-on's container, used as both requests and limits. */
export interface AddonResources {
  /** CPU quantity, e.g. "0.25". */
  cpu: string;
  /** Memory quantity, e.g. "256M". */
  memory: string;
}

/**
 * An add-on's `resources` configuration for Fargate: requests equal to limits, because Fargate sizes
 * the pod by its requests and runs it with Guaranteed QoS. Throws when they would give the add-on's
 * pods a bigger Fargate size than the smallest, the one it is sized (and priced) for.
 */
export function smallestFargateResources(
  addon: string,
  resources: AddonResources,
): { limits: AddonResources; requests: AddonResources } {
  const smallest = FARGATE_SIZES[0];
  const size = fargateSize({ containers: [resources] });
  if (size !== smallest) {
    throw new Error(
      `${addon} with cpu "${resources.cpu}" and memory "${resources.memory}" would run on Fargate as ` +
        `${size.label} (its requests plus Fargate's 256 MiB overhead), above the ${smallest.label} it is ` +
        `sized for; keep cpu at most "0.25" and memory at most "256Mi".`,
    );
  }
  const { cpu, memory } = resources;
  return { limits: { cpu, memory }, requests: { cpu, memory } };
}
