// The capacity settings across fields, checked at load: node groups (rules/node-groups.ts), Auto Mode
// (rules/auto-mode.ts, which also keeps Karpenter from running beside it), and the Fargate profile
// Karpenter's controller needs.

import { KARPENTER_NAMESPACE } from "../../modules/compute/karpenter/controller";
import { namespaceMatches } from "../../modules/fargate/selector";
import type { EnvironmentFields, Problem } from "../schema";
import { autoModeProblems } from "./auto-mode";
import { nodeGroupProblems } from "./node-groups";

/** Node groups and Auto Mode are valid, at most one Karpenter runs, and Karpenter's controller has a Fargate profile. */
export function computeRules(env: EnvironmentFields, problem: Problem): void {
  const { compute, cluster } = env;
  for (const { path, message } of nodeGroupProblems(compute)) problem(["compute", ...path], message);

  // Auto Mode's rules, Karpenter beside it among them (rules/auto-mode.ts).
  for (const { path, message } of autoModeProblems(env)) problem(path, message);
  // Pod Identity does not work on Fargate, and the controller must run before any node exists.
  // (With Auto Mode on too, the Auto Mode rule already says to turn one off.)
  if (
    compute.karpenter.enabled &&
    !compute.autoMode.enabled &&
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
