import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INSTANCE_TYPES, PRICED_REGIONS, instanceType } from "../../../modules/compute/instance-types";

const FAMILIES = [
  "t3",
  "t3a",
  "t4g",
  "m5",
  "m6i",
  "m6g",
  "m7i",
  "m7g",
  "c5",
  "c6i",
  "c6g",
  "c7i",
  "c7g",
  "r5",
  "r6i",
  "r6g",
  "r7g",
  "g5",
];

const family = (name: string) => name.split(".")[0];

describe("the vendored EC2 instance table", () => {
  it("holds the sizes node groups are most often built from, in every family the project supports", () => {
    expect([...new Set(INSTANCE_TYPES.map((t) => family(t.name)))].sort()).toEqual([...FAMILIES].sort());
    for (const name of [
      "t3.nano",
      "t3a.micro",
      "t4g.small",
      "m6g.medium",
      "m5.large",
      "m7i.48xlarge",
      "c7i.metal-24xl",
      "r6i.32xlarge",
      "g5.xlarge",
      "g5.48xlarge",
    ]) {
      expect(instanceType(name), name).toBeDefined();
    }
    expect(instanceType("t3.mega")).toBeUndefined();
    expect(instanceType("g5.48xlarge")).toMatchObject({ gpus: 8, vcpu: 192 });
  });

  it("gives every type plausible figures", () => {
    for (const t of INSTANCE_TYPES) {
      expect(t.vcpu, t.name).toBeGreaterThanOrEqual(1);
      expect(t.vcpu, t.name).toBeLessThanOrEqual(192);
      // At least 0.5 GiB (t3.nano) and at most 8 GiB per vCPU (r-families).
      expect(t.memoryMiB / t.vcpu, t.name).toBeGreaterThanOrEqual(256);
      expect(t.memoryMiB / t.vcpu, t.name).toBeLessThanOrEqual(8192);
      expect(t.maxEnis, t.name).toBeGreaterThanOrEqual(2);
      expect(t.maxEnis, t.name).toBeLessThanOrEqual(15);
      expect(t.ipv4PerEni, t.name).toBeGreaterThanOrEqual(2);
      expect(t.ipv4PerEni, t.name).toBeLessThanOrEqual(50);
      if (family(t.name) === "g5") {
        expect(t.gpus, t.name).toBeGreaterThanOrEqual(1);
        expect(t.gpus, t.name).toBeLessThanOrEqual(8);
      } else {
        expect(t.gpus, t.name).toBe(0);
      }
      // Bare metal has no hypervisor; everything else in these families runs on Nitro (none is Xen).
      expect(t.bareMetal, t.name).toBe(t.name.includes(".metal"));
      if (t.hypervisor === "none") expect(t.bareMetal, t.name).toBe(true);
      if (!t.bareMetal) expect(t.hypervisor, t.name).toBe("nitro");
      for (const usd of Object.values(t.onDemandUsdPerHour)) {
        expect(usd, t.name).toBeGreaterThan(0.001);
        expect(usd, t.name).toBeLessThan(30);
      }
      expect(t.onDemandUsdPerHour["us-east-1"], t.name).toBeDefined();
      expect(Object.keys(t.onDemandUsdPerHour).every((r) => (PRICED_REGIONS as readonly string[]).includes(r))).toBe(
        true,
      );
    }
  });

  it("matches the EKS AMI's published max pods with ENIs x (IPv4 per ENI - 1) + 2 for every listed type", () => {
    const listed = INSTANCE_TYPES.filter((t) => t.eniMaxPods !== undefined);
    expect(listed.length).toBeGreaterThan(0);
    const differing = listed
      .filter((t) => t.maxEnis * (t.ipv4PerEni - 1) + 2 !== t.eniMaxPods)
      .map((t) => `${t.name}: ${t.maxEnis} x (${t.ipv4PerEni} - 1) + 2 != ${t.eniMaxPods}`);
    expect(differing).toEqual([]);
  });

  it("marks Graviton families (a 'g' after the generation digit) arm64 and the others x86_64", () => {
    for (const t of INSTANCE_TYPES) {
      const graviton = /^[a-z]+\d+g/.test(family(t.name));
      expect(t.architecture, t.name).toBe(graviton ? "arm64" : "x86_64");
    }
    expect(instanceType("g5.xlarge")?.architecture).toBe("x86_64");
  });

  it("prices Seoul at 1.0-1.4x us-east-1 and at one rate per GiB within a family, so a mistyped digit fails", () => {
    const seoul = INSTANCE_TYPES.filter((t) => t.onDemandUsdPerHour["ap-northeast-2"] !== undefined);
    expect(seoul.length).toBeGreaterThan(0);
    const price = (t: (typeof seoul)[number]) => t.onDemandUsdPerHour["ap-northeast-2"] ?? 0;
    for (const t of seoul) {
      const ratio = price(t) / (t.onDemandUsdPerHour["us-east-1"] ?? 1);
      expect(ratio, t.name).toBeGreaterThanOrEqual(1.0);
      expect(ratio, t.name).toBeLessThanOrEqual(1.4);
    }
    // Within these families AWS prices every size, metal included, in proportion to its memory; list prices
    // carry four decimals, so the smallest sizes drift by about 1%. g5 is priced by its GPUs instead.
    for (const f of new Set(seoul.map((t) => family(t.name)).filter((f) => f !== "g5"))) {
      const perGib = seoul
        .filter((t) => family(t.name) === f)
        .map((t) => ({ name: t.name, usd: price(t) / (t.memoryMiB / 1024) }));
      const median = [...perGib].sort((a, b) => a.usd - b.usd)[Math.floor(perGib.length / 2)].usd;
      for (const { name, usd } of perGib) expect(Math.abs(usd / median - 1), name).toBeLessThan(0.02);
    }
    expect(instanceType("t3.medium")?.onDemandUsdPerHour).toEqual({ "ap-northeast-2": 0.052, "us-east-1": 0.0416 });
  });

  it("knows t3.medium as AWS documents it", () => {
    expect(instanceType("t3.medium")).toMatchObject({
      vcpu: 2,
      memoryMiB: 4096,
      architecture: "x86_64",
      maxEnis: 3,
      ipv4PerEni: 6,
      hypervisor: "nitro",
      bareMetal: false,
      gpus: 0,
      eniMaxPods: 17,
    });
  });

  it("keeps the file sorted by type name and names a source with commit and license for every field", () => {
    const raw = readFileSync(join(__dirname, "../../../vendor/ec2-instances/instances.json"), "utf8");
    const json = JSON.parse(raw) as {
      instanceTypes: Record<string, object>;
      sources: Record<string, { fields: string[]; repository: string; commit: string; license: string }>;
    };
    const names = Object.keys(json.instanceTypes);
    expect(names).toEqual([...names].sort());
    expect(raw).toBe(`${JSON.stringify(json, null, 2)}\n`);
    const sourced = Object.values(json.sources).flatMap((s) => {
      expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
      // The Seoul prices come from a catalog repository with no license file (its data are AWS list prices).
      expect(["Apache-2.0", "none stated"]).toContain(s.license);
      return s.fields.map((f) => f.split(".")[0]);
    });
    for (const field of Object.keys(json.instanceTypes["t3.medium"])) expect(sourced, field).toContain(field);
  });
});
