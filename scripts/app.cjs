// The app cdktf runs (cdktf.json "app"): bundles main.ts and its imports into one file with esbuild,
// then runs it. Loading one file instead of thousands of provider modules halves synthesis time.
// No source map (it would cost 0.3 s): to debug with TypeScript stack traces run `node --import tsx main.ts`.
const { buildSync } = require("esbuild");
const { join } = require("node:path");

const outfile = join(__dirname, "..", "node_modules", ".cache", "synth", "main.cjs");
buildSync({
  entryPoints: [join(__dirname, "..", "main.ts")],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile,
  logLevel: "warning",
});
require(outfile);
