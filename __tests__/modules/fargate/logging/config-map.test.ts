import { App, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { EnvironmentError } from "../../../../environments/load";
import { renderAwsLoggingData } from "../../../../modules/fargate/logging/config-data";
import { FargateLogging, type FargateLoggingProps } from "../../../../modules/fargate/logging/config-map";
import { validateAwsLoggingData } from "../../../../modules/fargate/logging/fluent-bit";

const props: FargateLoggingProps = {
  environment: "dev",
  region: "ap-northeast-2",
  clusterName: "dev-fargate",
  logGroupName: "/aws/eks/dev-fargate/fargate",
  fluentBitProcessLogs: false,
  processLogRetentionDays: 90,
};

function build(overrides: Partial<FargateLoggingProps>): () => FargateLogging {
  return () => new FargateLogging(new TerraformStack(new App(), "test"), "logging", { ...props, ...overrides });
}

describe("FargateLogging", () => {
  it("accepts the project's configuration", () => {
    expect(build({})).not.toThrow();
  });

  it("checks the 5300-character limit with the longest log group name, not the one it is given", () => {
    const region = "a".repeat(4300);
    expect(validateAwsLoggingData(renderAwsLoggingData({ ...props, region }))).toEqual([]);
    expect(() => build({ region })()).toThrow(EnvironmentError);
    expect(() => build({ region })()).toThrow(
      /^Invalid environment "dev":\n {2}- addons: the aws-logging ConfigMap would be rejected by Fargate: The aws-logging data is \d+ characters \(keys plus values\), over Fargate's limit of 5300/,
    );
  });

  it("reports every rule the data breaks, one line each", () => {
    expect(build({ region: "ap-northeast-2 ${AWS_REGION}" })).toThrow(
      'Invalid environment "dev":\n' +
        "  - addons: the aws-logging ConfigMap would be rejected by Fargate: output.conf uses the environment " +
        "variable ${AWS_REGION}, which Fargate does not support; write the value itself instead.",
    );
  });

  it("creates the Fluent Bit process log group only when those logs are shipped", () => {
    expect(build({})().processLogGroup).toBeUndefined();
    expect(build({ fluentBitProcessLogs: true })().processLogGroup).toBeDefined();
  });
});
