import { describe, expect, it } from "vitest";
import { cidrSubnet, cidrsOverlap, formatCidr, parseCidr } from "../../../modules/network/cidr";
import { MAX_ZONES, planSubnets, subnetPlanProblem, subnetTags } from "../../../modules/network/subnet-plan";

describe("cidrSubnet", () => {
  it("matches Terraform's cidrsubnet()", () => {
    const vpc = parseCidr("10.10.0.0/16")!;
    expect(formatCidr(cidrSubnet(vpc, 4, 2))).toBe("10.10.32.0/20");
    expect(formatCidr(cidrSubnet(vpc, 8, 50))).toBe("10.10.50.0/24");
    expect(formatCidr(cidrSubnet(parseCidr("172.16.0.0/12")!, 4, 15))).toBe("172.31.0.0/16");
  });

  it("rejects a netnum that does not fit", () => {
    expect(() => cidrSubnet(parseCidr("10.0.0.0/16")!, 2, 4)).toThrow("netnum 4 does not fit in 2 bits");
  });
});

describe("planSubnets", () => {
  it("lays out the blueprint's subnets for the seed VPC", () => {
    expect(planSubnets("10.10.0.0/16", ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"])).toEqual([
      {
        availabilityZone: "ap-northeast-2a",
        suffix: "a",
        privateCidr: "10.10.0.0/20",
        publicCidr: "10.10.48.0/24",
        prefixReservationCidr: "10.10.8.0/21",
      },
      {
        availabilityZone: "ap-northeast-2b",
        suffix: "b",
        privateCidr: "10.10.16.0/20",
        publicCidr: "10.10.49.0/24",
        prefixReservationCidr: "10.10.24.0/21",
      },
      {
        availabilityZone: "ap-northeast-2c",
        suffix: "c",
        privateCidr: "10.10.32.0/20",
        publicCidr: "10.10.50.0/24",
        prefixReservationCidr: "10.10.40.0/21",
      },
    ]);
  });

  it("keeps each private subnet's upper half for prefixes: inside it, aligned to /28, 128 prefixes at /16", () => {
    for (const zone of planSubnets("10.20.0.0/16", ["a-1a", "a-1b", "a-1c"])) {
      const subnet = parseCidr(zone.privateCidr)!;
      const reserved = parseCidr(zone.prefixReservationCidr)!;
      expect(cidrsOverlap(subnet, reserved)).toBe(true);
      expect(reserved.prefix).toBe(subnet.prefix + 1);
      expect(reserved.address % 16).toBe(0);
      expect(2 ** (32 - reserved.prefix) / 16).toBe(128);
    }
  });

  it("scales with a smaller VPC", () => {
    expect(planSubnets("10.0.0.0/20", ["x-1a", "x-1b"]).map((z) => [z.privateCidr, z.publicCidr])).toEqual([
      ["10.0.0.0/24", "10.0.3.0/28"],
      ["10.0.1.0/24", "10.0.3.16/28"],
    ]);
  });

  it("explains why a plan does not fit", () => {
    expect(subnetPlanProblem("10.0.0.0/21", 3)).toMatch(/public subnets would be \/29/);
    expect(subnetPlanProblem("10.0.0.0/8", 3)).toBe("a VPC block must be between /16 and /28 (AWS limit), got /8");
    expect(subnetPlanProblem("10.0.0.0/16", 4)).toMatch(/at most 3 availability zones/);
    expect(subnetPlanProblem("10.0.0.0/16", 3)).toBeUndefined();
    expect(() => planSubnets("10.0.0.0/16", ["a", "b", "c", "d"])).toThrow(/at most 3/);
  });
});

describe("MAX_ZONES", () => {
  it("is the last zone whose private block stays clear of the public blocks", () => {
    const vpc = parseCidr("10.0.0.0/16")!;
    const firstPublic = cidrSubnet(vpc, 8, 48);
    expect(MAX_ZONES).toBe(3);
    expect(cidrsOverlap(cidrSubnet(vpc, 4, MAX_ZONES - 1), firstPublic)).toBe(false);
    expect(cidrsOverlap(cidrSubnet(vpc, 4, MAX_ZONES), firstPublic)).toBe(true);
  });

  it("is checked before any block is computed, however many zones", () => {
    expect(subnetPlanProblem("10.0.0.0/16", 1000)).toBe(
      "the subnet plan fits at most 3 availability zones: a 4th private subnet would overlap the public subnets",
    );
  });
});

describe("subnetTags", () => {
  it("names the subnet and tags its role for the Load Balancer Controller", () => {
    expect(subnetTags("dev-fargate", "public", "ap-northeast-2a")).toEqual({
      Name: "dev-fargate-public-ap-northeast-2a",
      "kubernetes.io/role/elb": "1",
    });
    expect(subnetTags("dev-fargate", "private", "ap-northeast-2b")).toEqual({
      Name: "dev-fargate-private-ap-northeast-2b",
      "kubernetes.io/role/internal-elb": "1",
    });
  });
});
