// npm run synth: what `cdktf synth` does, without starting the cdktf CLI (which takes longer than the
// synthesis itself): builds and runs the app, which writes cdktf.out (or $CDKTF_OUTDIR); then, as cdktf
// does, removes the directories of stacks no longer synthesized and names the stacks it generated.
// __tests__/scripts/synth.test.ts proves the output byte-identical to `cdktf synth`'s.
const { readFileSync, readdirSync, rmSync } = require("node:fs");
const { join } = require("node:path");
const { buildApp } = require("./build-app.cjs");

const outdir = (process.env.CDKTF_OUTDIR ??= "cdktf.out");

buildApp().then((file) => {
  require(file);
  if (process.exitCode) return;
  const stacks = Object.keys(JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks);
  for (const entry of readdirSync(join(outdir, "stacks"), { withFileTypes: true })) {
    if (entry.isDirectory() && !stacks.includes(entry.name)) {
      rmSync(join(outdir, "stacks", entry.name), { recursive: true, force: true });
    }
  }
  console.log(`Generated Terraform code for the stacks: ${stacks.sort().join(", ")}`);
});
