// npm run environments -- [--remote-state] [<name>]: the project's environments (ENVIRONMENTS, validated)
// as one JSON list of names, for the workflows' job matrices, so no workflow lists environments itself.
//   --remote-state   only environments whose state is in S3: the ones a pipeline can deploy and check
//                    for drift (a local state lives on the machine that deploys it, not on a runner)
//   <name>           that environment alone; an error when it does not exist or does not qualify
import { ENVIRONMENTS } from "../environments";
import { loadEnvironments } from "../environments/load";
import type { Environment } from "../environments/schema";
import { runCli } from "./run-cli";

/** Names of the environments a workflow acts on, in the order of ENVIRONMENTS. */
export function environmentNames(environments: readonly Environment[], remoteState: boolean, only?: string): string[] {
  const chosen = environments.filter((env) => !remoteState || env.backend.type === "s3");
  if (!only) return chosen.map((env) => env.name);
  const env = environments.find((e) => e.name === only);
  if (!env) {
    throw new Error(`No environment "${only}": the environments are ${environments.map((e) => e.name).join(", ")}.`);
  }
  if (!chosen.includes(env)) {
    throw new Error(
      `Environment "${only}" keeps its state on the machine that deploys it (backend "${env.backend.type}"), ` +
        `so a workflow cannot deploy it or check it for drift; deploy it with \`npx cdktf deploy '${only}-*'\`, ` +
        `or give it an S3 backend.`,
    );
  }
  return [env.name];
}

function main(args: string[]): number {
  const remoteState = args.includes("--remote-state");
  const rest = args.filter((a) => a !== "--remote-state");
  if (rest.length > 1 || rest.some((a) => a.startsWith("-"))) {
    console.error("usage: npm run environments -- [--remote-state] [<name>]");
    return 2;
  }
  const today = new Date().toISOString().slice(0, 10);
  const { environments } = loadEnvironments(ENVIRONMENTS, today);
  console.log(JSON.stringify(environmentNames(environments, remoteState, rest[0] || undefined)));
  return 0;
}

runCli(module, main);
