import { describe, expect, it } from "vitest";
import { isLabelKey, isLabelValue } from "../../../modules/kubernetes/labels";

describe("isLabelKey", () => {
  it("accepts names and prefixed names", () => {
    for (const key of ["app", "k8s-app", "a", "A.b_c-9", "app.kubernetes.io/name", "example.com/tier"]) {
      expect(isLabelKey(key), key).toBe(true);
    }
  });

  it("rejects bad names, bad prefixes and too many slashes", () => {
    for (const key of [
      "",
      "-app",
      "app-",
      "has space",
      "a".repeat(64),
      "/app",
      "Example.com/app",
      "a/b/c",
      "x_y/app",
    ]) {
      expect(isLabelKey(key), key).toBe(false);
    }
  });

  it("allows names of exactly 63 characters and prefixes of 253", () => {
    expect(isLabelKey("a".repeat(63))).toBe(true);
    const prefix = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`;
    expect(prefix).toHaveLength(253);
    expect(isLabelKey(`${prefix}/app`)).toBe(true);
    expect(isLabelKey(`${prefix}d/app`)).toBe(false);
  });
});

describe("isLabelValue", () => {
  it("accepts 1-63 characters of the name syntax", () => {
    expect(isLabelValue("kube-dns")).toBe(true);
    expect(isLabelValue("v1.2_3")).toBe(true);
    expect(isLabelValue("x".repeat(63))).toBe(true);
  });

  it("rejects empty, too long and badly formed values", () => {
    for (const value of ["", "x".repeat(64), "-a", "a b", "a/b"]) expect(isLabelValue(value), value).toBe(false);
  });
});
