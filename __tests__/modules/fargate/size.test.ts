import { describe, it, expect } from "vitest";
import {
  FARGATE_SIZES,
  fargateSize,
  fargateSizeStepsAbove,
  parseCpu,
  parseMemoryBytes,
  sizeIndex,
} from "../../../modules/fargate/size";

describe("parseCpu", () => {
  it("reads millicores and whole or fractional vCPUs", () => {
    expect(parseCpu("250m")).toBe(0.25);
    expect(parseCpu("0.25")).toBe(0.25);
    expect(parseCpu("1")).toBe(1);
    expect(parseCpu("2")).toBe(2);
    expect(parseCpu("1500m")).toBe(1.5);
  });

  it("rejects anything else with an example of a valid quantity", () => {
    for (const bad of ["", "abc", "-1", "1 m", "250Mi", "1.2.3"]) {
      expect(() => parseCpu(bad)).toThrow(`Cannot parse CPU quantity "${bad}"`);
    }
    expect(() => parseCpu("two")).toThrow('for example "0.25" or "250m"');
  });
});

describe("parseMemoryBytes", () => {
  it("reads decimal and binary suffixes and plain bytes", () => {
    expect(parseMemoryBytes("256M")).toBe(256e6);
    expect(parseMemoryBytes("256Mi")).toBe(256 * 1024 ** 2);
    expect(parseMemoryBytes("1G")).toBe(1e9);
    expect(parseMemoryBytes("1Gi")).toBe(1024 ** 3);
    expect(parseMemoryBytes("512Ki")).toBe(512 * 1024);
    expect(parseMemoryBytes("1000000")).toBe(1e6);
    expect(parseMemoryBytes("1.5Gi")).toBe(1.5 * 1024 ** 3);
  });

  it("rejects unknown suffixes, including the millibyte slip 128m", () => {
    for (const bad of ["", "1GB", "128m", "1K", "-1Gi", "constructor", "1constructor"]) {
      expect(() => parseMemoryBytes(bad)).toThrow(`Cannot parse memory quantity "${bad}"`);
    }
    expect(() => parseMemoryBytes("lots")).toThrow('for example "512Mi"');
  });
});

