// npm run state -- <stack>: one stack's Terraform state addresses (`terraform state list`) and outputs
// (`terraform output`), run where cdktf runs Terraform: cdktf.out/stacks/<stack> (or under $CDKTF_OUTDIR).
// Run `npm run synth` first. A directory cdktf has not initialized yet gets `terraform init` once,
// which needs the backend's credentials for S3 state, as any cdktf command would.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
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

function terraform(dir: string, args: string[], quiet = false): number {
  const result = spawnSync("terraform", args, { cwd: dir, stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.error) throw new Error(`terraform could not run (${result.error.message}): install Terraform 1.10+.`);
  if (quiet && result.status !== 0) process.stderr.write(`${result.stdout}${result.stderr}`);
  return result.status ?? 1;
}

function main(args: string[]): number {
  if (args.length !== 1) {
    console.error("usage: npm run state -- <stack>   e.g. npm run state -- dev-network");
    return 2;
  }
  const [stack] = args;
  const dir = stackDirectory(process.env.CDKTF_OUTDIR ?? "cdktf.out", stack);
  if (!existsSync(join(dir, ".terraform"))) {
    console.log(`Initializing ${dir} (terraform init)...`);
    const init = terraform(dir, ["init", "-input=false"], true);
    if (init !== 0) return init;
  }
  console.log(`# ${stack}: state addresses (terraform state list)`);
  const list = terraform(dir, ["state", "list"]);
  if (list !== 0) return list;
  console.log(`\n# ${stack}: outputs (terraform output)`);
  return terraform(dir, ["output"]);
}

runCli(module, main);
