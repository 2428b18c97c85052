#!/usr/bin/env bash
# Dev helper: bundles a TS/JS entry with esbuild and runs it (Node 20 cannot strip types).
set -e
out=$(mktemp --suffix=.mjs)
"$(dirname "$0")/../node_modules/.bin/esbuild" "$1" --bundle --platform=node --format=esm --conditions=source --loader:.pmm=text --log-level=warning \
  --banner:js="import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" --outfile="$out"
shift
node "$out" "$@"
