/** A mistake in the environment settings; its message is meant for the user, without a stack trace. */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

/**
 * The message of an EnvironmentError: `Invalid environment "dev":` and one indented line per problem.
 * `environment` is the name as shown, quoted (or "#2 (no valid name)").
 */
export function invalidEnvironment(environment: string, problems: readonly string[]): string {
  return `Invalid environment ${environment}:\n${problems.map((p) => `  - ${p}`).join("\n")}`;
}
