// Stand-ins for what AWS would return, used by the mocked `terraform test` run.

const ACCOUNT = "123456789012";

/**
 * Defaults for attributes the AWS provider validates when another resource uses them (ARNs mostly):
 * the mock provider would otherwise invent random strings that fail that validation.
 */
export const MOCK_RESOURCE_DEFAULTS: Record<string, Record<string, unknown>> = {};

/** Defaults for data sources the stacks read. */
export const MOCK_DATA_DEFAULTS: Record<string, Record<string, unknown>> = {
  aws_caller_identity: {
    account_id: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:role/deployer`,
    user_id: "AROAEXAMPLE:deployer",
  },
};

/** A plausible value for every named output of the contract, fed to downstream stacks. */
export const FAKE_OUTPUTS: Record<string, unknown> = {
  vpc_id: "vpc-0123456789abcdef0",
  vpc_cidr: "10.10.0.0/16",
  private_subnet_ids: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"],
  public_subnet_ids: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2", "subnet-0bbbbbbbbbbbbbbb3"],
  azs: ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"],
  nat_public_ips: ["198.51.100.10"],
};
