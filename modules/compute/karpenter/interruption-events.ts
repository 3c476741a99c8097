// The events Karpenter acts on before EC2 takes a node away, each an EventBridge rule into its
// interruption queue, as Karpenter v1's getting-started CloudFormation template declares them
// (aws/karpenter-provider-aws, website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml:
// ScheduledChangeRule, SpotInterruptionRule, RebalanceRule, InstanceStateChangeRule) and its
// interruption docs describe them (website/content/en/docs/concepts/disruption.md, "Interruption").

/** One kind of event: its short name (in the rule's name and Terraform address) and its pattern. */
export interface InterruptionEvent {
  /** Short name, e.g. "spot": rule <cluster>-karpenter-spot, aws_cloudwatch_event_rule.karpenter_spot. */
  name: string;
  /** What it warns of. */
  description: string;
  /** EventBridge event source. */
  source: string;
  /** EventBridge detail-type. */
  detailType: string;
}

/** The four events: Spot's two-minute warning, rebalance recommendations, instance state changes, AWS Health. */
export const INTERRUPTION_EVENTS: readonly InterruptionEvent[] = [
  {
    name: "spot",
    description: "Spot Instance interruption warnings (two minutes before EC2 reclaims a node)",
    source: "aws.ec2",
    detailType: "EC2 Spot Instance Interruption Warning",
  },
  {
    name: "rebalance",
    description: "EC2 instance rebalance recommendations (a Spot node at elevated risk of interruption)",
    source: "aws.ec2",
    detailType: "EC2 Instance Rebalance Recommendation",
  },
  {
    name: "state",
    description: "EC2 instance state changes (a node stopping or terminated outside Karpenter)",
    source: "aws.ec2",
    detailType: "EC2 Instance State-change Notification",
  },
  {
    name: "health",
    description: "AWS Health events (scheduled maintenance of a node's instance)",
    source: "aws.health",
    detailType: "AWS Health Event",
  },
];

/** The rule's event pattern, as JSON. */
export function eventPattern(event: InterruptionEvent): string {
  return JSON.stringify({ source: [event.source], "detail-type": [event.detailType] });
}
