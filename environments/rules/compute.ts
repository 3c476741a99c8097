// The capacity settings across fields, checked at load: node groups (rules/node-groups.ts), the one
// node provisioner an environment may have, and the Fargate profile the Karpenter controller needs.

import { KARPENTER_NAMESPACE } from "../../modules/compute/karpenter/controller";
import { namespaceMatches } from "../../modules/fargate/selector";
import type { EnvironmentFields, Problem } from "../schema";
import { nodeGroupProblems } from "./node-groups";

/** Node groups are valid, at most one node provisioner runs, and Karpenter's controller has a Fargate profile. */
export function computeRules(env: EnvironmentFields, problem: Problem): void {
  const { compute, cluster } = env;
  for (const { path, message } of nodeGroupProblems(compute)) problem(["compute", ...path], message);

  // Auto Mode runs its own Karpenter; a second one would fight it over the same pods (EKS user guide,
  // "Automate cluster infrastructure with EKS Auto Mode").
  if (compute.karpenter.enabled && compute.autoMode.enabled) {
    problem(
      ["compute", "karpenter", "enabled"],
      "is on together with compute.autoMode.enabled, but EKS Auto Mode runs its own Karpenter and both would provision nodes for the same pods; turn one of them off",
    );
  }
  // Pod Identity does not work on Fargate, and the controller must run before any node exists.
  if (
    compute.karpenter.enabled &&
    !cluster.fargateProfiles.some((p) =>
      p.selectors.some((s) => namespaceMatches(s.namespace, KARPENTER_NAMESPACE) && !s.labels),
    )
  ) {
    problem(
      ["cluster", "fargateProfiles"],
      `no profile selects the ${KARPENTER_NAMESPACE} namespace, so Karpenter's controller (which must run on Fargate, before any node exists) would stay Pending; add { name: "${KARPENTER_NAMESPACE}", selectors: [{ namespace: "${KARPENTER_NAMESPACE}" }] }`,
    );
  }
}
