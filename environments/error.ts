/** A mistake in the environment settings; its message is meant for the user, without a stack trace. */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}
