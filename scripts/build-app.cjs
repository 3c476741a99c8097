// Builds the app (main.ts and everything it imports) into node_modules/.cache/synth as two files:
// - main.cjs: the project's own code, rebuilt on every run (about 0.06 s);
// - vendor-<hash>.cjs: every package it imports (cdktf, the provider resources, zod, yaml), built once
//   per package-lock.json and set of imported packages (about 0.5 s), then reused.
// Loading one file instead of thousands of provider modules is what keeps synthesis fast.
// No source map (it would cost 0.3 s): to debug with TypeScript stack traces run `node --import tsx main.ts`.
const { build, version: esbuildVersion } = require("esbuild");
const { createHash } = require("node:crypto");
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { isBuiltin } = require("node:module");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const CACHE = join(ROOT, "node_modules", ".cache", "synth");
// The project bundle requires the vendor bundle by this placeholder, replaced once the hash is known.
const VENDOR_PLACEHOLDER = "./__vendor_bundle__";
const COMMON = { bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" };

/** Writes a file whole or not at all, so a concurrent run never loads half of it. */
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

// Every package import becomes a lookup in the vendor bundle's table: the same module objects, one copy.
const vendorImports = {
  name: "vendor-imports",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.namespace === "vendor" || isBuiltin(args.path)) return { path: args.path, external: true };
      return { path: args.path, namespace: "vendor" };
    });
    build.onLoad({ filter: /.*/, namespace: "vendor" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(VENDOR_PLACEHOLDER)})[${JSON.stringify(args.path)}];`,
      loader: "js",
    }));
    build.onResolve({ filter: /^\.\/__vendor_bundle__$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** Builds the vendor bundle holding `packages` unless a build for the same lock file and packages exists. */
async function vendorBundle(packages) {
  const hash = createHash("sha256")
    .update(`${esbuildVersion}\n${readFileSync(join(ROOT, "package-lock.json"))}\n${packages.join("\n")}`)
    .digest("hex")
    .slice(0, 16);
  const name = `vendor-${hash}.cjs`;
  if (existsSync(join(CACHE, name))) return name;
  const table = packages.map((p) => `  ${JSON.stringify(p)}: require(${JSON.stringify(p)}),`).join("\n");
  const { outputFiles } = await build({
    ...COMMON,
    stdin: { contents: `module.exports = {\n${table}\n};\n`, resolveDir: ROOT, sourcefile: "vendor.js" },
    write: false,
    outfile: join(CACHE, name),
  });
  writeAtomically(join(CACHE, name), outputFiles[0].text);
  // Bundles of an earlier lock file or import set are never used again.
  for (const old of readdirSync(CACHE)) {
    if (/^vendor-[0-9a-f]{16}\.cjs$/.test(old) && old !== name) rmSync(join(CACHE, old), { force: true });
  }
  return name;
}

/** Builds the app and returns the path of the file to run. */
async function buildApp() {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, "main.cjs");
  const { outputFiles, metafile } = await build({
    ...COMMON,
    entryPoints: [join(ROOT, "main.ts")],
    outfile,
    write: false,
    metafile: true,
    plugins: [vendorImports],
  });
  const packages = Object.keys(metafile.inputs)
    .filter((input) => input.startsWith("vendor:"))
    .map((input) => input.slice("vendor:".length))
    .sort();
  const vendor = await vendorBundle(packages);
  writeAtomically(
    outfile,
    outputFiles[0].text.split(JSON.stringify(VENDOR_PLACEHOLDER)).join(JSON.stringify(`./${vendor}`)),
  );
  return outfile;
}

module.exports = { buildApp };
