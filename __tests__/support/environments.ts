import { expect } from "vitest";
import { EnvironmentError, loadEnvironments } from "../../environments/load";
import { TEST_TODAY } from "./synth";

/** The message loadEnvironments rejects these raw environments with; fails the test if they load. */
export function problemsOf(...raw: unknown[]): string {
  try {
    loadEnvironments(raw, TEST_TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return (error as Error).message;
  }
  throw new Error("expected the environments to be rejected");
}
