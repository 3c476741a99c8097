// Synthesizes every environment several times, as `cdktf synth` does (node scripts/app.cjs), and
// prints the median wall time and peak memory. Usage: npm run bench [-- runs]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[2] ?? 7);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const seconds: number[] = [];
const megabytes: number[] = [];
for (let i = 0; i < runs; i++) {
  const outdir = mkdtempSync(join(tmpdir(), "bench-"));
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", "./scripts/report-usage.cjs", "scripts/app.cjs"], {
    encoding: "utf8",
    env: { ...process.env, CDKTF_OUTDIR: outdir },
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  rmSync(outdir, { recursive: true, force: true });
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr);
  if (result.status !== 0 || !rss) {
    console.error(result.stderr);
    process.exit(1);
  }
  seconds.push(elapsed);
  megabytes.push(Number(rss[1]) / 1024);
  console.log(`run ${i + 1}: ${elapsed.toFixed(2)} s, ${megabytes[i].toFixed(0)} MB`);
}
console.log(
  `synthesis of all environments, median of ${runs} runs: ${median(seconds).toFixed(2)} s wall, ` +
    `${median(megabytes).toFixed(0)} MB peak RSS`,
);