describe("FARGATE_SIZES", () => {
  it("lists the AWS table, smallest vCPU first and then smallest memory", () => {
    expect(FARGATE_SIZES[0]).toEqual({ vcpu: 0.25, memoryGb: 0.5, label: "0.25 vCPU / 0.5 GB" });
    expect(FARGATE_SIZES.at(-1)).toEqual({ vcpu: 16, memoryGb: 120, label: "16 vCPU / 120 GB" });
    const memoriesOf = (vcpu: number) => FARGATE_SIZES.filter((s) => s.vcpu === vcpu).map((s) => s.memoryGb);
    expect(memoriesOf(0.25)).toEqual([0.5, 1, 2]);
    expect(memoriesOf(0.5)).toEqual([1, 2, 3, 4]);
    expect(memoriesOf(1)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(memoriesOf(2)).toHaveLength(13);
    expect(memoriesOf(4)).toHaveLength(23);
    expect(memoriesOf(8)).toEqual([16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60]);
    expect(memoriesOf(16)).toEqual([32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120]);
  });

  it("sizeIndex finds a size by value and rejects sizes not in the table", () => {
    expect(sizeIndex({ vcpu: 0.25, memoryGb: 0.5 })).toBe(0);
    expect(sizeIndex({ vcpu: 0.5, memoryGb: 1 })).toBe(3);
    expect(() => sizeIndex({ vcpu: 1, memoryGb: 1 })).toThrow("1 vCPU / 1 GB is not a Fargate size");
  });
});

describe("fargateSize", () => {
  it("fits coredns (0.25 vCPU, 256M) in the smallest size", () => {
    const size = fargateSize({ containers: [{ cpu: "0.25", memory: "256M" }] });
    expect(size).toEqual({ vcpu: 0.25, memoryGb: 0.5, label: "0.25 vCPU / 0.5 GB" });
  });

  it("rounds the AWS example 1 vCPU / 8Gi up to 2 vCPU / 9 GB", () => {
    expect(fargateSize({ containers: [{ cpu: "1", memory: "8Gi" }] }).label).toBe("2 vCPU / 9 GB");
  });

  it("sums long-running containers", () => {
    const pod = {
      containers: [
        { cpu: "500m", memory: "1Gi" },
        { cpu: "500m", memory: "1Gi" },
      ],
    };
    expect(fargateSize(pod).label).toBe("1 vCPU / 3 GB");
  });

  it("uses an init container when it is bigger than the sum of the others", () => {
    const pod = {
      containers: [{ cpu: "100m", memory: "128Mi" }],
      initContainers: [
        { cpu: "2", memory: "1Gi" },
        { cpu: "250m", memory: "6Gi" },
      ],
    };
    // CPU comes from the first init container, memory from the second.
    expect(fargateSize(pod).label).toBe("2 vCPU / 7 GB");
  });

  it("ignores init containers smaller than the sum of the others", () => {
    const pod = {
      containers: [{ cpu: "1", memory: "2Gi" }],
      initContainers: [{ cpu: "500m", memory: "512Mi" }],
    };
    expect(fargateSize(pod).label).toBe("1 vCPU / 3 GB");
  });

  it("gives a pod without requests the smallest size", () => {
    expect(fargateSize({ containers: [{}] }).label).toBe("0.25 vCPU / 0.5 GB");
    expect(fargateSize({ containers: [] }).label).toBe("0.25 vCPU / 0.5 GB");
  });

  it("lets the 256 MiB overhead push 0.5 vCPU / 1Gi to 2 GB", () => {
    expect(fargateSize({ containers: [{ cpu: "0.5", memory: "1Gi" }] }).label).toBe("0.5 vCPU / 2 GB");
  });

  it("keeps memory that lands exactly on a boundary in that size", () => {
    // 768 MiB + 256 MiB overhead = exactly 1 GB.
    expect(fargateSize({ containers: [{ memory: "768Mi" }] }).label).toBe("0.25 vCPU / 1 GB");
    expect(fargateSize({ containers: [{ memory: "769Mi" }] }).label).toBe("0.25 vCPU / 2 GB");
    expect(fargateSize({ containers: [{ cpu: "16", memory: "119.75Gi" }] }).label).toBe("16 vCPU / 120 GB");
  });

  it("moves to a bigger vCPU when the smaller one has too little memory", () => {
    expect(fargateSize({ containers: [{ cpu: "250m", memory: "2Gi" }] }).label).toBe("0.5 vCPU / 3 GB");
  });

  it("adds CPU requests in millicores without float drift", () => {
    const pod = { containers: [{ cpu: "100m" }, { cpu: "100m" }, { cpu: "50m" }] };
    expect(fargateSize(pod).label).toBe("0.25 vCPU / 0.5 GB");
  });

  it("throws for a pod bigger than 16 vCPU / 120 GB, naming what it needs", () => {
    expect(() => fargateSize({ containers: [{ cpu: "17", memory: "1Gi" }] })).toThrow(
      "The pod needs 17 vCPU and 1.25 GB of memory (its requests plus Fargate's 256 MiB " +
        "overhead), which cannot run on Fargate: the largest size is 16 vCPU / 120 GB.",
    );
    // 120Gi fits the table by itself, but not with the overhead.
    expect(() => fargateSize({ containers: [{ cpu: "1", memory: "120Gi" }] })).toThrow(
      "The pod needs 1 vCPU and 120.25 GB of memory",
    );
  });

  it("throws for an unparsable quantity, naming it", () => {
    expect(() => fargateSize({ containers: [{ cpu: "1", memory: "1 GB" }] })).toThrow(
      'Cannot parse memory quantity "1 GB"',
    );
    expect(() => fargateSize({ containers: [], initContainers: [{ cpu: "one" }] })).toThrow(
      'Cannot parse CPU quantity "one"',
    );
  });
});

describe("fargateSizeStepsAbove", () => {
  it("is 0 when the overhead does not change the size", () => {
    expect(fargateSizeStepsAbove({ containers: [{ cpu: "0.25", memory: "256M" }] })).toBe(0);
  });

  it("is 1 when the overhead adds one memory step", () => {
    // Raw requests fit 0.5 vCPU / 1 GB; Fargate provisions 0.5 vCPU / 2 GB.
    expect(fargateSizeStepsAbove({ containers: [{ cpu: "0.5", memory: "1Gi" }] })).toBe(1);
  });

  it("counts every table position skipped when the vCPU has to grow", () => {
    // Raw requests fit 1 vCPU / 8 GB; Fargate provisions 2 vCPU / 9 GB.
    const steps = fargateSizeStepsAbove({ containers: [{ cpu: "1", memory: "8Gi" }] });
    expect(steps).toBe(sizeIndex({ vcpu: 2, memoryGb: 9 }) - sizeIndex({ vcpu: 1, memoryGb: 8 }));
    expect(steps).toBe(6);
  });

  it("throws like fargateSize for a pod too large for Fargate", () => {
    expect(() => fargateSizeStepsAbove({ containers: [{ cpu: "32" }] })).toThrow("cannot run on Fargate");
  });
});
