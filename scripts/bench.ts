// npm run bench [-- runs]: runs `npm run synth` as the user does, several times, and prints each run's
// wall time and the median, and peak memory: the largest resident set of any Node.js process the
// command started (npm, the synthesis), as `/usr/bin/time` reports for a command.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "./run-cli";

/** The middle value (the upper one of an even count). */
export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** One timed run of a command. */
export interface Run {
  /** Wall time, in seconds. */
  seconds: number;
  /** Largest peak resident set of the command's Node.js processes, in MB. */
  peakMb: number;
}

/** Runs `command` once in `cwd` with every Node.js process reporting its peak memory. */
export function timeCommand(command: string[], cwd: string): Run {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const usageFile = join(dir, "usage");
    const preload = `--require ${JSON.stringify(resolve(__dirname, "report-usage.cjs"))}`;
    const start = process.hrtime.bigint();
    const result = spawnSync(command[0], command.slice(1), {
      cwd,
      encoding: "utf8",
      env: {
        ...process.env,
        BENCH_USAGE_FILE: usageFile,
        NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" "),
      },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) throw new Error(`${command.join(" ")} failed:\n${result.stdout}${result.stderr}`);
    const kilobytes = readFileSync(usageFile, "utf8")
      .trim()
      .split("\n")
      .map((line) => Number(line.split(" ")[0]));
    return { seconds, peakMb: Math.max(...kilobytes) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(args: string[]): number {
  const runs = Number(args[0] ?? 7);
  const command = ["npm", "run", "--silent", "synth"];
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const run = timeCommand(command, resolve(__dirname, ".."));
    results.push(run);
    console.log(`run ${i + 1}: ${run.seconds.toFixed(2)} s, ${run.peakMb.toFixed(0)} MB`);
  }
  console.log(
    `npm run synth, median of ${runs} runs: ${median(results.map((r) => r.seconds)).toFixed(2)} s wall, ` +
      `peak memory ${Math.max(...results.map((r) => r.peakMb)).toFixed(0)} MB`,
  );
  return 0;
}

runCli(module, main);
