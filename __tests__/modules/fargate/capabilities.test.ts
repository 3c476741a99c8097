import { describe, expect, it } from "vitest";
import { DEFAULT_CAPABILITIES, keepOnlyCapabilities } from "../../../modules/fargate/capabilities";

describe("keepOnlyCapabilities", () => {
  it("drops ALL when nothing is kept", () => {
    expect(keepOnlyCapabilities([])).toEqual({ drop: ["ALL"] });
  });

  it("drops ALL and adds back NET_BIND_SERVICE, the capability Fargate lets pods add", () => {
    expect(keepOnlyCapabilities(["NET_BIND_SERVICE"])).toEqual({ drop: ["ALL"], add: ["NET_BIND_SERVICE"] });
  });

  it("drops every other default capability when one Fargate refuses to add must stay", () => {
    const { add, drop } = keepOnlyCapabilities(["SETUID", "SETGID", "NET_BIND_SERVICE"]);
    expect(add).toBeUndefined();
    expect(drop).toContain("NET_RAW");
    expect(drop).not.toContain("SETUID");
    expect([...drop, "SETUID", "SETGID", "NET_BIND_SERVICE"].sort()).toEqual([...DEFAULT_CAPABILITIES].sort());
  });
});
