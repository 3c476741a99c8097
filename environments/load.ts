import type { z } from "zod";
import { eksVersion, supportStatus, supportedVersions } from "../modules/cluster/versions";
import { type Environment, environmentSchema } from "./schema";

/** A mistake in the environment settings; its message is meant for the user, without a stack trace. */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

/** The validated environments and the warnings their settings deserve. */
export interface LoadedEnvironments {
  /** Environments in the order given, defaults applied. */
  environments: Environment[];
  /** Notes to print before synthesis; they do not stop it. */
  warnings: string[];
}

// cluster.fargateProfiles[1].selectors[0].labels["app.kubernetes.io/name"]: keys that are not
// identifiers are quoted, so a label key never reads as more path.
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => {
      if (typeof p === "number") return `[${p}]`;
      const key = String(p);
      if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join("");
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map(
      (key) => `${fieldName([...issue.path, key])}: is not a known field; remove it or correct its spelling`,
    );
  }
  const field = fieldName(issue.path) || "(environment)";
  if (issue.code === "invalid_type") {
    return issue.input === undefined
      ? [`${field}: is missing; add it (see "Environment settings" in README.md)`]
      : [
          `${field}: must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}, got ${JSON.stringify(issue.input)}`,
        ];
  }
  return [`${field}: ${issue.message}`];
}

function label(raw: unknown, index: number): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === "string" ? `"${name}"` : `#${index + 1} (no valid name)`;
}

/** Validates every environment; throws one EnvironmentError naming each bad field and how to fix it. */
export function loadEnvironments(raw: readonly unknown[], today: string): LoadedEnvironments {
  const schema = environmentSchema(today);
  const problems: string[] = [];
  const environments: Environment[] = [];
  raw.forEach((candidate, index) => {
    const result = schema.safeParse(candidate, { reportInput: true });
    if (result.success) {
      environments.push(result.data);
    } else {
      const lines = result.error.issues.flatMap(describeIssue);
      problems.push(`Invalid environment ${label(candidate, index)}:\n${lines.map((l) => `  - ${l}`).join("\n")}`);
    }
  });
  const names = environments.map((e) => e.name);
  names.forEach((name, i) => {
    if (names.indexOf(name) === i && names.lastIndexOf(name) !== i) {
      problems.push(
        `Invalid environment "${name}":\n  - name: "${name}" is used by two environments, whose stacks would collide; rename one`,
      );
    }
  });
  if (problems.length > 0) throw new EnvironmentError(problems.join("\n"));

  const warnings = environments.flatMap((env) => {
    if (supportStatus(env.kubernetesVersion, today) !== "extended") return [];
    const end = eksVersion(env.kubernetesVersion)!.endOfExtendedSupport;
    return [
      `Environment "${env.name}": kubernetesVersion "${env.kubernetesVersion}" is in EKS extended support until ${end}, ` +
        `which costs six times the standard control-plane price; upgrade to ${supportedVersions(today)[0]}.`,
    ];
  });
  return { environments, warnings };
}
