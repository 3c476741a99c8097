// S3's naming rules for general purpose buckets, all of them, so a state bucket S3 would refuse (or that
// cannot exist) is an error at synthesis instead of at `terraform init`:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
// -s3alias: access point aliases; --ol-s3: Object Lambda access point aliases; .mrap: Multi-Region
// Access Points; --x-s3: directory buckets; --table-s3: table buckets.
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** Why S3 would refuse `name` for a general purpose bucket, or undefined when it would not. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) {
    return `is ${name.length} characters long; S3 bucket names have 3 to 63`;
  }
  if (!/^[a-z0-9.-]+$/.test(name)) {
    return "may only hold lowercase letters, digits, dots and hyphens (S3 bucket naming rules)";
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
    return "must begin and end with a lowercase letter or digit (S3 bucket naming rules)";
  }
  if (name.includes("..")) return "has two dots in a row, which S3 bucket names cannot have";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
    return 'is formatted as an IP address, which S3 bucket names cannot be; choose a name such as "acme-terraform-state"';
  }
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `starts with "${prefix}", a prefix S3 reserves; choose another name`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix)
    return `ends with "${suffix}", a suffix S3 reserves for other kinds of buckets and access points; choose another name`;
  return undefined;
}
