// The IAM policy Fargate's built-in log router needs, on the pod execution role, to write to
// CloudWatch Logs: the actions of AWS's sample policy (reference README (a),
// fargate-logging-cloudwatch-permissions.json), narrowed from "*" to the given log groups.

/** Actions of AWS's Fargate logging policy, in its order. */
export const FARGATE_LOGGING_ACTIONS = [
  "logs:CreateLogStream",
  "logs:CreateLogGroup",
  "logs:DescribeLogStreams",
  "logs:PutLogEvents",
  "logs:PutRetentionPolicy",
] as const;

/** An IAM policy document allowing the log router to write to these log groups (ARNs without ":*"). */
export function fargateLoggingPolicy(logGroupArns: string[]) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "FargateLogRouter",
        Effect: "Allow",
        Action: [...FARGATE_LOGGING_ACTIONS],
        // The group itself (CreateLogGroup, PutRetentionPolicy, DescribeLogStreams, CreateLogStream)
        // and its streams (PutLogEvents: ...:log-group:<name>:log-stream:<stream>).
        Resource: logGroupArns.flatMap((arn) => [arn, `${arn}:*`]),
      },
    ],
  };
}
