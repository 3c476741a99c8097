// Checks of a valid environment against what its stacks would deploy, run by the loader before the
// App exists: a rejected environment writes nothing, and every note is printed before synthesis.

import { accessRemovalWarning } from "../modules/cluster/admins";
import { publicEndpointWarning } from "../modules/cluster/public-endpoint";
import { fargatePodMonthlyUsd } from "../modules/cost/fargate-pods";
import { PRICES } from "../modules/cost/prices";
import { checkWorkloads } from "../modules/compute/guard";
import { capacityOf } from "../modules/compute/placement";
import { platformWorkloads } from "../modules/compute/platform-workloads";
import { placementSummary } from "../modules/compute/summary";
import type { FargateSize } from "../modules/fargate/size";
import { awsLoggingDataProblems } from "../modules/fargate/logging/config-data";
import { environmentSamples } from "../modules/workloads/samples";
import { EnvironmentError, invalidEnvironment } from "./error";
import { kubernetesVersionWarning } from "./rules/kubernetes-version";
import { fargateQuotaWarnings } from "./rules/quotas";
import { nodeGroupWarnings } from "./rules/node-groups";
import { nodeGroupLines, nodePoolLines, planNodeGroup } from "../modules/compute/node-groups";
import type { Environment } from "./schema";

/** What the loader reports of one valid environment. */
export interface EnvironmentReport {
  /** Notes that do not stop synthesis. */
  warnings: string[];
  /** Where the environment's pods run (Fargate profile and size, or the nodes) and what its nodes hold. */
  summary: string;
}

/** Checks what the environment deploys on `today` (an ISO date); throws an EnvironmentError naming every problem. */
export function checkEnvironment(env: Environment, today: string): EnvironmentReport {
  const logging = awsLoggingDataProblems({
    region: env.region,
    fluentBitProcessLogs: env.addons.fluentBitProcessLogs,
  });
  if (logging.length > 0) {
    throw new EnvironmentError(
      invalidEnvironment(
        `"${env.name}"`,
        logging.map((p) => `addons: the aws-logging ConfigMap would be rejected by Fargate: ${p}`),
      ),
    );
  }
  const placed = checkWorkloads(env.name, capacityOf(env), [...platformWorkloads(env), ...environmentSamples(env)]);

  const warnings: string[] = [];
  // Extended support's price, or a version newer than the calendar; then EKS quotas AWS raises on request.
  const version = kubernetesVersionWarning(env.kubernetesVersion, today);
  if (version) warnings.push(`Environment "${env.name}": ${version}`);
  warnings.push(
    ...[...fargateQuotaWarnings(env.cluster.fargateProfiles), ...nodeGroupWarnings(env.compute)].map(
      (w) => `Environment "${env.name}": ${w}`,
    ),
  );
  if (env.cluster.endpointAccess === "private") {
    warnings.push(
      `Environment "${env.name}" has a private-only Kubernetes API endpoint, so the addons, lb-controller and ` +
        `workloads stacks must be deployed from inside the VPC (or a network connected to it).`,
    );
  }
  const access = accessRemovalWarning({ deployRoleArn: env.account?.roleArn, ...env.cluster });
  if (access) warnings.push(`Environment "${env.name}": ${access}`);
  const openEndpoint = publicEndpointWarning(env);
  if (openEndpoint) warnings.push(openEndpoint);
  // A warning about requests Fargate rounds up says what that costs, at the region's prices.
  const prices = PRICES.regions[env.region] ?? {};
  const podMonthlyUsd = (size: FargateSize) => fargatePodMonthlyUsd(size, prices, PRICES.hoursPerMonth);
  const { nodeGroups, prefixDelegation } = env.compute;
  const nodes = [
    ...nodeGroupLines(
      nodeGroups.map((g) => planNodeGroup(g, prefixDelegation)),
      prefixDelegation,
    ),
    ...nodePoolLines(env.compute),
  ];
  return { warnings, summary: placementSummary(env.name, placed, nodes, podMonthlyUsd) };
}
