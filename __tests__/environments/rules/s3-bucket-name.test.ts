import { describe, expect, it } from "vitest";
import { bucketNameProblem } from "../../../environments/rules/s3-bucket-name";

describe("S3 bucket names", () => {
  it("accepts names that follow S3's rules", () => {
    for (const name of ["abc", "example-platform-terraform-state", "my.state.bucket", "a".repeat(63), "0-state"]) {
      expect(bucketNameProblem(name), name).toBeUndefined();
    }
  });

  it.each([
    ["ab", "is 2 characters long; S3 bucket names have 3 to 63"],
    ["a".repeat(64), "is 64 characters long; S3 bucket names have 3 to 63"],
    ["My-State", "may only hold lowercase letters, digits, dots and hyphens (S3 bucket naming rules)"],
    ["state_bucket", "may only hold lowercase letters, digits, dots and hyphens (S3 bucket naming rules)"],
    ["-state", "must begin and end with a lowercase letter or digit (S3 bucket naming rules)"],
    ["state.", "must begin and end with a lowercase letter or digit (S3 bucket naming rules)"],
    ["my..state", "has two dots in a row, which S3 bucket names cannot have"],
    [
      "192.168.5.4",
      'is formatted as an IP address, which S3 bucket names cannot be; choose a name such as "acme-terraform-state"',
    ],
    ["xn--state", 'starts with "xn--", a prefix S3 reserves; choose another name'],
    ["sthree-state", 'starts with "sthree-", a prefix S3 reserves; choose another name'],
    ["sthree-configurator-x", 'starts with "sthree-", a prefix S3 reserves; choose another name'],
    ["amzn-s3-demo-state", 'starts with "amzn-s3-demo-", a prefix S3 reserves; choose another name'],
    [
      "state-s3alias",
      'ends with "-s3alias", a suffix S3 reserves for other kinds of buckets and access points; choose another name',
    ],
    [
      "state--ol-s3",
      'ends with "--ol-s3", a suffix S3 reserves for other kinds of buckets and access points; choose another name',
    ],
    [
      "state.mrap",
      'ends with ".mrap", a suffix S3 reserves for other kinds of buckets and access points; choose another name',
    ],
    [
      "state--x-s3",
      'ends with "--x-s3", a suffix S3 reserves for other kinds of buckets and access points; choose another name',
    ],
    [
      "state--table-s3",
      'ends with "--table-s3", a suffix S3 reserves for other kinds of buckets and access points; choose another name',
    ],
  ])("refuses %s", (name, message) => {
    expect(bucketNameProblem(name)).toBe(message);
  });
});
