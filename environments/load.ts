import type { z } from "zod";
import { type Environment, environmentSchema } from "./schema";

import { checkEnvironment } from "./checks";
import { EnvironmentError } from "./error";

export { EnvironmentError };

/** The validated environments and the warnings their settings deserve. */
export interface LoadedEnvironments {
  /** Environments in the order given, defaults applied. */
  environments: Environment[];
  /** Notes to print before synthesis; they do not stop it. */
  warnings: string[];
  /** One summary per environment that runs workloads: their Fargate placement and size. */
  summaries: string[];
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

  const warnings: string[] = [];
  const summaries: string[] = [];
  for (const env of environments) {
    try {
      const report = checkEnvironment(env, today);
      warnings.push(...report.warnings);
      if (report.summary !== undefined) summaries.push(report.summary);
    } catch (error) {
      if (!(error instanceof EnvironmentError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new EnvironmentError(problems.join("\n"));
  return { environments, warnings, summaries };
}
