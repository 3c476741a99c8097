import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { Construct } from "constructs";
import { karpenterEventRuleName, karpenterQueueName } from "../../cluster/names";
import { eventPattern, INTERRUPTION_EVENTS } from "./interruption-events";
import { interruptionQueuePolicy } from "./queue-policy";

/** Settings of Karpenter's interruption queue. */
export interface InterruptionQueueProps {
  /** EKS cluster name, literal: the queue and rules are named after it. */
  clusterName: string;
}

/**
 * The SQS queue Karpenter reads EC2 interruption events from, and the EventBridge rules that fill it,
 * so Karpenter cordons and drains a node before EC2 takes it. Addresses: aws_sqs_queue.karpenter,
 * aws_sqs_queue_policy.karpenter, aws_cloudwatch_event_rule.karpenter_<event>,
 * aws_cloudwatch_event_target.karpenter_<event>.
 */
export class InterruptionQueue extends Construct {
  /** The queue; its name is the chart's settings.interruptionQueue. */
  readonly queue: SqsQueue;
  /** Its resource policy: depend on it so the controller never starts before events can arrive. */
  readonly policy: SqsQueuePolicy;
  /** The rules, in the order of INTERRUPTION_EVENTS. */
  readonly rules: CloudwatchEventRule[];

  constructor(scope: Construct, id: string, props: InterruptionQueueProps) {
    super(scope, id);
    this.queue = new SqsQueue(this, "queue", {
      name: karpenterQueueName(props.clusterName),
      // An interruption is acted on within its two-minute warning or not at all; older events are noise.
      messageRetentionSeconds: 300,
      // SQS-managed keys rather than a customer-managed KMS key: a KMS-encrypted queue fed by an AWS
      // service needs a customer-managed key whose policy lets that service (here events.amazonaws.com)
      // use it (SQS developer guide, "Amazon SQS Key management", Configure KMS permissions for AWS
      // services), a second key policy to keep right for messages that are EC2 event notices (instance
      // ids, times), not data. Karpenter's own template uses SqsManagedSseEnabled too.
      sqsManagedSseEnabled: true,
    });
    this.queue.overrideLogicalId("karpenter");

    this.rules = INTERRUPTION_EVENTS.map((event) => {
      const rule = new CloudwatchEventRule(this, `rule_${event.name}`, {
        name: karpenterEventRuleName(props.clusterName, event.name),
        description: `Karpenter: ${event.description}`,
        eventPattern: eventPattern(event),
      });
      rule.overrideLogicalId(`karpenter_${event.name}`);
      const target = new CloudwatchEventTarget(this, `target_${event.name}`, {
        rule: rule.name,
        targetId: "KarpenterInterruptionQueue",
        arn: this.queue.arn,
      });
      target.overrideLogicalId(`karpenter_${event.name}`);
      return rule;
    });

    this.policy = new SqsQueuePolicy(this, "policy", {
      queueUrl: this.queue.url,
      policy: JSON.stringify(
        interruptionQueuePolicy({ queueArn: this.queue.arn, ruleArns: this.rules.map((rule) => rule.arn) }),
      ),
    });
    this.policy.overrideLogicalId("karpenter");
  }
}
