// Who may use Karpenter's interruption queue. Modelled on KarpenterInterruptionQueuePolicy of Karpenter's
// getting-started CloudFormation template (aws/karpenter-provider-aws,
// website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml): only
// EventBridge and SQS send, and nothing reaches the queue without TLS. EventBridge is further held to
// this cluster's rules with aws:SourceArn, as EventBridge's guide advises for SQS targets
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions).
// The controller reads through its IAM role, which needs no statement here.

/** The queue and the rules that feed it. */
export interface QueuePolicyScope {
  /** ARN of the queue. */
  queueArn: string;
  /** ARNs of the EventBridge rules whose targets it is. */
  ruleArns: string[];
}

/** The queue's resource policy document. */
export function interruptionQueuePolicy(scope: QueuePolicyScope) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "EventBridgeRulesSend",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: scope.queueArn,
        Condition: { ArnEquals: { "aws:SourceArn": scope.ruleArns } },
      },
      {
        Sid: "SqsSends",
        Effect: "Allow",
        Principal: { Service: "sqs.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: scope.queueArn,
      },
      {
        Sid: "DenyWithoutTls",
        Effect: "Deny",
        Principal: "*",
        Action: "sqs:*",
        Resource: scope.queueArn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
}
