import { describe, expect, it } from "vitest";
import { flowLogsTrustPolicy, flowLogsWritePolicy } from "../../../modules/logging/flow-logs-policy";

const scope = { partition: "aws", accountId: "123456789012", region: "ap-northeast-2" };
const group = "arn:aws:logs:ap-northeast-2:123456789012:log-group:/aws/vpc/dev-fargate/flow-logs";

describe("flow logs role policies", () => {
  it("trusts only the flow-logs service, for flow logs of this account in this region", () => {
    expect(flowLogsTrustPolicy(scope).Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": "123456789012" },
          ArnLike: { "aws:SourceArn": "arn:aws:ec2:ap-northeast-2:123456789012:vpc-flow-log/*" },
        },
      },
    ]);
  });

  it("writes only to the one log group and its streams, and creates no log group", () => {
    const [write, find] = flowLogsWritePolicy(group, scope).Statement;
    expect(write).toMatchObject({
      Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      Resource: [group, `${group}:*`],
    });
    // Listing groups cannot be narrowed to one group; it reads names only.
    expect(find).toMatchObject({
      Action: "logs:DescribeLogGroups",
      Resource: "arn:aws:logs:ap-northeast-2:123456789012:log-group:*",
    });
    expect(JSON.stringify(flowLogsWritePolicy(group, scope))).not.toContain("logs:CreateLogGroup");
  });
});
