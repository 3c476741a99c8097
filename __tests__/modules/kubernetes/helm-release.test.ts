import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HelmRelease, type HelmReleaseProps } from "../../../modules/kubernetes/helm-release";
import { LB_CONTROLLER_CHART } from "../../../modules/lb-controller/lb-controller";

const props: HelmReleaseProps = {
  chart: LB_CONTROLLER_CHART,
  values: { clusterName: "dev-fargate", replicaCount: 2 },
  timeoutSeconds: 600,
  terraformName: "controller",
};

function releaseOf(overrides: Partial<HelmReleaseProps>) {
  const stack = new TerraformStack(Testing.app(), "test");
  new HelmRelease(stack, "release", { ...props, ...overrides });
  return JSON.parse(Testing.synth(stack)).resource.helm_release;
}

describe("HelmRelease", () => {
  it("installs the pinned chart under a readable address, waiting for it to be ready", () => {
    const { controller } = releaseOf({});
    const chart = LB_CONTROLLER_CHART;
    expect(controller).toMatchObject({
      name: chart.name,
      chart: chart.name,
      repository: chart.repository,
      version: chart.version,
      namespace: chart.namespace,
      wait: true,
      timeout: 600,
    });
    expect(parse(controller.values[0])).toEqual({ clusterName: "dev-fargate", replicaCount: 2 });
  });

  it("refuses values with a key the vendored values.yaml lacks, naming the chart and the keys", () => {
    expect(() => releaseOf({ values: { clusterName: "x", replicas: 2, serviceAccount: { nmae: "x" } } })).toThrow(
      "Helm values for chart aws-load-balancer-controller 3.5.0 use keys its " +
        "vendor/aws-load-balancer-controller/values.yaml lacks: replicas, serviceAccount.nmae",
    );
  });
});
