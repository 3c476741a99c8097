import { describe, expect, it } from "vitest";
import { NON_PUBLIC_RANGES, publicCidrProblem } from "../../../environments/rules/public-cidrs";

describe("public endpoint CIDR blocks", () => {
  it("accepts public blocks, and wider blocks that merely contain a reserved range", () => {
    for (const block of ["1.2.3.0/24", "52.95.110.1/32", "0.0.0.0/0", "192.0.0.0/8", "100.0.0.0/10"]) {
      expect(publicCidrProblem(block), block).toBeUndefined();
    }
  });

  it("refuses a block inside any private or reserved range, naming the range", () => {
    for (const { cidr, name } of NON_PUBLIC_RANGES) {
      expect(publicCidrProblem(cidr), cidr).toContain(`is inside ${cidr}, ${name}`);
    }
    expect(publicCidrProblem("192.168.10.0/24")).toBe(
      '"192.168.10.0/24" is inside 192.168.0.0/16, a private range (RFC 1918): no request to the public endpoint comes ' +
        "from there; list the public addresses your users and CI reach AWS from, or reach the API through the private endpoint instead",
    );
    expect(publicCidrProblem("100.64.1.1/32")).toMatch(/inside 100\.64\.0\.0\/10, carrier-grade NAT space/);
    expect(publicCidrProblem("203.0.113.0/24")).toMatch(/a documentation range \(RFC 5737\)/);
  });

  it("leaves text that is not a CIDR block to the CIDR check", () => {
    expect(publicCidrProblem("not-a-cidr")).toBeUndefined();
  });
});
