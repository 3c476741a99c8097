import { describe, expect, it } from "vitest";
import { CLOUDWATCH_LOGS_KEY_USE, logsKeyPolicy } from "../../../modules/logging/key-policy";

const scope = { partition: "aws", accountId: "123456789012", region: "ap-northeast-2" };

describe("logsKeyPolicy", () => {
  const [admin, logs] = logsKeyPolicy(scope).Statement;

  it("lets the account administer the key through IAM, so it can never become unmanageable", () => {
    expect(admin).toEqual({
      Sid: "AccountAdministersThroughIam",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Action: "kms:*",
      Resource: "*",
    });
  });

  it("lets the region's CloudWatch Logs use the key only for this account's log groups in the region", () => {
    expect(logs).toEqual({
      Sid: "CloudWatchLogsUseForThisAccount",
      Effect: "Allow",
      Principal: { Service: "logs.ap-northeast-2.amazonaws.com" },
      Action: [...CLOUDWATCH_LOGS_KEY_USE],
      Resource: "*",
      Condition: {
        ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:ap-northeast-2:123456789012:log-group:*" },
      },
    });
  });

  it("grants no principal but the account and CloudWatch Logs", () => {
    expect(logsKeyPolicy(scope).Statement).toHaveLength(2);
  });
});
