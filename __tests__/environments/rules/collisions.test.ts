import { describe, expect, it } from "vitest";
import { computeSettings } from "../../../environments/compute";
import { environmentCollisions } from "../../../environments/rules/collisions";

const env = (name: string, clusterName: string, region = "ap-northeast-2", account?: string) => ({
  name,
  clusterName,
  region,
  account: account ? { id: account } : undefined,
  cluster: { fargateProfiles: [{ name: "kube-system" }] },
  compute: computeSettings.parse({}),
});

describe("environment collisions", () => {
  it("is an error naming both environments when one account gets one cluster name twice in a region", () => {
    expect(
      environmentCollisions([
        env("a", "shared", undefined, "111122223333"),
        env("b", "shared", undefined, "111122223333"),
      ]),
    ).toEqual({
      errors: [
        {
          environment: "b",
          message:
            'environments "a" and "b" are both in account 111122223333 and would both create EKS cluster "shared" in ap-northeast-2, ' +
            'IAM role "shared-cluster", IAM role "shared-fargate-kube-system" and 5 more; the second deploy would fail. Give one of them another clusterName',
        },
      ],
      warnings: [],
    });
  });

  it("is an error for account-wide IAM names even in two regions", () => {
    const { errors } = environmentCollisions([
      env("a", "shared", "eu-west-1", "111122223333"),
      env("b", "shared", "us-east-1", "111122223333"),
    ]);
    expect(errors[0].message).toContain('would both create IAM role "shared-cluster"');
    expect(errors[0].message).not.toContain("EKS cluster");
  });

  it("is a warning when an environment names no account, and nothing when the accounts differ or the names do", () => {
    const { errors, warnings } = environmentCollisions([
      env("a", "shared"),
      env("b", "shared", undefined, "111122223333"),
    ]);
    expect(errors).toEqual([]);
    expect(warnings[0].message).toMatch(
      /^Environments "a" and "b" would both create EKS cluster "shared" in ap-northeast-2, .*: if they deploy to the same AWS account, the second deploy fails\. Set account: \{ id \} on both so synthesis can check, or give one another clusterName\.$/,
    );
    expect(
      environmentCollisions([
        env("a", "shared", undefined, "111122223333"),
        env("b", "shared", undefined, "444455556666"),
      ]),
    ).toEqual({ errors: [], warnings: [] });
    expect(environmentCollisions([env("a", "one"), env("b", "two")])).toEqual({ errors: [], warnings: [] });
  });
});
