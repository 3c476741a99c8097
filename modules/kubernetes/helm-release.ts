import { Release, type ReleaseConfig } from "@cdktf/provider-helm/lib/release";
import type { ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";
import { type ChartValues, renderChartValues, unknownChartKeys, vendoredChartDefaults } from "./chart-values";

/** A pinned chart whose default values.yaml is vendored under vendor/. */
export interface VendoredChart {
  /** Chart name, also the release name. */
  name: string;
  /** Chart repository URL. */
  repository: string;
  /** Pinned chart version. */
  version: string;
  /** Namespace the release is installed in. */
  namespace: string;
  /** The chart's values.yaml, relative to the project, e.g. "vendor/<chart>/values.yaml". */
  valuesFile: string;
}

/** Settings of one Helm release. */
export interface HelmReleaseProps {
  /** The chart to install. */
  chart: VendoredChart;
  /** Values; every key must exist in the chart's values.yaml. */
  values: ChartValues;
  /** Seconds Helm waits for the release's resources to be ready. */
  timeoutSeconds: number;
  /** Terraform name of the release: helm_release.<terraformName>. */
  terraformName: string;
  /** What must exist before the release's pods start. */
  dependsOn?: ITerraformDependable[];
}

/**
 * A Helm release of a vendored chart. Its values are checked against the chart's values.yaml at
 * synthesis (Helm ignores unknown keys, so a misspelt one would silently do nothing), and Helm waits
 * for the release to be ready, so stacks after it find it serving. Its address is
 * helm_release.<terraformName>.
 */
export class HelmRelease extends Release {
  constructor(scope: Construct, id: string, props: HelmReleaseProps) {
    super(scope, id, releaseConfig(props));
    this.overrideLogicalId(props.terraformName);
  }
}

function releaseConfig({ chart, values, timeoutSeconds, dependsOn }: HelmReleaseProps): ReleaseConfig {
  const unknown = unknownChartKeys(values, vendoredChartDefaults(chart.valuesFile));
  if (unknown.length > 0) {
    // The project's own code wrote these values: a programming error, not an environment setting.
    throw new Error(
      `Helm values for chart ${chart.name} ${chart.version} use keys its ${chart.valuesFile} lacks: ${unknown.join(", ")}`,
    );
  }
  return {
    name: chart.name,
    chart: chart.name,
    repository: chart.repository,
    version: chart.version,
    namespace: chart.namespace,
    values: [renderChartValues(values)],
    wait: true,
    timeout: timeoutSeconds,
    dependsOn,
  };
}
