import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COREDNS_RESOURCES, corednsConfigurationValues } from "../../../modules/addons/coredns-config";
import { fargateSize } from "../../../modules/fargate/size";

// The coredns add-on's configuration schema, as `aws eks describe-addon-configuration` prints it.
const SCHEMA = JSON.parse(
  readFileSync(join(__dirname, "../../../vendor/coredns-addon/configuration-schema-v1.11.1-eksbuild.8.json"), "utf8"),
);

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
}

/** What in `value` the schema rejects: unknown keys (additionalProperties false) and wrong types. */
function schemaProblems(value: unknown, schema: JsonSchema, path = "$"): string[] {
  if (schema.$ref) {
    return schemaProblems(value, SCHEMA.definitions[schema.$ref.replace("#/definitions/", "")], path);
  }
  const types = [schema.type ?? []].flat();
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  const typeOk = types.length === 0 || types.includes(actual) || (actual === "number" && types.includes("integer"));
  if (!typeOk) return [`${path} is ${actual}, schema wants ${types.join(" or ")}`];
  if (actual !== "object") return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const childSchema = schema.properties?.[key];
    if (childSchema) return schemaProblems(child, childSchema, `${path}.${key}`);
    return schema.additionalProperties === false ? [`${path}.${key} is not allowed`] : [];
  });
}

describe("corednsConfigurationValues", () => {
  const config = JSON.parse(corednsConfigurationValues());

  it("runs coredns on Fargate with requests equal to limits, 0.25 vCPU and 256M", () => {
    expect(config).toEqual({
      computeType: "Fargate",
      resources: {
        limits: { cpu: "0.25", memory: "256M" },
        requests: { cpu: "0.25", memory: "256M" },
      },
    });
  });

  it("uses only keys and types the add-on's configuration schema accepts", () => {
    expect(schemaProblems(config, SCHEMA)).toEqual([]);
    // The check itself catches what the add-on would reject.
    expect(schemaProblems({ ...config, replicas: 2 }, SCHEMA)).toEqual(["$.replicas is not allowed"]);
    expect(schemaProblems({ resources: { requests: { cpu: 0.25 } } }, SCHEMA)).toEqual([
      "$.resources.requests.cpu is number, schema wants string",
    ]);
  });

  it("lands each coredns pod on the smallest Fargate size", () => {
    expect(fargateSize({ containers: [COREDNS_RESOURCES] }).label).toBe("0.25 vCPU / 0.5 GB");
  });

  it("accepts the largest resources that still fit the smallest size", () => {
    expect(() => corednsConfigurationValues({ cpu: "250m", memory: "256Mi" })).not.toThrow();
  });

  it("rejects more memory than 0.5 GB holds with the 256 MiB overhead, naming the size it would get", () => {
    expect(() => corednsConfigurationValues({ cpu: "0.25", memory: "257Mi" })).toThrow(
      'coredns with cpu "0.25" and memory "257Mi" would run on Fargate as 0.25 vCPU / 1 GB (its requests ' +
        "plus Fargate's 256 MiB overhead), above the 0.25 vCPU / 0.5 GB it is sized for; keep cpu at most " +
        '"0.25" and memory at most "256Mi".',
    );
  });

  it("rejects more CPU than 0.25 vCPU", () => {
    expect(() => corednsConfigurationValues({ cpu: "0.5", memory: "256M" })).toThrow(
      "would run on Fargate as 0.5 vCPU / 1 GB",
    );
  });
});
