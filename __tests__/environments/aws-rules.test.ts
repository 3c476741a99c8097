import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { prod } from "../../environments/prod";
import { problemsOf } from "../support/environments";
import { TEST_TODAY } from "../support/synth";

// Each AWS rule of environments/rules/ as the user meets it: the environment, the field, the rule, the fix.

const withBackend = (backend: Record<string, unknown>) => ({ ...prod, backend: { ...prod.backend, ...backend } });

describe("AWS rules, checked when environments load", () => {
  it("tags: names the tag and what AWS refuses", () => {
    expect(problemsOf({ ...dev, tags: { "aws:team": "x", Team: "a&b" } })).toBe(
      'Invalid environment "dev":\n' +
        '  - tags["aws:team"]: keys starting with "aws:" are reserved for AWS; rename the tag\n' +
        '  - tags.Team: the value "a&b" has characters AWS does not allow in tags ("&"); use letters, digits, spaces and _ . : / = + - @',
    );
  });

  it("tags: counts the project's own tags against the 50 AWS allows", () => {
    const tags = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`Tag${i}`, "x"]));
    expect(problemsOf({ ...dev, tags })).toBe(
      'Invalid environment "dev":\n' +
        "  - tags: 47 tags, and with the 4 the project adds (ManagedBy, Stack, Name, kubernetes.io/role/elb) each subnet " +
        "would carry 51, over AWS's limit of 50 per resource; remove 1",
    );
  });

  it("regions: the state bucket's region too", () => {
    expect(problemsOf(withBackend({ region: "eu-west-9" }))).toBe(
      'Invalid environment "prod":\n' +
        '  - backend.region: "eu-west-9" is not a region of the aws partition; use one of eu-west-1, eu-west-2, eu-west-3',
    );
  });

  it("S3 bucket names: the full naming rules", () => {
    expect(problemsOf(withBackend({ bucket: "my..state" }))).toBe(
      'Invalid environment "prod":\n  - backend.bucket: has two dots in a row, which S3 bucket names cannot have',
    );
    expect(problemsOf(withBackend({ bucket: "10.0.0.1" }))).toContain("backend.bucket: is formatted as an IP address");
  });

  it("roles to assume: a role of the aws partition, not a session or a user", () => {
    expect(problemsOf(withBackend({ roleArn: "arn:aws:iam::111122223333:user/terraform" }))).toContain(
      'backend.roleArn: "arn:aws:iam::111122223333:user/terraform" is an IAM user; only a role can be assumed',
    );
    expect(
      problemsOf({
        ...prod,
        account: { id: "123456789012", roleArn: "arn:aws:sts::123456789012:assumed-role/deploy/ci" },
      }),
    ).toContain(
      'account.roleArn: "arn:aws:sts::123456789012:assumed-role/deploy/ci" is an assumed-role session, which expires and which ' +
        'EKS and STS do not accept here; use the role\'s ARN "arn:aws:iam::123456789012:role/deploy"',
    );
  });
});

describe("accounts", () => {
  it("takes a 12-digit account id", () => {
    expect(problemsOf({ ...prod, account: { id: "1234" } })).toBe(
      'Invalid environment "prod":\n  - account.id: must be a 12-digit AWS account id, e.g. "123456789012"',
    );
  });

  it("refuses a deploy role in another account than the one the providers are pinned to", () => {
    expect(
      problemsOf({ ...prod, account: { id: "123456789012", roleArn: "arn:aws:iam::444455556666:role/deploy" } }),
    ).toBe(
      'Invalid environment "prod":\n' +
        "  - account.roleArn: is a role in account 444455556666, but account.id is 123456789012: the providers only accept " +
        "credentials of 123456789012; name a role of that account",
    );
  });

  it("is optional, and a role is optional with it", () => {
    const [env] = loadEnvironments([{ ...prod, account: { id: "123456789012" } }], TEST_TODAY).environments;
    expect(env.account).toEqual({ id: "123456789012" });
    expect(loadEnvironments([dev], TEST_TODAY).environments[0].account).toBeUndefined();
  });

  it("refuses two environments in one account with one cluster name, naming both", () => {
    const second = { ...prod, name: "prod2", vpcCidr: "10.30.0.0/16" };
    expect(problemsOf(prod, second)).toBe(
      'Invalid environment "prod2":\n' +
        '  - clusterName: environments "prod" and "prod2" are both in account 123456789012 and would both create EKS cluster ' +
        '"prod-fargate" in ap-northeast-2, IAM role "prod-fargate-cluster", IAM role "prod-fargate-fargate-kube-system" and 7 more; ' +
        "the second deploy would fail. Give one of them another clusterName",
    );
  });

  it("warns when environments without an account would collide if they shared one", () => {
    const { warnings } = loadEnvironments(
      [dev, { ...dev, name: "dev2", region: "eu-west-1", availabilityZones: ["eu-west-1a", "eu-west-1b"] }],
      TEST_TODAY,
    );
    expect(warnings.filter((w) => w.startsWith("Environments"))).toEqual([
      'Environments "dev" and "dev2" would both create IAM role "dev-fargate-cluster", IAM role "dev-fargate-fargate-kube-system", ' +
        'IAM role "dev-fargate-fargate-study-wildcard" and 5 more: if they deploy to the same AWS account, the second deploy fails. ' +
        "Set account: { id } on both so synthesis can check, or give one another clusterName.",
    ]);
  });
});

describe("Kubernetes versions newer than the calendar", () => {
  const versions = {
    coredns: "v1.14.3-eksbuild.3",
    "vpc-cni": "v1.22.4-eksbuild.3",
    "kube-proxy": "v1.37.0-eksbuild.1",
    "metrics-server": "v0.8.1-eksbuild.5",
  };

  it("synthesize with a warning when every add-on version is set", () => {
    const { environments, warnings } = loadEnvironments(
      [{ ...dev, kubernetesVersion: "1.37", addons: { versions } }],
      TEST_TODAY,
    );
    expect(environments).toHaveLength(1);
    expect(warnings.filter((w) => w.includes("kubernetesVersion"))).toEqual([
      'Environment "dev": kubernetesVersion "1.37" is newer than this project\'s EKS calendar (up to 1.36), so its support dates ' +
        "and add-on versions are yours to check: aws eks describe-cluster-versions --cluster-versions 1.37. Add it to " +
        "modules/cluster/versions.ts and modules/addons/versions.ts once EKS publishes it.",
    ]);
  });

  it("are refused on addons.versions otherwise, naming what to set", () => {
    expect(problemsOf({ ...dev, kubernetesVersion: "1.37" })).toContain(
      'addons.versions: has no known-good add-on versions for Kubernetes 1.37 (modules/addons/versions.ts covers 1.35, 1.34, 1.33, 1.32); set "coredns", "vpc-cni", "kube-proxy", "metrics-server"',
    );
  });
});
