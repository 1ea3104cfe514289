#!/bin/sh
# Prints the bin directory of a Node that package.json's engines accept, to put
# first on PATH:
#
#   export PATH="$(scripts/node.sh):$PATH"
#
# The node already on PATH when it qualifies; else Node $NODE_VERSION from npm's
# node-<os>-<arch> package (the registry carries Node itself; its bin/ holds only
# node, and the npm on PATH runs under it), fetched once into the user's cache,
# where every checkout shares it. .ci/run does this before `npm ci`; `npm install`
# never fetches a runtime. Messages go to stderr: stdout is the directory alone.
set -eu

# A pinned version, so that CI and every developer run the same Node and a
# cached copy serves without asking the registry. Raise it with Node's releases.
NODE_VERSION=24.22.3

root=$(cd "$(dirname "$0")/.." && pwd)

# Whether `node` on PATH satisfies engines.node: alternatives joined by ||, each
# comparators such as ^22.15.0, >=24 or <21 (all that npm's ranges need here).
accepted() {
  node -e '
    const range = require(process.argv[1]).engines.node;
    const version = (text) => [...text.split(".").map(Number), 0, 0].slice(0, 3);
    const have = version(process.versions.node);
    const compare = (a, b) => a.map((n, i) => n - b[i]).find((d) => d !== 0) ?? 0;
    const holds = (comparator) => {
      const match = /^(\^|>=|<=|>|<|=)?(\d+(?:\.\d+){0,2})$/.exec(comparator);
      if (!match) throw new Error(`engines.node: cannot read "${comparator}"`);
      const want = version(match[2]);
      const d = compare(have, want);
      return { "^": d >= 0 && have[0] === want[0], ">=": d >= 0, "<=": d <= 0, ">": d > 0, "<": d < 0 }[match[1]] ?? d === 0;
    };
    process.exit(range.split("||").some((part) => part.trim().split(/\s+/).every(holds)) ? 0 : 1);
  ' "$root/package.json"
}

if command -v node >/dev/null 2>&1 && accepted; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "scripts/node.sh: npm carries no Node package for $(uname -s); install Node $NODE_VERSION" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "scripts/node.sh: npm carries no Node package for $(uname -m); install Node $NODE_VERSION" >&2; exit 1 ;;
esac

cache="${XDG_CACHE_HOME:-$HOME/.cache}/etfql"
dir="$cache/node-v$NODE_VERSION-$os-$arch"
if [ ! -x "$dir/bin/node" ]; then
  echo "scripts/node.sh: fetching node-$os-$arch@$NODE_VERSION into $dir" >&2
  mkdir -p "$cache"
  # Built beside its place and renamed into it: an interrupted fetch leaves no
  # half a Node, and of two fetches at once the first rename wins.
  staging=$(mktemp -d "$cache/.staging.XXXXXX")
  trap 'rm -rf "$staging"' EXIT
  tarball=$(npm pack "node-$os-$arch@$NODE_VERSION" --pack-destination "$staging" --silent)
  tar -xzf "$staging/$tarball" -C "$staging" package/bin/node
  node -e '
    try {
      require("fs").renameSync(process.argv[1], process.argv[2]);
    } catch (error) {
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    }
  ' "$staging/package" "$dir"
fi

# Also what tells at once that this machine cannot run the binary (libc, CPU).
if [ "$("$dir/bin/node" --version)" != "v$NODE_VERSION" ]; then
  echo "scripts/node.sh: $dir/bin/node is not Node $NODE_VERSION" >&2
  exit 1
fi
echo "$dir/bin"
