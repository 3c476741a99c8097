import { App } from "cdktf";
import { ENVIRONMENTS } from "./environments";
import { EnvironmentError, loadEnvironments } from "./environments/load";
import { buildEnvironment } from "./stacks/environment";

// Validate everything before the App exists: the App creates cdktf.out, and bad input must write nothing.
try {
  const { environments, warnings, summaries } = loadEnvironments(ENVIRONMENTS, new Date().toISOString().slice(0, 10));
  warnings.forEach((w) => console.warn(`Warning: ${w}`));
  summaries.forEach((s) => console.log(s));
  const app = new App();
  environments.forEach((env) => buildEnvironment(app, env));
  app.synth();
} catch (error) {
  if (!(error instanceof EnvironmentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
