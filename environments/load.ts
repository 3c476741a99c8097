import type { z } from "zod";
import { ADDON_NAMES } from "../modules/addons/versions";
import { checkEnvironment } from "./checks";
import { EnvironmentError, invalidEnvironment } from "./error";
import { environmentCollisions } from "./rules/collisions";
import { shown } from "./rules/show";
import { type Environment, environmentSchema } from "./schema";

export { EnvironmentError };

/** The validated environments and the warnings their settings deserve. */
export interface LoadedEnvironments {
  /** Environments in the order given, defaults applied. */
  environments: Environment[];
  /** Notes to print before synthesis; they do not stop it. */
  warnings: string[];
  /** One summary per environment: where its pods run, and what its nodes hold. */
  summaries: string[];
}

// cluster.fargateProfiles[1].selectors[0].labels["app.kubernetes.io/name"]: keys that are not
// identifiers are quoted, so a label key never reads as more path.
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => {
      if (typeof p === "number") return `[${p}]`;
      const key = String(p);
      if (!/^[A-Za-z_$][\w$-]*$/.test(key) || key.length > 60) return `[${shown(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join("");
}

// A key as TypeScript writes it in an object: bare when it is an identifier, else quoted ("vpc-cni").
const objectKey = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

// The shape each structured field takes, shown when a value has the wrong type. Keys are paths with
// list positions written "[]".
const SHAPES: Record<string, string> = {
  "": '{ name: "dev", region: "ap-northeast-2", availabilityZones: [...], vpcCidr: "10.10.0.0/16", ... } (see environments/dev.ts)',
  account: '{ id: "123456789012", roleArn?: "arn:aws:iam::123456789012:role/platform-deploy" }',
  backend: '{ type: "local" } or { type: "s3", bucket, keyPrefix, region, roleArn? }',
  tags: 'a map of tag names to text, e.g. { Team: "platform" }',
  availabilityZones: 'a list of zone names, e.g. ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"]',
  cluster: '{ endpointAccess?: "public-and-private", fargateProfiles?: [...], ... } (every field may be left out)',
  "cluster.publicAccessCidrs": 'a list of public CIDR blocks, e.g. ["1.2.3.0/24"]',
  "cluster.logTypes": 'a list such as ["api", "audit", "authenticator"]',
  "cluster.adminPrincipalArns":
    'a list of IAM role or user ARNs, e.g. ["arn:aws:iam::123456789012:role/platform-admin"]',
  "cluster.fargateProfiles": 'a list of profiles, e.g. [{ name: "apps", selectors: [{ namespace: "app-*" }] }]',
  "cluster.fargateProfiles[]": '{ name: "apps", selectors: [{ namespace: "app-*" }] }',
  "cluster.fargateProfiles[].selectors": 'a list of selectors, e.g. [{ namespace: "app-*" }]',
  "cluster.fargateProfiles[].selectors[]": '{ namespace: "app-*", labels?: { tier: "web" } }',
  "cluster.fargateProfiles[].selectors[].labels":
    'a map of label keys to values, e.g. { "app.kubernetes.io/name": "web" }',
  addons: `{ versions?: { ${ADDON_NAMES.map((name) => `${objectKey(name)}?`).join(", ")} }, fluentBitProcessLogs?: true }`,
  "addons.versions": `{ ${ADDON_NAMES.map((name, i) => `${objectKey(name)}?: ${i === 0 ? '"v1.13.2-eksbuild.4"' : '"..."'}`).join(", ")} }`,
  workloads: '{ enabled: true, gameNamespace?: "app-2048", echoNamespace?: "app-echo" }',
};

// An example value of each top-level field that is not structured, for "is missing" and wrong types.
const EXAMPLES: Record<string, string> = {
  name: '"dev"',
  region: '"ap-northeast-2"',
  vpcCidr: '"10.10.0.0/16"',
  natStrategy: '"single"',
  clusterName: '"dev-fargate"',
  kubernetesVersion: '"1.35"',
};

const PLAIN_TYPES: Record<string, string> = {
  string: "text in quotes",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "an object { ... }",
  record: "a map { key: value }",
};

function expected(path: readonly PropertyKey[], type: string): string {
  const key = path
    .map((p) => (typeof p === "number" ? "[]" : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  const example = EXAMPLES[key] ? `, e.g. ${EXAMPLES[key]}` : "";
  return SHAPES[key] ?? `${PLAIN_TYPES[type] ?? type}${example}`;
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map(
      (key) => `${fieldName([...issue.path, key])}: is not a known field; remove it or correct its spelling`,
    );
  }
  const field = fieldName(issue.path) || "(environment)";
  // A message the schema wrote itself is already plain; zod's own ("Invalid input: expected record") are reworded.
  if (!/^(Invalid |Too (small|big))/.test(issue.message)) return [`${field}: ${issue.message}`];
  switch (issue.code) {
    case "invalid_type": {
      const shape = expected(issue.path, issue.expected);
      return issue.input === undefined
        ? [`${field}: is missing; add it as ${shape} (see "Environment settings" in docs/environments.md)`]
        : [`${field}: must be ${shape}, got ${shown(issue.input)}`];
    }
    case "invalid_value":
      return [
        `${field}: must be ${issue.values
          .map((v) => shown(v))
          .join(", ")
          .replace(/, ([^,]*)$/, " or $1")}`,
      ];
    case "too_small":
      return issue.origin === "array"
        ? [`${field}: must list at least ${issue.minimum}, or be left out to take the default`]
        : [`${field}: is too short or too small (at least ${issue.minimum})`];
    case "too_big":
      return [`${field}: is too long or too big (at most ${issue.maximum})`];
    default:
      return [`${field}: is not valid here (${issue.message})`];
  }
}

function label(raw: unknown, index: number): string {
  const name = typeof raw === "object" && raw !== null ? (raw as { name?: unknown }).name : undefined;
  return typeof name === "string" && name.length <= 60 ? shown(name) : `#${index + 1} (no valid name)`;
}

