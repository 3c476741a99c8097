import { describe, expect, it } from "vitest";
import { natZones } from "../../../modules/network/nat-zones";

describe("natZones", () => {
  const zones = ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"];

  it("puts the single NAT gateway in the first zone", () => {
    expect(natZones("single", zones)).toEqual(["ap-northeast-2a"]);
  });

  it("puts one NAT gateway in every zone, in zone order, with one-per-az", () => {
    expect(natZones("one-per-az", zones)).toEqual(zones);
    expect(natZones("one-per-az", zones.slice(0, 2))).toEqual(["ap-northeast-2a", "ap-northeast-2b"]);
  });
});
