// The IAM role VPC flow logs publish to CloudWatch Logs with, as the Amazon VPC user guide describes it
// (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html), narrowed to one log group.

import type { LogsKeyScope } from "./key-policy";

/**
 * Trust policy: only the flow-logs service may assume the role, and only for flow logs of this
 * account in this region (aws:SourceAccount and aws:SourceArn, the guide's guard against the confused
 * deputy problem; the flow log's id is not known before it exists, hence the wildcard).
 */
export function flowLogsTrustPolicy({ partition, accountId, region }: LogsKeyScope) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": accountId },
          ArnLike: { "aws:SourceArn": `arn:${partition}:ec2:${region}:${accountId}:vpc-flow-log/*` },
        },
      },
    ],
  };
}

/**
 * Permissions: the guide's actions, on one log group (ARN without ":*") and its streams. The group
 * exists before the flow log, so logs:CreateLogGroup is left out; logs:DescribeLogGroups cannot be
 * narrowed to one group (it lists the account's groups), so it gets the region's groups, read only.
 */
export function flowLogsWritePolicy(logGroupArn: string, scope: LogsKeyScope) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "WriteToTheFlowLogGroup",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [logGroupArn, `${logGroupArn}:*`],
      },
      {
        Sid: "FindTheFlowLogGroup",
        Effect: "Allow",
        Action: "logs:DescribeLogGroups",
        Resource: `arn:${scope.partition}:logs:${scope.region}:${scope.accountId}:log-group:*`,
      },
    ],
  };
}
