import { describe, expect, it } from "vitest";
import { AWS_REGIONS, regionProblem, zoneProblem, zonesOf } from "../../../environments/rules/regions";

describe("regions of the aws partition", () => {
  it("knows the regions of AWS's Availability Zones page, and only those of the aws partition", () => {
    expect(AWS_REGIONS).toHaveLength(34);
    expect(AWS_REGIONS).toEqual(
      expect.arrayContaining(["us-east-1", "ap-northeast-2", "mx-central-1", "ap-southeast-7"]),
    );
    expect(AWS_REGIONS.filter((r) => /^(cn|us-gov|us-iso|eusc)/.test(r))).toEqual([]);
  });

  it("accepts every region of the table", () => {
    for (const region of AWS_REGIONS) expect(regionProblem(region), region).toBeUndefined();
  });

  it("refuses a region of another partition, saying which ones are not supported", () => {
    for (const region of ["cn-north-1", "us-gov-west-1", "us-isob-east-1", "eusc-de-east-1"]) {
      expect(regionProblem(region)).toBe(
        `"${region}" is outside the standard aws partition (China, GovCloud, ISO and European Sovereign Cloud regions are not supported); choose a region such as "ap-northeast-2"`,
      );
    }
  });

  it("refuses a region shaped like one that does not exist, suggesting its area's regions or all of them", () => {
    expect(regionProblem("eu-west-4")).toBe(
      '"eu-west-4" is not a region of the aws partition; use one of eu-west-1, eu-west-2, eu-west-3',
    );
    expect(regionProblem("moon-base-1")).toBe(
      `"moon-base-1" is not a region of the aws partition; use one of ${AWS_REGIONS.join(", ")}`,
    );
  });
});

describe("Availability Zones", () => {
  it("lists a letter per zone, up to the highest AZ ID number where AWS skipped one", () => {
    expect(zonesOf("us-east-1")).toEqual(["a", "b", "c", "d", "e", "f"].map((l) => `us-east-1${l}`));
    expect(zonesOf("ap-northeast-2")).toEqual(["a", "b", "c", "d"].map((l) => `ap-northeast-2${l}`));
    // cac1-az1, az2, az4: ca-central-1d exists.
    expect(zonesOf("ca-central-1")).toContain("ca-central-1d");
    expect(zonesOf("sa-east-1")).toEqual(["sa-east-1a", "sa-east-1b", "sa-east-1c"]);
    expect(zonesOf("nowhere-1")).toEqual([]);
  });

  it("refuses a zone the region does not have, listing those it has", () => {
    expect(zoneProblem("sa-east-1d", "sa-east-1")).toBe(
      '"sa-east-1d" is not an Availability Zone of sa-east-1, which has sa-east-1a, sa-east-1b, sa-east-1c',
    );
    expect(zoneProblem("us-east-1b", "sa-east-1")).toMatch(/^"us-east-1b" is not an Availability Zone of sa-east-1/);
    expect(zoneProblem("sa-east-1c", "sa-east-1")).toBeUndefined();
    // An unknown region is the region's problem, reported once.
    expect(zoneProblem("x-1a", "nowhere-1")).toBeUndefined();
  });
});
