import { describe, expect, it } from "vitest";
import { MAX_TAGS_PER_RESOURCE, PROJECT_TAG_KEYS, tagProblems } from "../../../environments/rules/tags";
import { projectEnvironments, synthesizedProject } from "../../support/synth";

const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Tag${i}`, "x"]));

describe("tags", () => {
  it("accepts what AWS accepts: Unicode letters, digits, spaces, _ . : / = + - @, empty values", () => {
    expect(
      tagProblems({ Environment: "prod", "cost-center": "R&D".replace("&", "+"), 팀: "플랫폼 1", Owner: "" }),
    ).toEqual([]);
    expect(tagProblems({ ["k".repeat(128)]: "v".repeat(256) })).toEqual([]);
  });

  it("refuses keys starting with aws:, in any case", () => {
    expect(tagProblems({ "AWS:team": "x" })).toEqual([
      { key: "AWS:team", message: 'keys starting with "aws:" are reserved for AWS; rename the tag' },
    ]);
  });

  it("refuses keys over 128 characters and values over 256, counting Unicode characters", () => {
    expect(tagProblems({ ["k".repeat(129)]: "x" })[0].message).toBe(
      "the key is 129 characters long, over AWS's 128 for a tag key; shorten it",
    );
    expect(tagProblems({ Team: "é".repeat(257) })[0].message).toBe(
      "the value is 257 characters long, over AWS's 256 for a tag value; shorten it",
    );
    expect(tagProblems({ Team: "é".repeat(256) })).toEqual([]);
  });

  it("refuses characters AWS does not allow, naming them", () => {
    expect(tagProblems({ "team#1": "a,b" })).toEqual([
      {
        key: "team#1",
        message:
          'the key has characters AWS does not allow in tags ("#"); use letters, digits, spaces and _ . : / = + - @',
      },
      {
        key: "team#1",
        message:
          'the value "a,b" has characters AWS does not allow in tags (","); use letters, digits, spaces and _ . : / = + - @',
      },
    ]);
    expect(tagProblems({ "": "x" })[0].message).toBe("a tag key cannot be empty; give the tag a name");
  });

  it("refuses the keys the project sets on every resource itself", () => {
    expect(tagProblems({ ManagedBy: "terraform" })).toEqual([
      {
        key: "ManagedBy",
        message:
          "is set by the project on every resource (ManagedBy, Stack), which would overwrite yours; choose another key",
      },
    ]);
  });

  it("counts the tags the project adds to its most-tagged resource against AWS's 50", () => {
    expect(PROJECT_TAG_KEYS).toEqual(["ManagedBy", "Stack", "Name", "kubernetes.io/role/elb"]);
    expect(tagProblems(tags(MAX_TAGS_PER_RESOURCE - PROJECT_TAG_KEYS.length))).toEqual([]);
    expect(tagProblems(tags(47))).toEqual([
      {
        message:
          "47 tags, and with the 4 the project adds (ManagedBy, Stack, Name, kubernetes.io/role/elb) each subnet would carry 51, " +
          "over AWS's limit of 50 per resource; remove 1",
      },
    ]);
    // A key the project sets anyway (Name) does not count twice.
    expect(tagProblems({ ...tags(45), Name: "x" })).toEqual([]);
  });

  it("derives that count from what the stacks synthesize: no resource carries more project tags", () => {
    const synth = synthesizedProject();
    const counts: number[] = [];
    for (const env of projectEnvironments()) {
      for (const id of synth.stackIds.filter((s) => s.startsWith(`${env.name}-`))) {
        const stack = synth.stack(id);
        const defaults = Object.keys(stack.provider?.aws?.[0]?.default_tags?.[0]?.tags ?? {});
        for (const byName of Object.values(stack.resource ?? {})) {
          for (const resource of Object.values(byName as Record<string, { tags?: Record<string, string> }>)) {
            const keys = new Set([...defaults, ...Object.keys(resource.tags ?? {})]);
            for (const key of Object.keys(env.tags)) keys.delete(key);
            counts.push(keys.size);
          }
        }
      }
    }
    expect(Math.max(...counts)).toBe(PROJECT_TAG_KEYS.length);
  });
});
