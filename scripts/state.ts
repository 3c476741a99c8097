// npm run state -- <stack>: one stack's Terraform state addresses (`terraform state list`) and outputs
// (`terraform output`), run where cdktf runs Terraform: cdktf.out/stacks/<stack> (or under $CDKTF_OUTDIR).
// Run `npm run synth` first. A directory cdktf has not initialized yet gets `terraform init` once,
// which needs the backend's credentials for S3 state, as any cdktf command would. A stack not deployed
// yet is said to be so, with the commands that deploy it. No colours unless printing to a terminal.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COMPONENTS } from "../stacks/contract";
import { runCli } from "./run-cli";

/** The directory Terraform runs in for a stack, from cdktf's manifest; fails with the known stack ids. */
export function stackDirectory(outdir: string, stack: string): string {
  const manifest = join(outdir, "manifest.json");
  if (!existsSync(manifest)) throw new Error(`${manifest} not found: run \`npm run synth\` first.`);
  const stacks: Record<string, { workingDirectory: string }> = JSON.parse(readFileSync(manifest, "utf8")).stacks;
  if (!stacks[stack]) {
    throw new Error(`No stack "${stack}" in ${manifest}. Stacks: ${Object.keys(stacks).sort().join(", ")}`);
  }
  return join(outdir, stacks[stack].workingDirectory);
}

/** What a Terraform command printed and how it ended. */
interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

function terraform(dir: string, args: string[], capture: boolean): Result {
  const result = spawnSync("terraform", args, {
    cwd: dir,
    stdio: capture ? "pipe" : "inherit",
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  if (result.error) throw new Error(`terraform could not run (${result.error.message}): install Terraform 1.10+.`);
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/**
 * Whether `terraform state list` found no deployed state: a local backend without its state file
 * ("No state file was found!"), or a backend whose state holds no resources.
 */
export function isNotDeployed(list: Result): boolean {
  if (list.status !== 0) return /No state file was found/.test(list.stderr + list.stdout);
  return list.stdout.trim() === "";
}

/** What to tell the user about a stack that is not deployed yet, with the commands that deploy it. */
export function notDeployedMessage(stack: string): string {
  const component = COMPONENTS.find((c) => stack.endsWith(`-${c}`));
  const environment = component ? stack.slice(0, -component.length - 1) : stack;
  return [
    `${stack} is not deployed yet: its state holds no resources and no outputs.`,
    `Deploy its environment, every stack in dependency order:  npx cdktf deploy '${environment}-*'`,
    `or only this stack, once the stacks before it are deployed:  npx cdktf deploy ${stack} --ignore-missing-stack-dependencies`,
  ].join("\n");
}

function main(args: string[]): number {
  if (args.length !== 1) {
    console.error("usage: npm run state -- <stack>   e.g. npm run state -- dev-network");
    return 2;
  }
  const [stack] = args;
  const dir = stackDirectory(process.env.CDKTF_OUTDIR ?? "cdktf.out", stack);
  // Terraform colours its output even into a pipe or a file: only a terminal gets colours.
  const flags = process.stdout.isTTY && !process.env.NO_COLOR ? [] : ["-no-color"];
  if (!existsSync(join(dir, ".terraform"))) {
    console.log(`Initializing ${dir} (terraform init)...`);
    const init = terraform(dir, ["init", "-input=false", ...flags], true);
    if (init.status !== 0) {
      process.stderr.write(`${init.stdout}${init.stderr}`);
      return init.status;
    }
  }
  const list = terraform(dir, ["state", "list", ...flags], true);
  if (isNotDeployed(list)) {
    console.log(notDeployedMessage(stack));
    return 0;
  }
  if (list.status !== 0) {
    process.stderr.write(`${list.stdout}${list.stderr}`);
    return list.status;
  }
  console.log(`# ${stack}: state addresses (terraform state list)`);
  process.stdout.write(list.stdout);
  console.log(`\n# ${stack}: outputs (terraform output)`);
  return terraform(dir, ["output", ...flags], false).status;
}

runCli(module, main);
