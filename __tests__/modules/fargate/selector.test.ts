import { describe, expect, it } from "vitest";
import { namespaceMatches } from "../../../modules/fargate/selector";

describe("namespaceMatches", () => {
  it("matches Fargate's wildcards: * any run of characters, ? one character", () => {
    expect(namespaceMatches("kube-system", "kube-system")).toBe(true);
    expect(namespaceMatches("app-*", "app-2048")).toBe(true);
    expect(namespaceMatches("app-*", "app-")).toBe(true);
    expect(namespaceMatches("demo-?", "demo-1")).toBe(true);
    expect(namespaceMatches("demo-?", "demo-12")).toBe(false);
    expect(namespaceMatches("*-echo", "study-echo")).toBe(true);
    expect(namespaceMatches("a*b*c", "axxbyyc")).toBe(true);
    expect(namespaceMatches("a*b*c", "axxbyy")).toBe(false);
    expect(namespaceMatches("app.*", "appx2048")).toBe(false);
  });

  it("answers at once for patterns a regular expression would backtrack on for hours", () => {
    const start = Date.now();
    expect(namespaceMatches(`${"*?".repeat(31)}x`, "kube-system")).toBe(false);
    expect(namespaceMatches("*".repeat(62) + "x", "kube-system".repeat(1000))).toBe(false);
    expect(namespaceMatches("x".repeat(1_000_000), "kube-system")).toBe(false);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
