import { describe, expect, it } from "vitest";
import { accountOf, principalArnProblem } from "../../../environments/rules/principal-arns";

describe("principal ARNs", () => {
  it("accepts IAM roles (with paths) and users of the aws partition", () => {
    for (const arn of [
      "arn:aws:iam::123456789012:role/platform-admin",
      "arn:aws:iam::123456789012:role/ops/platform-admin",
      "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_Admin_0123456789abcdef",
      "arn:aws:iam::123456789012:user/alice",
    ]) {
      expect(principalArnProblem(arn, "role or user"), arn).toBeUndefined();
    }
  });

  it("refuses an assumed-role session, naming the role ARN to use instead", () => {
    expect(
      principalArnProblem("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123/alice@example.com", "role"),
    ).toBe(
      '"arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123/alice@example.com" is an assumed-role session, ' +
        "which expires and which EKS and STS do not accept here; use the role's ARN " +
        '"arn:aws:iam::123456789012:role/AWSReservedSSO_Admin_0123" (with the role\'s path before its name, if it has one)',
    );
  });

  it("refuses an ARN of another partition", () => {
    expect(principalArnProblem("arn:aws-us-gov:iam::123456789012:role/admin", "role or user")).toBe(
      '"arn:aws-us-gov:iam::123456789012:role/admin" is in the "aws-us-gov" partition, but the environment\'s region is in "aws"; use an ARN starting "arn:aws:"',
    );
  });

  it("refuses a user where a role must be assumed", () => {
    expect(principalArnProblem("arn:aws:iam::123456789012:user/alice", "role")).toBe(
      '"arn:aws:iam::123456789012:user/alice" is an IAM user; only a role can be assumed, so name a role, e.g. "arn:aws:iam::123456789012:role/platform-deploy"',
    );
  });

  it("refuses what is not an IAM ARN: a group, a short account id, a name too long for IAM", () => {
    for (const arn of [
      "arn:aws:iam::123456789012:group/admins",
      "arn:aws:iam::12345:role/admin",
      `arn:aws:iam::123456789012:role/${"r".repeat(65)}`,
      "platform-admin",
    ]) {
      expect(principalArnProblem(arn, "role or user"), arn).toMatch(
        /is not an IAM role or user ARN; write it as "arn:aws:iam::123456789012:role\/platform-admin"$/,
      );
    }
  });

  it("reads the account of an IAM ARN", () => {
    expect(accountOf("arn:aws:iam::111122223333:role/terraform-state")).toBe("111122223333");
    expect(accountOf("nope")).toBeUndefined();
  });
});
