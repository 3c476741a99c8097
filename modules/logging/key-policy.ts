// The key policy of the customer-managed key that encrypts every CloudWatch log group of an
// environment (control plane, Fargate pods, Fluent Bit process logs, VPC flow logs).

/** Where the key lives. */
export interface LogsKeyScope {
  /** ARN partition of the account. */
  partition: string;
  /** Account owning the key and the log groups. */
  accountId: string;
  /** Region of the key and the log groups: CloudWatch Logs' service principal is regional. */
  region: string;
}

// What CloudWatch Logs needs from a key to encrypt and decrypt a log group's data, as the CloudWatch
// Logs user guide's key policy grants it:
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html (step 2).
export const CLOUDWATCH_LOGS_KEY_USE = [
  "kms:Encrypt*",
  "kms:Decrypt*",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:Describe*",
] as const;

/** ARN pattern of every log group of the account in the region: the only encryption context the key serves. */
export function accountLogGroupsArn({ partition, accountId, region }: LogsKeyScope): string {
  return `arn:${partition}:logs:${region}:${accountId}:log-group:*`;
}

/**
 * The key policy: the account administers the key through IAM (so it never becomes unmanageable),
 * and the region's CloudWatch Logs service principal may use it only for this account's log groups
 * in this region: CloudWatch Logs passes the log group's ARN as the encryption context
 * `kms:EncryptionContext:aws:logs:arn`, so the key cannot encrypt another account's logs.
 * Writers to the groups (EKS, Fargate's log router, VPC flow logs) need no KMS permission: CloudWatch
 * Logs uses the key itself.
 */
export function logsKeyPolicy(scope: LogsKeyScope) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountAdministersThroughIam",
        Effect: "Allow",
        Principal: { AWS: `arn:${scope.partition}:iam::${scope.accountId}:root` },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "CloudWatchLogsUseForThisAccount",
        Effect: "Allow",
        Principal: { Service: `logs.${scope.region}.amazonaws.com` },
        Action: [...CLOUDWATCH_LOGS_KEY_USE],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": accountLogGroupsArn(scope) } },
      },
    ],
  };
}
