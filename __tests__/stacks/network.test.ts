import { describe, expect, it } from "vitest";
import { dev as devInput } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { outputNames } from "../../stacks/contract";
import { TEST_TODAY, synthesize, synthesizedProject } from "../support/synth";

const synth = synthesizedProject();
const dev = synth.stack("dev-network");
const prod = synth.stack("prod-network");

// dev with flow logs off, and with only rejected traffic logged.
const variants = synthesize(
  loadEnvironments(
    [
      { ...devInput, name: "nofl", clusterName: "nofl-fargate", flowLogs: { enabled: false } },
      { ...devInput, name: "rej", clusterName: "rej-fargate", flowLogs: { trafficType: "REJECT" } },
    ],
    TEST_TODAY,
  ).environments,
);
const account = "${data.aws_caller_identity.current.account_id}";
const partition = "${data.aws_partition.current.partition}";

describe("network stack", () => {
  it("creates a VPC with DNS support and hostnames", () => {
    expect(dev.resource.aws_vpc.vpc).toMatchObject({
      cidr_block: "10.10.0.0/16",
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: { Name: "dev-fargate" },
    });
  });

  it("puts a private /20 and a public /24 in each zone, with literal CIDRs and ELB role tags", () => {
    const subnets = dev.resource.aws_subnet;
    expect(Object.keys(subnets).sort()).toEqual([
      "private_a",
      "private_b",
      "private_c",
      "public_a",
      "public_b",
      "public_c",
    ]);
    expect(subnets.private_b).toMatchObject({
      availability_zone: "ap-northeast-2b",
      cidr_block: "10.10.16.0/20",
      map_public_ip_on_launch: false,
      tags: { "kubernetes.io/role/internal-elb": "1", Name: "dev-fargate-private-ap-northeast-2b" },
    });
    expect(subnets.public_c).toMatchObject({
      availability_zone: "ap-northeast-2c",
      cidr_block: "10.10.50.0/24",
      map_public_ip_on_launch: false,
      tags: { "kubernetes.io/role/elb": "1" },
    });
    expect(subnets.private_a.tags).not.toHaveProperty("kubernetes.io/role/elb");
  });

  it("routes public subnets to the internet gateway and private subnets to one NAT gateway (single)", () => {
    const r = dev.resource;
    expect(Object.keys(r.aws_nat_gateway)).toEqual(["nat_a"]);
    expect(r.aws_nat_gateway.nat_a).toMatchObject({
      allocation_id: "${aws_eip.nat_a.allocation_id}",
      subnet_id: "${aws_subnet.public_a.id}",
    });
    expect(r.aws_route.public_internet).toMatchObject({
      destination_cidr_block: "0.0.0.0/0",
      gateway_id: "${aws_internet_gateway.internet_gateway.id}",
      route_table_id: "${aws_route_table.public.id}",
    });
    expect(r.aws_route.private_nat).toMatchObject({ nat_gateway_id: "${aws_nat_gateway.nat_a.id}" });
    for (const zone of ["a", "b", "c"]) {
      expect(r.aws_route_table_association[`private_${zone}`].route_table_id).toBe("${aws_route_table.private.id}");
      expect(r.aws_route_table_association[`public_${zone}`].route_table_id).toBe("${aws_route_table.public.id}");
    }
  });

  it("gives each zone its own NAT gateway and private route table (one-per-az)", () => {
    const r = prod.resource;
    expect(Object.keys(r.aws_nat_gateway)).toEqual(["nat_a", "nat_b", "nat_c"]);
    expect(r.aws_nat_gateway.nat_c.subnet_id).toBe("${aws_subnet.public_c.id}");
    expect(r.aws_route.private_nat_b.nat_gateway_id).toBe("${aws_nat_gateway.nat_b.id}");
    expect(r.aws_route_table_association.private_b.route_table_id).toBe("${aws_route_table.private_b.id}");
  });

  it("empties the default security group and manages the default NACL and route table", () => {
    expect(dev.resource.aws_default_security_group.default).toMatchObject({ ingress: [], egress: [] });
    expect(dev.resource.aws_default_network_acl.default.lifecycle).toEqual({ ignore_changes: ["subnet_ids"] });
    expect(dev.resource.aws_default_route_table.default.default_route_table_id).toBe(
      "${aws_vpc.vpc.default_route_table_id}",
    );
  });

  it("tags everything with the environment's tags through provider default tags", () => {
    expect(dev.provider.aws[0]).toEqual({
      region: "ap-northeast-2",
      default_tags: [
        { tags: { Environment: "dev", Project: "eks-fargate-platform", ManagedBy: "cdktf", Stack: "dev-network" } },
      ],
    });
  });

  it("creates the environment's logs key: rotated, usable by CloudWatch Logs only for this account's log groups", () => {
    const key = dev.resource.aws_kms_key.logs;
    expect(key).toMatchObject({
      enable_key_rotation: true,
      description: "dev-fargate CloudWatch log groups encryption",
    });
    expect(JSON.parse(key.policy).Statement).toEqual([
      expect.objectContaining({ Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: "kms:*" }),
      expect.objectContaining({
        Principal: { Service: "logs.ap-northeast-2.amazonaws.com" },
        Condition: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:ap-northeast-2:${account}:log-group:*`,
          },
        },
      }),
    ]);
    expect(dev.resource.aws_kms_alias.logs).toEqual(
      expect.objectContaining({ name: "alias/dev-fargate/logs", target_key_id: "${aws_kms_key.logs.key_id}" }),
    );
    expect(dev.output.logs_kms_key_arn.value).toBe("${aws_kms_key.logs.arn}");
  });

  it("logs the VPC's accepted and rejected traffic to a log group encrypted with that key, kept cluster.logRetentionDays", () => {
    expect(dev.resource.aws_flow_log.vpc).toMatchObject({
      vpc_id: "${aws_vpc.vpc.id}",
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: "${aws_cloudwatch_log_group.flow_logs.arn}",
      iam_role_arn: "${aws_iam_role.flow_logs.arn}",
      depends_on: ["aws_iam_role_policy.flow_logs"],
    });
    // The group references the key, so it is created after the key and the policy the key carries.
    expect(dev.resource.aws_cloudwatch_log_group.flow_logs).toMatchObject({
      name: "/aws/vpc/dev-fargate/flow-logs",
      retention_in_days: 90,
      kms_key_id: "${aws_kms_key.logs.arn}",
    });
    expect(prod.resource.aws_cloudwatch_log_group.flow_logs.retention_in_days).toBe(365);
  });

  it("publishes flow logs through a role only this account's flow logs may assume, writing only to their group", () => {
    const role = dev.resource.aws_iam_role.flow_logs;
    expect(role.name).toBe("dev-fargate-vpc-flow-logs");
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": account },
          ArnLike: { "aws:SourceArn": `arn:${partition}:ec2:ap-northeast-2:${account}:vpc-flow-log/*` },
        },
      },
    ]);
    const policy = dev.resource.aws_iam_role_policy.flow_logs;
    expect(policy.role).toBe("${aws_iam_role.flow_logs.id}");
    expect(JSON.parse(policy.policy).Statement[0]).toMatchObject({
      Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      Resource: ["${aws_cloudwatch_log_group.flow_logs.arn}", "${aws_cloudwatch_log_group.flow_logs.arn}:*"],
    });
  });

  it("narrows flow logs to the traffic type set, and removes them (not the key) when turned off", () => {
    expect(variants.stack("rej-network").resource.aws_flow_log.vpc.traffic_type).toBe("REJECT");
    const off = variants.stack("nofl-network").resource;
    expect(off.aws_flow_log).toBeUndefined();
    expect(off.aws_cloudwatch_log_group).toBeUndefined();
    expect(off.aws_iam_role).toBeUndefined();
    expect(off.aws_kms_key.logs).toBeDefined();
  });

  it("declares exactly the contract's named outputs", () => {
    expect(Object.keys(dev.output).sort()).toEqual(outputNames("network").sort());
    expect(dev.output.private_subnet_ids.value).toEqual([
      "${aws_subnet.private_a.id}",
      "${aws_subnet.private_b.id}",
      "${aws_subnet.private_c.id}",
    ]);
    expect(dev.output.azs.value).toEqual(["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"]);
    expect(prod.output.nat_public_ips.value).toHaveLength(3);
    expect(Object.values(dev.output).some((o) => (o as { sensitive?: boolean }).sensitive)).toBe(false);
  });

  it("keeps dev's state locally and prod's in S3 with native locking, one key per stack", () => {
    expect(dev.terraform.backend).toEqual({ local: { path: "../../../state/dev/network.tfstate" } });
    expect(prod.terraform.backend).toEqual({
      s3: {
        bucket: "example-platform-terraform-state",
        key: "eks-fargate/prod/network.tfstate",
        region: "ap-northeast-2",
        encrypt: true,
        use_lockfile: true,
        assume_role: { role_arn: "arn:aws:iam::111122223333:role/terraform-state" },
      },
    });
  });
});
