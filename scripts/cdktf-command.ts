// Which cdktf command runs the app. The cdktf CLI runs the same app (cdktf.json "app") for every
// command and tells it nothing about which one, so the app reads its ancestors' command lines: cdktf
// starts the app through a shell, so the CLI is its parent or grandparent.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// The cdktf 0.21 commands that run the app (`cdktf --help`); options and their values are skipped.
const COMMANDS = new Set(["apply", "deploy", "destroy", "diff", "list", "output", "outputs", "plan", "synth", "watch"]);

// Commands after which the user reads the synthesis notes: the ones that synthesize to build or deploy.
const NOTES_COMMANDS = new Set(["synth", "deploy", "apply", "watch"]);

/** The cdktf command in a process's arguments (`node .../bin/cdktf list` → "list"), if it runs the cdktf CLI. */
export function cdktfCommandIn(args: readonly string[]): string | undefined {
  const cli = args.findIndex((arg) => /(^|[/\\])cdktf(\.js)?$/.test(arg));
  if (cli < 0) return undefined;
  return args.slice(cli + 1).find((arg) => COMMANDS.has(arg));
}

/** Parent id and arguments of a process: from /proc on Linux, from `ps` elsewhere. */
function processInfo(pid: number): { parent: number; args: string[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    // The command name in parentheses may hold spaces: the parent id is the second field after it.
    return { parent: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]), args };
  } catch {
    try {
      const [parent, ...args] = execFileSync("ps", ["-o", "ppid=,args=", "-p", String(pid)], { encoding: "utf8" })
        .trim()
        .split(/\s+/);
      return { parent: Number(parent), args };
    } catch {
      return undefined;
    }
  }
}

/** The cdktf command that started this process, or undefined when cdktf did not (`npm run synth`, tests). */
export function cdktfCommand(): string | undefined {
  let pid = process.ppid;
  for (let depth = 0; depth < 3 && pid > 1; depth++) {
    const info = processInfo(pid);
    if (!info) return undefined;
    const command = cdktfCommandIn(info.args);
    if (command) return command;
    pid = info.parent;
  }
  return undefined;
}

/**
 * Whether to print what synthesis found (the Fargate summary): for `npm run synth`, `cdktf synth` and
 * `cdktf deploy`, not for `cdktf list`, `output` or `diff`, whose own output it would bury.
 */
export function printsSynthesisNotes(command: string | undefined = cdktfCommand()): boolean {
  return command === undefined || NOTES_COMMANDS.has(command);
}
