import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { EnvironmentError, loadEnvironments } from "../../environments/load";
import { prod } from "../../environments/prod";
import { TEST_TODAY } from "../support/synth";

// Whatever an environment file holds, loading it either succeeds or throws an EnvironmentError whose
// message is for the user: never another error, never a stack trace, never an unreadable message.

const circular: Record<string, unknown> = { name: "loop" };
circular.self = circular;

const ODD_VALUES: unknown[] = [
  null,
  undefined,
  "",
  " ",
  "x".repeat(1_000_000),
  "(",
  "[a-z]+$",
  "\u0000\u202e",
  "😀".repeat(300),
  0,
  -1,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  10n,
  true,
  Symbol("s"),
  () => "f",
  [],
  [null],
  Array.from({ length: 1000 }, (_, i) => `ap-northeast-2${String.fromCharCode(97 + (i % 26))}`),
  {},
  { type: "s3" },
  { a: { b: { c: { d: [1, { e: "f" }] } } } },
  circular,
  new Date(0),
  new Map([["k", "v"]]),
  Object.create(null),
];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Every path to a value inside an environment, e.g. ["cluster", "fargateProfiles", 0, "name"]. */
function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const children = Object.entries(value).flatMap(([k, v]) =>
    paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]),
  );
  return [prefix, ...children];
}

/** A copy of `base` with `value` at `path`; a part of the path that an earlier replacement removed becomes an object. */
function replaced(base: unknown, path: PropertyKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = (typeof base === "object" && base !== null ? base : {}) as Record<PropertyKey, unknown>;
  const copy = (Array.isArray(parent) ? [...parent] : { ...parent }) as Record<PropertyKey, unknown>;
  const [head, ...rest] = path;
  copy[head] = replaced(parent[head], rest, value);
  return copy;
}

/** Loads the environments; true when they were rejected, with a user error (anything else fails the test). */
function expectUserError(environments: unknown[]): boolean {
  try {
    loadEnvironments(environments, TEST_TODAY);
    return false;
  } catch (error) {
    expect(error, String((error as Error)?.stack)).toBeInstanceOf(EnvironmentError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid environment /);
    for (const line of message.split("\n")) expect(line.length, line.slice(0, 300)).toBeLessThan(1500);
    return true;
  }
}

describe("loading odd input", () => {
  const bases = [dev, prod];
  const everyPath = bases.map((base) => paths(base));

  it("gives a user error for every odd value at every field of the example environments", () => {
    let tried = 0;
    let rejected = 0;
    bases.forEach((base, b) => {
      for (const path of everyPath[b]) {
        for (const value of ODD_VALUES) {
          tried++;
          if (expectUserError([replaced(base, path, value)])) rejected++;
        }
      }
    });
    // Most odd values are mistakes; the few accepted are optional fields left out (undefined) and the like.
    expect(rejected / tried).toBeGreaterThan(0.9);
  });

  it("gives a user error for random combinations of odd values, and for odd lists of environments", () => {
    const next = random(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    for (let round = 0; round < 500; round++) {
      const b = Math.floor(next() * bases.length);
      let environment: unknown = bases[b];
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++)
        environment = replaced(environment, pick(everyPath[b]), pick(ODD_VALUES));
      expectUserError([environment, pick([dev, prod, environment])]);
    }
    for (const list of [[null], [undefined, undefined], ODD_VALUES, [dev, dev], [dev, { ...prod, name: "dev" }]]) {
      expectUserError(list);
    }
  });

  it("reports many zones on availabilityZones, once per zone, without failing inside the subnet plan", () => {
    const zones = Array.from(
      { length: 40 },
      (_, i) => `ap-northeast-2${String.fromCharCode(97 + (i % 4))}${i >= 4 ? i : ""}`,
    );
    expect(() => loadEnvironments([{ ...dev, availabilityZones: zones }], TEST_TODAY)).toThrow(
      /availabilityZones: lists 40 zones, but the subnet plan fits at most 3/,
    );
  });
});
