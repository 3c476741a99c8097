// Checks of a valid environment against what its stacks would deploy, run by the loader before the
// App exists: a rejected environment writes nothing, and every note is printed before synthesis.

import { accessRemovalWarning } from "../modules/cluster/admins";
import { publicEndpointWarning } from "../modules/cluster/public-endpoint";
import { fargatePodMonthlyUsd } from "../modules/cost/fargate-pods";
import { PRICES } from "../modules/cost/prices";
import { checkFargateWorkloads, fargateSummary } from "../modules/fargate/guard";
import type { FargateSize } from "../modules/fargate/size";
import { awsLoggingDataProblems } from "../modules/fargate/logging/config-data";
import { sampleWorkloads } from "../modules/workloads/samples";
import { EnvironmentError, invalidEnvironment } from "./error";
import { kubernetesVersionWarning } from "./rules/kubernetes-version";
import { fargateQuotaWarnings } from "./rules/quotas";
import type { Environment } from "./schema";

/** What the loader reports of one valid environment. */
export interface EnvironmentReport {
  /** Notes that do not stop synthesis. */
  warnings: string[];
  /** Where and at what Fargate size the environment's workloads run; absent when it runs none. */
  summary?: string;
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
  const workloads = sampleWorkloads(env.workloads);
  const placements = checkFargateWorkloads(env.name, env.cluster.fargateProfiles, workloads);

  const warnings: string[] = [];
  // Extended support's price, or a version newer than the calendar; then EKS quotas AWS raises on request.
  const version = kubernetesVersionWarning(env.kubernetesVersion, today);
  if (version) warnings.push(`Environment "${env.name}": ${version}`);
  warnings.push(...fargateQuotaWarnings(env.cluster.fargateProfiles).map((w) => `Environment "${env.name}": ${w}`));
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
  const summary = workloads.length > 0 ? fargateSummary(env.name, placements, podMonthlyUsd) : undefined;
  return { warnings, summary };
}
