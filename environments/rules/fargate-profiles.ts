// The Fargate profiles, checked at load: names that make valid Terraform and IAM names, selectors
// Kubernetes accepts, and a profile for kube-system.

import { CLUSTER_NAME, IAM_ROLE_NAME_LIMIT, podExecutionRoleName, terraformName } from "../../modules/cluster/names";
import { namespaceMatches } from "../../modules/fargate/selector";
import { isLabelKey, isLabelValue } from "../../modules/kubernetes/labels";
import { shown } from "./show";
import type { EnvironmentFields, Problem } from "../schema";

/** A Fargate profile name: letters, digits, "-" and "_", starting with a letter (part of Terraform names). */
export const PROFILE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/** Profile names and the role names built from them are unique and valid, label selectors are valid, and coredns has a profile. */
export function fargateProfileRules(env: EnvironmentFields, problem: Problem): void {
  const { cluster } = env;
  // Profile names become Terraform names with "-" as "_", so "a-b" and "a_b" would collide.
  const names = cluster.fargateProfiles.map((p) => terraformName(p.name));
  cluster.fargateProfiles.forEach(({ name, selectors }, i) => {
    const first = cluster.fargateProfiles[names.indexOf(names[i])].name;
    if (names.indexOf(names[i]) !== i) {
      problem(
        ["cluster", "fargateProfiles", i, "name"],
        first === name
          ? `${shown(name)} names two profiles; give each profile its own name`
          : `${shown(name)} and ${shown(first)} differ only in "-" and "_", so their Terraform names collide; rename one`,
      );
    }
    // Only from valid names: an invalid one is reported on its own field already.
    const role = podExecutionRoleName(env.clusterName, name);
    if (CLUSTER_NAME.test(env.clusterName) && PROFILE_NAME.test(name) && role.length > IAM_ROLE_NAME_LIMIT) {
      problem(
        ["cluster", "fargateProfiles", i, "name"],
        `makes the pod execution role name ${shown(role)} ${role.length} characters long, over IAM's limit of ${IAM_ROLE_NAME_LIMIT}; shorten the profile name or clusterName`,
      );
    }
    selectors.forEach((selector, j) => {
      for (const [key, value] of Object.entries(selector.labels ?? {})) {
        const path = ["cluster", "fargateProfiles", i, "selectors", j, "labels", key];
        if (!isLabelKey(key)) {
          problem(
            path,
            `${shown(key)} is not a Kubernetes label key: use a name of up to 63 letters, digits, '-', '_' or '.' that starts and ends with a letter or digit, optionally after a DNS prefix and "/" (e.g. "app.kubernetes.io/name")`,
          );
        } else if (!isLabelValue(value)) {
          problem(
            path,
            `${shown(value)} is not a label value a selector can match: use 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
          );
        }
      }
    });
  });
  const selectsKubeSystem = cluster.fargateProfiles.some((p) =>
    p.selectors.some((s) => namespaceMatches(s.namespace, "kube-system") && !s.labels),
  );
  if (!selectsKubeSystem) {
    problem(
      ["cluster", "fargateProfiles"],
      'no profile selects the kube-system namespace, so coredns would never start; add { name: "kube-system", selectors: [{ namespace: "kube-system" }] }',
    );
  }
}
