import { describe, expect, it } from "vitest";
import { outputNames } from "../../stacks/contract";
import { synthesizedProject } from "../support/synth";

const synth = synthesizedProject();
const dev = synth.stack("dev-network");
const prod = synth.stack("prod-network");

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
      },
    });
  });
});
