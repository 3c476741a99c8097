// The app cdktf runs (cdktf.json "app", for deploy, diff, list, ...): builds main.ts with
// scripts/build-app.cjs, then runs it. `npm run synth` runs the same build without the cdktf CLI.
const { buildApp } = require("./build-app.cjs");

buildApp().then((file) => require(file));
