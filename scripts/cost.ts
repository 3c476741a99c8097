// What each environment costs a month (npm run cost): a table per environment and the total, or with
// --json exactly one JSON object, { "<env>": { monthlyUsd, maxMonthlyUsd?, items: [...] } }, for the
// pull-request workflow; maxMonthlyUsd (and a range in the table) where pods can scale out.
import { ENVIRONMENTS } from "../environments";
import { loadEnvironments } from "../environments/load";
import { PRICES } from "../modules/cost/prices";
import { costJson, costTable } from "../modules/cost/report";
import { estimateCostRange } from "../modules/cost/scale-out";
import { runCli } from "./run-cli";

function main(args: string[]): number {
  const unknown = args.filter((a) => a !== "--json");
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown.join(" ")}; usage: npm run cost [-- --json]`);
    return 2;
  }
  const today = new Date().toISOString().slice(0, 10);
  const estimates = loadEnvironments(ENVIRONMENTS, today).environments.map((env) =>
    estimateCostRange(env, PRICES, today),
  );
  if (args.includes("--json")) {
    console.log(JSON.stringify(costJson(estimates)));
  } else {
    console.log(estimates.map(costTable).join("\n\n"));
  }
  return 0;
}

runCli(module, main);
