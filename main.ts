import { App } from "cdktf";
import { ENVIRONMENTS } from "./environments";
import { EnvironmentError, loadEnvironments } from "./environments/load";
import { estimateCost } from "./modules/cost/estimate";
import { PRICES } from "./modules/cost/prices";
import { costSummaryLine } from "./modules/cost/report";
import { printsSynthesisNotes } from "./scripts/cdktf-command";
import { buildEnvironment } from "./stacks/environment";

// Validate everything before the App exists: the App creates cdktf.out, and bad input must write nothing.
try {
  const today = new Date().toISOString().slice(0, 10);
  const { environments, warnings, summaries } = loadEnvironments(ENVIRONMENTS, today);
  warnings.forEach((w) => console.warn(`Warning: ${w}`));
  // For synth and deploy: `cdktf list`, `output` and `diff` run this app too, and their output comes first.
  if (printsSynthesisNotes()) {
    summaries.forEach((s) => console.log(s));
    environments.forEach((env) => console.log(costSummaryLine(estimateCost(env, PRICES, today))));
  }
  const app = new App();
  environments.forEach((env) => buildEnvironment(app, env));
  app.synth();
} catch (error) {
  if (!(error instanceof EnvironmentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
