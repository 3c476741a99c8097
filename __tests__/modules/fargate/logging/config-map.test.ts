import { App, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { FargateLogging, type FargateLoggingProps } from "../../../../modules/fargate/logging/config-map";

const props: FargateLoggingProps = {
  region: "ap-northeast-2",
  clusterName: "dev-fargate",
  logGroupName: "/aws/eks/dev-fargate/fargate",
  fluentBitProcessLogs: false,
  processLogRetentionDays: 90,
  processLogKmsKeyArn: "arn:aws:kms:ap-northeast-2:123456789012:key/0123abcd-0123-4567-89ab-0123456789ac",
};

function build(overrides: Partial<FargateLoggingProps>): FargateLogging {
  return new FargateLogging(new TerraformStack(new App(), "test"), "logging", { ...props, ...overrides });
}

describe("FargateLogging", () => {
  it("creates the Fluent Bit process log group only when those logs are shipped", () => {
    expect(build({}).processLogGroup).toBeUndefined();
    expect(build({ fluentBitProcessLogs: true }).processLogGroup).toBeDefined();
  });
});
