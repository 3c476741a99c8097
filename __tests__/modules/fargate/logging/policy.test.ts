import { describe, expect, it } from "vitest";
import { fargateLoggingPolicy } from "../../../../modules/fargate/logging/policy";

const GROUP = "arn:aws:logs:ap-northeast-2:123456789012:log-group:/aws/eks/dev-fargate/fargate";
const PROCESS_LOGS = "arn:aws:logs:ap-northeast-2:123456789012:log-group:dev-fargate-fluent-bit-logs";

describe("fargateLoggingPolicy", () => {
  it("allows the actions of AWS's Fargate logging policy on the given groups and their streams only", () => {
    expect(fargateLoggingPolicy([GROUP, PROCESS_LOGS])).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "FargateLogRouter",
          Effect: "Allow",
          // fargate-logging-cloudwatch-permissions.json (aws-samples), in its order
          Action: [
            "logs:CreateLogStream",
            "logs:CreateLogGroup",
            "logs:DescribeLogStreams",
            "logs:PutLogEvents",
            "logs:PutRetentionPolicy",
          ],
          // ":*" covers the streams: <group>:log-stream:<name>
          Resource: [GROUP, `${GROUP}:*`, PROCESS_LOGS, `${PROCESS_LOGS}:*`],
        },
      ],
    });
  });
});
