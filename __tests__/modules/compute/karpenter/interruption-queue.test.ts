import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { INTERRUPTION_EVENTS } from "../../../../modules/compute/karpenter/interruption-events";
import { InterruptionQueue } from "../../../../modules/compute/karpenter/interruption-queue";

function synth() {
  const stack = new TerraformStack(Testing.app(), "test");
  new InterruptionQueue(stack, "interruption", { clusterName: "dev-fargate" });
  return JSON.parse(Testing.synth(stack)).resource;
}

describe("InterruptionQueue", () => {
  const resources = synth();

  it("keeps messages 5 minutes, encrypted with SQS-managed keys", () => {
    expect(resources.aws_sqs_queue.karpenter).toMatchObject({
      name: "dev-fargate-karpenter",
      message_retention_seconds: 300,
      sqs_managed_sse_enabled: true,
    });
  });

  it("sends Spot warnings, rebalance recommendations, state changes and Health events to the queue", () => {
    const patterns = Object.values(
      resources.aws_cloudwatch_event_rule as Record<string, { event_pattern: string }>,
    ).map((rule) => JSON.parse(rule.event_pattern));
    expect(patterns).toEqual(
      expect.arrayContaining([
        { source: ["aws.ec2"], "detail-type": ["EC2 Spot Instance Interruption Warning"] },
        { source: ["aws.ec2"], "detail-type": ["EC2 Instance Rebalance Recommendation"] },
        { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] },
        { source: ["aws.health"], "detail-type": ["AWS Health Event"] },
      ]),
    );
    expect(patterns).toHaveLength(4);
    for (const { name } of INTERRUPTION_EVENTS) {
      expect(resources.aws_cloudwatch_event_rule[`karpenter_${name}`].name).toBe(`dev-fargate-karpenter-${name}`);
      expect(resources.aws_cloudwatch_event_target[`karpenter_${name}`]).toMatchObject({
        rule: `\${aws_cloudwatch_event_rule.karpenter_${name}.name}`,
        arn: "${aws_sqs_queue.karpenter.arn}",
      });
    }
  });

  it("lets only EventBridge (from these rules) and SQS send, and refuses any request without TLS", () => {
    const policy = JSON.parse(resources.aws_sqs_queue_policy.karpenter.policy);
    expect(resources.aws_sqs_queue_policy.karpenter.queue_url).toBe("${aws_sqs_queue.karpenter.url}");
    const allows = policy.Statement.filter((s: { Effect: string }) => s.Effect === "Allow");
    expect(allows.map((s: { Principal: unknown; Action: string }) => [s.Principal, s.Action])).toEqual([
      [{ Service: "events.amazonaws.com" }, "sqs:SendMessage"],
      [{ Service: "sqs.amazonaws.com" }, "sqs:SendMessage"],
    ]);
    expect(allows[0].Condition.ArnEquals["aws:SourceArn"]).toEqual(
      INTERRUPTION_EVENTS.map(({ name }) => `\${aws_cloudwatch_event_rule.karpenter_${name}.arn}`),
    );
    expect(policy.Statement).toContainEqual({
      Sid: "DenyWithoutTls",
      Effect: "Deny",
      Principal: "*",
      Action: "sqs:*",
      Resource: "${aws_sqs_queue.karpenter.arn}",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  });
});
