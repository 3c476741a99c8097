// Preloaded into every Node.js process of a benchmarked command (NODE_OPTIONS=--require ...): when a
// process exits, it appends its peak memory (KB) and arguments to the file named by BENCH_USAGE_FILE.
const { appendFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.BENCH_USAGE_FILE;
  if (file) appendFileSync(file, `${process.resourceUsage().maxRSS} ${process.argv.slice(1).join(" ")}\n`);
});
