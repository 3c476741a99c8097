import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Runs the real Terraform CLI offline, with hashicorp/aws installed from a filesystem mirror.
// Missing Terraform or mirror is a failure with instructions, never a silent skip.

const AWS_PROVIDER = "registry.terraform.io/hashicorp/aws/5.100.0";

/** What a Terraform command printed and how it ended. */
export interface TerraformResult {
  /** Exit status. */
  status: number;
  /** Standard output and error, interleaved as Terraform wrote them. */
  output: string;
}

/** The mirror directory from TF_PROVIDER_MIRROR, checked to hold hashicorp/aws 5.100.0. */
export function providerMirror(): string {
  const mirror = process.env.TF_PROVIDER_MIRROR;
  if (!mirror) {
    throw new Error(
      "TF_PROVIDER_MIRROR is not set. Point it at a Terraform filesystem mirror holding " +
        `${AWS_PROVIDER} (run \`export TF_PROVIDER_MIRROR=$(bash scripts/provider-mirror.sh)\`, ` +
        "or run the tests with `npm test`, which does that).",
    );
  }
  if (!holdsAwsProvider(mirror)) {
    throw new Error(
      `TF_PROVIDER_MIRROR=${mirror} does not hold ${AWS_PROVIDER}; install that provider into the mirror ` +
        "(e.g. `terraform providers mirror <dir>` in a synthesized stack's directory).",
    );
  }
  return mirror;
}

/**
 * Whether a filesystem mirror holds hashicorp/aws 5.100.0, unpacked (<version>/<platform>/ directories)
 * or packed (the .zip files `terraform providers mirror` writes, as CI does).
 */
export function holdsAwsProvider(mirror: string): boolean {
  const [host, namespace, type, version] = AWS_PROVIDER.split("/");
  const dir = join(mirror, host, namespace, type);
  if (existsSync(join(dir, version))) return true;
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`terraform-provider-${type}_${version}_`));
}

/** Fails with an install hint unless a Terraform CLI of version 1.10 or later is on PATH. */
export function requireTerraform(): void {
  const result = spawnSync("terraform", ["version", "-json"], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new Error("terraform is not on PATH: install Terraform 1.10 or later (tested with 1.11.4).");
  }
  const version: string = JSON.parse(result.stdout).terraform_version;
  const [major, minor] = version.split(".").map(Number);
  if (major < 1 || (major === 1 && minor < 10)) {
    throw new Error(`terraform ${version} is too old: install Terraform 1.10 or later (S3 native locking).`);
  }
}

/** Writes a CLI config into `dir` that installs hashicorp/aws from the mirror and nothing from the network. */
export function writeCliConfig(dir: string): string {
  const file = join(dir, "offline.tfrc");
  writeFileSync(
    file,
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(providerMirror())}\n` +
      `    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`,
  );
  return file;
}

function pick(env: NodeJS.ProcessEnv, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name]!]] : [])));
}

/** Runs `terraform <args>` in `dir` with the offline CLI config. */
export function terraform(dir: string, cliConfig: string, args: string[]): TerraformResult {
  const result = spawnSync("terraform", [...args, "-no-color"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
      // A provider cache, when the caller has one (CI does), saves unpacking the provider for every workspace.
      ...pick(process.env, ["TF_PLUGIN_CACHE_DIR", "TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE"]),
    },
  });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}
