#!/usr/bin/env bash
# npm run providers -- <env>: installs the Terraform providers of each synthesized stack of an environment
# into its directory (cdktf.out/stacks/<stack>, or under $CDKTF_OUTDIR), from TF_PLUGIN_CACHE_DIR when it
# holds them. Run after `npm run synth`, before cdktf deploy or diff, with TF_PLUGIN_CACHE_DIR set and
# TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE=true, as the workflows do. Why: a stack without a lock
# file is where Terraform (1.4+) downloads a provider again instead of taking it from the cache, and
# where cdktf runs `terraform providers lock`, which downloads it too; this leaves a lock file in each.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1
if [ $# -ne 1 ]; then
  echo "usage: npm run providers -- <env>" >&2
  exit 2
fi
for stack in $(npm run --silent pr-diff -- stacks "$1"); do
  terraform -chdir="${CDKTF_OUTDIR:-cdktf.out}/stacks/$stack" init -backend=false -input=false -no-color > /dev/null
done
