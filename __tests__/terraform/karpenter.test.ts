import { describe, expect, it } from "vitest";
import { INTERRUPTION_EVENTS } from "../../modules/compute/karpenter/interruption-events";
import { karpenterNodePolicyNames } from "../../modules/compute/karpenter/node-role";
import { policyAttachmentId } from "../../modules/compute/node-role";
import { stackId } from "../../stacks/contract";
import { karpenterEnvironment } from "../support/environments";
import { type StackJson, synthesize } from "../support/synth";
import { awsOnly } from "./workspace";

// Turning Karpenter on in a running environment: its AWS parts are validated, planned, mock-applied and
// planned again with the other environments (offline.test.ts checks the default one with Karpenter on).
// Here: the add-ons stack with Karpenter keeps every AWS resource it had, as it was, and only adds
// Karpenter's, so a plan against the running environment can only create.

const withKarpenter = karpenterEnvironment();
const withoutKarpenter = {
  ...withKarpenter,
  compute: { ...withKarpenter.compute, karpenter: { enabled: false, nodePools: [] } },
};
const addons = stackId(withKarpenter.name, "addons");

/** The AWS resources Karpenter adds to the add-ons stack, as plan addresses. */
const KARPENTER_ADDRESSES = [
  "aws_iam_role.karpenter",
  "aws_iam_policy.karpenter",
  "aws_iam_role_policy_attachment.karpenter",
  "aws_iam_role.karpenter_node",
  ...karpenterNodePolicyNames(false).map(
    (policy) => `aws_iam_role_policy_attachment.${policyAttachmentId("karpenter_node", policy)}`,
  ),
  "aws_eks_access_entry.karpenter_node",
  "aws_sqs_queue.karpenter",
  "aws_sqs_queue_policy.karpenter",
  ...INTERRUPTION_EVENTS.flatMap(({ name }) => [
    `aws_cloudwatch_event_rule.karpenter_${name}`,
    `aws_cloudwatch_event_target.karpenter_${name}`,
  ]),
].sort();

describe("Karpenter turned on in a running environment", () => {
  const aws = (stack: StackJson) => awsOnly(stack).resource as Record<string, Record<string, unknown>>;
  const before = aws(synthesize([withoutKarpenter]).stack(addons));
  const after = aws(synthesize([withKarpenter]).stack(addons));
  const addresses = (resources: Record<string, Record<string, unknown>>) =>
    Object.entries(resources).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));

  it("keeps every AWS resource of the add-ons stack as it was", () => {
    for (const [type, byName] of Object.entries(before)) {
      for (const [name, resource] of Object.entries(byName))
        expect(after[type][name], `${type}.${name}`).toEqual(resource);
    }
  });

  it("adds exactly Karpenter's resources", () => {
    const added = addresses(after).filter((address) => !addresses(before).includes(address));
    expect(added.sort()).toEqual(KARPENTER_ADDRESSES);
  });
});
