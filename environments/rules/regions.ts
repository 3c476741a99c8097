import { shown } from "./show";
import type { EnvironmentFields, Problem } from "../schema";

// The regions of the standard `aws` partition and their Availability Zones, so a misspelt region or a
// zone the region does not have is an error at synthesis instead of a failed subnet minutes into a deploy.
//
// Source: "AWS Availability Zones", AWS Regions and Availability Zones guide,
// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html
// (the copy read in 2026, which lists ap-southeast-7 and mx-central-1). Each region's AZ IDs are copied
// as the page lists them, constrained zones included; ca-central-1 has no cac1-az3.
//
// Zone names are the region plus a letter. In the oldest regions AWS maps letters to AZ IDs per account,
// so an account sees the letters a.. up to the number of zones; elsewhere the letter follows the AZ ID's
// number (use2-az1 is us-east-2a, cac1-az4 is ca-central-1d). Accepting a.. up to the larger of the two
// never refuses a zone that exists; at worst it lets ca-central-1c through, which the deploy would refuse.
// Add a region here when AWS opens one.
const AWS_AVAILABILITY_ZONE_IDS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"],
  "us-east-2": ["use2-az1", "use2-az2", "use2-az3"],
  "us-west-1": ["usw1-az1", "usw1-az2", "usw1-az3"],
  "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"],
  "ca-central-1": ["cac1-az1", "cac1-az2", "cac1-az4"],
  "ca-west-1": ["caw1-az1", "caw1-az2", "caw1-az3"],
  "mx-central-1": ["mxc1-az1", "mxc1-az2", "mxc1-az3"],
  "af-south-1": ["afs1-az1", "afs1-az2", "afs1-az3"],
  "ap-east-1": ["ape1-az1", "ape1-az2", "ape1-az3"],
  "ap-east-2": ["ape2-az1", "ape2-az2", "ape2-az3"],
  "ap-northeast-1": ["apne1-az1", "apne1-az2", "apne1-az3", "apne1-az4"],
  "ap-northeast-2": ["apne2-az1", "apne2-az2", "apne2-az3", "apne2-az4"],
  "ap-northeast-3": ["apne3-az1", "apne3-az2", "apne3-az3"],
  "ap-south-1": ["aps1-az1", "aps1-az2", "aps1-az3"],
  "ap-south-2": ["aps2-az1", "aps2-az2", "aps2-az3"],
  "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
  "ap-southeast-2": ["apse2-az1", "apse2-az2", "apse2-az3"],
  "ap-southeast-3": ["apse3-az1", "apse3-az2", "apse3-az3"],
  "ap-southeast-4": ["apse4-az1", "apse4-az2", "apse4-az3"],
  "ap-southeast-5": ["apse5-az1", "apse5-az2", "apse5-az3"],
  "ap-southeast-6": ["apse6-az1", "apse6-az2", "apse6-az3"],
  "ap-southeast-7": ["apse7-az1", "apse7-az2", "apse7-az3"],
  "eu-central-1": ["euc1-az1", "euc1-az2", "euc1-az3"],
  "eu-central-2": ["euc2-az1", "euc2-az2", "euc2-az3"],
  "eu-north-1": ["eun1-az1", "eun1-az2", "eun1-az3"],
  "eu-south-1": ["eus1-az1", "eus1-az2", "eus1-az3"],
  "eu-south-2": ["eus2-az1", "eus2-az2", "eus2-az3"],
  "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
  "eu-west-2": ["euw2-az1", "euw2-az2", "euw2-az3", "euw2-az4"],
  "eu-west-3": ["euw3-az1", "euw3-az2", "euw3-az3"],
  "il-central-1": ["ilc1-az1", "ilc1-az2", "ilc1-az3"],
  "me-central-1": ["mec1-az1", "mec1-az2", "mec1-az3"],
  "me-south-1": ["mes1-az1", "mes1-az2", "mes1-az3"],
  "sa-east-1": ["sae1-az1", "sae1-az2", "sae1-az3"],
};

/** Every region of the standard `aws` partition, in the order of the source page. */
export const AWS_REGIONS: readonly string[] = Object.keys(AWS_AVAILABILITY_ZONE_IDS);

// China, GovCloud, the ISO partitions and the European Sovereign Cloud have their own partitions: the
// vendored controller policy and the ARNs built here are for `aws`, and GovCloud has no EKS on Fargate logging.
const OTHER_PARTITION = /^(cn|us-gov|us-iso[a-z]?|eu-isoe|eusc)-/;

/** The zone names a region can have, e.g. ["ap-northeast-2a", ..., "ap-northeast-2d"]; [] for an unknown region. */
export function zonesOf(region: string): string[] {
  const ids = AWS_AVAILABILITY_ZONE_IDS[region];
  if (!ids) return [];
  const highest = Math.max(ids.length, ...ids.map((id) => Number(id.slice(id.lastIndexOf("az") + 2))));
  return Array.from({ length: highest }, (_, i) => `${region}${String.fromCharCode(97 + i)}`);
}

/** Why `region` is not a region of the `aws` partition, or undefined when it is. */
export function regionProblem(region: string): string | undefined {
  if (region in AWS_AVAILABILITY_ZONE_IDS) return undefined;
  if (OTHER_PARTITION.test(region)) {
    return `${shown(region)} is outside the standard aws partition (China, GovCloud, ISO and European Sovereign Cloud regions are not supported); choose a region such as "ap-northeast-2"`;
  }
  // Suggest the regions of the same area ("ap-northeast-4" → ap-northeast-1, -2, -3), else all of them.
  const area = region.replace(/-\d+$/, "");
  const near = AWS_REGIONS.filter((r) => r.replace(/-\d+$/, "") === area);
  return `${shown(region)} is not a region of the aws partition; use one of ${(near.length > 0 ? near : AWS_REGIONS).join(", ")}`;
}

/** Why `zone` is not an Availability Zone of `region`, or undefined when it is (or the region is unknown). */
export function zoneProblem(zone: string, region: string): string | undefined {
  const zones = zonesOf(region);
  if (zones.length === 0 || zones.includes(zone)) return undefined;
  return `${shown(zone)} is not an Availability Zone of ${region}, which has ${zones.join(", ")}`;
}

/** Each availability zone exists in the environment's region. */
export function zoneRules(env: EnvironmentFields, problem: Problem): void {
  env.availabilityZones.forEach((az, i) => {
    const zone = zoneProblem(az, env.region);
    if (zone) problem(["availabilityZones", i], zone);
  });
}