/**
 * Validates every environment and checks what its stacks would deploy; throws one EnvironmentError
 * naming each bad field and how to fix it. Nothing here needs the App, so bad input writes nothing.
 */
export function loadEnvironments(raw: readonly unknown[], today: string): LoadedEnvironments {
  const schema = environmentSchema(today);
  const problems: string[] = [];
  const environments: Environment[] = [];
  raw.forEach((candidate, index) => {
    const result = schema.safeParse(candidate, { reportInput: true });
    if (result.success) {
      environments.push(result.data);
    } else {
      problems.push(invalidEnvironment(label(candidate, index), result.error.issues.flatMap(describeIssue)));
    }
  });
  const names = environments.map((e) => e.name);
  names.forEach((name, i) => {
    if (names.indexOf(name) === i && names.lastIndexOf(name) !== i) {
      problems.push(
        invalidEnvironment(`"${name}"`, [
          `name: "${name}" is used by two environments, whose stacks would collide; rename one`,
        ]),
      );
    }
  });
  const collisions = environmentCollisions(environments);
  for (const { environment, message } of collisions.errors)
    problems.push(invalidEnvironment(`"${environment}"`, [`clusterName: ${message}`]));
  if (problems.length > 0) throw new EnvironmentError(problems.join("\n"));

  const warnings: string[] = [];
  const summaries: string[] = [];
  for (const env of environments) {
    try {
      const report = checkEnvironment(env, today);
      warnings.push(...report.warnings);
      summaries.push(report.summary);
    } catch (error) {
      if (!(error instanceof EnvironmentError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new EnvironmentError(problems.join("\n"));
  warnings.push(...collisions.warnings.map((c) => c.message));
  return { environments, warnings, summaries };
}
