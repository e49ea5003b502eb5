#!/usr/bin/env bash
# A long fuzz run in chunks of separate processes (each chunk its own seed), so that no process
# lives long enough for anything it keeps to matter:
#   scripts/fuzz/long.sh [CHUNKS] [PER_CHUNK] [PARALLEL] [FIRST_SEED]
# Needs `npm run build:cli` and `npm run fixtures` first. Output: fuzz-failures/ and one log per chunk.
set -euo pipefail
cd "$(dirname "$0")/../.."
chunks=${1:-20}
per=${2:-500}
parallel=${3:-2}
first=${4:-100}
mkdir -p fuzz-failures
seq "$first" $((first + chunks - 1)) | xargs -P "$parallel" -I{} sh -c \
  "nice -n 10 node node_modules/tsx/dist/cli.mjs scripts/fuzz/main.ts --seed {} --count $per > fuzz-failures/seed{}.log 2>&1 || echo 'seed {} failed (see fuzz-failures/seed{}.log)'"
for s in $(seq "$first" $((first + chunks - 1))); do grep -h "mutated inputs" "fuzz-failures/seed$s.log" || true; done
