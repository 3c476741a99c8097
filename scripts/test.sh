#!/usr/bin/env bash
# Runs every test: lint and formatting, types, then unit tests and the offline Terraform checks.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1
TF_PROVIDER_MIRROR=$(bash scripts/provider-mirror.sh)
export TF_PROVIDER_MIRROR
# Lint and types side by side (each is mostly one core); either failing fails the run.
npm run --silent lint &
lint=$!
npm run --silent typecheck &
types=$!
wait "$lint"
wait "$types"
npx vitest run
